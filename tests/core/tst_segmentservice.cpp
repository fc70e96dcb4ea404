// Segments, cohorts and predicted value on small stores with a clock the test controls: the RFM segments of five
// members worked out by hand, today and at the end of last month; the lapsed and nearly-there members; the cohort
// retention grid by hand; the member panel's outlook agreeing with the segments; and the predictions equal to
// fitting BgNbdModel and GammaGammaModel directly on histories built by hand from the same purchases.
#include "core/analytics/BgNbdModel.h"
#include "core/analytics/GammaGammaModel.h"
#include "core/services/RefundService.h"
#include "core/services/SegmentService.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

#include <algorithm>
#include <ctime>
#include <random>

using lt::RfmSegment;
using lt::SegmentService;
using lt::test::TempStore;

namespace {

constexpr int Simulated = 150;

// A moment of the store's local day.
QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}

const QDate Today(2024, 6, 15);

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-6 * std::max(1.0, std::abs(expected));
}

} // namespace

class TestSegmentService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void segmentsByHand();
    void movementSinceLastMonth();
    void actions();
    void memberOutlookAgreesWithSegments();
    void cohortRetentionByHand();
    void refusesBadCohortMonths_data();
    void refusesBadCohortMonths();
    void predictionsEqualTheModels();
    void tooLittleHistoryIsRefused();

private:
    void sale(qint64 memberId, QDate day, qint64 amountMinor);
    SegmentService service() { return SegmentService(m_store->engine().context()); }

    std::unique_ptr<TempStore> m_store;
    qint64 m_a = 0, m_b = 0, m_c = 0, m_d = 0, m_e = 0, m_f = 0, m_g = 0;
    int m_sales = 0;
};

void TestSegmentService::sale(qint64 memberId, QDate day, qint64 amountMinor)
{
    m_store->clock().set(at(day));
    LT_VERIFY_OK(m_store->accrue(memberId, QStringLiteral("S-%1").arg(++m_sales), amountMinor));
}

// Today is 15 June 2024; one point a dollar; the cheapest reward costs 100 points.
//   A (enrolled July 2023): 10.00 on 1 Apr, 20 May, 10, 12 and 14 June: 5 sales, last 1 day ago, 50.00.
//   B (January 2024): 20.00 on the 10th of January to April: 4 sales, last 66 days ago, 80.00.
//   C (May 2024): 95.00 on 1 June: 1 sale, 14 days ago, 95 points.
//   D (January 2024): 30.00 on 1 and 15 February: 2 sales, 121 days ago, 60.00.
//   E (July 2023): 40.00 on the 1st of August, September and October 2023: 3 sales, 258 days ago, 120.00.
//   F (May 2024): no sale. G (January 2024): 10.00 on 20 January, then erased.
void TestSegmentService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_sales = 0;
    const auto enroll = [this](QDate day, const char* phone, qint64& id) {
        m_store->clock().set(at(day, QTime(9, 0)));
        auto member = m_store->enroll(QLatin1String(phone));
        LT_VERIFY_OK(member);
        id = member->id;
    };
    enroll(QDate(2023, 7, 1), "415 555 2671", m_a);
    enroll(QDate(2023, 7, 1), "415 555 2675", m_e);
    for (const int month : {8, 9, 10})
        sale(m_e, QDate(2023, month, 1), 4000);
    enroll(QDate(2024, 1, 1), "415 555 2672", m_b);
    enroll(QDate(2024, 1, 1), "415 555 2674", m_d);
    enroll(QDate(2024, 1, 1), "415 555 2677", m_g);
    sale(m_b, QDate(2024, 1, 10), 2000);
    sale(m_g, QDate(2024, 1, 20), 1000);
    sale(m_d, QDate(2024, 2, 1), 3000);
    sale(m_b, QDate(2024, 2, 10), 2000);
    sale(m_d, QDate(2024, 2, 15), 3000);
    sale(m_b, QDate(2024, 3, 10), 2000);
    sale(m_a, QDate(2024, 4, 1), 1000);
    sale(m_b, QDate(2024, 4, 10), 2000);
    enroll(QDate(2024, 5, 1), "415 555 2673", m_c);
    enroll(QDate(2024, 5, 1), "415 555 2676", m_f);
    sale(m_a, QDate(2024, 5, 20), 1000);
    sale(m_c, QDate(2024, 6, 1), 9500);
    for (const int day : {10, 12, 14})
        sale(m_a, QDate(2024, 6, day), 1000);
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE members SET erased_at = '2024-06-14T12:00:00.000Z', phone = NULL WHERE id = ?"), {m_g}));
    m_store->clock().set(at(Today));
}

