#include "core/services/TierService.h"
#include "core/store/ProgramRepository.h"
#include "core/store/TierStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::LoyaltyProgram;
using lt::TierChange;
using lt::TierPolicy;
using lt::TierService;
using lt::test::TempStore;

// The default program's tiers: Member from 0, Silver from 500 and Gold (1.25x) from 2,000 points earned within a
// rolling 12 months, lowered after 30 days of grace. One point per 1.00.
class TestTierService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void raisesTheTierOnTheQualifyingSale_data();
    void raisesTheTierOnTheQualifyingSale();
    void openingBalanceIsNoPurchase();
    void tierMultiplierAddsPoints();
    void redemptionNeverLowers();
    void refundsMoveQualification_data();
    void refundsMoveQualification();
    void lowersOnlyAfterTheWindowSlidAndTheGrace();
    void saleDuringTheGraceKeepsTheTier();
    void refundOfASaleOutsideTheWindowLeavesTheWindowAlone();
    void graceOfNoDaysLowersAtTheFirstEvaluation();
    void windowsCountTheirOwnDays_data();
    void windowsCountTheirOwnDays();
    void spendBasis();
    void outlookNamesTheNextTier_data();
    void outlookNamesTheNextTier();

private:
    lt::Result<void> useProgram(const LoyaltyProgram& program);
    void setDay(QDate day);
    TierService tiers() { return TierService(m_store->engine().context()); }
    QString tierOf(qint64 memberId);
    QList<TierChange> changesOf(qint64 memberId);

    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestTierService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    m_member = member->id;
}

void TestTierService::cleanup()
{
    m_store.reset();
}

lt::Result<void> TestTierService::useProgram(const LoyaltyProgram& program)
{
    LT_TRY(lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Local));
    return m_store->engine().reload();
}

// Noon, so that the day is the same in the local time of any test machine.
void TestTierService::setDay(QDate day)
{
    m_store->clock().set(QDateTime(day, QTime(12, 0), Qt::UTC));
}

QString TestTierService::tierOf(qint64 memberId)
{
    auto standing = lt::TierStore(m_store->db()).standing(memberId);
    return standing ? standing->tier : QStringLiteral("<error>");
}

QList<TierChange> TestTierService::changesOf(qint64 memberId)
{
    auto changes = lt::TierStore(m_store->db()).changesOf(memberId);
    return changes ? *changes : QList<TierChange>();
}

void TestTierService::raisesTheTierOnTheQualifyingSale_data()
{
    QTest::addColumn<QList<qint64>>("sales"); // amounts in minor units, one sale each
    QTest::addColumn<QStringList>("raisedTo"); // what each sale's PointsChange.tierChanged says
    QTest::addColumn<QString>("tier");

    QTest::newRow("second sale reaches Silver")
        << QList<qint64> {40000, 20000} << QStringList {QString(), QStringLiteral("Silver")}
        << QStringLiteral("Silver");
    QTest::newRow("one point short of Silver")
        << QList<qint64> {30000, 19999} << QStringList {QString(), QString()} << QStringLiteral("Member");
    QTest::newRow("straight to Gold") << QList<qint64> {200000} << QStringList {QStringLiteral("Gold")}
                                      << QStringLiteral("Gold");
    QTest::newRow("Silver, then Gold") << QList<qint64> {50000, 100000, 50000}
                                       << QStringList {QStringLiteral("Silver"), QString(), QStringLiteral("Gold")}
                                       << QStringLiteral("Gold");
}

