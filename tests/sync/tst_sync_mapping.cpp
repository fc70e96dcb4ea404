// What Square sends is read strictly: a loyalty event or a program with missing fields or wrong types is refused
// with a clear message and changes nothing; unknown fields are ignored.
#include "core/store/ProgramRepository.h"
#include "sync/square/SquareEvent.h"
#include "sync/square/SquareProgramMapper.h"
#include "tests/support/ResultChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace lt;

namespace {
QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const char* const AccumulateEvent = R"({"id":"evt-1","type":"ACCUMULATE_POINTS","created_at":"2026-11-20T10:00:00Z",
    "loyalty_account_id":"acct-1","source":"SQUARE","location_id":"L1","unknown_field":{"x":1},
    "accumulate_points":{"loyalty_program_id":"p","points":12}})";

const char* const Program = R"({"id":"prog-1","status":"ACTIVE","terminology":{"one":"Star","other":"Stars"},
    "expiration_policy":{"expiration_duration":"P12M"},
    "accrual_rules":[{"accrual_type":"SPEND","points":2,"spend_data":{"amount_money":{"amount":500,"currency":"EUR"},
      "tax_mode":"BEFORE_TAX","excluded_category_ids":["c1"]}},
      {"accrual_type":"VISIT","points":5,"visit_data":{"minimum_amount_money":{"amount":1000,"currency":"EUR"}}}],
    "reward_tiers":[{"id":"t-250","points":250,"name":"10% off"},{"id":"t-100","points":100,"name":"$5 off",
      "pricing_rule_reference":{"object_id":"pr","catalog_version":1}}],"new_field":true})";
} // namespace

class TestMapping : public QObject
{
    Q_OBJECT
private slots:
    void eventIsRead();
    void eventSignsFollowTheBalance();
    void badEventIsRefused_data();
    void badEventIsRefused();
    void programIsMapped();
    void localDiscountsAndPartialRewardsAreKept();
    void tillsOwnPartsSurviveThePull();
    void rewardAmountsAreInTheCurrencysMinorUnits_data();
    void rewardAmountsAreInTheCurrencysMinorUnits();
    void badProgramIsRefused_data();
    void badProgramIsRefused();
};

void TestMapping::eventIsRead()
{
    auto event = SquareEvent::fromJson(json(AccumulateEvent));
    LT_VERIFY_OK(event);
    QCOMPARE(event->id, QStringLiteral("evt-1"));
    QCOMPARE(event->accountId, QStringLiteral("acct-1"));
    QCOMPARE(event->points, 12);
    QCOMPARE(event->locationId, QStringLiteral("L1"));
}

void TestMapping::eventSignsFollowTheBalance()
{
    auto created = SquareEvent::fromJson(json(R"({"id":"e","type":"CREATE_REWARD","created_at":"2026-11-20T10:00:00Z",
        "loyalty_account_id":"a","source":"LOYALTY_API","create_reward":{"reward_id":"r1","points":-100}})"));
    LT_VERIFY_OK(created);
    QCOMPARE(created->points, -100);
    QCOMPARE(created->rewardId, QStringLiteral("r1"));
    auto expired = SquareEvent::fromJson(json(R"({"id":"e","type":"EXPIRE_POINTS","created_at":"2026-11-20T10:00:00Z",
        "loyalty_account_id":"a","source":"SQUARE","expire_points":{"points":7}})"));
    LT_VERIFY_OK(expired);
    QCOMPARE(expired->points, -7);
    auto redeemed = SquareEvent::fromJson(json(R"({"id":"e","type":"REDEEM_REWARD","created_at":"2026-11-20T10:00:00Z",
        "loyalty_account_id":"a","source":"SQUARE","redeem_reward":{"reward_id":"r1"}})"));
    LT_VERIFY_OK(redeemed);
    QCOMPARE(redeemed->points, 0);
}

