#include "sync/keys/WalletKeyStore.h"
#include "tests/support/ResultChecks.h"

#include <QSignalSpy>
#include <QTest>

using namespace lt;

// Runs against the real Secret Service (gnome-keyring on a private session bus, as tools/dev test sets up): the
// wallet keys go in, come back byte for byte, are kept apart from another service's, and go away.
class TestWalletKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void roundTrip();
    void emptyPartsLeaveStoredOnesAlone();
    void missingEntriesLoadEmpty();
    void servicesAreApart();
    void asyncLoadAnswersFromTheEventLoop();
    void keysAreNamespaced();

private:
    static WalletKeys sample();

    WalletKeyStore m_store {QStringLiteral("LoyaltyTill-wallet-test")};
};

WalletKeys TestWalletKeyStore::sample()
{
    WalletKeys keys;
    keys.googleServiceAccount = R"({"type": "service_account", "client_email": "a@b.c", "private_key": "…"})";
    keys.appleCertificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    keys.applePrivateKey = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";
    keys.appleWwdr = QByteArray("\x30\x82\x01\x00\x00\xff binary DER", 17);
    return keys;
}

void TestWalletKeyStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
}

void TestWalletKeyStore::cleanup()
{
    LT_VERIFY_OK(m_store.removeNow(WalletKeyStore::allEntries()));
}

void TestWalletKeyStore::roundTrip()
{
    const WalletKeys keys = sample();
    LT_VERIFY_OK(m_store.storeNow(keys));
    const auto loaded = m_store.loadNow();
    LT_VERIFY_OK(loaded);
    QCOMPARE(loaded->googleServiceAccount, keys.googleServiceAccount);
    QCOMPARE(loaded->appleCertificate, keys.appleCertificate);
    QCOMPARE(loaded->applePrivateKey, keys.applePrivateKey);
    QCOMPARE(loaded->appleWwdr, keys.appleWwdr);
    LT_VERIFY_OK(m_store.removeNow(WalletKeyStore::appleEntries()));
    const auto afterRemove = m_store.loadNow();
    LT_VERIFY_OK(afterRemove);
    QCOMPARE(afterRemove->googleServiceAccount, keys.googleServiceAccount);
    QVERIFY(!afterRemove->hasAnyApple());
    LT_VERIFY_OK(m_store.removeNow(WalletKeyStore::appleEntries())); // already gone: fine
}

void TestWalletKeyStore::emptyPartsLeaveStoredOnesAlone()
{
    LT_VERIFY_OK(m_store.storeNow(sample()));
    WalletKeys google;
    google.googleServiceAccount = R"({"client_email": "new@b.c"})";
    LT_VERIFY_OK(m_store.storeNow(google));
    const auto loaded = m_store.loadNow();
    LT_VERIFY_OK(loaded);
    QCOMPARE(loaded->googleServiceAccount, google.googleServiceAccount);
    QCOMPARE(loaded->appleCertificate, sample().appleCertificate);
    LT_VERIFY_OK(m_store.storeNow(WalletKeys())); // nothing to write
}

void TestWalletKeyStore::missingEntriesLoadEmpty()
{
    const auto loaded = m_store.loadNow();
    LT_VERIFY_OK(loaded);
    QVERIFY(!loaded->hasGoogle());
    QVERIFY(!loaded->hasAnyApple());
}

void TestWalletKeyStore::servicesAreApart()
{
    LT_VERIFY_OK(m_store.storeNow(sample()));
    WalletKeyStore other(QStringLiteral("LoyaltyTill-wallet-test-other"));
    const auto loaded = other.loadNow();
    LT_VERIFY_OK(loaded);
    QVERIFY(!loaded->hasGoogle());
}

void TestWalletKeyStore::asyncLoadAnswersFromTheEventLoop()
{
    LT_VERIFY_OK(m_store.storeNow(sample()));
    bool answered = false;
    WalletKeys keys;
    m_store.load([&](Result<WalletKeys> result) {
        answered = true;
        if (result)
            keys = *result;
    });
    QVERIFY(!answered); // never from inside the call: the till's screen goes on
    QTRY_VERIFY(answered);
    QCOMPARE(keys.appleWwdr, sample().appleWwdr);
    answered = false;
    m_store.store(WalletKeys(), [&](Result<void>) { answered = true; });
    QVERIFY(!answered);
    QTRY_VERIFY(answered);
}

void TestWalletKeyStore::keysAreNamespaced()
{
    QStringList keys;
    for (const WalletKeyStore::Entry entry : WalletKeyStore::allEntries())
        keys << WalletKeyStore::keyFor(entry);
    keys.removeDuplicates();
    QCOMPARE(keys.size(), 4);
    for (const QString& key : std::as_const(keys))
        QVERIFY2(key.startsWith(QLatin1String("wallet/")), qPrintable(key)); // apart from square-access-token/...
}

QTEST_GUILESS_MAIN(TestWalletKeyStore)
#include "tst_wallet_keystore.moc"
