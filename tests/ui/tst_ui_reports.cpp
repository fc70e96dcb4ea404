// The Reports screen, key by key: F10 asks for a manager's PIN (a cashier's is refused), the screen opens on this
// month with every card showing the figure ReportService computes, the period can be changed from the keyboard, the
// charts hold the twelve months and the tiers, and Esc closes it. The cards read in the dark palette too.
#include "core/services/ReportService.h"
#include "tests/core/TsTranslator.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/SqlScript.h"
#include "tests/ui/TillHarness.h"
#include "ui/Appearance.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/reports/CohortHeatmap.h"
#include "ui/reports/KpiCard.h"
#include "ui/reports/MemberListDialog.h"
#include "ui/reports/ReportCards.h"
#include "ui/reports/ReportPdf.h"
#include "ui/reports/ReportsDialog.h"
#include "ui/widgets/LookupField.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::Appearance;
using lt::ui::CohortHeatmap;
using lt::ui::KpiCard;
using lt::ui::ManagerApprovalDialog;
using lt::ui::MemberListDialog;
using lt::ui::ReportCards;
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
    void trendsSegmentsAndCohortsAreDrawn();
    void filterChangesTheSalesCards();
    void pdfButtonWritesTheScreen();
    void cardOpensTheMembersBehindIt();
    void screenAndPdfReadInSpanish();
    void listIsOfThePeriodShown();
    void filteredSalesCardsOpenNoList();

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
            if (dialog->isVisible()) // unless the action closed it
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

// The points flow has its outstanding line, the segments and their movement hold the one member who bought this
// month, the cohort of this month shows 100 %; every tab is reached with Ctrl+Tab.
void TestReports::trendsSegmentsAndCohortsAreDrawn()
{
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isAnalysing(), 10000);
        auto* outstanding = qobject_cast<QLineSeries*>(dialog->pointsChart()->chart()->series().value(1));
        QVERIFY(outstanding);
        QCOMPARE(outstanding->count(), 12);
        QCOMPARE(outstanding->at(11).y(), 40.0);
        auto* segments = qobject_cast<QAbstractBarSeries*>(dialog->segmentsChart()->chart()->series().value(0));
        QVERIFY(segments);
        QCOMPARE(segments->barSets().size(), 2);
        QCOMPARE(segments->barSets().value(0)->count(), kSegmentCount);
        QCOMPARE(segments->barSets().value(0)->sum(), 1.0);
        QCOMPARE(segments->barSets().value(1)->sum(), 0.0);
        qint64 fromNoSale = 0;
        for (int to = 0; to < kSegmentCount; ++to)
            fromNoSale += dialog->movementTable()->item(kNoSegment, to)->text().toLongLong();
        QCOMPARE(fromNoSale, qint64(1));
        const CohortGrid& grid = dialog->cohortHeatmap()->grid();
        QCOMPARE(grid.cohorts.size(), qsizetype(12));
        QCOMPARE(dialog->cohortHeatmap()->cellText(11, 0), QStringLiteral("100 %"));
        // The percentage reads on its shade in this palette.
        const QColor cell = dialog->cohortHeatmap()->cellColor(11, 0);
        QVERIFY(Appearance::contrastRatio(CohortHeatmap::textOn(cell), cell) >= 4.5);

        QCOMPARE(dialog->tabs()->count(), 4);
        QCOMPARE(dialog->tabs()->currentIndex(), int(ReportsDialog::KeyFigures));
        dialog->tabs()->setFocus();
        for (const int tab : {ReportsDialog::Trends, ReportsDialog::Segments, ReportsDialog::Cohorts}) {
            TillHarness::press(Qt::Key_Tab, Qt::ControlModifier);
            QCOMPARE(dialog->tabs()->currentIndex(), tab);
        }
    });
    QVERIFY(shown);
}

