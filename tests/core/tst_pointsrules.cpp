#include "core/domain/PointsRules.h"
#include "tests/support/ResultChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using lt::AccrualRule;
using lt::ErrorKind;
using lt::LedgerKind;
using lt::LoyaltyProgram;
using lt::Money;
using lt::PointsRules;
using lt::RewardTier;
using lt::Sale;
using lt::SaleLine;
using lt::TierPolicy;

Q_DECLARE_METATYPE(AccrualRule::Rounding)
Q_DECLARE_METATYPE(LedgerKind)

namespace {
Sale sale(qint64 totalMinor, const QList<SaleLine>& lines = {})
{
    Sale s;
    s.reference = QStringLiteral("R-1");
    s.total = Money(totalMinor, QStringLiteral("USD"));
    s.lines = lines;
    return s;
}

SaleLine line(const char* item, const char* category, qint64 quantity, qint64 amountMinor)
{
    return SaleLine {QString::fromLatin1(item), QString::fromLatin1(category), quantity, amountMinor};
}

AccrualRule spend(qint64 points, qint64 perMinor, AccrualRule::Rounding rounding = AccrualRule::Rounding::Down)
{
    AccrualRule rule;
    rule.type = AccrualRule::Type::Spend;
    rule.points = points;
    rule.spendAmountMinor = perMinor;
    rule.rounding = rounding;
    return rule;
}

AccrualRule visit(qint64 points, qint64 minimumMinor)
{
    AccrualRule rule;
    rule.type = AccrualRule::Type::Visit;
    rule.points = points;
    rule.visitMinimumMinor = minimumMinor;
    return rule;
}

LoyaltyProgram programWith(const QList<AccrualRule>& rules)
{
    LoyaltyProgram program;
    program.accrualRules = rules;
    return program;
}
} // namespace

class TestPointsRules : public QObject
{
    Q_OBJECT

private slots:
    void spendRuleRounds_data();
    void spendRuleRounds();
    void squareSpecExample();
    void visitRuleNeedsTheMinimum();
    void itemRuleCountsQuantities();
    void categoryRuleCountsQuantities();
    void exclusionsReduceTheSpend();
    void bestRuleWins();
    void inactiveProgramEarnsNothing();
    void nothingForAnEmptySale();
    void defaultProgramEarnsOnePointPerUnit();
    // Redemption cost.
    void fixedRewardCostsItsPoints();
    void partialRewardCostsWhatTheCashierChooses();
    void percentageRewardCarriesItsCap();
    void redemptionNeedsAnActiveProgramAndTheBalance();
    // Refund and void reversal.
    void refundReversesProRataRoundedDown_data();
    void refundReversesProRataRoundedDown();
    void partialRefundsAddUpToWhatTheSaleEarned();
    void voidTakesBackWhatRefundsLeft();
    void restoredRewardPointsAreGivenBackOnce();
    // Lifetime points and tier.
    void lifetimePointsCountEarnings_data();
    void lifetimePointsCountEarnings();
    void tierFollowsLifetimePoints();
    void oldTierListIsChecked_data();
    void oldTierListIsChecked();
};

void TestPointsRules::spendRuleRounds_data()
{
    QTest::addColumn<AccrualRule::Rounding>("rounding");
    QTest::addColumn<qint64>("totalMinor");
    QTest::addColumn<qint64>("expected");
    using R = AccrualRule::Rounding;
    // 1 point per 10.00 spent.
    QTest::newRow("down 100.00") << R::Down << qint64(10000) << qint64(10);
    QTest::newRow("down 104.99") << R::Down << qint64(10499) << qint64(10);
    QTest::newRow("down 105.00") << R::Down << qint64(10500) << qint64(10);
    QTest::newRow("down 109.99") << R::Down << qint64(10999) << qint64(10);
    QTest::newRow("down 9.99") << R::Down << qint64(999) << qint64(0);
    QTest::newRow("nearest 100.00") << R::Nearest << qint64(10000) << qint64(10);
    QTest::newRow("nearest 104.99") << R::Nearest << qint64(10499) << qint64(10);
    QTest::newRow("nearest 105.00 (half up)") << R::Nearest << qint64(10500) << qint64(11);
    QTest::newRow("nearest 4.99") << R::Nearest << qint64(499) << qint64(0);
    QTest::newRow("nearest 5.00") << R::Nearest << qint64(500) << qint64(1);
    QTest::newRow("up 100.00") << R::Up << qint64(10000) << qint64(10);
    QTest::newRow("up 100.01") << R::Up << qint64(10001) << qint64(11);
    QTest::newRow("up 0.01") << R::Up << qint64(1) << qint64(1);
}

