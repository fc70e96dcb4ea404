#include "core/store/ProgramRepository.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::Money;
using lt::RedemptionRequest;
using lt::test::TempStore;

namespace {
RedemptionRequest request(qint64 memberId, const char* tier, std::optional<qint64> points = std::nullopt)
{
    RedemptionRequest r;
    r.memberId = memberId;
    r.rewardTierId = QString::fromLatin1(tier);
    r.points = points;
    return r;
}
} // namespace

class TestRedemptionService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void redeemsFixedReward();
    void insufficientPointsWriteNothing();
    void fixedRewardRefusesOtherPoints();
    void partialRewardStaysWithinBounds_data();
    void partialRewardStaysWithinBounds();
    void partialRewardDefaultsToWhatTheMemberHas();
    void percentageRewardIsCapped();
    void refusesUnknownRewardMemberAndInactiveProgram();
    void quotesWithoutWriting();

private:
    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestRedemptionService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    m_member = member->id;
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 300000)); // 3000 points
}

void TestRedemptionService::cleanup()
{
    m_store.reset();
}

void TestRedemptionService::redeemsFixedReward()
{
    RedemptionRequest r = request(m_member, "five-off");
    r.saleReference = QStringLiteral(" S-9 ");
    auto change = m_store->engine().redemption().redeem(r, TempStore::cashier());
    LT_VERIFY_OK(change);
    QCOMPARE(change->points, qint64(-100));
    QCOMPARE(change->rewardTierId, QStringLiteral("five-off"));
    QCOMPARE(change->discount, Money(500, QStringLiteral("USD")));
    QCOMPARE(change->discountPercentage, 0);
    QCOMPARE(change->saleReference, QStringLiteral("S-9"));
    QCOMPARE(change->member.balance, qint64(2900));
    // Spending points does not lower lifetime points, so a member keeps their tier.
    QCOMPARE(change->member.lifetimePoints, qint64(3000));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE id = ? AND kind = 'redeem' AND points = -100 AND "
                             "reward_tier_id = 'five-off' AND discount_minor = 500 AND reference = 'S-9'",
                             {change->ledgerId}),
             qint64(1));
    QCOMPARE(
        m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND operation = 'redeem'", {change->ledgerId}),
        qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'reward.redeem'"), qint64(1));
}

void TestRedemptionService::insufficientPointsWriteNothing()
{
    auto poor = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(poor);
    LT_VERIFY_OK(m_store->accrue(poor->id, QStringLiteral("S-2"), 9999)); // 99 points
    const QString before = m_store->rowCounts();
    const auto refused = m_store->engine().redemption().redeem(request(poor->id, "five-off"), TempStore::cashier());
    LT_VERIFY_ERROR(refused, ErrorKind::Refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("99")), qPrintable(refused.error().message));
    LT_VERIFY_ERROR(
        m_store->engine().redemption().redeem(request(poor->id, "points-as-cash", 100), TempStore::cashier()),
        ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->balance(poor->id), qint64(99));
}

void TestRedemptionService::fixedRewardRefusesOtherPoints()
{
    const QString before = m_store->rowCounts();
    const auto refused = m_store->engine().redemption().redeem(request(m_member, "five-off", 50), TempStore::cashier());
    LT_VERIFY_ERROR(refused, ErrorKind::InvalidInput);
    QCOMPARE(refused.error().field, QStringLiteral("points"));
    QCOMPARE(m_store->rowCounts(), before);
    // Naming the reward's own price is fine.
    auto exact = m_store->engine().redemption().redeem(request(m_member, "five-off", 100), TempStore::cashier());
    LT_VERIFY_OK(exact);
    QCOMPARE(exact->points, qint64(-100));
}

void TestRedemptionService::partialRewardStaysWithinBounds_data()
{
    QTest::addColumn<qint64>("points");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("below the minimum") << qint64(19) << false;
    QTest::newRow("the minimum") << qint64(20) << true;
    QTest::newRow("between") << qint64(777) << true;
    QTest::newRow("the maximum") << qint64(2000) << true;
    QTest::newRow("above the maximum") << qint64(2001) << false;
    QTest::newRow("zero") << qint64(0) << false;
    QTest::newRow("negative") << qint64(-20) << false;
}