// A third sale at the till "Front": choosing it leaves one sale of 20.00 on the sales cards and the trend; the
// members' cards stay the whole store's, greyed, and say why.
void TestReports::filterChangesTheSalesCards()
{
    m_till->store().engine().context().tillName = QStringLiteral("Front");
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("R-3"), 2000));
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QCOMPARE(dialog->card(QStringLiteral("sales_count"))->value(), QStringLiteral("3"));
        QVERIFY(dialog->tillBox()->findText(QStringLiteral("Front")) > 0); // after "All tills"
        dialog->tillBox()->setFocus();
        while (dialog->tillBox()->currentText() != QStringLiteral("Front")
               && dialog->tillBox()->currentIndex() + 1 < dialog->tillBox()->count())
            TillHarness::press(Qt::Key_Down);
        QCOMPARE(dialog->tillBox()->currentText(), QStringLiteral("Front"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->card(QStringLiteral("sales_count"))->value(), QStringLiteral("1"), 10000);
        QCOMPARE(dialog->card(QStringLiteral("net_sales"))->value(), QStringLiteral("20.00 USD"));
        QCOMPARE(dialog->card(QStringLiteral("aov"))->value(), QStringLiteral("20.00 USD"));
        QVERIFY(dialog->card(QStringLiteral("net_sales"))->isEnabled());
        KpiCard* members = dialog->card(QStringLiteral("members_total"));
        QVERIFY(!members->isEnabled());
        QVERIFY2(members->toolTip().contains(ReportCards::notSplit()), qPrintable(members->toolTip()));
        auto* trend = qobject_cast<QBarSeries*>(dialog->trendChart()->chart()->series().value(0));
        QVERIFY(trend);
        QCOMPARE(trend->barSets().value(0)->at(11), 20.0);
        QVERIFY2(dialog->status().contains(QStringLiteral("Front")), qPrintable(dialog->status()));
    });
    QVERIFY(shown);
}

namespace {
QString pdfText(const QString& path)
{
    QProcess extract;
    extract.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                  {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!extract.waitForFinished(30000) || extract.exitCode() != 0)
        return {};
    QStringList lines = QString::fromUtf8(extract.readAllStandardOutput()).split(u'\n');
    // When each was made differs by the moment of the writing alone.
    lines.removeIf([](const QString& line) { return line.startsWith(QStringLiteral("Made ")); });
    return lines.join(u'\n').normalized(QString::NormalizationForm_KC);
}
} // namespace

// Ctrl+P writes the screen to the file chosen: a PDF whose text holds the cards' titles and values, the same as the
// PDF the admin CLI draws from the same store (ReportLoader's reads on the caller's engine).
void TestReports::pdfButtonWritesTheScreen()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
             "pdftotext is missing: install poppler-utils (tools/dev installs it)");
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("reports.pdf"));
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isAnalysing(), 10000);
        QVERIFY(dialog->pdfButton()->isVisible());
        dialog->setPdfPathChooser([&](QWidget*) { return path; });
        TillHarness::press(Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY2(dialog->status().contains(path), qPrintable(dialog->status()));
    });
    QVERIFY(shown);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const QString text = pdfText(path);
    for (const QString& expected : {QStringLiteral("Sales"), QStringLiteral("Net sales"), QStringLiteral("40.00 USD"),
                                    QStringLiteral("Average order"), QStringLiteral("20.00 USD"),
                                    QStringLiteral("Points flow by month"), QStringLiteral("Cohort retention")})
        QVERIFY2(text.contains(expected), qPrintable(expected + u'\n' + text));

    const QDate today = m_till->store().clock().nowUtc().toLocalTime().date();
    LoyaltyEngine& engine = m_till->store().engine();
    auto figures = ui::ReportLoader::readFigures(engine, QDate(today.year(), today.month(), 1), today, {});
    LT_VERIFY_OK(figures);
    auto analytics = ui::ReportLoader::readAnalytics(engine, today, today);
    LT_VERIFY_OK(analytics);
    const QString fromCli = folder.filePath(QStringLiteral("cli.pdf"));
    LT_VERIFY_OK(ui::ReportPdf(*figures, *analytics, m_till->store().clock().nowUtc()).write(fromCli));
    QCOMPARE(pdfText(fromCli), text);
}

QTEST_MAIN(TestReports)
#include "tst_ui_reports.moc"

// Enter on the buyers card lists the month's one buyer; Enter on the row closes the reports with that member chosen.
void TestReports::cardOpensTheMembersBehindIt()
{
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QSignalSpy chosen(dialog, &ReportsDialog::memberChosen);
        auto listed = whenModal<MemberListDialog>(
            [&](MemberListDialog* list) {
                QTRY_COMPARE_WITH_TIMEOUT(list->table()->model()->rowCount(), 1, 10000);
                TillHarness::press(Qt::Key_Return);
            },
            10000);
        dialog->card(QStringLiteral("buyers"))->setFocus();
        TillHarness::press(Qt::Key_Return);
        QVERIFY(*listed);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.constFirst().constFirst().toLongLong(), m_member.id);
        QVERIFY(!dialog->isVisible());
    });
    QVERIFY(shown);
}

