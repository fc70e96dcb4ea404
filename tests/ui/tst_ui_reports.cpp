// The Reports screen, key by key: F10 asks for a manager's PIN (a cashier's is refused), the screen opens on this
// month with every card showing the figure ReportService computes, the period can be changed from the keyboard, the
// charts hold the twelve months and the tiers, and Esc closes it. The cards read in the dark palette too.
#include "core/services/ReportService.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/Appearance.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/reports/KpiCard.h"
#include "ui/reports/ReportsDialog.h"
#include "ui/widgets/LookupField.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLocale>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::Appearance;
using lt::ui::KpiCard;
using lt::ui::ManagerApprovalDialog;
using lt::ui::ReportsDialog;
using lt::ui::TillWindow;

class TestReports : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void managerOpensTheFiguresOfTheMonth();
    void cashierIsRefused();
    void periodChangesFromTheKeyboard();
    void cardsReadInTheDarkPalette();

private:
    TillWindow& window() { return m_till->window(); }
    // F10, the staff member's number and PIN, then `action` in the Reports screen once its figures are shown.
    bool inReports(const std::function<void(ReportsDialog*)>& action);

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    StaffMember m_manager;
    Member m_member;
};

void TestReports::init()
{
    m_till = std::make_unique<TillHarness>();
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_cashier = regulars->cashier;
    m_manager = regulars->manager;
    m_member = regulars->member;
    // Two sales this month: 25.00 and 15.00, one point a dollar.
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("R-1"), 2500));
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("R-2"), 1500));
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
}

void TestReports::cleanup()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
    m_till.reset();
}

bool TestReports::inReports(const std::function<void(ReportsDialog*)>& action)
{
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) {
        TillHarness::type(QString::number(m_manager.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("1357"));
        TillHarness::press(Qt::Key_Return);
    });
    auto opened = whenModal<ReportsDialog>(
        [&](ReportsDialog* dialog) {
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
            action(dialog);
            TillHarness::press(Qt::Key_Escape);
        },
        15000);
    TillHarness::press(Qt::Key_F10);
    return *approved && *opened;
}

void TestReports::managerOpensTheFiguresOfTheMonth()
{
    const QDate today = m_till->store().clock().nowUtc().toLocalTime().date();
    auto expected =
        ReportService(m_till->store().engine().context()).summary(QDate(today.year(), today.month(), 1), today);
    LT_VERIFY_OK(expected);
    QCOMPARE(expected->salesCount, qint64(2));
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QCOMPARE(dialog->periodBox()->currentIndex(), int(ReportsDialog::ThisMonth));
        QCOMPARE(dialog->fromEdit()->date(), QDate(today.year(), today.month(), 1));
        QCOMPARE(dialog->card(QStringLiteral("sales_count"))->value(), QLocale().toString(expected->salesCount));
        QCOMPARE(dialog->card(QStringLiteral("net_sales"))->value(), QStringLiteral("40.00 USD"));
        QCOMPARE(dialog->card(QStringLiteral("aov"))->value(), QStringLiteral("20.00 USD"));
        QCOMPARE(dialog->card(QStringLiteral("points_earned"))->value(), QStringLiteral("40"));
        QCOMPARE(dialog->card(QStringLiteral("buyers"))->value(), QStringLiteral("1"));
        // Nothing happened the month before or a year earlier.
        QVERIFY2(dialog->card(QStringLiteral("sales_count"))->comparison().startsWith(QStringLiteral("new")),
                 qPrintable(dialog->card(QStringLiteral("sales_count"))->comparison()));
        QVERIFY(!dialog->card(QStringLiteral("liability"))->toolTip().isEmpty());
        // Twelve months of net sales, this month's last; one tier bar per tier held.
        auto* trend = qobject_cast<QBarSeries*>(dialog->trendChart()->chart()->series().value(0));
        QVERIFY(trend);
        QCOMPARE(trend->barSets().value(0)->count(), 12);
        QCOMPARE(trend->barSets().value(0)->at(11), 40.0);
        auto* points = qobject_cast<QBarSeries*>(dialog->pointsChart()->chart()->series().value(0));
        QVERIFY(points);
        QCOMPARE(points->barSets().size(), 3);
        QCOMPARE(points->barSets().value(0)->at(11), 40.0);
        auto* tiers = qobject_cast<QBarSeries*>(dialog->tiersChart()->chart()->series().value(0));
        QVERIFY(tiers);
        QVERIFY(tiers->barSets().value(0)->count() >= 1);
    });
    QVERIFY(shown);
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestReports::cashierIsRefused()
{
    auto refused = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog* dialog) {
        TillHarness::type(QString::number(m_cashier.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("2468"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F10);
    QVERIFY(*refused);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestReports::periodChangesFromTheKeyboard()
{
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QCOMPARE(TillHarness::focused(), dialog->periodBox());
        // Last month: nothing sold then.
        TillHarness::press(Qt::Key_Down);
        QCOMPARE(dialog->periodBox()->currentIndex(), int(ReportsDialog::LastMonth));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->card(QStringLiteral("sales_count"))->value(), QStringLiteral("0"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
        QVERIFY2(dialog->status().contains(QLocale().toString(dialog->fromEdit()->date(), QLocale::ShortFormat)),
                 qPrintable(dialog->status()));
        // This year again holds both sales.
        TillHarness::press(Qt::Key_Down);
        QCOMPARE(dialog->periodBox()->currentIndex(), int(ReportsDialog::ThisYear));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->card(QStringLiteral("sales_count"))->value(), QStringLiteral("2"), 10000);
    });
    QVERIFY(shown);
}

void TestReports::cardsReadInTheDarkPalette()
{
    Appearance::apply(*qApp, QStringLiteral("dark"));
    const bool shown = inReports([&](ReportsDialog* dialog) {
        for (KpiCard* card : dialog->findChildren<KpiCard*>()) {
            for (QLabel* label : card->findChildren<QLabel*>()) {
                const QPalette palette = label->palette();
                const double contrast =
                    Appearance::contrastRatio(palette.color(label->foregroundRole()), palette.color(QPalette::Window));
                QVERIFY2(contrast >= 4.5, qPrintable(QStringLiteral("%1: %2").arg(label->text()).arg(contrast)));
            }
        }
        QCOMPARE(dialog->trendChart()->chart()->theme(), QChart::ChartThemeDark);
    });
    QVERIFY(shown);
}

QTEST_MAIN(TestReports)
#include "tst_ui_reports.moc"
