#include "sync/square/CredentialStore.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using namespace lt;

// Runs against the real Secret Service (gnome-keyring on a private session bus, as tools/dev test sets up).
class TestCredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void keysAreNamespaced();
    void emptyTokenIsRefused();

private:
    CredentialStore m_store {QStringLiteral("LoyaltyTill-test")};
};

void TestCredentialStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
}

void TestCredentialStore::roundTrip()
{
    const QString token = QStringLiteral("EAAAl-keychain-round-trip");
    LT_VERIFY_OK(m_store.writeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"), token));
    auto read = m_store.readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"));
    LT_VERIFY_OK(read);
    QCOMPARE(*read, token);
    LT_VERIFY_OK(m_store.removeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1")));
    LT_VERIFY_ERROR(m_store.readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1")), ErrorKind::NotFound);
    LT_VERIFY_OK(m_store.removeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"))); // already gone: fine
}

void TestCredentialStore::keysAreNamespaced()
{
    LT_VERIFY_OK(m_store.writeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"), QStringLiteral("one")));
    LT_VERIFY_OK(m_store.writeTokenNow(QStringLiteral("production"), QStringLiteral("L1"), QStringLiteral("two")));
    LT_VERIFY_OK(m_store.writeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L2"), QStringLiteral("three")));
    QCOMPARE(*m_store.readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1")), QStringLiteral("one"));
    QCOMPARE(*m_store.readTokenNow(QStringLiteral("production"), QStringLiteral("L1")), QStringLiteral("two"));
    QCOMPARE(*m_store.readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L2")), QStringLiteral("three"));
    QVERIFY(CredentialStore::keyFor(QStringLiteral("sandbox"), QStringLiteral("L1"))
            != CredentialStore::keyFor(QStringLiteral("production"), QStringLiteral("L1")));
    for (const auto& [environment, location] :
         {std::pair {"sandbox", "L1"}, std::pair {"production", "L1"}, std::pair {"sandbox", "L2"}})
        LT_VERIFY_OK(m_store.removeTokenNow(QString::fromLatin1(environment), QString::fromLatin1(location)));
}

void TestCredentialStore::emptyTokenIsRefused()
{
    LT_VERIFY_ERROR(m_store.writeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"), QStringLiteral("  ")),
                    ErrorKind::InvalidInput);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_sync_credentialstore.moc"