// Under Spanish the charts, the cards, the filter and the PDF read in Spanish: each class asks for its texts under the
// context lupdate files them under (TsTranslator reads the .ts as the till's compiled .qm does).
void TestReports::screenAndPdfReadInSpanish()
{
    TsTranslator spanish;
    QVERIFY(
        spanish.load(QDir::cleanPath(fixturePath(QStringLiteral("../../resources/translations/loyaltytill_es.ts")))));
    QVERIFY(QCoreApplication::installTranslator(&spanish));
    const auto removeTranslator = qScopeGuard([&spanish] { QCoreApplication::removeTranslator(&spanish); });
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("informes.pdf"));
    QString comparison;
    const bool shown = inReports([&](ReportsDialog* dialog) {
        QCOMPARE(dialog->card(QStringLiteral("net_sales"))->title(), QStringLiteral("Ventas netas"));
        QCOMPARE(dialog->trendChart()->chart()->title(), QStringLiteral("Ventas netas por mes (USD)"));
        QCOMPARE(dialog->pointsChart()->chart()->title(), QStringLiteral("Flujo de puntos por mes"));
        comparison = dialog->card(QStringLiteral("sales_count"))->comparison();
        QVERIFY2(comparison.contains(QStringLiteral("respecto al periodo anterior")), qPrintable(comparison));
        QVERIFY2(comparison.contains(QStringLiteral("respecto a un año antes")), qPrintable(comparison));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isAnalysing(), 10000);
        LT_VERIFY_OK(dialog->savePdf(path));
    });
    QVERIFY(shown);
    const QString text = pdfText(path);
    for (const QString& expected :
         {QStringLiteral("Informes de"), QStringLiteral("Todas las cajas · todo el personal"),
          QStringLiteral("Ventas netas por mes (USD)"), QStringLiteral("Flujo de puntos por mes")})
        QVERIFY2(text.contains(expected), qPrintable(expected + u'\n' + text));
    // Nothing sold before this month: "new" both ways, as the "lt::ui" context translated it before lupdate moved it
    // to lt::ui::ReportCards.
    QCOMPARE(comparison, QStringLiteral("nuevo respecto al periodo anterior · nuevo respecto a un año antes"));
}

// Dates typed but not yet shown: the buyers card still lists the buyers of the month its figure counts.
void TestReports::listIsOfThePeriodShown()
{
    const QDate today = m_till->store().clock().nowUtc().toLocalTime().date();
    const QDate monthStart(today.year(), today.month(), 1);
    const bool shown = inReports([&](ReportsDialog* dialog) {
        dialog->fromEdit()->setDate(monthStart.addMonths(-2));
        dialog->toEdit()->setDate(monthStart.addDays(-1));
        QVERIFY(!dialog->isLoading());
        QCOMPARE(dialog->card(QStringLiteral("buyers"))->value(), QStringLiteral("1"));
        auto listed = whenModal<MemberListDialog>(
            [&](MemberListDialog* list) {
                QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading(), 10000);
                QCOMPARE(list->table()->model()->rowCount(), 1);
                QVERIFY2(list->windowTitle().contains(QLocale().toString(monthStart, QLocale::ShortFormat)),
                         qPrintable(list->windowTitle()));
                TillHarness::press(Qt::Key_Escape);
            },
            10000);
        dialog->card(QStringLiteral("buyers"))->setFocus();
        TillHarness::press(Qt::Key_Return);
        QVERIFY(*listed);
    });
    QVERIFY(shown);
}

// Under the till filter the sales cards count the till's sales only, and the lists are the whole store's: they open
// none until the filter is cleared.
void TestReports::filteredSalesCardsOpenNoList()
{
    m_till->store().engine().context().tillName = QStringLiteral("Front");
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("R-3"), 2000));
    const bool shown = inReports([&](ReportsDialog* dialog) {
        const QStringList salesCards {QStringLiteral("sales_count"), QStringLiteral("net_sales")};
        for (const QString& key : salesCards)
            QVERIFY2(dialog->card(key)->isDrillDownEnabled(), qPrintable(key));
        dialog->tillBox()->setCurrentIndex(dialog->tillBox()->findText(QStringLiteral("Front")));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->card(QStringLiteral("sales_count"))->value(), QStringLiteral("1"), 10000);
        for (const QString& key : salesCards) {
            QVERIFY2(!dialog->card(key)->isDrillDownEnabled(), qPrintable(key));
            QCOMPARE(dialog->card(key)->focusPolicy(), Qt::NoFocus);
        }
        dialog->tillBox()->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->card(QStringLiteral("sales_count"))->value(), QStringLiteral("3"), 10000);
        for (const QString& key : salesCards)
            QVERIFY2(dialog->card(key)->isDrillDownEnabled(), qPrintable(key));
    });
    QVERIFY(shown);
}