void TestTierService::raisesTheTierOnTheQualifyingSale()
{
    QFETCH(QList<qint64>, sales);
    QFETCH(QStringList, raisedTo);
    QFETCH(QString, tier);
    QCOMPARE(tierOf(m_member), QString()); // never placed: the first tier
    for (qsizetype i = 0; i < sales.size(); ++i) {
        const QString reference = QStringLiteral("S-%1").arg(i + 1);
        auto change = m_store->accrue(m_member, reference, sales.at(i));
        LT_VERIFY_OK(change);
        QCOMPARE(change->tierChanged, raisedTo.at(i));
        if (!raisedTo.at(i).isEmpty()) {
            QCOMPARE(change->member.tier, raisedTo.at(i));
            // Recorded with the sale that did it and a reason the member can read in their history.
            const TierChange last = changesOf(m_member).constLast();
            QCOMPARE(last.toTier, raisedTo.at(i));
            QVERIFY(last.up);
            QCOMPARE(last.saleId, m_store->number("SELECT id FROM sales WHERE reference = ?", {reference}));
            QVERIFY2(last.reason.contains(reference) && last.reason.contains(raisedTo.at(i)), qPrintable(last.reason));
        }
    }
    QCOMPARE(changesOf(m_member).size(), raisedTo.size() - raisedTo.count(QString()));
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->tier, tier);

    // The same sale again changes nothing.
    auto again = m_store->accrue(m_member, QStringLiteral("S-%1").arg(sales.size()), sales.constLast());
    LT_VERIFY_OK(again);
    QVERIFY(again->repeated);
    QCOMPARE(again->tierChanged, QString());
    QCOMPARE(changesOf(m_member).size(), raisedTo.size() - raisedTo.count(QString()));
}

void TestTierService::openingBalanceIsNoPurchase()
{
    // Points brought from an earlier program are spendable but qualify for nothing: tiers count purchases.
    lt::EnrollmentRequest request;
    request.phone = QStringLiteral("415 555 2672");
    request.openingBalance = 700;
    auto enrolled = m_store->engine().enrollment().enroll(request, TempStore::cashier());
    LT_VERIFY_OK(enrolled);
    QCOMPARE(enrolled->member.balance, qint64(700));
    QCOMPARE(enrolled->member.tier, QStringLiteral("Member"));
    QVERIFY(changesOf(enrolled->member.id).isEmpty());
    auto outlook = tiers().outlook(enrolled->member.id);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qint64(0));
    LT_VERIFY_OK(tiers().evaluate(QDate(2024, 3, 1)));
    QCOMPARE(tierOf(enrolled->member.id), QString());
}

void TestTierService::tierMultiplierAddsPoints()
{
    // The sale that reaches Gold earns at the tier held before it.
    auto raising = m_store->accrue(m_member, QStringLiteral("S-1"), 200000);
    LT_VERIFY_OK(raising);
    QCOMPARE(raising->points, qint64(2000));
    QCOMPARE(raising->tierChanged, QStringLiteral("Gold"));

    auto multiplier = tiers().multiplierMilli(m_member);
    LT_VERIFY_OK(multiplier);
    QCOMPARE(*multiplier, 1250);
    const lt::Sale sale = TempStore::sale(QStringLiteral("S-2"), 10000);
    auto preview = m_store->engine().accrual().preview(m_member, sale);
    LT_VERIFY_OK(preview);
    QCOMPARE(preview->programPoints, qint64(100));
    QCOMPARE(preview->extras.size(), 1);
    QCOMPARE(preview->extras.constFirst().kind, lt::PointsLine::Kind::Tier);
    QCOMPARE(preview->extras.constFirst().name, QStringLiteral("Gold 1.25x"));
    QCOMPARE(preview->extras.constFirst().points, qint64(25));

    auto earned = m_store->engine().accrual().accrue(m_member, sale, TempStore::cashier());
    LT_VERIFY_OK(earned);
    QCOMPARE(earned->points, qint64(125));
    QCOMPARE(earned->earned.total(), qint64(125));
    QCOMPARE(earned->member.balance, qint64(2125));
    QCOMPARE(m_store->number("SELECT points FROM sales WHERE reference = 'S-2'"), qint64(125));
    // Square learns the points we computed, multiplier included.
    QCOMPARE(m_store->number("SELECT json_extract(o.payload, '$.points') FROM outbox o JOIN ledger l ON "
                             "l.id = o.ledger_id WHERE l.sale_id = (SELECT id FROM sales WHERE reference = 'S-2')"),
             qint64(125));

    // A Silver member (1x) earns the program's points only; so does a sale without a member.
    auto silver = m_store->enroll(QStringLiteral("415 555 2673"));
    LT_VERIFY_OK(silver);
    LT_VERIFY_OK(m_store->accrue(silver->id, QStringLiteral("S-3"), 60000));
    auto plain = m_store->accrue(silver->id, QStringLiteral("S-4"), 10000);
    LT_VERIFY_OK(plain);
    QCOMPARE(plain->points, qint64(100));
    QVERIFY(plain->earned.extras.isEmpty());
    auto anonymous = m_store->engine().accrual().preview(0, sale);
    LT_VERIFY_OK(anonymous);
    QCOMPARE(anonymous->total(), qint64(100));
}

