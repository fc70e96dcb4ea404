#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/KioskMode.h"
#include "ui/dialogs/ManagerApprovalDialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenuBar>
#include <QTest>

using namespace lt;
using lt::test::TillHarness;
using lt::test::whenModal;
using lt::ui::ManagerApprovalDialog;

// The till as loyaltytill --kiosk runs it: full screen, and neither a close request nor the Quit menu closes it
// without a manager's PIN. Offscreen, on the real till window and a real store.
class TestKioskTill : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fillsTheScreen();
    void closeRequestNeedsAManager();
    void quitNeedsAManagerThenQuits();

private:
    void typePin(qint64 staffId, const QString& pin);
    qint64 approvals()
    {
        return m_till->store().number("SELECT count(*) FROM audit_log WHERE action = 'approval.till.quit'");
    }

    std::unique_ptr<TillHarness> m_till;
    TillHarness::Regulars m_people;
};

void TestKioskTill::init()
{
    m_till = std::make_unique<TillHarness>();
    auto people = m_till->addRegulars();
    LT_VERIFY_OK(people);
    m_people = *people;
    QVERIFY(m_till->openWindow());
}

void TestKioskTill::cleanup()
{
    m_till.reset();
}

void TestKioskTill::typePin(qint64 staffId, const QString& pin)
{
    TillHarness::type(QString::number(staffId));
    TillHarness::press(Qt::Key_Return);
    TillHarness::type(pin);
    TillHarness::press(Qt::Key_Return);
}

void TestKioskTill::fillsTheScreen()
{
    ui::KioskMode kiosk(m_till->window(), m_till->store().db(), m_till->store().clock());
    QVERIFY(m_till->window().isFullScreen());
    QVERIFY(m_till->window().isVisible());
}

void TestKioskTill::closeRequestNeedsAManager()
{
    ui::KioskMode kiosk(m_till->window(), m_till->store().db(), m_till->store().clock());
    // What a compositor's close request or Alt+F4 under a window manager sends: refused, a manager asked for. A
    // cashier's PIN is not enough, and cancelling leaves the till as it was.
    auto asked = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog* dialog) {
        typePin(m_people.cashier.id, QStringLiteral("2468"));
        QVERIFY(dialog->isVisible());
        dialog->reject();
    });
    QCloseEvent request;
    QApplication::sendEvent(&m_till->window(), &request);
    QVERIFY(!request.isAccepted());
    QVERIFY(!m_till->window().close());
    QTRY_VERIFY(*asked);
    QVERIFY(m_till->window().isVisible());
    QVERIFY(!kiosk.quitApproved());
    QCOMPARE(approvals(), 0);
    // Two requests while the question is open ask once: no second dialog is waiting.
    QTest::qWait(50);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestKioskTill::quitNeedsAManagerThenQuits()
{
    ui::KioskMode kiosk(m_till->window(), m_till->store().db(), m_till->store().clock());
    QAction* quit = nullptr;
    for (QAction* action : m_till->window().menuBar()->actions())
        if (action->menu())
            for (QAction* item : action->menu()->actions())
                if (item->text().remove(QLatin1Char('&')) == QLatin1String("Quit"))
                    quit = item;
    QVERIFY(quit);
    // The Quit menu asks the application to quit: refused while a manager has not approved, and the till runs on.
    auto refused = whenModal<ManagerApprovalDialog>([](ManagerApprovalDialog* dialog) { dialog->reject(); });
    QTimer stillRunning; // the quit was refused: the loop is left by this
    stillRunning.setSingleShot(true);
    connect(&stillRunning, &QTimer::timeout, qApp, [] { QCoreApplication::exit(2); });
    stillRunning.start(3000);
    QTimer::singleShot(0, quit, &QAction::trigger);
    QCOMPARE(QCoreApplication::exec(), 2);
    QVERIFY(*refused);
    QVERIFY(m_till->window().isVisible());
    // The manager's PIN: approved, audited, and the application quits.
    auto approved = whenModal<ManagerApprovalDialog>(
        [&](ManagerApprovalDialog*) { typePin(m_people.manager.id, QStringLiteral("1357")); });
    QTimer hang; // a quit that never came, reported as such
    hang.setSingleShot(true);
    connect(&hang, &QTimer::timeout, qApp, [] { QCoreApplication::exit(3); });
    hang.start(10000);
    QTimer::singleShot(0, quit, &QAction::trigger);
    QCOMPARE(QCoreApplication::exec(), 0);
    QVERIFY(*approved);
    QVERIFY(kiosk.quitApproved());
    QVERIFY(!m_till->window().isVisible());
    QCOMPARE(approvals(), 1);
}

QTEST_MAIN(TestKioskTill)
#include "tst_ui_kiosk.moc"