void TestPointsRules::spendRuleRounds()
{
    QFETCH(AccrualRule::Rounding, rounding);
    QFETCH(qint64, totalMinor);
    QFETCH(qint64, expected);
    const LoyaltyProgram program = programWith({spend(1, 1000, rounding)});
    QCOMPARE(PointsRules(program).pointsFor(sale(totalMinor)), expected);
}

void TestPointsRules::squareSpecExample()
{
    // Square's documentation: "1 point for every $10 spent"; a $105 purchase earns 10 points.
    const LoyaltyProgram program = programWith({spend(1, 1000)});
    QCOMPARE(PointsRules(program).pointsFor(sale(10500)), qint64(10));
    // Several points per unit multiply.
    const LoyaltyProgram triple = programWith({spend(3, 1000)});
    QCOMPARE(PointsRules(triple).pointsFor(sale(10500)), qint64(30));
}

void TestPointsRules::visitRuleNeedsTheMinimum()
{
    const LoyaltyProgram program = programWith({visit(5, 1000)});
    const PointsRules calculator(program);
    QCOMPARE(calculator.pointsFor(sale(999)), qint64(0));
    QCOMPARE(calculator.pointsFor(sale(1000)), qint64(5));
    QCOMPARE(calculator.pointsFor(sale(99999)), qint64(5));
    const LoyaltyProgram anyVisit = programWith({visit(2, 0)});
    QCOMPARE(PointsRules(anyVisit).pointsFor(sale(1)), qint64(2));
}

void TestPointsRules::itemRuleCountsQuantities()
{
    AccrualRule latte;
    latte.type = AccrualRule::Type::ItemVariation;
    latte.points = 2;
    latte.itemVariationId = QStringLiteral("latte-large");
    const LoyaltyProgram program = programWith({latte});
    const PointsRules calculator(program);
    QCOMPARE(calculator.pointsFor(sale(1500, {line("latte-large", "coffee", 3, 1500)})), qint64(6));
    QCOMPARE(calculator.pointsFor(sale(2000,
                                       {line("latte-large", "coffee", 1, 500), line("latte-small", "coffee", 4, 1000),
                                        line("latte-large", "coffee", 2, 500)})),
             qint64(6));
    QCOMPARE(calculator.pointsFor(sale(500, {line("latte-small", "coffee", 1, 500)})), qint64(0));
    QCOMPARE(calculator.pointsFor(sale(500)), qint64(0));
}

void TestPointsRules::categoryRuleCountsQuantities()
{
    AccrualRule bakery;
    bakery.type = AccrualRule::Type::Category;
    bakery.points = 3;
    bakery.categoryId = QStringLiteral("bakery");
    const LoyaltyProgram program = programWith({bakery});
    const PointsRules calculator(program);
    QCOMPARE(calculator.pointsFor(sale(1200,
                                       {line("croissant", "bakery", 2, 600), line("bagel", "bakery", 1, 300),
                                        line("latte", "coffee", 1, 300)})),
             qint64(9));
    QCOMPARE(calculator.pointsFor(sale(300, {line("latte", "coffee", 1, 300)})), qint64(0));
}

void TestPointsRules::exclusionsReduceTheSpend()
{
    AccrualRule rule = spend(1, 100);
    rule.excludedCategoryIds = {QStringLiteral("gift-cards")};
    rule.excludedItemVariationIds = {QStringLiteral("lottery-ticket")};
    const LoyaltyProgram program = programWith({rule});
    const PointsRules calculator(program);
    // 50.00 total of which 20.00 is a gift card: 30 points.
    QCOMPARE(calculator.pointsFor(sale(5000, {line("gc-20", "gift-cards", 1, 2000), line("mug", "kitchen", 1, 3000)})),
             qint64(30));
    // An excluded item, whatever its category.
    QCOMPARE(calculator.pointsFor(sale(5000, {line("lottery-ticket", "kitchen", 5, 1000)})), qint64(40));
    // Both kinds at once.
    QCOMPARE(calculator.pointsFor(
                 sale(5000, {line("gc-20", "gift-cards", 1, 2000), line("lottery-ticket", "misc", 1, 1000)})),
             qint64(20));
    // Lines the register sends without a category are not excluded by an empty category id.
    AccrualRule emptyExclusion = spend(1, 100);
    emptyExclusion.excludedCategoryIds = {QString()};
    const LoyaltyProgram lenient = programWith({emptyExclusion});
    QCOMPARE(PointsRules(lenient).pointsFor(sale(5000, {line("mug", "", 1, 3000)})), qint64(50));
    // Exclusions never make the spend negative.
    QCOMPARE(calculator.pointsFor(sale(1000, {line("gc-20", "gift-cards", 1, 2000)})), qint64(0));
}

