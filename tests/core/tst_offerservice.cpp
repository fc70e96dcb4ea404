// Targeted offers on real stores with a clock the test controls: the hold-out is a stable SHA-256 share (checked
// against values computed outside Qt) close to the share on 10,000 members; the segment's members are fixed with
// their hold-out; held-out members are shown nothing; a bonus applied twice is given once, through the ledger and
// the outbox under the member's key; a multiplier applies to the next sale only; and the results (return rate,
// sales, points cost and their intervals) equal what the test computes by hand. The intervals are checked against
// published values (Newcombe 1998) and Student's t against a numerical integration of its density.
#include "core/analytics/OfferStatistics.h"
#include "core/services/AccrualService.h"
#include "core/services/OfferService.h"
#include "core/services/RedemptionService.h"
#include "core/services/RefundService.h"
#include "core/store/OfferStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>
#include <QUuid>

#include <cmath>

using lt::OfferDraft;
using lt::OfferService;
using lt::OfferStatistics;
using lt::TargetedOffer;
using lt::test::TempStore;

namespace {

QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}

const QDate Today(2024, 6, 15);
constexpr int Members = 40;

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

// Wilson's interval written as the roots of (p̂ − p)² = z² p (1 − p) / n, a form apart from the service's.
std::pair<double, double> wilsonRoots(double x, double n)
{
    const double z = 1.959963984540054;
    const double p = x / n;
    const double a = 1 + z * z / n;
    const double b = -(2 * p + z * z / n);
    const double c = p * p;
    const double root = std::sqrt(b * b - 4 * a * c);
    return {(-b - root) / (2 * a), (-b + root) / (2 * a)};
}

// P(T ≤ t) by Simpson's rule on Student's density: independent of the incomplete beta function the service uses.
double tDistributionBySimpson(double t, double nu)
{
    const auto density = [nu](double x) {
        return std::exp(std::lgamma((nu + 1) / 2) - std::lgamma(nu / 2)) / std::sqrt(nu * M_PI)
            * std::pow(1 + x * x / nu, -(nu + 1) / 2);
    };
    constexpr int Steps = 20000;
    const double h = t / Steps;
    double sum = density(0) + density(t);
    for (int i = 1; i < Steps; ++i)
        sum += (i % 2 ? 4 : 2) * density(i * h);
    return 0.5 + sum * h / 3;
}

} // namespace

class TestOfferService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void holdOutIsStableAcrossRuns();
    void holdOutIsCloseToTheShare_data();
    void holdOutIsCloseToTheShare();
    void intervalsMatchPublishedValues();
    void studentTQuantiles();
    void defineFixesTheSegmentWithItsHoldOut();
    void heldOutMembersAreShownNothing();
    void applyTwiceGivesOnce();
    void multiplierAppliesToTheNextSaleOnly();
    void offersOutsideTheirDaysShowNothing();
    void resultsByHand();
    void resultsCountUsesAndThePointsKept();
    void badInputIsRefusedWithNothingChanged_data();
    void badInputIsRefusedWithNothingChanged();
    void storedKindsReadBack();

private:
    OfferService service() { return OfferService(m_store->engine().context()); }
    OfferDraft draft(TargetedOffer::Kind kind = TargetedOffer::Kind::Bonus, int holdout = 25) const;
    TargetedOffer define(const OfferDraft& draft);
    // The offer's members, offered and held out, from its table.
    std::pair<QList<qint64>, QList<qint64>> groups(qint64 offerId);
    QString sale(qint64 memberId, qint64 amountMinor);

    std::unique_ptr<TempStore> m_store;
    QList<qint64> m_members;
    int m_sales = 0;
};

// Forty members who each bought 10.00 on 1 June: every score is tied, so all are "lost" (R 1, F 1).
void TestOfferService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_members.clear();
    m_sales = 0;
    m_store->clock().set(at(QDate(2024, 5, 1)));
    for (int i = 0; i < Members; ++i) {
        auto member = m_store->enroll(QStringLiteral("415 555 %1").arg(2000 + i));
        LT_VERIFY_OK(member);
        m_members << member->id;
    }
    m_store->clock().set(at(QDate(2024, 6, 1)));
    for (const qint64 id : std::as_const(m_members))
        sale(id, 1000);
    m_store->clock().set(at(Today));
}

