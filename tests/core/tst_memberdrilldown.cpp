// The members behind the reports' figures, listed by hand on a small store: sales with a refund and a void, a
// redemption, a sale at 23:59 local time and an enrollment at 23:30 on a period's last day, an erased member. Each
// list's count equals its figure in the summary; lists come in the order asked for and page by offset.
#include "core/services/EnrollmentService.h"
#include "core/services/MemberDrillDown.h"
#include "core/services/RedemptionService.h"
#include "core/services/RefundService.h"
#include "core/services/ReportService.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

#include <ctime>

using lt::DrillDownKind;
using lt::DrillDownOrder;
using lt::DrillDownQuery;
using lt::MemberDrillDown;
using lt::test::TempStore;

namespace {

// A moment of the store's local day (Los Angeles: at 23:59 UTC is already the next day).
QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}

const QDate MarchFirst(2024, 3, 1);
const QDate MarchLast(2024, 3, 31);
const QDate AprilFirst(2024, 4, 1);
const QDate AprilLast(2024, 4, 30);
const QDate MayFirst(2024, 5, 1);
const QDate MayLast(2024, 5, 31);

DrillDownQuery query(DrillDownKind kind, QDate from, QDate to, DrillDownOrder order = DrillDownOrder::NetSales)
{
    DrillDownQuery q;
    q.kind = kind;
    q.from = from;
    q.to = to;
    q.order = order;
    return q;
}

} // namespace

class TestMemberDrillDown : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void march();
    void april();
    void activeWindows();
    void rowsShowMaskedPhonesAndTiers();
    void orders();
    void pages();
    void tiers();
    void segmentsAndActions();
    void countsEqualTheSummary();
    void refusesBadInput();
    void idsRoundTrip();

private:
    QList<qint64> ids(const DrillDownQuery& q, qint64 offset = 0, int limit = MemberDrillDown::PageSize);
    MemberDrillDown service() { return MemberDrillDown(m_store->engine().context()); }

    std::unique_ptr<TempStore> m_store;
    qint64 m_ana = 0;
    qint64 m_ben = 0;
    qint64 m_cleo = 0;
    qint64 m_dan = 0;
    qint64 m_eve = 0;
    QString m_anaCard;
};

void TestMemberDrillDown::initTestCase()
{
    qputenv("TZ", "America/Los_Angeles");
    tzset();
}

// Ana (named, with a card) and Ben (no name) enrolled on 1 March.
// March: Ana 100.00 (5th) and 50.00 (20th); Ben 95.00 at 23:59 on the 31st.
// April: Ana 20.00 (2nd); 40.00 of Ana's first sale refunded (5th); Cleo enrolled (10th) and bought 10.00, voided the
// same day (12th); Ana spends 100 points on 5.00 off (15th); Eve enrolled (20th), later erased; Dan enrolled at 23:30
// on the 30th. Today is 1 June. One point a dollar: balances Ana 30, Ben 95, Cleo 0, Dan 0.
void TestMemberDrillDown::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    const auto enroll = [this](QDateTime when, const char* phone, const char* name, qint64& id) {
        m_store->clock().set(when);
        auto member = m_store->enroll(QLatin1String(phone), QLatin1String(name));
        LT_VERIFY_OK(member);
        id = member->id;
    };
    enroll(at(MarchFirst), "415 555 2671", "Ana Ruiz", m_ana);
    enroll(at(MarchFirst), "415 555 2672", "", m_ben);
    auto card = m_store->engine().enrollment().assignCard(m_ana, QString(), TempStore::cashier());
    LT_VERIFY_OK(card);
    m_anaCard = *card;
    m_store->clock().set(at(QDate(2024, 3, 5)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 10000));
    m_store->clock().set(at(QDate(2024, 3, 20)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-2"), 5000));
    m_store->clock().set(at(MarchLast, QTime(23, 59)));
    LT_VERIFY_OK(m_store->accrue(m_ben, QStringLiteral("S-3"), 9500));

    m_store->clock().set(at(QDate(2024, 4, 2)));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-4"), 2000));
    m_store->clock().set(at(QDate(2024, 4, 5)));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-1");
    refund.amount = lt::Money(4000, QStringLiteral("USD"));
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    enroll(at(QDate(2024, 4, 10)), "415 555 2673", "Cleo", m_cleo);
    m_store->clock().set(at(QDate(2024, 4, 12)));
    LT_VERIFY_OK(m_store->accrue(m_cleo, QStringLiteral("S-5"), 1000));
    LT_VERIFY_OK(m_store->engine().accrual().voidSale(QStringLiteral("S-5"), QStringLiteral("wrong member"),
                                                      TempStore::cashier()));
    m_store->clock().set(at(QDate(2024, 4, 15)));
    lt::RedemptionRequest redeem;
    redeem.memberId = m_ana;
    redeem.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    enroll(at(QDate(2024, 4, 20)), "415 555 2675", "Eve", m_eve);
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE members SET erased_at = '2024-05-02T12:00:00.000Z', phone = NULL, name = '' "
                       "WHERE id = ?"),
        {m_eve}));
    enroll(at(AprilLast, QTime(23, 30)), "415 555 2674", "Dan", m_dan);
    m_store->clock().set(at(QDate(2024, 6, 1)));
}