void TestPointsRules::bestRuleWins()
{
    AccrualRule coffee;
    coffee.type = AccrualRule::Type::Category;
    coffee.points = 10;
    coffee.categoryId = QStringLiteral("coffee");
    const LoyaltyProgram program = programWith({spend(1, 100), visit(5, 0), coffee});
    const PointsRules calculator(program);
    QCOMPARE(calculator.pointsFor(sale(1234)), qint64(12)); // spend beats visit
    QCOMPARE(calculator.pointsFor(sale(300)), qint64(5)); // visit beats spend
    QCOMPARE(calculator.pointsFor(sale(1500, {line("latte", "coffee", 2, 1500)})),
             qint64(20)); // the category rule wins; rules never add up
}

void TestPointsRules::inactiveProgramEarnsNothing()
{
    LoyaltyProgram program = programWith({spend(1, 100), visit(5, 0)});
    program.active = false;
    QCOMPARE(PointsRules(program).pointsFor(sale(100000)), qint64(0));
}

void TestPointsRules::nothingForAnEmptySale()
{
    const LoyaltyProgram program = programWith({spend(1, 100, AccrualRule::Rounding::Up), visit(5, 0)});
    QCOMPARE(PointsRules(program).pointsFor(sale(0)), qint64(0));
    QCOMPARE(PointsRules(program).pointsFor(sale(-500)), qint64(0));
    QCOMPARE(PointsRules(programWith({})).pointsFor(sale(5000)), qint64(0));
}

void TestPointsRules::defaultProgramEarnsOnePointPerUnit()
{
    const LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    QCOMPARE(PointsRules(program).pointsFor(sale(12345)), qint64(123));
    QCOMPARE(PointsRules(program).pointsFor(sale(99)), qint64(0));
}

namespace {
RewardTier fixedTier(qint64 points, qint64 amountMinor)
{
    RewardTier tier;
    tier.id = QStringLiteral("fixed");
    tier.name = QStringLiteral("$%1 off").arg(amountMinor / 100);
    tier.points = points;
    tier.amountMinor = amountMinor;
    return tier;
}
} // namespace

void TestPointsRules::fixedRewardCostsItsPoints()
{
    const LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    const PointsRules rules(program);
    auto cost = rules.redemptionCost(fixedTier(100, 500), std::nullopt, 150);
    LT_VERIFY_OK(cost);
    QCOMPARE(cost->points, qint64(100));
    QCOMPARE(cost->discount, Money(500, QStringLiteral("USD")));
    QCOMPARE(cost->discountPercentage, 0);
    LT_VERIFY_OK(rules.redemptionCost(fixedTier(100, 500), qint64(100), 100));
    // A fixed reward cannot be bought for other points.
    LT_VERIFY_ERROR(rules.redemptionCost(fixedTier(100, 500), qint64(60), 150), ErrorKind::InvalidInput);
}