void TestOfferService::cleanup()
{
    m_store.reset();
}

QString TestOfferService::sale(qint64 memberId, qint64 amountMinor)
{
    const QString reference = QStringLiteral("S-%1").arg(++m_sales);
    auto accrued = m_store->accrue(memberId, reference, amountMinor);
    if (!accrued)
        qWarning() << accrued.error().message;
    return reference;
}

OfferDraft TestOfferService::draft(TargetedOffer::Kind kind, int holdout) const
{
    OfferDraft d;
    d.name = QStringLiteral("Come back");
    d.segment = QStringLiteral("lost");
    d.kind = kind;
    d.points = 50;
    d.multiplierMilli = 2000;
    d.rewardId = QStringLiteral("five-off");
    d.from = Today;
    d.to = Today.addDays(13);
    d.holdoutPercent = holdout;
    d.manager = QStringLiteral("Dana");
    return d;
}

TargetedOffer TestOfferService::define(const OfferDraft& d)
{
    auto offer = service().define(d, Today, TempStore::cashier());
    if (!offer) {
        qWarning() << offer.error().message;
        return {};
    }
    return *offer;
}

std::pair<QList<qint64>, QList<qint64>> TestOfferService::groups(qint64 offerId)
{
    QSqlQuery query(m_store->db().connection());
    query.prepare(
        QStringLiteral("SELECT member_id, held_out FROM offer_members WHERE offer_id = ? ORDER BY member_id"));
    query.addBindValue(offerId);
    query.exec();
    std::pair<QList<qint64>, QList<qint64>> found;
    while (query.next())
        (query.value(1).toInt() ? found.second : found.first) << query.value(0).toLongLong();
    return found;
}

// Computed with Python's hashlib (SHA-256 of "loyaltytill-offer-holdout:KEY:ID", first 8 bytes big-endian, below
// 30 × ⌊(2⁶⁴ − 1) / 100⌋): the same on every run, process and till, unlike qHash.
void TestOfferService::holdOutIsStableAcrossRuns()
{
    const QString key = QStringLiteral("7d0c2f6e-test");
    QList<qint64> heldOut;
    for (qint64 id = 1; id <= 40; ++id) {
        if (TargetedOffer::isHeldOut(key, id, 30))
            heldOut << id;
    }
    QCOMPARE(heldOut, (QList<qint64> {4, 5, 6, 17, 18, 19, 22, 27, 36, 39, 40}));
    QCOMPARE(TargetedOffer::applicationKey(key, 17), QStringLiteral("lt1-offer-c2a1d744a41b4633ac090fd554cbae92"));
    for (qint64 id = 1; id <= 40; ++id)
        QVERIFY(!TargetedOffer::isHeldOut(key, id, 0));
}

void TestOfferService::holdOutIsCloseToTheShare_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("percent");
    for (const int percent : {1, 5, 10, 20, 35, 50}) {
        QTest::addRow("fixed key, %d %%", percent) << QStringLiteral("7d0c2f6e-test") << percent;
        QTest::addRow("random key, %d %%", percent) << QUuid::createUuid().toString(QUuid::WithoutBraces) << percent;
    }
}

// Binomial(10,000, p): the count is within 4.5 standard deviations of 10,000 p (a chance of about 7 in a million
// of falling outside for a fair hash).
void TestOfferService::holdOutIsCloseToTheShare()
{
    QFETCH(QString, key);
    QFETCH(int, percent);
    constexpr int N = 10000;
    int heldOut = 0;
    for (qint64 id = 1; id <= N; ++id)
        heldOut += TargetedOffer::isHeldOut(key, id, percent) ? 1 : 0;
    const double p = percent / 100.0;
    const double bound = 4.5 * std::sqrt(N * p * (1 - p));
    QVERIFY2(std::abs(heldOut - N * p) <= bound,
             qPrintable(QStringLiteral("%1 held out of %2 at %3 %").arg(heldOut).arg(N).arg(percent)));
}