void TestTierService::redemptionNeverLowers()
{
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 60000));
    QCOMPARE(tierOf(m_member), QStringLiteral("Silver"));
    for (const char* reward : {"five-off", "ten-percent"}) {
        lt::RedemptionRequest request;
        request.memberId = m_member;
        request.rewardTierId = QString::fromLatin1(reward);
        LT_VERIFY_OK(m_store->engine().redemption().redeem(request, TempStore::cashier()));
    }
    QCOMPARE(m_store->balance(m_member), qint64(250));
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qint64(600));
    QCOMPARE(outlook->tier, QStringLiteral("Silver"));

    // Neither the evaluation nor its grace ever see the spent points.
    for (int days : {1, 40, 200}) {
        const QDate day = QDate(2024, 3, 1).addDays(days);
        setDay(day);
        auto changes = tiers().evaluate(day);
        LT_VERIFY_OK(changes);
        QVERIFY(changes->isEmpty());
        auto standing = lt::TierStore(m_store->db()).standing(m_member);
        LT_VERIFY_OK(standing);
        QVERIFY(!standing->belowSince.isValid());
    }
    QCOMPARE(tierOf(m_member), QStringLiteral("Silver"));
    QCOMPARE(changesOf(m_member).size(), 1);
}

void TestTierService::refundsMoveQualification_data()
{
    QTest::addColumn<QString>("how"); // refund or void
    QTest::addColumn<qint64>("refundMinor"); // 0: the whole sale
    QTest::addColumn<qint64>("qualifying");
    QTest::addColumn<QString>("tierAfterGrace");

    QTest::newRow("partial refund keeps Silver")
        << QStringLiteral("refund") << qint64(10000) << qint64(500) << QStringLiteral("Silver");
    QTest::newRow("partial refund below Silver")
        << QStringLiteral("refund") << qint64(10100) << qint64(499) << QStringLiteral("Member");
    QTest::newRow("full refund") << QStringLiteral("refund") << qint64(0) << qint64(300) << QStringLiteral("Member");
    QTest::newRow("void") << QStringLiteral("void") << qint64(0) << qint64(300) << QStringLiteral("Member");
}

