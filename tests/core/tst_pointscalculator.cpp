#include "core/domain/PointsCalculator.h"

#include <QTest>

using lt::AccrualRule;
using lt::LoyaltyProgram;
using lt::Money;
using lt::PointsCalculator;
using lt::Sale;
using lt::SaleLine;

Q_DECLARE_METATYPE(AccrualRule::Rounding)

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

class TestPointsCalculator : public QObject
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
};

void TestPointsCalculator::spendRuleRounds_data()
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

void TestPointsCalculator::spendRuleRounds()
{
    QFETCH(AccrualRule::Rounding, rounding);
    QFETCH(qint64, totalMinor);
    QFETCH(qint64, expected);
    const LoyaltyProgram program = programWith({spend(1, 1000, rounding)});
    QCOMPARE(PointsCalculator(program).pointsFor(sale(totalMinor)), expected);
}

void TestPointsCalculator::squareSpecExample()
{
    // Square's documentation: "1 point for every $10 spent"; a $105 purchase earns 10 points.
    const LoyaltyProgram program = programWith({spend(1, 1000)});
    QCOMPARE(PointsCalculator(program).pointsFor(sale(10500)), qint64(10));
    // Several points per unit multiply.
    const LoyaltyProgram triple = programWith({spend(3, 1000)});
    QCOMPARE(PointsCalculator(triple).pointsFor(sale(10500)), qint64(30));
}

void TestPointsCalculator::visitRuleNeedsTheMinimum()
{
    const LoyaltyProgram program = programWith({visit(5, 1000)});
    const PointsCalculator calculator(program);
    QCOMPARE(calculator.pointsFor(sale(999)), qint64(0));
    QCOMPARE(calculator.pointsFor(sale(1000)), qint64(5));
    QCOMPARE(calculator.pointsFor(sale(99999)), qint64(5));
    const LoyaltyProgram anyVisit = programWith({visit(2, 0)});
    QCOMPARE(PointsCalculator(anyVisit).pointsFor(sale(1)), qint64(2));
}

void TestPointsCalculator::itemRuleCountsQuantities()
{
    AccrualRule latte;
    latte.type = AccrualRule::Type::ItemVariation;
    latte.points = 2;
    latte.itemVariationId = QStringLiteral("latte-large");
    const LoyaltyProgram program = programWith({latte});
    const PointsCalculator calculator(program);
    QCOMPARE(calculator.pointsFor(sale(1500, {line("latte-large", "coffee", 3, 1500)})), qint64(6));
    QCOMPARE(calculator.pointsFor(sale(2000,
                                       {line("latte-large", "coffee", 1, 500), line("latte-small", "coffee", 4, 1000),
                                        line("latte-large", "coffee", 2, 500)})),
             qint64(6));
    QCOMPARE(calculator.pointsFor(sale(500, {line("latte-small", "coffee", 1, 500)})), qint64(0));
    QCOMPARE(calculator.pointsFor(sale(500)), qint64(0));
}

void TestPointsCalculator::categoryRuleCountsQuantities()
{
    AccrualRule bakery;
    bakery.type = AccrualRule::Type::Category;
    bakery.points = 3;
    bakery.categoryId = QStringLiteral("bakery");
    const LoyaltyProgram program = programWith({bakery});
    const PointsCalculator calculator(program);
    QCOMPARE(calculator.pointsFor(sale(1200,
                                       {line("croissant", "bakery", 2, 600), line("bagel", "bakery", 1, 300),
                                        line("latte", "coffee", 1, 300)})),
             qint64(9));
    QCOMPARE(calculator.pointsFor(sale(300, {line("latte", "coffee", 1, 300)})), qint64(0));
}

void TestPointsCalculator::exclusionsReduceTheSpend()
{
    AccrualRule rule = spend(1, 100);
    rule.excludedCategoryIds = {QStringLiteral("gift-cards")};
    rule.excludedItemVariationIds = {QStringLiteral("lottery-ticket")};
    const LoyaltyProgram program = programWith({rule});
    const PointsCalculator calculator(program);
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
    QCOMPARE(PointsCalculator(lenient).pointsFor(sale(5000, {line("mug", "", 1, 3000)})), qint64(50));
    // Exclusions never make the spend negative.
    QCOMPARE(calculator.pointsFor(sale(1000, {line("gc-20", "gift-cards", 1, 2000)})), qint64(0));
}

void TestPointsCalculator::bestRuleWins()
{
    AccrualRule coffee;
    coffee.type = AccrualRule::Type::Category;
    coffee.points = 10;
    coffee.categoryId = QStringLiteral("coffee");
    const LoyaltyProgram program = programWith({spend(1, 100), visit(5, 0), coffee});
    const PointsCalculator calculator(program);
    QCOMPARE(calculator.pointsFor(sale(1234)), qint64(12)); // spend beats visit
    QCOMPARE(calculator.pointsFor(sale(300)), qint64(5)); // visit beats spend
    QCOMPARE(calculator.pointsFor(sale(1500, {line("latte", "coffee", 2, 1500)})),
             qint64(20)); // the category rule wins; rules never add up
}

void TestPointsCalculator::inactiveProgramEarnsNothing()
{
    LoyaltyProgram program = programWith({spend(1, 100), visit(5, 0)});
    program.active = false;
    QCOMPARE(PointsCalculator(program).pointsFor(sale(100000)), qint64(0));
}

void TestPointsCalculator::nothingForAnEmptySale()
{
    const LoyaltyProgram program = programWith({spend(1, 100, AccrualRule::Rounding::Up), visit(5, 0)});
    QCOMPARE(PointsCalculator(program).pointsFor(sale(0)), qint64(0));
    QCOMPARE(PointsCalculator(program).pointsFor(sale(-500)), qint64(0));
    QCOMPARE(PointsCalculator(programWith({})).pointsFor(sale(5000)), qint64(0));
}

void TestPointsCalculator::defaultProgramEarnsOnePointPerUnit()
{
    const LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    QCOMPARE(PointsCalculator(program).pointsFor(sale(12345)), qint64(123));
    QCOMPARE(PointsCalculator(program).pointsFor(sale(99)), qint64(0));
}

QTEST_GUILESS_MAIN(TestPointsCalculator)
#include "tst_pointscalculator.moc"
