// The manager's key figures, computed by hand on a small store: sales with a partial refund and a void, a
// redemption, a sale at 23:59 local time on a period's last day, members enrolled in two months. Every figure comes
// from the summary tables that triggers keep; `check` compares them with a recomputation, and `report rebuild`
// writes that recomputation.
#include "core/services/ExpiryService.h"
#include "core/services/RedemptionService.h"
#include "core/services/RefundService.h"
#include "core/services/ReportService.h"
#include "core/store/ReportStore.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QSysInfo>
#include <QTest>

#include <ctime>

using lt::KpiSummary;
using lt::ReportService;
using lt::ReportStore;
using lt::test::TempStore;

namespace {
// A moment of the store's local day (the test runs in Los Angeles: UTC is already the next day at 23:59).
QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}
} // namespace

class TestReportService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void march();
    void april();
    void summariesMatchARecomputation();
    void dayMembersCompareAsLists();
    void monthsOfTheTrend();
    void expiryForecastOfThePass();
    void refusesBadPeriods_data();
    void refusesBadPeriods();

private:
    KpiSummary summary(QDate from, QDate to);

    std::unique_ptr<TempStore> m_store;
    qint64 m_ana = 0;
    qint64 m_ben = 0;
    qint64 m_cleo = 0;
};