void TestTierService::refundsMoveQualification()
{
    QFETCH(QString, how);
    QFETCH(qint64, refundMinor);
    QFETCH(qint64, qualifying);
    QFETCH(QString, tierAfterGrace);
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 30000));
    auto raising = m_store->accrue(m_member, QStringLiteral("S-2"), 30000);
    LT_VERIFY_OK(raising);
    QCOMPARE(raising->tierChanged, QStringLiteral("Silver"));

    if (how == QLatin1String("void")) {
        LT_VERIFY_OK(m_store->engine().accrual().voidSale(QStringLiteral("S-2"), QStringLiteral("Wrong member"),
                                                          TempStore::cashier()));
    } else {
        lt::RefundRequest refund;
        refund.saleReference = QStringLiteral("S-2");
        if (refundMinor > 0)
            refund.amount = lt::Money(refundMinor, QStringLiteral("USD"));
        LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    }
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qualifying);
    // Only the evaluation lowers a tier, and only after the grace.
    QCOMPARE(outlook->tier, QStringLiteral("Silver"));
    const QDate today(2024, 3, 1);
    auto first = tiers().evaluate(today);
    LT_VERIFY_OK(first);
    QVERIFY(first->isEmpty());
    QCOMPARE(tierOf(m_member), QStringLiteral("Silver"));
    const QDate afterGrace = today.addDays(30);
    setDay(afterGrace);
    auto later = tiers().evaluate(afterGrace);
    LT_VERIFY_OK(later);
    QCOMPARE(tierOf(m_member), tierAfterGrace);
    QCOMPARE(later->size(), tierAfterGrace == QLatin1String("Silver") ? 0 : 1);
}

void TestTierService::lowersOnlyAfterTheWindowSlidAndTheGrace()
{
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 60000)); // 2024-03-01
    QCOMPARE(tierOf(m_member), QStringLiteral("Silver"));
    struct Step
    {
        QDate day;
        QString tier;
        QDate belowSince;
    };
    // The sale counts until 2025-02-28 (12 months); the member is short from 2025-03-01 and keeps Silver for the
    // 30 days of grace.
    const QList<Step> steps {
        {QDate(2024, 9, 1), QStringLiteral("Silver"), QDate()},
        {QDate(2025, 2, 28), QStringLiteral("Silver"), QDate()},
        {QDate(2025, 3, 1), QStringLiteral("Silver"), QDate(2025, 3, 1)},
        {QDate(2025, 3, 15), QStringLiteral("Silver"), QDate(2025, 3, 1)},
        {QDate(2025, 3, 30), QStringLiteral("Silver"), QDate(2025, 3, 1)},
        {QDate(2025, 3, 31), QStringLiteral("Member"), QDate()},
        {QDate(2025, 6, 1), QStringLiteral("Member"), QDate()},
    };
    for (const Step& step : steps) {
        setDay(step.day);
        auto changes = tiers().evaluate(step.day);
        LT_VERIFY_OK(changes);
        QVERIFY2(tierOf(m_member) == step.tier, qPrintable(step.day.toString(Qt::ISODate)));
        auto standing = lt::TierStore(m_store->db()).standing(m_member);
        LT_VERIFY_OK(standing);
        QVERIFY2(standing->belowSince == step.belowSince, qPrintable(step.day.toString(Qt::ISODate)));
    }
    const QList<TierChange> changes = changesOf(m_member);
    QCOMPARE(changes.size(), 2);
    const TierChange down = changes.at(1);
    QVERIFY(!down.up);
    QCOMPARE(down.fromTier, QStringLiteral("Silver"));
    QCOMPARE(down.toTier, QStringLiteral("Member"));
    QCOMPARE(down.qualifying, qint64(0));
    QCOMPARE(down.saleId, qint64(0));
    QCOMPARE(down.at.date(), QDate(2025, 3, 31));
    QVERIFY2(down.reason.contains(QLatin1String("Silver")), qPrintable(down.reason));
}

void TestTierService::saleDuringTheGraceKeepsTheTier()
{
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 60000)); // 2024-03-01
    setDay(QDate(2025, 3, 1));
    LT_VERIFY_OK(tiers().evaluate(QDate(2025, 3, 1)));
    setDay(QDate(2025, 3, 10));
    auto sale = m_store->accrue(m_member, QStringLiteral("S-2"), 50000);
    LT_VERIFY_OK(sale);
    QCOMPARE(sale->tierChanged, QString()); // held already
    auto standing = lt::TierStore(m_store->db()).standing(m_member);
    LT_VERIFY_OK(standing);
    QVERIFY(!standing->belowSince.isValid());
    setDay(QDate(2025, 4, 30));
    auto changes = tiers().evaluate(QDate(2025, 4, 30));
    LT_VERIFY_OK(changes);
    QVERIFY(changes->isEmpty());
    QCOMPARE(tierOf(m_member), QStringLiteral("Silver"));
}

