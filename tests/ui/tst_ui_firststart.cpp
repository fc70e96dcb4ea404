// A till's first start on a new store, keyboard only: the first manager, then Square (checked with a fake Square
// over real HTTP on 127.0.0.1, the token kept in the real keyring only when Square took it), then what is ready and
// what is not, then the sign-in page.

#include "sync/SquareConnection.h"
#include "sync/square/CredentialStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/ui/TillHarness.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::TillWindow;

namespace {
const QString Token = QStringLiteral("EAAAl-first-start-secret");
const QString Location = QStringLiteral("L-FAKE-0001"); // one of the fake program's locations
} // namespace

class TestFirstStart : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectsSquareAfterTheManager();
    void squareCanWait();

private:
    static QString visibleText(const TillWindow& window);
    // A new store's till with Square's step: the manager typed on the first page, then Return; the Square step
    // has the focus.
    bool openAtSquareStep(TillHarness& till);

    std::unique_ptr<FakeSquareServer> m_server;
    QNetworkAccessManager m_network;
    CredentialStore m_credentials {QStringLiteral("LoyaltyTill-test-firststart")};
};

void TestFirstStart::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run in a D-Bus session with a keyring (tools/dev test does).");
}

void TestFirstStart::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
}

void TestFirstStart::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_server.reset();
}

QString TestFirstStart::visibleText(const TillWindow& window)
{
    QStringList texts;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        if (label->isVisible() && !label->text().isEmpty())
            texts << label->text();
    }
    return texts.join(QLatin1Char('\n'));
}

bool TestFirstStart::openAtSquareStep(TillHarness& till)
{
    if (!till.openWindow())
        return false;
    till.window().setSquareAccess(&m_network, &m_credentials);
    if (TillHarness::focusedName() != QStringLiteral("managerName"))
        return false;
    TillHarness::type(QStringLiteral("Maria Lopez"));
    TillHarness::press(Qt::Key_Tab);
    TillHarness::type(QStringLiteral("1357"));
    TillHarness::press(Qt::Key_Tab);
    TillHarness::type(QStringLiteral("1357"));
    TillHarness::press(Qt::Key_Return);
    return TillHarness::focusedName() == QStringLiteral("squareLocation");
}

void TestFirstStart::connectsSquareAfterTheManager()
{
    TillHarness till;
    QVERIFY(openAtSquareStep(till));
    TillWindow& window = till.window();

    // The environment: this test's Square, typed over "production".
    TillHarness::press(Qt::Key_Backtab);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("squareEnvironment"));
    TillHarness::press(Qt::Key_A, Qt::ControlModifier);
    TillHarness::type(m_server->baseUrl());
    TillHarness::press(Qt::Key_Tab);
    TillHarness::type(Location);
    TillHarness::press(Qt::Key_Tab);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("squareToken"));

    // A wrong token: Square says no, nothing is kept, the field is emptied for another try.
    TillHarness::type(QStringLiteral("EAAAl-wrong-token"));
    TillHarness::press(Qt::Key_Return);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("squareToken"));
    const auto refused = SquareConnection::load(till.store().db());
    LT_VERIFY_OK(refused);
    QVERIFY(!refused->has_value());
    QVERIFY(!m_credentials.readTokenNow(m_server->baseUrl(), Location));
    QVERIFY(window.findChild<QLineEdit*>(QStringLiteral("squareToken"))->text().isEmpty());

    TillHarness::type(Token);
    TillHarness::press(Qt::Key_Return);
    const auto connection = SquareConnection::load(till.store().db());
    LT_VERIFY_OK(connection);
    QVERIFY(connection->has_value());
    QCOMPARE((*connection)->locationId, Location);
    const auto kept = m_credentials.readTokenNow(m_server->baseUrl(), Location);
    LT_VERIFY_OK(kept);
    QCOMPARE(*kept, Token);
    LT_VERIFY_OK(m_credentials.removeTokenNow(m_server->baseUrl(), Location));

    // What is ready: Square connected, and the first backup the wizard took.
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("startSelling"));
    QVERIFY2(visibleText(window).contains(QStringLiteral("Connected to location %1.").arg(Location)),
             qPrintable(visibleText(window)));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("check-database"))->text().startsWith(u"Ready"));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("check-backups"))->text().startsWith(u"Ready"));
    QVERIFY2(!visibleText(window).contains(Token), "the token is never shown");
    TillHarness::press(Qt::Key_Return);
    QVERIFY(window.isLocked());
    QVERIFY2(visibleText(window).contains(QStringLiteral("Sign in as staff number")), qPrintable(visibleText(window)));
    auto staff = till.staff().list();
    LT_VERIFY_OK(staff);
    QVERIFY(till.signIn(staff->first().id, QStringLiteral("1357")));
}

void TestFirstStart::squareCanWait()
{
    TillHarness till;
    QVERIFY(openAtSquareStep(till));
    TillWindow& window = till.window();
    TillHarness::press(Qt::Key_Tab); // the token
    TillHarness::press(Qt::Key_Tab); // Connect
    TillHarness::press(Qt::Key_Tab);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("squareLater"));
    TillHarness::press(Qt::Key_Return);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("startSelling"));
    const QLabel* square = window.findChild<QLabel*>(QStringLiteral("check-square"));
    QVERIFY(square);
    QVERIFY2(square->text().startsWith(u"Needs attention") && square->text().contains(u"loyaltytill-admin setup"),
             qPrintable(square->text()));
    const auto connection = SquareConnection::load(till.store().db());
    LT_VERIFY_OK(connection);
    QVERIFY(!connection->has_value());
    TillHarness::press(Qt::Key_Return);
    QVERIFY(window.isLocked());
}

QTEST_MAIN(TestFirstStart)
#include "tst_ui_firststart.moc"
