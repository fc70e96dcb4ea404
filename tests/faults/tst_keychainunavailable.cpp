// The keychain unavailable, as on a till whose session has no D-Bus bus (a service started without one, a broken
// login): reading the Square token, as `loyaltytill-admin sync` and the till's scheduler do, gives a clear message
// at once instead of hanging or passing an empty token on to Square, and says what to do about it.
#include "sync/square/CredentialStore.h"
#include "tests/support/ResultChecks.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace lt;

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // No session bus: neither the variable, nor $XDG_RUNTIME_DIR/bus, nor an X display to autolaunch one from.
        QVERIFY(m_runtime.isValid());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        qputenv("HOME", m_runtime.path().toUtf8());
    }

    void tokenReadSaysTheKeychainIsUnavailable()
    {
        CredentialStore credentials(QStringLiteral("LoyaltyTill-faults-test"));
        QCOMPARE(credentials.kind(), CredentialStore::Kind::Keychain);
        QElapsedTimer waited;
        waited.start();
        const auto token = credentials.readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L-FAULTS"));
        qInfo().noquote() << "answered in" << waited.elapsed()
                          << "ms:" << (token ? QStringLiteral("a token") : token.error().message);
        QVERIFY2(waited.elapsed() < 30000, "the keychain read hung");
        LT_VERIFY_ERROR(token, ErrorKind::Storage);
        QVERIFY2(token.error().message.contains(QLatin1String("keychain")), qPrintable(token.error().message));
        QVERIFY2(token.error().message.size() > QStringLiteral("The keychain refused: ").size(),
                 qPrintable(token.error().message));
        // Said for a cashier (what is wrong, what to do), with the library's own text kept in parentheses for IT.
        const QString& message = token.error().message;
        QVERIFY2(message.contains(QLatin1String("is not running or cannot be reached in this session")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Log in to the till's desktop session")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("systemd credential")), qPrintable(message));
        QVERIFY2(message.endsWith(QLatin1Char(')')) && message.indexOf(QLatin1String(". (")) > 0, qPrintable(message));
    }

    void tokenWriteSaysTheKeychainIsUnavailable()
    {
        CredentialStore credentials(QStringLiteral("LoyaltyTill-faults-test"));
        const auto written = credentials.writeTokenNow(QStringLiteral("sandbox"), QStringLiteral("L-FAULTS"),
                                                       QStringLiteral("EAAA-not-a-real-token"));
        QVERIFY(!written);
        qInfo().noquote() << written.error().message;
        QVERIFY2(written.error().message.contains(QLatin1String("keychain")), qPrintable(written.error().message));
        QVERIFY2(!written.error().message.contains(QLatin1String("EAAA")), "the message shows the token");
    }

private:
    QTemporaryDir m_runtime;
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