void TestPointsRules::partialRewardCostsWhatTheCashierChooses()
{
    RewardTier partial;
    partial.id = QStringLiteral("points-off");
    partial.name = QStringLiteral("Points off");
    partial.partial = true;
    partial.points = 500;
    partial.minimumPoints = 50;
    partial.minorPerPoint = 2;
    const LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    const PointsRules rules(program);
    // By default as many points as the balance allows, up to the most one redemption may use.
    auto cost = rules.redemptionCost(partial, std::nullopt, 120);
    LT_VERIFY_OK(cost);
    QCOMPARE(cost->points, qint64(120));
    QCOMPARE(cost->discount, Money(240, QStringLiteral("USD")));
    cost = rules.redemptionCost(partial, std::nullopt, 9000);
    LT_VERIFY_OK(cost);
    QCOMPARE(cost->points, qint64(500));
    cost = rules.redemptionCost(partial, qint64(75), 9000);
    LT_VERIFY_OK(cost);
    QCOMPARE(cost->points, qint64(75));
    QCOMPARE(cost->discount, Money(150, QStringLiteral("USD")));
    LT_VERIFY_ERROR(rules.redemptionCost(partial, qint64(49), 9000), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(rules.redemptionCost(partial, qint64(501), 9000), ErrorKind::InvalidInput);
    // Below the minimum, the balance cannot pay for any of it.
    LT_VERIFY_ERROR(rules.redemptionCost(partial, std::nullopt, 20), ErrorKind::InvalidInput);
}

void TestPointsRules::percentageRewardCarriesItsCap()
{
    RewardTier tier = fixedTier(200, 0);
    tier.discount = RewardTier::Discount::Percentage;
    tier.percentage = 15;
    tier.maximumDiscountMinor = 2000;
    LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    program.currency = QStringLiteral("EUR");
    auto cost = PointsRules(program).redemptionCost(tier, std::nullopt, 200);
    LT_VERIFY_OK(cost);
    QCOMPARE(cost->points, qint64(200));
    QCOMPARE(cost->discountPercentage, 15);
    QCOMPARE(cost->discount, Money(2000, QStringLiteral("EUR")));
}

void TestPointsRules::redemptionNeedsAnActiveProgramAndTheBalance()
{
    LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    auto cost = PointsRules(program).redemptionCost(fixedTier(100, 500), std::nullopt, 99);
    LT_VERIFY_ERROR(cost, ErrorKind::Refused);
    QVERIFY2(cost.error().message.contains(QLatin1String("99")), qPrintable(cost.error().message));
    program.active = false;
    LT_VERIFY_ERROR(PointsRules(program).redemptionCost(fixedTier(100, 500), std::nullopt, 1000), ErrorKind::Refused);
}

void TestPointsRules::refundReversesProRataRoundedDown_data()
{
    QTest::addColumn<qint64>("earned");
    QTest::addColumn<qint64>("totalMinor");
    QTest::addColumn<qint64>("refundedAfterMinor");
    QTest::addColumn<qint64>("reversedBefore");
    QTest::addColumn<qint64>("reversal");
    QTest::newRow("whole sale") << qint64(50) << qint64(5000) << qint64(5000) << qint64(0) << qint64(50);
    QTest::newRow("half") << qint64(50) << qint64(5000) << qint64(2500) << qint64(0) << qint64(25);
    QTest::newRow("a third, rounded down") << qint64(10) << qint64(3000) << qint64(1000) << qint64(0) << qint64(3);
    QTest::newRow("too little for a point") << qint64(10) << qint64(1000) << qint64(99) << qint64(0) << qint64(0);
    QTest::newRow("second half after the first")
        << qint64(51) << qint64(5100) << qint64(5100) << qint64(25) << qint64(26);
    QTest::newRow("never below zero") << qint64(10) << qint64(1000) << qint64(500) << qint64(7) << qint64(0);
    QTest::newRow("a sale that earned nothing") << qint64(0) << qint64(99) << qint64(99) << qint64(0) << qint64(0);
}

void TestPointsRules::refundReversesProRataRoundedDown()
{
    QFETCH(qint64, earned);
    QFETCH(qint64, totalMinor);
    QFETCH(qint64, refundedAfterMinor);
    QFETCH(qint64, reversedBefore);
    QFETCH(qint64, reversal);
    QCOMPARE(PointsRules::refundReversal(earned, totalMinor, refundedAfterMinor, reversedBefore), reversal);
}

void TestPointsRules::partialRefundsAddUpToWhatTheSaleEarned()
{
    // Three refunds of a third each: 3 + 3 + 4, never 3 + 3 + 3.
    const qint64 earned = 10;
    const qint64 total = 3000;
    qint64 refunded = 0;
    qint64 reversed = 0;
    for (int i = 0; i < 3; ++i) {
        refunded += 1000;
        reversed += PointsRules::refundReversal(earned, total, refunded, reversed);
    }
    QCOMPARE(reversed, earned);
}

void TestPointsRules::voidTakesBackWhatRefundsLeft()
{
    QCOMPARE(PointsRules::voidReversal(50, 0), qint64(50));
    QCOMPARE(PointsRules::voidReversal(50, 20), qint64(30));
    QCOMPARE(PointsRules::voidReversal(50, 50), qint64(0));
}

void TestPointsRules::restoredRewardPointsAreGivenBackOnce()
{
    QCOMPARE(PointsRules::rewardPointsToRestore(100, 0), qint64(100));
    QCOMPARE(PointsRules::rewardPointsToRestore(100, 100), qint64(0));
    QCOMPARE(PointsRules::rewardPointsToRestore(250, 100), qint64(150));
    QCOMPARE(PointsRules::rewardPointsToRestore(0, 0), qint64(0));
}

void TestPointsRules::lifetimePointsCountEarnings_data()
{
    QTest::addColumn<LedgerKind>("kind");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<qint64>("lifetime");
    QTest::newRow("accrue") << LedgerKind::Accrue << qint64(10) << qint64(10);
    QTest::newRow("opening") << LedgerKind::Opening << qint64(300) << qint64(300);
    QTest::newRow("refund takes earnings back") << LedgerKind::Refund << qint64(-7) << qint64(-7);
    QTest::newRow("void takes earnings back") << LedgerKind::Void << qint64(-7) << qint64(-7);
    QTest::newRow("adjust up counts") << LedgerKind::Adjust << qint64(5) << qint64(5);
    QTest::newRow("adjust down does not") << LedgerKind::Adjust << qint64(-5) << qint64(0);
    QTest::newRow("redeem does not") << LedgerKind::Redeem << qint64(-100) << qint64(0);
    QTest::newRow("restore does not") << LedgerKind::Restore << qint64(100) << qint64(0);
    QTest::newRow("expire does not") << LedgerKind::Expire << qint64(-30) << qint64(0);
}

void TestPointsRules::lifetimePointsCountEarnings()
{
    QFETCH(LedgerKind, kind);
    QFETCH(qint64, points);
    QFETCH(qint64, lifetime);
    QCOMPARE(PointsRules::lifetimeDelta(kind, points), lifetime);
}

void TestPointsRules::tierFollowsLifetimePoints()
{
    // Tiers kept by earlier versions as [{name, lifetime_points}] still read, counted over the lifetime.
    const auto program = LoyaltyProgram::fromJson(
        QJsonObject {{QStringLiteral("member_tiers"),
                      QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Gold")},
                                               {QStringLiteral("lifetime_points"), 2000}},
                                  QJsonObject {{QStringLiteral("name"), QStringLiteral("Silver")},
                                               {QStringLiteral("lifetime_points"), 500}}}}});
    QVERIFY(program.ok());
    const TierPolicy& tiers = program->memberTiers;
    QCOMPARE(tiers.window, TierPolicy::Window::Lifetime);
    QCOMPARE(tiers.indexFor(0), 0);
    QCOMPARE(tiers.indexFor(499), 0);
    QCOMPARE(tiers.tiers.at(tiers.indexFor(500)).name, QStringLiteral("Silver"));
    QCOMPARE(tiers.tiers.at(tiers.indexFor(1999)).name, QStringLiteral("Silver"));
    QCOMPARE(tiers.tiers.at(tiers.indexFor(2000)).name, QStringLiteral("Gold"));
    QCOMPARE(tiers.tiers.at(tiers.indexFor(1'000'000)).name, QStringLiteral("Gold"));
    // Written in today's form, where the lowest tier starts at 0 as it did in use, and read back the same.
    QCOMPARE(tiers.tiers.first().threshold, qint64(0));
    const auto again = LoyaltyProgram::fromJson(program->toJson());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(again->memberTiers.toJson(), tiers.toJson());
}