void TestSegmentService::cleanup()
{
    m_store.reset();
}

// Five buyers, so each score is 1 + the members strictly worse.
// Recency (days): A 1, C 14, B 66, D 121, E 258  -> R: A 5, C 4, B 3, D 2, E 1.
// Frequency: A 5, B 4, E 3, D 2, C 1             -> F: A 5, B 4, E 3, D 2, C 1.
// Monetary: A 50, D 60, B 80, C 95, E 120        -> M: A 1, D 2, B 3, C 4, E 5.
// Grid: A 55 champions, B 34 loyal, C 41 promising, D 22 hibernating, E 13 at risk.
void TestSegmentService::segmentsByHand()
{
    auto report = service().segments(Today);
    LT_VERIFY_OK(report);
    QCOMPARE(report->lastMonthEnd, QDate(2024, 5, 31));
    const QList<lt::RfmScore> expected {
        {m_a, 5, 5, 1, RfmSegment::Champions}, {m_e, 1, 3, 5, RfmSegment::AtRisk},
        {m_b, 3, 4, 3, RfmSegment::Loyal},     {m_d, 2, 2, 2, RfmSegment::Hibernating},
        {m_c, 4, 1, 4, RfmSegment::Promising},
    };
    QCOMPARE(report->scores, expected); // by member id; F never bought, G was erased
    for (const RfmSegment segment :
         {RfmSegment::Champions, RfmSegment::Loyal, RfmSegment::Promising, RfmSegment::Hibernating, RfmSegment::AtRisk})
        QCOMPARE(report->members[std::size_t(segment)], qint64(1));
    QCOMPARE(report->members[std::size_t(RfmSegment::NeedsAttention)], qint64(0));
    QCOMPARE(report->members[std::size_t(RfmSegment::Lost)], qint64(0));
}

// At the end of May four had bought (C's first sale is June's), so each score is 1 + ⌊5 × worse / 4⌋.
// Recency from 31 May: A 11, B 51, D 106, E 243 -> R: A 4, B 3, D 2, E 1.
// Frequency: A 2, D 2, E 3, B 4                  -> F: A 1, D 1, E 3, B 4.
// A 41 promising, B 34 loyal, D 21 hibernating, E 13 at risk.
void TestSegmentService::movementSinceLastMonth()
{
    auto report = service().segments(Today);
    LT_VERIFY_OK(report);
    const auto moved = [&](int from, RfmSegment to) {
        return report->movement[std::size_t(from)][std::size_t(to)];
    };
    QCOMPARE(moved(int(RfmSegment::Promising), RfmSegment::Champions), qint64(1)); // A
    QCOMPARE(moved(int(RfmSegment::Loyal), RfmSegment::Loyal), qint64(1)); // B
    QCOMPARE(moved(lt::kNoSegment, RfmSegment::Promising), qint64(1)); // C
    QCOMPARE(moved(int(RfmSegment::Hibernating), RfmSegment::Hibernating), qint64(1)); // D
    QCOMPARE(moved(int(RfmSegment::AtRisk), RfmSegment::AtRisk), qint64(1)); // E
    qint64 total = 0;
    for (const auto& row : report->movement)
        for (const qint64 cell : row)
            total += cell;
    QCOMPARE(total, qint64(5));
    QCOMPARE(report->membersLastMonth[std::size_t(RfmSegment::Promising)], qint64(1));
    QCOMPARE(report->membersLastMonth[std::size_t(RfmSegment::Champions)], qint64(0));
}

// Lapsed: B bought 4 times since 15 December and not since 4 May. E's sales are older than six months; A bought
// this week. Nearly there: C's 95 points are 95 % of the 100 of the cheapest reward; E's 120 are far from 250.
void TestSegmentService::actions()
{
    auto report = service().segments(Today);
    LT_VERIFY_OK(report);
    QCOMPARE(report->lapsed, QList<qint64> {m_b});
    QCOMPARE(report->nearlyThere.size(), 1);
    QCOMPARE(report->nearlyThere[0].memberId, m_c);
    QCOMPARE(report->nearlyThere[0].balance, qint64(95));
    QCOMPARE(report->nearlyThere[0].rewardPoints, qint64(100));
}