void TestTierService::refundOfASaleOutsideTheWindowLeavesTheWindowAlone()
{
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 60000)); // 2024-03-01
    setDay(QDate(2025, 3, 10));
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-2"), 60000));
    // A year on, the first sale is refunded: it no longer counted, so the window keeps what it had.
    setDay(QDate(2025, 3, 15));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-1");
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qint64(600));
    // A refund of a sale inside the window still counts against it.
    lt::RefundRequest partial;
    partial.saleReference = QStringLiteral("S-2");
    partial.amount = lt::Money(20000, QStringLiteral("USD"));
    LT_VERIFY_OK(m_store->engine().refunds().refund(partial, TempStore::cashier()));
    outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qint64(400));
    auto all = lt::TierStore(m_store->db()).allQualifyingPoints(tiers().windowStart(QDate(2025, 3, 15)));
    LT_VERIFY_OK(all);
    QCOMPARE(all->of(m_member), qint64(400));
    QCOMPARE(all->members(), qsizetype(1));

    setDay(QDate(2025, 3, 16));
    LT_VERIFY_OK(tiers().evaluate(QDate(2025, 3, 16)));
    setDay(QDate(2025, 4, 20));
    LT_VERIFY_OK(tiers().evaluate(QDate(2025, 4, 20)));
    QCOMPARE(tierOf(m_member), QStringLiteral("Member"));
}

void TestTierService::graceOfNoDaysLowersAtTheFirstEvaluation()
{
    LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    program.memberTiers.graceDays = 0;
    LT_VERIFY_OK(useProgram(program));
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 60000)); // 2024-03-01
    setDay(QDate(2025, 2, 28));
    LT_VERIFY_OK(tiers().evaluate(QDate(2025, 2, 28)));
    QCOMPARE(tierOf(m_member), QStringLiteral("Silver"));
    setDay(QDate(2025, 3, 1));
    auto changes = tiers().evaluate(QDate(2025, 3, 1));
    LT_VERIFY_OK(changes);
    QCOMPARE(changes->size(), 1);
    QCOMPARE(tierOf(m_member), QStringLiteral("Member"));
}

void TestTierService::windowsCountTheirOwnDays_data()
{
    QTest::addColumn<int>("window"); // TierPolicy::Window
    QTest::addColumn<int>("months");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<qint64>("qualifying"); // of one sale of 600 points on 2024-03-01

    const int rolling = static_cast<int>(TierPolicy::Window::Rolling);
    const int calendarYear = static_cast<int>(TierPolicy::Window::CalendarYear);
    QTest::newRow("rolling 12 months, last day") << rolling << 12 << QDate(2025, 2, 28) << qint64(600);
    QTest::newRow("rolling 12 months, after") << rolling << 12 << QDate(2025, 3, 1) << qint64(0);
    QTest::newRow("rolling 3 months, last day") << rolling << 3 << QDate(2024, 5, 31) << qint64(600);
    QTest::newRow("rolling 3 months, after") << rolling << 3 << QDate(2024, 6, 1) << qint64(0);
    QTest::newRow("calendar year, 31 December") << calendarYear << 12 << QDate(2024, 12, 31) << qint64(600);
    QTest::newRow("calendar year, 1 January") << calendarYear << 12 << QDate(2025, 1, 1) << qint64(0);
    QTest::newRow("lifetime, ten years on")
        << static_cast<int>(TierPolicy::Window::Lifetime) << 12 << QDate(2034, 3, 1) << qint64(600);
}