void TestPointsRules::oldTierListIsChecked_data()
{
    QTest::addColumn<QByteArray>("tiers");
    QTest::addColumn<QString>("message");
    // Found by fuzzing: a number where a tier belongs read as a tier without a name.
    QTest::newRow("not an object") << QByteArray("[2]") << QStringLiteral("member_tiers[0]: must be an object.");
    QTest::newRow("no name") << QByteArray(R"([{"lifetime_points": 10}])") << QStringLiteral("member_tiers[0].name");
    QTest::newRow("empty name") << QByteArray(R"([{"name": "", "lifetime_points": 0}])")
                                << QStringLiteral("name: is empty.");
    QTest::newRow("negative points") << QByteArray(R"([{"name": "Gold", "lifetime_points": -1}])")
                                     << QStringLiteral("member_tiers[0].lifetime_points");
    QTest::newRow("two at the same points")
        << QByteArray(R"([{"name": "A", "lifetime_points": 5}, {"name": "B", "lifetime_points": 9},
                          {"name": "C", "lifetime_points": 9}])")
        << QStringLiteral("threshold");
    QTest::newRow("one name twice") << QByteArray(
        R"([{"name": "A", "lifetime_points": 5}, {"name": "A", "lifetime_points": 9}])")
                                    << QStringLiteral("names two tiers");
    QTest::newRow("unknown field") << QByteArray(R"([{"name": "A", "lifetime_points": 5, "colour": "gold"}])")
                                   << QStringLiteral("colour");
}

void TestPointsRules::oldTierListIsChecked()
{
    QFETCH(QByteArray, tiers);
    QFETCH(QString, message);
    const QJsonObject json {{QStringLiteral("member_tiers"), QJsonDocument::fromJson(tiers).array()}};
    const auto program = LoyaltyProgram::fromJson(json);
    QVERIFY(!program.ok());
    QCOMPARE(program.error().kind, lt::ErrorKind::InvalidInput);
    QVERIFY2(program.error().message.contains(message), qPrintable(program.error().message));
}

QTEST_GUILESS_MAIN(TestPointsRules)
#include "tst_pointsrules.moc"