// Newcombe (1998), Table II, method 10: 56/70 − 48/80 is 0.0524 to 0.3339, 9/10 − 3/10 is 0.1705 to 0.8090,
// 5/56 − 0/29 is −0.0381 to 0.1926.
void TestOfferService::intervalsMatchPublishedValues()
{
    const auto check = [](long long x1, long long n1, long long x2, long long n2, double low, double high) {
        const auto range = OfferStatistics::newcombeDifference(x1, n1, x2, n2);
        QVERIFY(range.has_value());
        QVERIFY2(std::abs(range->low - low) < 5e-5, qPrintable(QString::number(range->low)));
        QVERIFY2(std::abs(range->high - high) < 5e-5, qPrintable(QString::number(range->high)));
    };
    check(56, 70, 48, 80, 0.0524, 0.3339);
    check(9, 10, 3, 10, 0.1705, 0.8090);
    check(5, 56, 0, 29, -0.0381, 0.1926);
    QVERIFY(!OfferStatistics::newcombeDifference(1, 5, 0, 0));
    const auto wilson = OfferStatistics::wilson(3, 17);
    const auto roots = wilsonRoots(3, 17);
    QVERIFY(near(wilson->low, roots.first) && near(wilson->high, roots.second));
}

// Tables of Student's t (0.975): 12.7062 (1), 4.3027 (2), 2.5706 (5), 2.2281 (10), 2.0423 (30); and for degrees of
// freedom that are not whole, as Welch's are, the distribution at the quantile is 0.975 by Simpson's rule.
void TestOfferService::studentTQuantiles()
{
    const std::pair<double, double> table[] = {
        {1, 12.7062047}, {2, 4.3026527}, {5, 2.5705818}, {10, 2.2281389}, {30, 2.0422725}};
    for (const auto& [nu, t] : table)
        QVERIFY2(std::abs(OfferStatistics::studentTQuantile(0.975, nu) - t) < 1e-6, qPrintable(QString::number(nu)));
    for (const double nu : {1.7, 7.5, 23.4, 123.4}) {
        const double t = OfferStatistics::studentTQuantile(0.975, nu);
        QVERIFY2(std::abs(tDistributionBySimpson(t, nu) - 0.975) < 1e-8, qPrintable(QString::number(nu)));
        QVERIFY(near(OfferStatistics::studentTQuantile(0.025, nu), -t));
    }
}

void TestOfferService::defineFixesTheSegmentWithItsHoldOut()
{
    const TargetedOffer offer = define(draft());
    QVERIFY(offer.id > 0);
    const auto [offered, heldOut] = groups(offer.id);
    QCOMPARE(offered.size() + heldOut.size(), qsizetype(Members));
    for (const qint64 id : std::as_const(m_members))
        QCOMPARE(heldOut.contains(id), TargetedOffer::isHeldOut(offer.key, id, 25));
    QVERIFY(!heldOut.isEmpty() && !offered.isEmpty()); // 0.75⁴⁰ and 0.25⁴⁰: never by chance
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'offer.add'"), qint64(1));
    // Members who join the segment later are not added: the groups stay those fixed today.
    auto late = m_store->enroll(QStringLiteral("415 555 2999"));
    LT_VERIFY_OK(late);
    sale(late->id, 1000);
    QCOMPARE(groups(offer.id).first.size() + groups(offer.id).second.size(), qsizetype(Members));
}

void TestOfferService::heldOutMembersAreShownNothing()
{
    const TargetedOffer offer = define(draft());
    const auto [offered, heldOut] = groups(offer.id);
    for (const qint64 id : heldOut) {
        auto shown = service().offerFor(id, Today);
        LT_VERIFY_OK(shown);
        QVERIFY(!shown->has_value());
        const QString before = m_store->rowCounts();
        LT_VERIFY_ERROR(service().apply(id, offer.id, Today, TempStore::cashier()), lt::ErrorKind::Refused);
        QCOMPARE(m_store->rowCounts(), before);
    }
    for (const qint64 id : offered) {
        auto shown = service().offerFor(id, Today);
        LT_VERIFY_OK(shown);
        QVERIFY(shown->has_value());
        QCOMPARE((*shown)->id, offer.id);
    }
}