void TestMemberDrillDown::cleanup()
{
    m_store.reset();
}

QList<qint64> TestMemberDrillDown::ids(const DrillDownQuery& q, qint64 offset, int limit)
{
    auto page = service().page(q, offset, limit);
    if (!page) {
        qWarning() << page.error().message;
        return {-1};
    }
    QList<qint64> list;
    for (const lt::DrillDownRow& row : std::as_const(page->rows))
        list << row.memberId;
    return list;
}

void TestMemberDrillDown::march()
{
    // Buyers by net sales: Ana 60.00 + 50.00 (after the refund), Ben 95.00 at 23:59 on the 31st.
    QCOMPARE(ids(query(DrillDownKind::Buyers, MarchFirst, MarchLast)), (QList<qint64> {m_ana, m_ben}));
    QCOMPARE(ids(query(DrillDownKind::RepeatBuyers, MarchFirst, MarchLast)), QList<qint64> {m_ana});
    QCOMPARE(ids(query(DrillDownKind::Redeemers, MarchFirst, MarchLast)), QList<qint64> {});
    QCOMPARE(ids(query(DrillDownKind::NewMembers, MarchFirst, MarchLast)), (QList<qint64> {m_ana, m_ben}));
    QCOMPARE(ids(query(DrillDownKind::Members, MarchFirst, MarchLast)), (QList<qint64> {m_ana, m_ben}));
    auto page = service().page(query(DrillDownKind::Buyers, MarchFirst, MarchLast), 0);
    LT_VERIFY_OK(page);
    QCOMPARE(page->total, qint64(2));
    QCOMPARE(page->rows[0].sales, qint64(2));
    QCOMPARE(page->rows[0].netSalesMinor, qint64(11000));
    QCOMPARE(page->rows[1].sales, qint64(1));
    QCOMPARE(page->rows[1].netSalesMinor, qint64(9500));
}

void TestMemberDrillDown::april()
{
    // Ana 20.00; Cleo's voided sale is still a sale of the period, worth nothing.
    QCOMPARE(ids(query(DrillDownKind::Buyers, AprilFirst, AprilLast)), (QList<qint64> {m_ana, m_cleo}));
    QCOMPARE(ids(query(DrillDownKind::RepeatBuyers, AprilFirst, AprilLast)), QList<qint64> {});
    QCOMPARE(ids(query(DrillDownKind::Redeemers, AprilFirst, AprilLast)), QList<qint64> {m_ana});
    // Dan enrolled at 23:30 on the 30th (already May in UTC); Eve was erased but stays in the enrollment figures.
    QCOMPARE(ids(query(DrillDownKind::NewMembers, AprilFirst, AprilLast)), (QList<qint64> {m_cleo, m_eve, m_dan}));
    QCOMPARE(ids(query(DrillDownKind::NewMembers, MayFirst, MayLast)), QList<qint64> {});
    QCOMPARE(ids(query(DrillDownKind::Members, AprilFirst, AprilLast)),
             (QList<qint64> {m_ana, m_ben, m_cleo, m_eve, m_dan}));
}