void TestSegmentService::memberOutlookAgreesWithSegments()
{
    const SegmentService segments = service();
    auto report = segments.segments(Today);
    LT_VERIFY_OK(report);
    for (const lt::RfmScore& score : std::as_const(report->scores)) {
        auto outlook = segments.memberOutlook(score.memberId, Today);
        LT_VERIFY_OK(outlook);
        QVERIFY(outlook->segment.has_value());
        QCOMPARE(*outlook->segment, score.segment);
        QCOMPARE(outlook->segmentId, lt::RfmSegments::id(score.segment));
        QCOMPARE(outlook->lapsed, score.memberId == m_b);
    }
    auto a = segments.memberOutlook(m_a, Today);
    LT_VERIFY_OK(a);
    QCOMPARE(a->segmentName, QStringLiteral("Champions"));
    QCOMPARE(a->suggestion, SegmentService::suggestion(RfmSegment::Champions));
    auto e = segments.memberOutlook(m_e, Today);
    LT_VERIFY_OK(e);
    QCOMPARE(e->suggestion, QStringLiteral("Offer a reason to come back"));
    auto b = segments.memberOutlook(m_b, Today);
    LT_VERIFY_OK(b);
    QVERIFY2(b->suggestion.startsWith(QLatin1String("Lapsed")), qPrintable(b->suggestion));
    auto c = segments.memberOutlook(m_c, Today);
    LT_VERIFY_OK(c);
    QCOMPARE(c->nearlyThereReward, std::optional<qint64>(100));
    QVERIFY2(c->suggestion.contains(QLatin1String("5 Points")), qPrintable(c->suggestion));
    auto f = segments.memberOutlook(m_f, Today);
    LT_VERIFY_OK(f);
    QVERIFY(!f->segment.has_value());
    QVERIFY(f->segmentId.isEmpty());
    QVERIFY(!f->suggestion.isEmpty());
}

// January 2024: B, D and G enrolled (G's erasure does not undo the enrollment). January: B and G bought;
// February: B and D; March and April: B. May 2024: C and F enrolled; June: C bought. July 2023 (A, E) is before
// the grid's first cohort.
void TestSegmentService::cohortRetentionByHand()
{
    auto grid = service().cohorts(QDate(2024, 1, 20), QDate(2024, 6, 1));
    LT_VERIFY_OK(grid);
    QCOMPARE(grid->fromMonth, QDate(2024, 1, 1));
    QCOMPARE(grid->toMonth, QDate(2024, 6, 1));
    QCOMPARE(grid->cohorts.size(), 6);
    const lt::CohortGrid::Cohort& january = grid->cohorts[0];
    QCOMPARE(january.month, QDate(2024, 1, 1));
    QCOMPARE(january.enrolled, qint64(3));
    QCOMPARE(january.buyers, (QList<qint64> {2, 2, 1, 1, 0, 0}));
    QCOMPARE(january.retention, (QList<double> {2.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0}));
    QCOMPARE(grid->cohorts[1].enrolled, qint64(0));
    QCOMPARE(grid->cohorts[1].retention, (QList<double> {0, 0, 0, 0, 0}));
    const lt::CohortGrid::Cohort& may = grid->cohorts[4];
    QCOMPARE(may.enrolled, qint64(2));
    QCOMPARE(may.buyers, (QList<qint64> {0, 1}));
    QCOMPARE(may.retention, (QList<double> {0, 0.5}));
    QCOMPARE(grid->cohorts[5].buyers, QList<qint64> {0});

    auto july = service().cohorts(QDate(2023, 7, 1), QDate(2023, 10, 31));
    LT_VERIFY_OK(july);
    QCOMPARE(july->cohorts[0].enrolled, qint64(2));
    QCOMPARE(july->cohorts[0].buyers, (QList<qint64> {0, 1, 1, 1})); // E; A first bought in 2024
}