void TestOfferService::applyTwiceGivesOnce()
{
    const TargetedOffer offer = define(draft());
    const qint64 member = groups(offer.id).first.first();
    const qint64 balance = m_store->balance(member);
    auto first = service().apply(member, offer.id, Today, TempStore::cashier());
    LT_VERIFY_OK(first);
    QVERIFY(!first->repeated);
    QCOMPARE(first->points, qint64(50));
    QCOMPARE(first->member.balance, balance + 50);
    QCOMPARE(first->key, TargetedOffer::applicationKey(offer.key, member));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE idempotency_key = ? AND operation = 'adjust' "
                             "AND ledger_id = ?",
                             {first->key, first->ledgerId}),
             qint64(1));
    const QString after = m_store->rowCounts();
    auto second = service().apply(member, offer.id, Today, TempStore::cashier());
    LT_VERIFY_OK(second);
    QVERIFY(second->repeated);
    QCOMPARE(second->ledgerId, first->ledgerId);
    QCOMPARE(m_store->balance(member), balance + 50);
    QCOMPARE(m_store->rowCounts(), after);
    auto shown = service().offerFor(member, Today);
    LT_VERIFY_OK(shown);
    QVERIFY(!shown->has_value()); // used
    auto integrity = m_store->checkIntegrity();
    LT_VERIFY_OK(integrity);
    QVERIFY2(integrity->ok(), qPrintable(integrity->problems.join(QLatin1Char('\n'))));
}

void TestOfferService::multiplierAppliesToTheNextSaleOnly()
{
    const TargetedOffer offer = define(draft(TargetedOffer::Kind::Multiplier));
    const auto [offered, heldOut] = groups(offer.id);
    const qint64 member = offered.first();
    LT_VERIFY_ERROR(service().apply(member, offer.id, Today, TempStore::cashier()), lt::ErrorKind::Refused);
    auto first = m_store->accrue(member, QStringLiteral("M-1"), 1000);
    LT_VERIFY_OK(first);
    QCOMPARE(first->points, qint64(20));
    QCOMPARE(first->earned.extras.size(), 1);
    QCOMPARE(first->earned.extras.first().name, QStringLiteral("Come back 2x"));
    QCOMPARE(first->earned.extras.first().points, qint64(10));
    QCOMPARE(m_store->number("SELECT points FROM offer_members WHERE offer_id = ? AND member_id = ? AND sale_id = "
                             "(SELECT id FROM sales WHERE reference = 'M-1')",
                             {offer.id, member}),
             qint64(10));
    auto second = m_store->accrue(member, QStringLiteral("M-2"), 1000);
    LT_VERIFY_OK(second);
    QCOMPARE(second->points, qint64(10));
    auto held = m_store->accrue(heldOut.first(), QStringLiteral("M-3"), 1000);
    LT_VERIFY_OK(held);
    QCOMPARE(held->points, qint64(10));
    auto integrity = m_store->checkIntegrity();
    LT_VERIFY_OK(integrity);
    QVERIFY2(integrity->ok(), qPrintable(integrity->problems.join(QLatin1Char('\n'))));
}

void TestOfferService::offersOutsideTheirDaysShowNothing()
{
    OfferDraft later = draft();
    later.from = Today.addDays(2);
    later.to = Today.addDays(3);
    const TargetedOffer offer = define(later);
    const qint64 member = groups(offer.id).first.first();
    QVERIFY(!service().offerFor(member, Today)->has_value()); // not started
    LT_VERIFY_ERROR(service().apply(member, offer.id, Today, TempStore::cashier()), lt::ErrorKind::Refused);
    QVERIFY(service().offerFor(member, Today.addDays(2))->has_value());
    QVERIFY(!service().offerFor(member, Today.addDays(4))->has_value()); // expired
    LT_VERIFY_OK(service().end(offer.id, QStringLiteral("Dana"), TempStore::cashier()));
    QVERIFY(!service().offerFor(member, Today.addDays(2))->has_value()); // ended
    LT_VERIFY_ERROR(service().end(offer.id, QStringLiteral("Dana"), TempStore::cashier()), lt::ErrorKind::Conflict);
    LT_VERIFY_ERROR(service().end(offer.id + 100, QStringLiteral("Dana"), TempStore::cashier()),
                    lt::ErrorKind::NotFound);
}