void TestMemberDrillDown::activeWindows()
{
    // 30 days ending 30 April: 1 to 30 April. 90 days: from 1 February, with Ben's 31 March and all of Ana's sales.
    QCOMPARE(ids(query(DrillDownKind::Active30, AprilFirst, AprilLast)), (QList<qint64> {m_ana, m_cleo}));
    auto active = service().rank(query(DrillDownKind::Active90, AprilFirst, AprilLast));
    LT_VERIFY_OK(active);
    QCOMPARE(active->salesFrom, QDate(2024, 2, 1));
    QCOMPARE(active->salesTo, AprilLast);
    QCOMPARE(ids(query(DrillDownKind::Active90, AprilFirst, AprilLast)), (QList<qint64> {m_ana, m_ben, m_cleo}));
    auto rows = service().rows(*active, 0, 10);
    LT_VERIFY_OK(rows);
    QCOMPARE(rows->at(0).netSalesMinor, qint64(6000 + 5000 + 2000));
    QCOMPARE(rows->at(0).sales, qint64(3));
    // The window is the figure's own, whatever the period's first day.
    QCOMPARE(ids(query(DrillDownKind::Active365, AprilLast, AprilLast)), (QList<qint64> {m_ana, m_ben, m_cleo}));
    QCOMPARE(ids(query(DrillDownKind::Active30, MayLast, MayLast)), QList<qint64> {});
}

void TestMemberDrillDown::rowsShowMaskedPhonesAndTiers()
{
    auto page = service().page(query(DrillDownKind::Members, AprilFirst, AprilLast), 0);
    LT_VERIFY_OK(page);
    QCOMPARE(page->rows.size(), 5);
    const lt::DrillDownRow& ana = page->rows[0];
    QCOMPARE(ana.displayName, QStringLiteral("Ana Ruiz"));
    QCOMPARE(ana.card, m_anaCard);
    QCOMPARE(ana.tier, QStringLiteral("Member")); // the program's first tier
    QCOMPARE(ana.balance, qint64(150 + 20 - 40 - 100));
    QCOMPARE(ana.lastSaleDay, QDate(2024, 4, 2));
    QCOMPARE(ana.sales, qint64(1)); // April's
    QCOMPARE(ana.netSalesMinor, qint64(2000));
    // Ben has no name: his phone, masked. His sale at 23:59 local is 31 March's.
    const lt::DrillDownRow& ben = page->rows[1];
    QCOMPARE(ben.displayName, QStringLiteral("•••• 2672"));
    QVERIFY(!ben.displayName.contains(QLatin1String("415")));
    QCOMPARE(ben.card, QString());
    QCOMPARE(ben.balance, qint64(95));
    QCOMPARE(ben.lastSaleDay, MarchLast);
    QCOMPARE(ben.sales, qint64(0));
    QCOMPARE(page->rows[2].lastSaleDay, QDate(2024, 4, 12)); // Cleo's voided sale
    const lt::DrillDownRow& eve = page->rows[3];
    QCOMPARE(eve.memberId, m_eve);
    QVERIFY(eve.erased);
    QCOMPARE(eve.displayName, QStringLiteral("Erased member"));
    QCOMPARE(eve.tier, QString());
    const lt::DrillDownRow& dan = page->rows[4];
    QCOMPARE(dan.displayName, QStringLiteral("Dan"));
    QVERIFY(!dan.lastSaleDay.isValid());
}

void TestMemberDrillDown::orders()
{
    const auto active90 = [](DrillDownOrder order) {
        return query(DrillDownKind::Active90, AprilFirst, AprilLast, order);
    };
    // Net sales: Ana 130.00, Ben 95.00, Cleo 0. Sales: Ana 3, then Ben and Cleo 1 each, by id.
    QCOMPARE(ids(active90(DrillDownOrder::Sales)), (QList<qint64> {m_ana, m_ben, m_cleo}));
    // The latest sale: Cleo 12 April, Ana 2 April, Ben 31 March.
    QCOMPARE(ids(active90(DrillDownOrder::LastSale)), (QList<qint64> {m_cleo, m_ana, m_ben}));
    // Balance: Ben 95, Ana 30, Cleo 0.
    QCOMPARE(ids(active90(DrillDownOrder::Balance)), (QList<qint64> {m_ben, m_ana, m_cleo}));
    QCOMPARE(ids(query(DrillDownKind::Members, AprilFirst, AprilLast, DrillDownOrder::MemberId)),
             (QList<qint64> {m_ana, m_ben, m_cleo, m_eve, m_dan}));
}

