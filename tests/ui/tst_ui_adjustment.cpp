// A manual adjustment at the till, key by key: F7, the points and the reason in one form, then a manager's PIN.
// What the store refuses (no points, no reason) is shown next to its field and records nothing; without a manager
// the adjustment waits. Every check on the screen is matched by one on the store.

#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/AdjustmentDialog.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::AdjustmentDialog;
using lt::ui::ManagerApprovalDialog;
using lt::ui::MessageBanner;
using lt::ui::TillWindow;

class TestAdjustment : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void adjustPointsWithAManager();
    void adjustmentNeedsPointsAndAReason();
    void adjustmentWaitsForAManager();

private:
    TillWindow& window() { return m_till->window(); }
    qint64 balance() { return m_till->store().balance(m_member.id); }
    qint64 count(const char* sql) { return m_till->store().number(sql); }

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    StaffMember m_manager;
    Member m_member;
};

void TestAdjustment::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_till = std::make_unique<TillHarness>();
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_cashier = regulars->cashier;
    m_manager = regulars->manager;
    m_member = regulars->member;
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 10000));
}

void TestAdjustment::cleanupTestCase()
{
    // Whatever the tests did, every balance still equals its ledger.
    auto report = m_till->store().checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QLocale::setDefault(QLocale::system());
}

void TestAdjustment::init()
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    TillHarness::scan(m_member.card);
    QVERIFY(window().currentMember());
    QCOMPARE(window().currentMember()->id, m_member.id);
}

void TestAdjustment::cleanup()
{
    m_till->closeWindow();
}

void TestAdjustment::adjustPointsWithAManager()
{
    const qint64 before = balance();
    auto asked = whenModal<AdjustmentDialog>([&](AdjustmentDialog* dialog) {
        // One form: the points first, then the reason, then Enter.
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("points"));
        TillHarness::type(QStringLiteral("-5x")); // the letter is not taken
        QCOMPARE(qobject_cast<QLineEdit*>(TillHarness::focused())->text(), QStringLiteral("-5"));
        TillHarness::press(Qt::Key_Backspace);
        TillHarness::press(Qt::Key_Backspace);
        TillHarness::type(QStringLiteral("25"));
        TillHarness::press(Qt::Key_Tab);
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("reason"));
        TillHarness::type(QStringLiteral("Points missed on receipt R-0815"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->fieldError(QString())));
        QCOMPARE(dialog->points(), 25);
    });
    QString why;
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog* approval) {
        for (const QLabel* label : approval->findChildren<QLabel*>())
            why += label->text() + QLatin1Char('\n');
        // Nothing changes before the manager's PIN.
        QCOMPARE(balance(), before);
        TillHarness::type(QString::number(m_manager.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("1357"));
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F7);
    QVERIFY(*asked);
    QVERIFY(*approved);
    QVERIFY2(why.contains(QStringLiteral("25 points: Points missed on receipt R-0815")), qPrintable(why));
    QCOMPARE(balance(), before + 25);
    QCOMPARE(count("SELECT count(*) FROM adjustments WHERE points = 25 AND state = 'approved' AND "
                   "reason = 'Points missed on receipt R-0815'"),
             1);
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("Adjusted by 25 points, approved by Maria Lopez")),
             qPrintable(window().banner()->text()));
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("%1 Points").arg(before + 25));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestAdjustment::adjustmentNeedsPointsAndAReason()
{
    const qint64 before = balance();
    const QString counts = m_till->store().rowCounts();
    QStringList pointsErrors;
    QString reasonError;
    auto ran = whenModal<AdjustmentDialog>([&](AdjustmentDialog* dialog) {
        // Enter on the empty form: no points.
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        pointsErrors << dialog->fieldError(QStringLiteral("points"));
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("points"));
        // Zero points, with a reason.
        TillHarness::type(QStringLiteral("0"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("Goodwill"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        pointsErrors << dialog->fieldError(QStringLiteral("points"));
        QVERIFY(dialog->fieldError(QStringLiteral("reason")).isEmpty());
        // The points are selected for retyping; then the reason is taken away.
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("points"));
        TillHarness::type(QStringLiteral("10"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::press(Qt::Key_A, Qt::ControlModifier);
        TillHarness::press(Qt::Key_Backspace);
        TillHarness::type(QStringLiteral("   "));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->fieldError(QStringLiteral("points")).isEmpty());
        reasonError = dialog->fieldError(QStringLiteral("reason"));
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("reason"));
        // No manager was asked, nothing was recorded; the cashier gives up with Esc.
        QCOMPARE(QApplication::activeModalWidget(), dialog);
        QCOMPARE(m_till->store().rowCounts(), counts);
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F7);
    QVERIFY(*ran);
    QCOMPARE(pointsErrors.size(), 2);
    for (const QString& error : std::as_const(pointsErrors))
        QVERIFY2(error.contains(QStringLiteral("at least one point")), qPrintable(error));
    QVERIFY2(reasonError.contains(QStringLiteral("reason")), qPrintable(reasonError));
    QCOMPARE(balance(), before);
    QCOMPARE(m_till->store().rowCounts(), counts);
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestAdjustment::adjustmentWaitsForAManager()
{
    const qint64 before = balance();
    const qint64 pending = count("SELECT count(*) FROM adjustments WHERE state = 'pending'");
    auto asked = whenModal<AdjustmentDialog>([&](AdjustmentDialog*) {
        TillHarness::type(QStringLiteral("-40"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("Card shared with a relative"));
        TillHarness::press(Qt::Key_Return);
    });
    auto approval =
        whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) { TillHarness::press(Qt::Key_Escape); });
    TillHarness::press(Qt::Key_F7);
    QVERIFY(*asked);
    QVERIFY(*approval);
    QCOMPARE(balance(), before);
    QCOMPARE(count("SELECT count(*) FROM adjustments WHERE state = 'pending'"), pending + 1);
    QCOMPARE(count("SELECT count(*) FROM adjustments WHERE state = 'pending' AND points = -40"), 1);
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Information);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("waits for a manager's approval")),
             qPrintable(window().banner()->text()));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

QTEST_MAIN(TestAdjustment)
#include "tst_ui_adjustment.moc"