// A reward offer (five-off: 100 points) with half held out. On the 16th three offered members buy (20.00, 30.00
// and 10.00 twice) and one held-out member buys 40.00; the first offered member uses the offer and spends the 100
// points on the reward (5.00 off: a point costs 5 minor units). Everything else is computed here from the groups.
void TestOfferService::resultsByHand()
{
    const TargetedOffer offer = define(draft(TargetedOffer::Kind::Reward, 50));
    QCOMPARE(offer.points, qint64(100));
    const auto [offered, heldOut] = groups(offer.id);
    QVERIFY(offered.size() >= 3 && heldOut.size() >= 2);
    m_store->clock().set(at(Today.addDays(1)));
    auto used = service().apply(offered[0], offer.id, Today.addDays(1), TempStore::cashier());
    LT_VERIFY_OK(used);
    lt::RedemptionRequest reward;
    reward.memberId = offered[0];
    reward.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(reward, TempStore::cashier()));
    sale(offered[0], 2000);
    sale(offered[1], 3000);
    sale(offered[2], 1000);
    sale(offered[2], 1000);
    sale(heldOut[0], 4000);
    m_store->clock().set(at(Today.addDays(3)));
    auto results = service().results(offer.id, Today.addDays(3));
    LT_VERIFY_OK(results);
    QCOMPARE(results->countedFrom, Today);
    QCOMPARE(results->countedTo, Today.addDays(3));
    QVERIFY(near(results->costPerPointMinor, 5.0));

    const double n1 = double(offered.size());
    const double n2 = double(heldOut.size());
    QCOMPARE(results->offered.members, qint64(offered.size()));
    QCOMPARE(results->heldOut.members, qint64(heldOut.size()));
    QCOMPARE(results->offered.returned, qint64(3));
    QCOMPARE(results->heldOut.returned, qint64(1));
    QVERIFY(near(results->offered.returnRate, 3 / n1));
    QVERIFY(near(results->heldOut.returnRate, 1 / n2));
    QCOMPARE(results->offered.netSalesMinor, qint64(7000));
    QCOMPARE(results->heldOut.netSalesMinor, qint64(4000));
    QVERIFY(near(results->offered.netSalesPerMemberMinor, 7000 / n1));
    QVERIFY(near(results->heldOut.netSalesPerMemberMinor, 4000 / n2));
    QCOMPARE(results->offered.offerPoints, qint64(100));
    QCOMPARE(results->offered.usedBy, qint64(1));
    QVERIFY(near(results->offered.pointsCostPerMemberMinor, 100 * 5.0 / n1));
    QCOMPARE(results->heldOut.pointsCostPerMemberMinor, 0.0);

    // Newcombe's interval from the two Wilson intervals, each solved here as a quadratic.
    const auto [l1, u1] = wilsonRoots(3, n1);
    const auto [l2, u2] = wilsonRoots(1, n2);
    const double p1 = 3 / n1;
    const double p2 = 1 / n2;
    QVERIFY(near(results->returnRateDifference, p1 - p2));
    QVERIFY(results->returnRateDifferenceInterval.has_value());
    QVERIFY(near(results->returnRateDifferenceInterval->low,
                 p1 - p2 - std::sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2))));
    QVERIFY(near(results->returnRateDifferenceInterval->high,
                 p1 - p2 + std::sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2))));

    // Welch: the members' net sales (0 for those who did not buy), their sample variances and the t quantile of the
    // Welch–Satterthwaite degrees of freedom, checked by Simpson's rule.
    const double m1 = 7000 / n1;
    const double m2 = 4000 / n2;
    const double ss1 = std::pow(2000 - m1, 2) + std::pow(3000 - m1, 2) + std::pow(2000 - m1, 2) + (n1 - 3) * m1 * m1;
    const double ss2 = std::pow(4000 - m2, 2) + (n2 - 1) * m2 * m2;
    const double v1 = ss1 / (n1 - 1) / n1;
    const double v2 = ss2 / (n2 - 1) / n2;
    const double nu = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    QVERIFY(near(results->welchDegreesOfFreedom, nu));
    QVERIFY(results->netSalesPerMemberDifferenceInterval.has_value());
    const double half =
        (results->netSalesPerMemberDifferenceInterval->high - results->netSalesPerMemberDifferenceInterval->low) / 2;
    QVERIFY(near(
        (results->netSalesPerMemberDifferenceInterval->high + results->netSalesPerMemberDifferenceInterval->low) / 2,
        m1 - m2, 1e-9));
    QVERIFY(std::abs(tDistributionBySimpson(half / std::sqrt(v1 + v2), nu) - 0.975) < 1e-8);

    // Sales after the offer's last day do not count.
    m_store->clock().set(at(Today.addDays(20)));
    sale(heldOut[1], 5000);
    auto later = service().results(offer.id, Today.addDays(20));
    LT_VERIFY_OK(later);
    QCOMPARE(later->countedTo, offer.to);
    QCOMPARE(later->heldOut.returned, qint64(1));
}