void TestTierService::windowsCountTheirOwnDays()
{
    QFETCH(int, window);
    QFETCH(int, months);
    QFETCH(QDate, day);
    QFETCH(qint64, qualifying);
    LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    program.memberTiers.window = static_cast<TierPolicy::Window>(window);
    program.memberTiers.months = months;
    program.memberTiers.graceDays = 10;
    LT_VERIFY_OK(useProgram(program));
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 60000));

    setDay(day);
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qualifying);
    // What the evaluation decides on is the same count: out of the window, the grace starts that day.
    LT_VERIFY_OK(tiers().evaluate(day));
    auto standing = lt::TierStore(m_store->db()).standing(m_member);
    LT_VERIFY_OK(standing);
    QCOMPARE(standing->belowSince, qualifying > 0 ? QDate() : day);
    const QDate afterGrace = day.addDays(10);
    setDay(afterGrace);
    LT_VERIFY_OK(tiers().evaluate(afterGrace));
    QCOMPARE(tierOf(m_member), qualifying > 0 ? QStringLiteral("Silver") : QStringLiteral("Member"));
}

void TestTierService::spendBasis()
{
    LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    program.memberTiers.basis = TierPolicy::Basis::Spend;
    program.memberTiers.tiers[1].threshold = 50000; // Silver from 500.00 spent
    program.memberTiers.tiers[2].threshold = 200000; // Gold from 2,000.00
    LT_VERIFY_OK(useProgram(program));

    // Spend counts what was paid, not the points: a sale that earns nothing still counts.
    auto small = m_store->accrue(m_member, QStringLiteral("S-0"), 99);
    LT_VERIFY_OK(small);
    QCOMPARE(small->points, qint64(0));
    auto first = m_store->accrue(m_member, QStringLiteral("S-1"), 30000);
    LT_VERIFY_OK(first);
    QCOMPARE(first->tierChanged, QString());
    auto second = m_store->accrue(m_member, QStringLiteral("S-2"), 19901);
    LT_VERIFY_OK(second);
    QCOMPARE(second->tierChanged, QStringLiteral("Silver"));
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qint64(50000));
    QCOMPARE(outlook->nextTier, QStringLiteral("Gold"));
    QCOMPARE(outlook->toNextTier, qint64(150000));

    // A refund takes its amount back from what qualifies.
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-1");
    refund.amount = lt::Money(10000, QStringLiteral("USD"));
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->qualifying, qint64(40000));
    QCOMPARE(outlook->tier, QStringLiteral("Silver"));
}

void TestTierService::outlookNamesTheNextTier_data()
{
    QTest::addColumn<qint64>("spentMinor");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("nextTier");
    QTest::addColumn<qint64>("toNextTier");
    QTest::addColumn<int>("multiplierMilli");

    QTest::newRow("new member") << qint64(0) << QStringLiteral("Member") << QStringLiteral("Silver") << qint64(500)
                                << 1000;
    QTest::newRow("on the way") << qint64(12345) << QStringLiteral("Member") << QStringLiteral("Silver") << qint64(377)
                                << 1000;
    QTest::newRow("Silver") << qint64(60000) << QStringLiteral("Silver") << QStringLiteral("Gold") << qint64(1400)
                            << 1000;
    QTest::newRow("Gold, the top") << qint64(250000) << QStringLiteral("Gold") << QString() << qint64(0) << 1250;
}

void TestTierService::outlookNamesTheNextTier()
{
    QFETCH(qint64, spentMinor);
    QFETCH(QString, tier);
    QFETCH(QString, nextTier);
    QFETCH(qint64, toNextTier);
    QFETCH(int, multiplierMilli);
    if (spentMinor > 0)
        LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), spentMinor));
    auto outlook = tiers().outlook(m_member);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->tier, tier);
    QCOMPARE(outlook->nextTier, nextTier);
    QCOMPARE(outlook->toNextTier, toNextTier);
    QCOMPARE(outlook->multiplierMilli, multiplierMilli);
    QCOMPARE(outlook->qualifying, spentMinor / 100);
}

QTEST_GUILESS_MAIN(TestTierService)
#include "tst_tierservice.moc"