void TestSegmentService::refusesBadCohortMonths_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("field");
    QTest::newRow("out of order") << QDate(2024, 5, 1) << QDate(2024, 4, 30) << QStringLiteral("from");
    QTest::newRow("after this month") << QDate(2024, 5, 1) << QDate(2024, 7, 1) << QStringLiteral("to");
    QTest::newRow("ten years") << QDate(2014, 6, 1) << QDate(2024, 6, 1) << QStringLiteral("to");
    QTest::newRow("not a date") << QDate(2024, 13, 1) << QDate(2024, 6, 1) << QStringLiteral("from");
}

void TestSegmentService::refusesBadCohortMonths()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, field);
    auto grid = service().cohorts(from, to);
    LT_VERIFY_ERROR(grid, lt::ErrorKind::InvalidInput);
    QCOMPARE(grid.error().field, field);
}

// 150 members with purchases drawn from a fixed seed as BG/NBD and Gamma-Gamma tell the story, over a year and a half
// (some on the same day, one refunded in part), and one member whose first purchase is today. The histories are
// summarised by hand from the same purchases with lifetimes' rules (summarizePurchases), and the models fitted on them
// directly: the service must give the same parameters and predictions.
void TestSegmentService::predictionsEqualTheModels()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    store.clock().set(at(QDate(2023, 1, 1)));
    struct Purchase
    {
        QDateTime at;
        qint64 member = 0;
        qint64 amountMinor = 0;
    };
    QList<qint64> members;
    for (int i = 0; i < Simulated; ++i) {
        auto member = store.enroll(QStringLiteral("415 555 %1").arg(3000 + i));
        LT_VERIFY_OK(member);
        members << member->id;
    }
    // BG/NBD's own story: each member buys at a rate of their own and may stop after each purchase, with a chance of
    // their own; each spends around an average of their own.
    std::mt19937 random(20240615);
    std::gamma_distribution<double> rate(0.9, 1.0 / 30); // purchases a day
    std::gamma_distribution<double> dropA(1.2, 1.0), dropB(4.0, 1.0);
    std::gamma_distribution<double> averageSpend(3.0, 1500.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    QList<Purchase> purchases;
    const QDate start(2023, 1, 2);
    for (const qint64 member : std::as_const(members)) {
        const double lambda = rate(random);
        const double x = dropA(random), dropout = x / (x + dropB(random));
        std::gamma_distribution<double> spend(4.0, averageSpend(random) / 4);
        std::exponential_distribution<double> gap(lambda);
        QDate day = start.addDays(qint64(unit(random) * 450));
        while (day < Today) {
            purchases << Purchase {at(day, QTime(10, 0)), member, 100 + qint64(spend(random))};
            if (unit(random) < 0.1) // a second sale the same day
                purchases << Purchase {at(day, QTime(16, 0)), member, 100 + qint64(spend(random))};
            if (unit(random) < dropout)
                break;
            day = day.addDays(1 + qint64(std::min(gap(random), 1000.0)));
        }
    }
    std::sort(purchases.begin(), purchases.end(), [](const Purchase& a, const Purchase& b) { return a.at < b.at; });
    QHash<qint64, QList<lt::DatedPurchase>> byMember;
    for (qsizetype i = 0; i < purchases.size(); ++i) {
        store.clock().set(purchases[i].at);
        LT_VERIFY_OK(store.accrue(purchases[i].member, QStringLiteral("P-%1").arg(i), purchases[i].amountMinor));
        byMember[purchases[i].member] << lt::DatedPurchase {purchases[i].at.toLocalTime().date(),
                                                            double(purchases[i].amountMinor) / 100};
    }
    // The last sale refunded by 3.00 today: its day's net value is what counts.
    store.clock().set(at(Today, QTime(9, 0)));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("P-%1").arg(purchases.size() - 1);
    refund.amount = lt::Money(300, QStringLiteral("USD"));
    LT_VERIFY_OK(store.engine().refunds().refund(refund, TempStore::cashier()));
    byMember[purchases.last().member].last().value -= 3.0;
    // A member whose first purchase is today: T = 0.
    auto newcomer = store.enroll(QStringLiteral("415 555 2999"));
    LT_VERIFY_OK(newcomer);
    members << newcomer->id;
    store.clock().set(at(Today, QTime(10, 0)));
    LT_VERIFY_OK(store.accrue(newcomer->id, QStringLiteral("P-today"), 2500));
    byMember[newcomer->id] << lt::DatedPurchase {Today, 25.0};

    QList<lt::CustomerHistory> histories;
    QList<qint64> ids;
    for (const qint64 member : std::as_const(members)) {
        if (!byMember.contains(member))
            continue;
        auto history = lt::summarizePurchases(byMember[member], Today);
        LT_VERIFY_OK(history);
        histories << *history;
        ids << member;
    }
    auto purchaseFit = lt::BgNbdModel::fit(histories);
    LT_VERIFY_OK(purchaseFit);
    auto spendFit = lt::GammaGammaModel::fit(histories);
    LT_VERIFY_OK(spendFit);

    auto report = SegmentService(store.engine().context()).predictions(Today);
    LT_VERIFY_OK(report);
    QCOMPARE(report->purchaseCustomers, int(histories.size()));
    QCOMPARE(report->spendCustomers, spendFit->customers);
    const lt::BgNbdParameters& bg = purchaseFit->model.parameters();
    QVERIFY(near(report->purchases.r, bg.r) && near(report->purchases.alpha, bg.alpha)
            && near(report->purchases.a, bg.a) && near(report->purchases.b, bg.b));
    const lt::GammaGammaParameters& gg = spendFit->model.parameters();
    QVERIFY(near(report->spend.p, gg.p) && near(report->spend.q, gg.q) && near(report->spend.gamma, gg.gamma));

    QCOMPARE(report->members.size(), histories.size());
    for (qsizetype i = 0; i < histories.size(); ++i) {
        const lt::MemberPrediction& predicted = report->members[i];
        const lt::CustomerHistory& history = histories[i];
        QCOMPARE(predicted.memberId, ids[i]);
        QCOMPARE(predicted.history.frequency, history.frequency);
        QCOMPARE(predicted.history.recency, history.recency);
        QCOMPARE(predicted.history.age, history.age);
        QVERIFY(near(predicted.history.meanValue, history.meanValue));
        auto expected = purchaseFit->model.expectedPurchases(365, history);
        LT_VERIFY_OK(expected);
        QVERIFY2(near(predicted.expectedPurchases, *expected), qPrintable(QString::number(*expected)));
        QVERIFY(near(predicted.probabilityAlive, purchaseFit->model.probabilityAlive(history)));
        auto value = spendFit->model.expectedAverageValue(history);
        LT_VERIFY_OK(value);
        QVERIFY(near(predicted.expectedAverageValueMinor, *value * 100));
        auto lifetime = spendFit->model.customerLifetimeValue(purchaseFit->model, history);
        LT_VERIFY_OK(lifetime);
        QVERIFY2(near(predicted.lifetimeValueMinor, *lifetime * 100),
                 qPrintable(QStringLiteral("%1 vs %2").arg(predicted.lifetimeValueMinor).arg(*lifetime * 100)));
    }
}