void TestMemberDrillDown::pages()
{
    const DrillDownQuery members = query(DrillDownKind::Members, AprilFirst, AprilLast);
    QCOMPARE(ids(members, 1, 2), (QList<qint64> {m_ben, m_cleo}));
    QCOMPARE(ids(members, 4, 2), QList<qint64> {m_dan});
    QCOMPARE(ids(members, 10, 2), QList<qint64> {});
    auto ranking = service().rank(members);
    LT_VERIFY_OK(ranking);
    QCOMPARE(ranking->total(), qint64(5));
    auto page = service().rows(*ranking, 3, 1);
    LT_VERIFY_OK(page);
    QCOMPARE(page->size(), 1);
    QCOMPARE(page->at(0).memberId, m_eve);
    LT_VERIFY_ERROR(service().rows(*ranking, 0, 0), lt::ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(service().rows(*ranking, -1, 10), lt::ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(service().rows(*ranking, 0, MemberDrillDown::MaxPageSize + 1), lt::ErrorKind::InvalidInput);
}

void TestMemberDrillDown::tiers()
{
    DrillDownQuery q = query(DrillDownKind::Tier, AprilFirst, AprilLast, DrillDownOrder::MemberId);
    q.tier = QStringLiteral("Member");
    // Everyone still in the program holds the first tier; Eve was erased.
    QCOMPARE(ids(q), (QList<qint64> {m_ana, m_ben, m_cleo, m_dan}));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE members SET tier = 'Gold' WHERE id = ?"), {m_ben}));
    QCOMPARE(ids(q), (QList<qint64> {m_ana, m_cleo, m_dan}));
    q.tier = QStringLiteral("Gold");
    QCOMPARE(ids(q), QList<qint64> {m_ben});
    q.tier = QStringLiteral("Silver");
    QCOMPARE(ids(q), QList<qint64> {});
    QCOMPARE(MemberDrillDown::displayName(q), QStringLiteral("Members in tier Silver"));
}

// On 31 May, of the three buyers still in the program (days since the last sale; sales):
//   Ana 59 days, 3 sales; Ben 61 days, 1 sale; Cleo 49 days, 1 sale.
//   R = 1 + ⌊5 × worse / 3⌋: Cleo 4, Ana 2, Ben 1. F: Ana 4, Ben 1, Cleo 1.
//   Ana R2 F4 at risk, Ben R1 F1 lost, Cleo R4 F1 promising.
// Lapsed: Ana's three sales fall in the six months up to 31 May and none after 19 April.
// Nearly there: Ben's 95 points are 95 % of the 100 of the cheapest reward.
void TestMemberDrillDown::segmentsAndActions()
{
    DrillDownQuery q = query(DrillDownKind::Segment, MayFirst, MayLast);
    const QList<std::pair<lt::RfmSegment, QList<qint64>>> expected {
        {lt::RfmSegment::AtRisk, {m_ana}},    {lt::RfmSegment::Lost, {m_ben}}, {lt::RfmSegment::Promising, {m_cleo}},
        {lt::RfmSegment::Champions, {}},      {lt::RfmSegment::Loyal, {}},     {lt::RfmSegment::Hibernating, {}},
        {lt::RfmSegment::NeedsAttention, {}},
    };
    for (const auto& [segment, members] : expected) {
        q.segment = segment;
        QCOMPARE(ids(q), members);
    }
    QCOMPARE(ids(query(DrillDownKind::Lapsed, MayFirst, MayLast)), QList<qint64> {m_ana});
    QCOMPARE(ids(query(DrillDownKind::NearlyThere, MayFirst, MayLast)), QList<qint64> {m_ben});
    // On 30 April Ana had bought within six weeks.
    QCOMPARE(ids(query(DrillDownKind::Lapsed, AprilFirst, AprilLast)), QList<qint64> {});
}

void TestMemberDrillDown::countsEqualTheSummary()
{
    for (const auto& [from, to] : {std::pair {MarchFirst, MarchLast}, std::pair {AprilFirst, AprilLast},
                                   std::pair {MarchFirst, AprilLast}, std::pair {MayFirst, MayLast}}) {
        auto kpi = lt::ReportService(m_store->engine().context()).summary(from, to);
        LT_VERIFY_OK(kpi);
        const auto total = [&](DrillDownKind kind) {
            auto ranking = service().rank(query(kind, from, to));
            return ranking ? ranking->total() : -1;
        };
        QCOMPARE(total(DrillDownKind::Members), kpi->membersTotal);
        QCOMPARE(total(DrillDownKind::NewMembers), kpi->membersNew);
        QCOMPARE(total(DrillDownKind::Buyers), kpi->buyers);
        QCOMPARE(total(DrillDownKind::Active30), kpi->membersActive30);
        QCOMPARE(total(DrillDownKind::Active90), kpi->membersActive90);
        QCOMPARE(total(DrillDownKind::Active365), kpi->membersActive365);
        QCOMPARE(double(total(DrillDownKind::RepeatBuyers)), kpi->repeatPurchaseRate * double(kpi->buyers));
        QCOMPARE(double(total(DrillDownKind::Redeemers)), kpi->memberRedemptionRate * double(kpi->buyers));
        DrillDownQuery tier = query(DrillDownKind::Tier, from, to);
        tier.tier = QStringLiteral("Member");
        auto ranking = service().rank(tier);
        LT_VERIFY_OK(ranking);
        QCOMPARE(ranking->total(), kpi->membersPerTier.value(QStringLiteral("Member")));
    }
}

void TestMemberDrillDown::refusesBadInput()
{
    LT_VERIFY_ERROR(service().rank(query(DrillDownKind::Buyers, AprilLast, AprilFirst)), lt::ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(service().rank(query(DrillDownKind::Buyers, QDate(2014, 1, 1), AprilLast)),
                    lt::ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(service().rank(query(DrillDownKind::Buyers, QDate(2024, 7, 1), QDate(2024, 7, 2))),
                    lt::ErrorKind::InvalidInput);
    DrillDownQuery tier = query(DrillDownKind::Tier, AprilFirst, AprilLast);
    tier.tier = QStringLiteral("Platinum");
    auto refused = service().rank(tier);
    LT_VERIFY_ERROR(refused, lt::ErrorKind::InvalidInput);
    QCOMPARE(refused.error().field, QStringLiteral("tier"));
    tier.tier.clear();
    LT_VERIFY_ERROR(service().rank(tier), lt::ErrorKind::InvalidInput);
}

void TestMemberDrillDown::idsRoundTrip()
{
    for (const DrillDownKind kind : MemberDrillDown::allKinds()) {
        QVERIFY(!MemberDrillDown::id(kind).isEmpty());
        QCOMPARE(MemberDrillDown::kindFromId(MemberDrillDown::id(kind)), std::optional<DrillDownKind>(kind));
        QVERIFY(!MemberDrillDown::displayName(query(kind, AprilFirst, AprilLast)).isEmpty());
    }
    QCOMPARE(MemberDrillDown::allKinds().size(), 12);
    QVERIFY(!MemberDrillDown::kindFromId(QStringLiteral("everyone")).has_value());
    for (const DrillDownOrder order : {DrillDownOrder::NetSales, DrillDownOrder::Sales, DrillDownOrder::LastSale,
                                       DrillDownOrder::Balance, DrillDownOrder::MemberId})
        QCOMPARE(MemberDrillDown::orderFromId(MemberDrillDown::id(order)), std::optional<DrillDownOrder>(order));
}

QTEST_GUILESS_MAIN(TestMemberDrillDown)
#include "tst_memberdrilldown.moc"