void TestRedemptionService::partialRewardStaysWithinBounds()
{
    QFETCH(qint64, points);
    QFETCH(bool, accepted);
    const QString before = m_store->rowCounts();
    const auto change =
        m_store->engine().redemption().redeem(request(m_member, "points-as-cash", points), TempStore::cashier());
    if (accepted) {
        LT_VERIFY_OK(change);
        QCOMPARE(change->points, -points);
        QCOMPARE(change->discount, Money(points * 5, QStringLiteral("USD")));
        QCOMPARE(change->member.balance, 3000 - points);
    } else {
        LT_VERIFY_ERROR(change, ErrorKind::InvalidInput);
        QCOMPARE(change.error().field, QStringLiteral("points"));
        QCOMPARE(m_store->rowCounts(), before);
    }
}

void TestRedemptionService::partialRewardDefaultsToWhatTheMemberHas()
{
    auto some = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(some);
    LT_VERIFY_OK(m_store->accrue(some->id, QStringLiteral("S-2"), 4321)); // 43 points
    auto all = m_store->engine().redemption().redeem(request(some->id, "points-as-cash"), TempStore::cashier());
    LT_VERIFY_OK(all);
    QCOMPARE(all->points, qint64(-43));
    QCOMPARE(all->discount.minorUnits(), qint64(215));
    QCOMPARE(all->member.balance, qint64(0));
    // With more than the maximum, one redemption uses the maximum.
    auto capped = m_store->engine().redemption().redeem(request(m_member, "points-as-cash"), TempStore::cashier());
    LT_VERIFY_OK(capped);
    QCOMPARE(capped->points, qint64(-2000));
    QCOMPARE(capped->member.balance, qint64(1000));
}

void TestRedemptionService::percentageRewardIsCapped()
{
    auto change = m_store->engine().redemption().redeem(request(m_member, "ten-percent"), TempStore::cashier());
    LT_VERIFY_OK(change);
    QCOMPARE(change->points, qint64(-250));
    QCOMPARE(change->discountPercentage, 10);
    QCOMPARE(change->discount, Money(5000, QStringLiteral("USD"))); // the cap the register applies
    QCOMPARE(change->member.balance, qint64(2750));
}

void TestRedemptionService::refusesUnknownRewardMemberAndInactiveProgram()
{
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->engine().redemption().redeem(request(m_member, "free-car"), TempStore::cashier()),
                    ErrorKind::NotFound);
    LT_VERIFY_ERROR(m_store->engine().redemption().redeem(request(4242, "five-off"), TempStore::cashier()),
                    ErrorKind::NotFound);
    RedemptionRequest badSale = request(m_member, "five-off");
    badSale.saleReference = QStringLiteral("S 9");
    LT_VERIFY_ERROR(m_store->engine().redemption().redeem(badSale, TempStore::cashier()), ErrorKind::InvalidInput);

    lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
    program.active = false;
    LT_VERIFY_OK(
        lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Square));
    LT_VERIFY_OK(m_store->engine().reload());
    const QString withProgram = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->engine().redemption().redeem(request(m_member, "five-off"), TempStore::cashier()),
                    ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), withProgram);
    QVERIFY(before != withProgram); // the program row was written
    QCOMPARE(m_store->balance(m_member), qint64(3000));
}

void TestRedemptionService::quotesWithoutWriting()
{
    const QString before = m_store->rowCounts();
    auto quote = m_store->engine().redemption().quote(request(m_member, "points-as-cash", 100), 150);
    LT_VERIFY_OK(quote);
    QCOMPARE(quote->points, qint64(-100));
    QCOMPARE(quote->discount.minorUnits(), qint64(500));
    LT_VERIFY_ERROR(m_store->engine().redemption().quote(request(m_member, "five-off"), 99), ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), before);
}

QTEST_GUILESS_MAIN(TestRedemptionService)
#include "tst_redemptionservice.moc"