// A 1.5x offer: 1.00 earns 1 point and nothing extra, yet the offer was used; 20.00 earns 10 extra, and a refund of
// half takes back 15 of the sale's 30 points, 5 of them the offer's; a voided sale's use no longer counts. A reward
// redeemed after the results' day leaves their cost of a point as it was that day.
void TestOfferService::resultsCountUsesAndThePointsKept()
{
    OfferDraft d = draft(TargetedOffer::Kind::Multiplier);
    d.multiplierMilli = 1500;
    const TargetedOffer offer = define(d);
    const auto [offered, heldOut] = groups(offer.id);
    QVERIFY(offered.size() >= 3 && !heldOut.isEmpty());
    auto nothingExtra = m_store->accrue(offered[0], QStringLiteral("U-1"), 100);
    LT_VERIFY_OK(nothingExtra);
    QCOMPARE(nothingExtra->points, qint64(1));
    QCOMPARE(nothingExtra->targetedOfferId, offer.id);
    auto usedForNothing = service().results(offer.id, Today);
    LT_VERIFY_OK(usedForNothing);
    QCOMPARE(usedForNothing->offered.usedBy, qint64(1));
    auto halved = m_store->accrue(offered[1], QStringLiteral("U-2"), 2000);
    LT_VERIFY_OK(halved);
    QCOMPARE(halved->points, qint64(30));
    lt::RefundRequest half;
    half.saleReference = QStringLiteral("U-2");
    half.amount = lt::Money(1000, QStringLiteral("USD"));
    LT_VERIFY_OK(m_store->engine().refunds().refund(half, TempStore::cashier()));
    LT_VERIFY_OK(m_store->accrue(offered[2], QStringLiteral("U-3"), 2000));
    LT_VERIFY_OK(m_store->engine().accrual().voidSale(QStringLiteral("U-3"), QStringLiteral("Wrong member"),
                                                      TempStore::cashier()));
    m_store->clock().set(at(Today.addDays(1)));
    LT_VERIFY_OK(m_store->accrue(heldOut[0], QStringLiteral("U-4"), 10000));
    lt::RedemptionRequest reward;
    reward.memberId = heldOut[0];
    reward.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(reward, TempStore::cashier()));

    auto results = service().results(offer.id, Today);
    LT_VERIFY_OK(results);
    QCOMPARE(results->offered.usedBy, qint64(2));
    QCOMPARE(results->offered.offerPoints, qint64(0 + 10 - 5));
    QCOMPARE(results->costPerPointMinor, 0.0);
    auto later = service().results(offer.id, Today.addDays(1));
    LT_VERIFY_OK(later);
    QVERIFY(near(later->costPerPointMinor, 5.0));
}