void TestMapping::badEventIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("no id") << "id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("numeric id") << "id" << QJsonValue(42);
    QTest::newRow("no account") << "loyalty_account_id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("time not a time") << "created_at" << QJsonValue(QStringLiteral("yesterday"));
    QTest::newRow("unknown type") << "type" << QJsonValue(QStringLiteral("DROP_TABLE"));
    QTest::newRow("points as text") << "accumulate_points" << QJsonValue(json(R"({"points":"12"})"));
    QTest::newRow("fractional points") << "accumulate_points" << QJsonValue(json(R"({"points":1.5})"));
    QTest::newRow("absurd points") << "accumulate_points" << QJsonValue(json(R"({"points":9000000000})"));
    QTest::newRow("no detail") << "accumulate_points" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("huge id") << "id" << QJsonValue(QString(5000, u'x'));
}

void TestMapping::badEventIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject event = json(AccumulateEvent);
    if (value.isUndefined())
        event.remove(field);
    else
        event.insert(field, value);
    auto read = SquareEvent::fromJson(event);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.startsWith(QLatin1String("Square sent a loyalty event")),
             qPrintable(read.error().message));
}

void TestMapping::programIsMapped()
{
    auto program = SquareProgramMapper::map(json(Program), LoyaltyProgram::defaultProgram());
    LT_VERIFY_OK(program);
    QCOMPARE(program->squareProgramId, QStringLiteral("prog-1"));
    QCOMPARE(program->termOther, QStringLiteral("Stars"));
    QCOMPARE(program->expirationMonths, std::optional<int>(12));
    QCOMPARE(program->currency, QStringLiteral("EUR"));
    QCOMPARE(program->accrualRules.size(), 2);
    QCOMPARE(program->accrualRules.at(0).spendAmountMinor, 500);
    QCOMPARE(program->accrualRules.at(0).points, 2);
    QCOMPARE(program->accrualRules.at(0).excludedCategoryIds, QStringList {QStringLiteral("c1")});
    QCOMPARE(program->accrualRules.at(1).visitMinimumMinor, 1000);
    // Ascending by points, Square's tiers first read from their names, the local partial reward kept.
    QCOMPARE(program->rewardTiers.at(0).id, QStringLiteral("t-100"));
    QCOMPARE(program->rewardTiers.at(0).amountMinor, 500);
    QCOMPARE(program->rewardTiers.at(1).id, QStringLiteral("t-250"));
    QCOMPARE(program->rewardTiers.at(1).discount, RewardTier::Discount::Percentage);
    QCOMPARE(program->rewardTiers.at(1).percentage, 10);
    QVERIFY(program->tier(QStringLiteral("points-as-cash")));
    QVERIFY(!program->tier(QStringLiteral("five-off")));
}

void TestMapping::localDiscountsAndPartialRewardsAreKept()
{
    auto first = SquareProgramMapper::map(json(Program), LoyaltyProgram::defaultProgram());
    LT_VERIFY_OK(first);
    LoyaltyProgram edited = *first;
    // A manager described the 250-point reward's discount precisely; a later pull keeps that.
    for (RewardTier& tier : edited.rewardTiers) {
        if (tier.id == QLatin1String("t-250")) {
            tier.discount = RewardTier::Discount::FixedAmount;
            tier.amountMinor = 1500;
        }
    }
    auto second = SquareProgramMapper::map(json(Program), edited);
    LT_VERIFY_OK(second);
    QCOMPARE(second->tier(QStringLiteral("t-250"))->amountMinor, 1500);
    QCOMPARE(second->tier(QStringLiteral("t-250"))->discount, RewardTier::Discount::FixedAmount);
}

void TestMapping::tillsOwnPartsSurviveThePull()
{
    // Tiers and gifts are the till's: Square's program replaces the rewards, and what named a reward Square does not
    // have stops naming it (a tier no longer reserves it; a gift of it gives the same points).
    LoyaltyProgram local = LoyaltyProgram::defaultProgram();
    local.memberTiers.tiers.last().rewardIds = {QStringLiteral("five-off"), QStringLiteral("points-as-cash")};
    local.birthdayBonus = OccasionBonus {100, QStringLiteral("five-off"), OccasionBonus::Period::Month};
    auto pulled = SquareProgramMapper::map(json(Program), local);
    LT_VERIFY_OK(pulled);
    QCOMPARE(pulled->memberTiers.tiers.size(), 3);
    QCOMPARE(pulled->memberTiers.tiers.last().rewardIds, QStringList {QStringLiteral("points-as-cash")});
    QVERIFY(pulled->birthdayBonus.has_value());
    QCOMPARE(pulled->birthdayBonus->rewardId, QString());
    QCOMPARE(pulled->birthdayBonus->points, 100);
    QCOMPARE(pulled->birthdayBonus->period, OccasionBonus::Period::Month);
    QVERIFY(pulled->referralBonus.has_value());
    QVERIFY(pulled->winBack.has_value());
}