// Ana and Ben enrolled on 1 March, Cleo on 10 April.
// March: Ana 100.00 (5th) and 50.00 (20th); Ben 30.00 at 23:59 on the 31st.
// April: Ana 20.00 (2nd); 40.00 of Ana's first sale refunded (5th); Cleo 10.00, voided the same day (12th);
// Ana spends 100 points on 5.00 off (15th). One point a dollar.
void TestReportService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_store->clock().set(at(QDate(2024, 3, 1)));
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    m_ana = ana->id;
    auto ben = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(ben);
    m_ben = ben->id;
    m_store->clock().set(at(QDate(2024, 3, 5)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 10000));
    m_store->clock().set(at(QDate(2024, 3, 20)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-2"), 5000));
    m_store->clock().set(at(QDate(2024, 3, 31), QTime(23, 59)));
    LT_VERIFY_OK(m_store->accrue(m_ben, QStringLiteral("S-3"), 3000));

    m_store->clock().set(at(QDate(2024, 4, 2)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-4"), 2000));
    m_store->clock().set(at(QDate(2024, 4, 5)));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-1");
    refund.amount = lt::Money(4000, QStringLiteral("USD"));
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    m_store->clock().set(at(QDate(2024, 4, 10)));
    auto cleo = m_store->enroll(QStringLiteral("415 555 2673"));
    LT_VERIFY_OK(cleo);
    m_cleo = cleo->id;
    m_store->clock().set(at(QDate(2024, 4, 12)));
    LT_VERIFY_OK(m_store->accrue(m_cleo, QStringLiteral("S-5"), 1000));
    LT_VERIFY_OK(m_store->engine().accrual().voidSale(QStringLiteral("S-5"), QStringLiteral("wrong member"),
                                                      TempStore::cashier()));
    m_store->clock().set(at(QDate(2024, 4, 15)));
    lt::RedemptionRequest redeem;
    redeem.memberId = m_ana;
    redeem.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    m_store->clock().set(at(QDate(2024, 5, 1)));
}

void TestReportService::cleanup()
{
    m_store.reset();
}

KpiSummary TestReportService::summary(QDate from, QDate to)
{
    auto kpi = ReportService(m_store->engine().context()).summary(from, to);
    if (!kpi) {
        qWarning() << kpi.error().message;
        return {};
    }
    return *kpi;
}

void TestReportService::march()
{
    const KpiSummary kpi = summary(QDate(2024, 3, 1), QDate(2024, 3, 31));
    QCOMPARE(kpi.membersTotal, qint64(2));
    QCOMPARE(kpi.membersNew, qint64(2));
    QCOMPARE(kpi.salesCount, qint64(3)); // Ben's sale at 23:59 is March's
    // Net of what was refunded since: 100.00 - 40.00 + 50.00 + 30.00.
    QCOMPARE(kpi.netSalesMinor, qint64(14000));
    QCOMPARE(kpi.aovMinor, qint64(4667)); // 140.00 over 3 sales, rounded
    QCOMPARE(kpi.buyers, qint64(2));
    QCOMPARE(kpi.purchaseFrequency, 1.5);
    QCOMPARE(kpi.repeatPurchaseRate, 0.5); // Ana
    QCOMPARE(kpi.pointsEarned, qint64(180));
    QCOMPARE(kpi.pointsRedeemed, qint64(0));
    QCOMPARE(kpi.pointsReversed, qint64(0)); // the refund's entry is April's
    QCOMPARE(kpi.pointsOutstanding, qint64(180));
    QCOMPARE(kpi.membersActive30, qint64(2));
    QCOMPARE(kpi.activeShare, 1.0);
}

void TestReportService::april()
{
    const KpiSummary kpi = summary(QDate(2024, 4, 1), QDate(2024, 4, 30));
    QCOMPARE(kpi.membersTotal, qint64(3));
    QCOMPARE(kpi.membersNew, qint64(1));
    QCOMPARE(kpi.salesCount, qint64(2));
    QCOMPARE(kpi.netSalesMinor, qint64(2000)); // Cleo's sale was voided
    QCOMPARE(kpi.aovMinor, qint64(2000)); // over the one sale not wholly taken back
    QCOMPARE(kpi.buyers, qint64(2));
    QCOMPARE(kpi.repeatPurchaseRate, 0.0);
    QCOMPARE(kpi.pointsEarned, qint64(30));
    QCOMPARE(kpi.pointsReversed, qint64(40 + 10));
    QCOMPARE(kpi.pointsRedeemed, qint64(100));
    QCOMPARE(kpi.pointsOutstanding, qint64(180 + 30 - 50 - 100));
    QCOMPARE(kpi.pointsOutstanding, m_store->balance(m_ana) + m_store->balance(m_ben) + m_store->balance(m_cleo));
    QCOMPARE(kpi.redemptionRate, 100.0 / 30.0); // older points were spent
    QCOMPARE(kpi.memberRedemptionRate, 0.5); // Ana, of Ana and Cleo
    QCOMPARE(kpi.costPerPointMinor, 5.0); // 5.00 off for 100 points
    QCOMPARE(kpi.liabilityMinor, qint64(60 * 5)); // nothing has expired: no breakage expected
    QCOMPARE(kpi.membersActive30, qint64(2));
    QCOMPARE(kpi.membersActive90, qint64(3));
    QCOMPARE(kpi.repeatPurchaseRateLifetime, 1.0 / 3.0); // Ana of three buyers
    QCOMPARE(kpi.averageLifetimeValueMinor, qint64((6000 + 5000 + 2000 + 3000 + 0) / 3));
    QCOMPARE(kpi.membersPerTier.value(QStringLiteral("Member")), qint64(3));
}

void TestReportService::summariesMatchARecomputation()
{
    ReportStore store(m_store->db());
    auto differing = store.differences();
    LT_VERIFY_OK(differing);
    QCOMPARE(*differing, QStringList());
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(u'\n')));

    // A summary that no longer agrees is named, and a rebuild makes it right again.
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE report_sales SET sales = sales + 1")));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("DELETE FROM report_cohorts")));
    differing = store.differences();
    LT_VERIFY_OK(differing);
    QCOMPARE(*differing, (QStringList {QStringLiteral("report_sales"), QStringLiteral("report_cohorts")}));
    report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY(!report->ok());
    QVERIFY2(report->problems.join(u'\n').contains(QLatin1String("report_sales, report_cohorts")),
             qPrintable(report->problems.join(u'\n')));
    LT_VERIFY_OK(ReportService(m_store->engine().context()).rebuild());
    differing = store.differences();
    LT_VERIFY_OK(differing);
    QCOMPARE(*differing, QStringList());
    QCOMPARE(summary(QDate(2024, 3, 1), QDate(2024, 3, 31)).salesCount, qint64(3));

    // Cohorts: March's two members bought in March and Ana in April; Cleo (April) bought in April.
    auto cells = store.cohorts(QStringLiteral("2024-03"), QStringLiteral("2024-04"));
    LT_VERIFY_OK(cells);
    QCOMPARE(cells->size(), 3);
    QCOMPARE(cells->at(0).buyers, qint64(2));
    QCOMPARE(cells->at(1).month, QStringLiteral("2024-04"));
    QCOMPARE(cells->at(1).buyers, qint64(1));
    QCOMPARE(cells->at(2).cohort, QStringLiteral("2024-04"));

    // Each sale names its till (this machine, unless the till is named otherwise) and who took it.
    auto tills = store.tills();
    LT_VERIFY_OK(tills);
    QCOMPARE(*tills, QStringList {QSysInfo::machineHostName()});
    auto staff = store.staff();
    LT_VERIFY_OK(staff);
    QCOMPARE(*staff, QStringList {TempStore::cashier().name()});
    auto sales = store.sales(QDate(2024, 3, 1), QDate(2024, 4, 30), QString(), QStringLiteral("somebody-else"));
    LT_VERIFY_OK(sales);
    QCOMPARE(sales->sales, qint64(0));
}

// report_day_members keeps each day's members in the order they came; `check` compares the lists as multisets, and
// an unreadable list is refused rather than counted.
void TestReportService::dayMembersCompareAsLists()
{
    // Ana redeemed on 15 April (before this sale) and buys twice the same day: her list is "-1,1,1,".
    m_store->clock().set(at(QDate(2024, 4, 15), QTime(15, 0)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-6"), 1000));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-7"), 1000));
    ReportStore store(m_store->db());
    const qint64 slot = QDate(2024, 4, 15).toJulianDay() * 256 + m_ana % 256;
    auto kept = m_store->db().scalar(QStringLiteral("SELECT members FROM report_day_members WHERE slot = ?"), {slot});
    LT_VERIFY_OK(kept);
    const QString ana = QString::number(m_ana);
    QCOMPARE(kept->toString(), QStringLiteral("-%1,%1,%1,").arg(ana));
    auto differing = store.differences();
    LT_VERIFY_OK(differing);
    QCOMPARE(*differing, QStringList());
    auto day = store.activity(QDate(2024, 4, 15), QDate(2024, 4, 15));
    LT_VERIFY_OK(day);
    QCOMPARE(day->buyers, qint64(1));
    QCOMPARE(day->repeatBuyers, qint64(1));
    QCOMPARE(day->redeemers, qint64(1));
    QCOMPARE(day->buyersWhoRedeemed, qint64(1));

    // The same entries in another order agree; another entry, one more or one fewer does not.
    const auto keep = [&](const QString& members) {
        const auto written = m_store->db().exec(
            QStringLiteral("UPDATE report_day_members SET members = '%1' WHERE slot = %2").arg(members).arg(slot));
        const auto result = written ? store.differences() : written.error();
        return result ? *result : QStringList {QStringLiteral("error: ") + result.error().message};
    };
    const QStringList dayMembers {QStringLiteral("report_day_members")};
    QCOMPARE(keep(QStringLiteral("%1,%1,-%1,").arg(ana)), QStringList());
    QCOMPARE(keep(QStringLiteral("%1,-%1,-%1,").arg(ana)), dayMembers);
    QCOMPARE(keep(QStringLiteral("%1,%1,-%1,%1,").arg(ana)), dayMembers);
    QCOMPARE(keep(QStringLiteral("%1,-%1,").arg(ana)), dayMembers);
    QCOMPARE(keep(QStringLiteral("%1,%1;-%1,").arg(ana)), dayMembers);

    // A member newer than the newest id the read began with (one who enrolled and bought meanwhile) is counted;
    // `check` finds such an id if no such member is there.
    QCOMPARE(keep(QStringLiteral("%1,%1,-%1,999999,").arg(ana)), dayMembers);
    auto counted = store.activity(QDate(2024, 4, 15), QDate(2024, 4, 15));
    LT_VERIFY_OK(counted);
    QCOMPARE(counted->buyers, qint64(2));
    // A list that is not one of member ids is refused by the reads, not counted.
    for (const QString& unreadable : {QStringLiteral("%1,x,"), QStringLiteral("%1,0,"), QStringLiteral("%1,--%1,"),
                                      QStringLiteral("%1"), QStringLiteral("%1,99999999999999999999,")}) {
        QCOMPARE(keep(unreadable.arg(ana)), dayMembers);
        auto refused = store.activity(QDate(2024, 4, 1), QDate(2024, 4, 30));
        QVERIFY2(!refused, qPrintable(unreadable));
        QCOMPARE(refused.error().kind, lt::ErrorKind::Corrupt);
        QVERIFY(!store.activeMembers(QDate(2024, 4, 30), {30}));
    }

    LT_VERIFY_OK(ReportService(m_store->engine().context()).rebuild());
    differing = store.differences();
    LT_VERIFY_OK(differing);
    QCOMPARE(*differing, QStringList());
}