void TestOfferService::badInputIsRefusedWithNothingChanged_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("change");
    QTest::addRow("empty name") << QStringLiteral("name") << 0;
    QTest::addRow("unknown segment") << QStringLiteral("segment") << 1;
    QTest::addRow("no bonus") << QStringLiteral("bonus") << 2;
    QTest::addRow("multiplier of 1") << QStringLiteral("multiplier") << 3;
    QTest::addRow("unknown reward") << QStringLiteral("reward") << 4;
    QTest::addRow("first day in the past") << QStringLiteral("from") << 5;
    QTest::addRow("days out of order") << QStringLiteral("to") << 6;
    QTest::addRow("over a year") << QStringLiteral("to") << 7;
    QTest::addRow("hold-out over 50 %%") << QStringLiteral("holdout") << 8;
    QTest::addRow("negative hold-out") << QStringLiteral("holdout") << 9;
    QTest::addRow("no manager") << QStringLiteral("manager") << 10;
    QTest::addRow("empty segment today") << QStringLiteral("segment") << 11;
}

void TestOfferService::badInputIsRefusedWithNothingChanged()
{
    QFETCH(QString, field);
    QFETCH(int, change);
    OfferDraft d = draft();
    switch (change) {
    case 0:
        d.name = QStringLiteral("  ");
        break;
    case 1:
        d.segment = QStringLiteral("whales");
        break;
    case 2:
        d.points = 0;
        break;
    case 3:
        d = draft(TargetedOffer::Kind::Multiplier);
        d.multiplierMilli = 1000;
        break;
    case 4:
        d = draft(TargetedOffer::Kind::Reward);
        d.rewardId = QStringLiteral("free-car");
        break;
    case 5:
        d.from = Today.addDays(-1);
        break;
    case 6:
        d.to = d.from.addDays(-1);
        break;
    case 7:
        d.to = d.from.addDays(366);
        break;
    case 8:
        d.holdoutPercent = 51;
        break;
    case 9:
        d.holdoutPercent = -1;
        break;
    case 10:
        d.manager = QString();
        break;
    case 11:
        d.segment = QStringLiteral("champions");
        break;
    }
    const QString before = m_store->rowCounts();
    const qint64 offers = m_store->number("SELECT count(*) FROM offers");
    auto refused = service().define(d, Today, TempStore::cashier());
    LT_VERIFY_ERROR(refused, lt::ErrorKind::InvalidInput);
    QCOMPARE(refused.error().field, field);
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->number("SELECT count(*) FROM offers"), offers);
    QCOMPARE(m_store->number("SELECT count(*) FROM offer_members"), qint64(0));
}

// Every kind is written as the schema's CHECK allows and reads back as itself; unknown text is a corrupt store.
void TestOfferService::storedKindsReadBack()
{
    for (const auto kind : {TargetedOffer::Kind::Bonus, TargetedOffer::Kind::Multiplier, TargetedOffer::Kind::Reward}) {
        const TargetedOffer offer = define(draft(kind));
        QVERIFY(offer.id > 0);
        auto read = service().byId(offer.id);
        LT_VERIFY_OK(read);
        QCOMPARE(read->kind, kind);
        QCOMPARE(read->key, offer.key);
        QCOMPARE(read->from, offer.from);
        QCOMPARE(read->to, offer.to);
        QCOMPARE(read->points, offer.points);
        QCOMPARE(read->multiplierMilli, offer.multiplierMilli);
        auto parsed = lt::fromStorage<TargetedOffer::Kind>(lt::toStorage(kind));
        LT_VERIFY_OK(parsed);
        QCOMPARE(*parsed, kind);
    }
    LT_VERIFY_ERROR(lt::fromStorage<TargetedOffer::Kind>(QStringLiteral("discount")), lt::ErrorKind::Corrupt);
    LT_VERIFY_ERROR(m_store->db().exec(QStringLiteral("UPDATE offers SET kind = 'discount'")), lt::ErrorKind::Storage);
}

QTEST_GUILESS_MAIN(TestOfferService)
#include "tst_offerservice.moc"