// Everyone bought once, today: nothing tells how often customers return.
void TestSegmentService::tooLittleHistoryIsRefused()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    store.clock().set(at(Today));
    for (int i = 0; i < 3; ++i) {
        auto member = store.enroll(QStringLiteral("415 555 %1").arg(4000 + i));
        LT_VERIFY_OK(member);
        LT_VERIFY_OK(store.accrue(member->id, QStringLiteral("T-%1").arg(i), 2000));
    }
    auto report = SegmentService(store.engine().context()).predictions(Today);
    LT_VERIFY_ERROR(report, lt::ErrorKind::Refused);
    QVERIFY(report.error().message.contains(QLatin1String("cannot be fitted")));

    TempStore empty;
    LT_VERIFY_OK(empty.open());
    LT_VERIFY_ERROR(SegmentService(empty.engine().context()).predictions(Today), lt::ErrorKind::Refused);
    auto segments = SegmentService(empty.engine().context()).segments(Today);
    LT_VERIFY_OK(segments);
    QVERIFY(segments->scores.isEmpty());
}

int main(int argc, char** argv)
{
    // A fixed zone, so that the store's local days are the same wherever the test runs.
    qputenv("TZ", "Europe/Madrid");
    tzset();
    QCoreApplication app(argc, argv);
    TestSegmentService test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_segmentservice.moc"