void TestReportService::monthsOfTheTrend()
{
    auto months = ReportService(m_store->engine().context()).months(QDate(2024, 4, 20), 3);
    LT_VERIFY_OK(months);
    QCOMPARE(months->size(), 3);
    QCOMPARE(months->at(0).first, QDate(2024, 2, 1));
    QCOMPARE(months->at(0).sales, qint64(0));
    QCOMPARE(months->at(0).pointsOutstanding, qint64(0));
    QCOMPARE(months->at(1).sales, qint64(3));
    QCOMPARE(months->at(1).netSalesMinor, qint64(14000));
    QCOMPARE(months->at(1).pointsEarned, qint64(180));
    QCOMPARE(months->at(1).pointsOutstanding, qint64(180));
    // April up to the 20th: everything of April happened by the 15th.
    QCOMPARE(months->at(2).sales, qint64(2));
    QCOMPARE(months->at(2).pointsRedeemed, qint64(100));
    QCOMPARE(months->at(2).pointsOutstanding, qint64(60));
    LT_VERIFY_ERROR(ReportService(m_store->engine().context()).months(QDate(2024, 4, 20), 61),
                    lt::ErrorKind::InvalidInput);
}

// The automation pass keeps the day's forecast; the report shows it while the program expires points.
void TestReportService::expiryForecastOfThePass()
{
    QVERIFY(!summary(QDate(2024, 4, 1), QDate(2024, 4, 30)).expiryForecastOn.isValid());
    m_store->engine().context().program.expirationMonths = 12;
    QVERIFY(!summary(QDate(2024, 4, 1), QDate(2024, 4, 30)).expiryForecastOn.isValid()); // no pass yet
    auto forecast = lt::ExpiryService(m_store->engine().context()).forecast(QDate(2025, 3, 10));
    LT_VERIFY_OK(forecast);
    // Left: 40 points of March 2024 (Ana 10 after her spending, Ben 30), valid through 2025-03-31, and Ana's 20 of
    // April, through 2025-04-30.
    QCOMPARE(forecast->within30, qint64(40));
    QCOMPARE(forecast->within60, qint64(60));
    LT_VERIFY_OK(lt::StoreSettings(m_store->db())
                     .setState(lt::ExpiryService::forecastStateKey(), lt::ExpiryService::forecastText(*forecast)));
    const KpiSummary kpi = summary(QDate(2024, 4, 1), QDate(2024, 4, 30));
    QCOMPARE(kpi.expiryForecastOn, QDate(2025, 3, 10));
    QCOMPARE(kpi.expiring30, forecast->within30);
    QCOMPARE(kpi.expiring90, forecast->within90);
}

void TestReportService::refusesBadPeriods_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("field");

    QTest::newRow("out of order") << QDate(2024, 4, 1) << QDate(2024, 3, 1) << QStringLiteral("from");
    QTest::newRow("ten years") << QDate(2014, 1, 1) << QDate(2024, 1, 1) << QStringLiteral("to");
    QTest::newRow("after today") << QDate(2024, 5, 2) << QDate(2024, 5, 3) << QStringLiteral("from");
    QTest::newRow("impossible date") << QDate(2024, 2, 30) << QDate(2024, 3, 1) << QStringLiteral("from");
}

void TestReportService::refusesBadPeriods()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, field);
    auto kpi = ReportService(m_store->engine().context()).summary(from, to);
    LT_VERIFY_ERROR(kpi, lt::ErrorKind::InvalidInput);
    QCOMPARE(kpi.error().field, field);
}

int main(int argc, char** argv)
{
    // West of UTC, so that 23:59 local is already the next day in UTC: set before anything reads the time zone.
    qputenv("TZ", "America/Los_Angeles");
    tzset();
    QCoreApplication app(argc, argv);
    TestReportService test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_reportservice.moc"