void TestMapping::rewardAmountsAreInTheCurrencysMinorUnits_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("amountMinor");
    QTest::newRow("USD") << "USD"
                         << "$5 off" << qint64(500);
    QTest::newRow("USD cents") << "USD"
                               << "$5.50 off" << qint64(550);
    QTest::newRow("JPY") << "JPY"
                         << "¥500 off" << qint64(500); // yen have no minor unit
    QTest::newRow("KWD") << "KWD"
                         << "1.250 off" << qint64(1250); // 1,000 fils to the dinar
    QTest::newRow("KWD whole") << "KWD"
                               << "KWD 2 off" << qint64(2000);
}

void TestMapping::rewardAmountsAreInTheCurrencysMinorUnits()
{
    QFETCH(QString, currency);
    QFETCH(QString, name);
    QFETCH(qint64, amountMinor);
    // The program's currency comes from its spend rule.
    QJsonObject program = json(Program);
    QJsonObject spend = json(R"({"accrual_type":"SPEND","points":1,"spend_data":{"amount_money":{"amount":100}}})");
    QJsonObject data = spend.value(QLatin1String("spend_data")).toObject();
    data.insert(QStringLiteral("amount_money"),
                QJsonObject {{QStringLiteral("amount"), 100}, {QStringLiteral("currency"), currency}});
    spend.insert(QStringLiteral("spend_data"), data);
    program.insert(QStringLiteral("accrual_rules"), QJsonArray {spend});
    program.insert(QStringLiteral("reward_tiers"),
                   QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("t-1")},
                                            {QStringLiteral("points"), 100},
                                            {QStringLiteral("name"), name}}});
    auto mapped = SquareProgramMapper::map(program, LoyaltyProgram::defaultProgram());
    LT_VERIFY_OK(mapped);
    QCOMPARE(mapped->currency, currency);
    const RewardTier* tier = mapped->tier(QStringLiteral("t-1"));
    QVERIFY(tier);
    QCOMPARE(tier->discount, RewardTier::Discount::FixedAmount);
    QCOMPARE(tier->amountMinor, amountMinor);
}

void TestMapping::badProgramIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("no id") << "id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("rules not a list") << "accrual_rules" << QJsonValue(QStringLiteral("all"));
    QTest::newRow("tiers not a list") << "reward_tiers" << QJsonValue(7);
    QTest::newRow("tier without points") << "reward_tiers" << QJsonValue(QJsonArray {json(R"({"id":"t"})")});
    QTest::newRow("tier with text points")
        << "reward_tiers" << QJsonValue(QJsonArray {json(R"({"id":"t","points":"100"})")});
    QTest::newRow("spend without amount")
        << "accrual_rules" << QJsonValue(QJsonArray {json(R"({"accrual_type":"SPEND","points":1,"spend_data":{}})")});
    QTest::newRow("zero points rule") << "accrual_rules"
                                      << QJsonValue(QJsonArray {
                                             json(R"({"accrual_type":"VISIT","points":0,"visit_data":{}})")});
    QTest::newRow("unknown rule type") << "accrual_rules"
                                       << QJsonValue(QJsonArray {json(R"({"accrual_type":"LOTTERY","points":1})")});
    QTest::newRow("expiration in days") << "expiration_policy" << QJsonValue(json(R"({"expiration_duration":"P30D"})"));
}

void TestMapping::badProgramIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject program = json(Program);
    if (value.isUndefined())
        program.remove(field);
    else
        program.insert(field, value);
    auto mapped = SquareProgramMapper::map(program, LoyaltyProgram::defaultProgram());
    QVERIFY(!mapped.ok());
    QVERIFY2(mapped.error().message.startsWith(QLatin1String("Square sent a loyalty program")),
             qPrintable(mapped.error().message));
}

QTEST_GUILESS_MAIN(TestMapping)
#include "tst_sync_mapping.moc"
