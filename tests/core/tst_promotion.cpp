// Promotion reads Square's LoyaltyPromotion strictly, and PromotionRules gives a sale the promotion Square would:
// inside its periods (New York's wall clock across the daylight-saving change), at the minimum spend, with a
// qualifying item or category, under the trigger limit, the newest winning, only on top of program points.
#include "core/domain/Promotion.h"
#include "core/domain/PromotionRules.h"
#include "tests/support/ResultChecks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using lt::ErrorKind;
using lt::Money;
using lt::Promotion;
using lt::PromotionAward;
using lt::PromotionRules;
using lt::Result;
using lt::Sale;
using lt::SaleLine;

Q_DECLARE_METATYPE(SaleLine)

namespace {
// Tuesdays 16:00-18:00 from 5 March 2024; New York moves its clocks forward on Sunday 10 March 2024. (Periods
// themselves: tst_promotionschedule.)
const QString TuesdayAfternoons =
    QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT");

// A moment given in UTC, as the till's clock reads it, seen on the wall clock of the test's zone (New York).
QDateTime local(const char* utc)
{
    return QDateTime::fromString(QString::fromLatin1(utc), Qt::ISODate).toLocalTime();
}

Promotion promotion(const char* name, const char* createdUtc, const QStringList& periods = {TuesdayAfternoons})
{
    Promotion p;
    p.id = qint64(qHash(QByteArray(name)) % 1000) + 1;
    p.name = QString::fromLatin1(name);
    p.periods = periods;
    p.createdAt = QDateTime::fromString(QString::fromLatin1(createdUtc), Qt::ISODate);
    return p;
}

Sale sale(qint64 totalMinor, const QList<SaleLine>& lines = {}, const QString& currency = QStringLiteral("USD"))
{
    Sale s;
    s.reference = QStringLiteral("R-1");
    s.total = Money(totalMinor, currency);
    s.lines = lines;
    return s;
}

// Earlier uses of each promotion by the member, and what award() asked about them.
struct Uses
{
    QHash<qint64, QList<QDateTime>> at;
    QList<QDateTime> askedSince;

    std::function<Result<int>(const Promotion&, const QDateTime&)> counter()
    {
        return [this](const Promotion& p, const QDateTime& since) -> Result<int> {
            askedSince.append(since);
            int count = 0;
            for (const QDateTime& use : at.value(p.id))
                count += !since.isValid() || use >= since ? 1 : 0;
            return count;
        };
    }
};

// 16:30 EDT, after the change (a function: the time zone is set when the test starts).
QDateTime tuesdayInside()
{
    return local("2024-03-12T20:30:00Z");
}

std::optional<PromotionAward> awardOf(const QList<Promotion>& promotions, const Sale& s, qint64 programPoints,
                                      const QDateTime& at = tuesdayInside())
{
    Uses uses;
    auto awarded = PromotionRules::award(promotions, s, programPoints, at, uses.counter());
    if (!awarded)
        qWarning("award failed: %s", qPrintable(awarded.error().message));
    return awarded ? *awarded : std::nullopt;
}

QJsonObject squareExample(int index)
{
    // ListLoyaltyPromotionsResponse's example in Square's OpenAPI description.
    const char* const examples[] = {
        R"({"available_time":{"start_date":"2022-08-16","time_periods":["BEGIN:VEVENT\nDTSTART:20220816T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT"]},
            "created_at":"2022-08-16T08:38:54Z","id":"loypromo_f0f9b849-725e-378d-b810-511237e07b67",
            "incentive":{"points_multiplier_data":{"multiplier":"3.000","points_multiplier":3},"type":"POINTS_MULTIPLIER"},
            "loyalty_program_id":"d619f755-2d17-41f3-990d-c04ecedd64dd","name":"Tuesday Happy Hour Promo",
            "qualifying_item_variation_ids":["CJ3RYL56ITAKMD4VRCM7XERS","AT3RYLR3TUA9C34VRCB7X5RR"],"status":"ACTIVE",
            "trigger_limit":{"interval":"DAY","times":1},"updated_at":"2022-08-16T08:38:54Z"})",
        R"({"available_time":{"end_date":"2022-08-01","start_date":"2022-07-01","time_periods":[
              "BEGIN:VEVENT\nDTSTART:20220704T090000\nDURATION:PT8H\nRRULE:FREQ=WEEKLY;UNTIL=20220801T000000;BYDAY=MO\nEND:VEVENT",
              "BEGIN:VEVENT\nDTSTART:20220701T090000\nDURATION:PT8H\nRRULE:FREQ=WEEKLY;UNTIL=20220801T000000;BYDAY=FR\nEND:VEVENT"]},
            "created_at":"2022-06-27T15:37:38Z","id":"loypromo_e696f057-2286-35ff-8108-132241328106",
            "incentive":{"points_multiplier_data":{"multiplier":"2.000","points_multiplier":2},"type":"POINTS_MULTIPLIER"},
            "name":"July Special","minimum_spend_amount_money":{"amount":2000,"currency":"USD"},
            "qualifying_category_ids":["XTQPYLR3IIU9C44VRCB3XD12"],"status":"ENDED",
            "trigger_limit":{"interval":"ALL_TIME","times":5}})",
    };
    return QJsonDocument::fromJson(QByteArray(examples[index])).object();
}

// Sets `path` ("a.b.c") in `json` to `value`; an undefined value removes it.
QJsonObject with(QJsonObject json, const QStringList& path, const QJsonValue& value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            json.remove(path.first());
        else
            json.insert(path.first(), value);
        return json;
    }
    json.insert(path.first(), with(json.value(path.first()).toObject(), path.mid(1), value));
    return json;
}
} // namespace

class TestPromotion : public QObject
{
    Q_OBJECT

private slots:

    void readsSquaresPromotions();
    void roundTripsThroughSquaresShape();
    void badPromotionsNameTheField_data();
    void badPromotionsNameTheField();

    void incentivePoints_data();
    void incentivePoints();
    void purchaseMustEarnProgramPointsFirst();
    void onlyInsideItsPeriods();
    void minimumSpend_data();
    void minimumSpend();
    void qualifyingItemsAndCategories_data();
    void qualifyingItemsAndCategories();
    void newestPromotionWins();
    void triggerLimitPerDay();
    void triggerLimitAllTime();
    void promotionsNoLongerLiveNeverApply();
    void usesErrorEndsTheEvaluation();
};

void TestPromotion::readsSquaresPromotions()
{
    auto tuesday = Promotion::fromSquareJson(squareExample(0));
    LT_VERIFY_OK(tuesday);
    QCOMPARE(tuesday->squareId, QStringLiteral("loypromo_f0f9b849-725e-378d-b810-511237e07b67"));
    QCOMPARE(tuesday->name, QStringLiteral("Tuesday Happy Hour Promo"));
    QCOMPARE(tuesday->status, Promotion::Status::Active);
    QCOMPARE(tuesday->incentive, Promotion::Incentive::Multiplier);
    QCOMPARE(tuesday->multiplierMilli, 3000);
    QCOMPARE(tuesday->incentiveText(), QStringLiteral("3x"));
    QCOMPARE(tuesday->startDate, QDate(2022, 8, 16));
    QVERIFY(!tuesday->endDate.isValid());
    QCOMPARE(tuesday->itemVariationIds.size(), 2);
    QVERIFY(tuesday->triggerLimit.has_value());
    QCOMPARE(tuesday->triggerLimit->times, 1);
    QCOMPARE(tuesday->triggerLimit->interval, Promotion::LimitInterval::Day);
    QCOMPARE(tuesday->createdAt, QDateTime(QDate(2022, 8, 16), QTime(8, 38, 54), QTimeZone::utc()));
    QVERIFY(tuesday->isLive());

    auto july = Promotion::fromSquareJson(squareExample(1));
    LT_VERIFY_OK(july);
    QCOMPARE(july->status, Promotion::Status::Ended);
    QVERIFY(!july->isLive());
    QCOMPARE(july->endDate, QDate(2022, 8, 1));
    QCOMPARE(july->minimumSpendMinor, 2000);
    QCOMPARE(july->currency, QStringLiteral("USD"));
    QCOMPARE(july->categoryIds, QStringList {QStringLiteral("XTQPYLR3IIU9C44VRCB3XD12")});
    QCOMPARE(july->triggerLimit->interval, Promotion::LimitInterval::AllTime);
    QCOMPARE(july->periods.size(), 2);

    // The deprecated whole multiplier alone, and a points addition.
    QJsonObject old = with(squareExample(0), {QStringLiteral("incentive"), QStringLiteral("points_multiplier_data")},
                           QJsonObject {{QStringLiteral("points_multiplier"), 2}});
    auto twice = Promotion::fromSquareJson(old);
    LT_VERIFY_OK(twice);
    QCOMPARE(twice->multiplierMilli, 2000);
    const QJsonObject addition = with(
        squareExample(0), {QStringLiteral("incentive")},
        QJsonObject {{QStringLiteral("type"), QStringLiteral("POINTS_ADDITION")},
                     {QStringLiteral("points_addition_data"), QJsonObject {{QStringLiteral("points_addition"), 50}}}});
    auto fifty = Promotion::fromSquareJson(addition);
    LT_VERIFY_OK(fifty);
    QCOMPARE(fifty->incentive, Promotion::Incentive::Addition);
    QCOMPARE(fifty->pointsAddition, 50);
    QCOMPARE(fifty->incentiveText(), QStringLiteral("+50"));
}

void TestPromotion::roundTripsThroughSquaresShape()
{
    for (int i = 0; i < 2; ++i) {
        auto read = Promotion::fromSquareJson(squareExample(i));
        LT_VERIFY_OK(read);
        const QJsonObject written = read->toSquareJson();
        auto again = Promotion::fromSquareJson(written);
        LT_VERIFY_OK(again);
        QCOMPARE(again->toSquareJson(), written);
        QCOMPARE(written.value(QLatin1String("incentive"))
                     .toObject()
                     .value(QLatin1String("points_multiplier_data"))
                     .toObject()
                     .value(QLatin1String("multiplier"))
                     .toString(),
                 i == 0 ? QStringLiteral("3") : QStringLiteral("2"));
    }
    Promotion own = promotion("Local", "2024-03-01T10:00:00Z");
    own.multiplierMilli = 1500;
    own.startDate = QDate(2024, 3, 5);
    own.triggerLimit = Promotion::TriggerLimit {3, Promotion::LimitInterval::Day};
    auto again = Promotion::fromSquareJson(own.toSquareJson());
    LT_VERIFY_OK(again);
    QCOMPARE(again->multiplierMilli, 1500);
    QVERIFY(again->squareId.isEmpty());
    QCOMPARE(again->createdAt, own.createdAt);
    QCOMPARE(again->triggerLimit->times, 3);
}

void TestPromotion::badPromotionsNameTheField_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");

    const QStringList multiplier {QStringLiteral("incentive"), QStringLiteral("points_multiplier_data"),
                                  QStringLiteral("multiplier")};
    const QString multiplierField = QStringLiteral("incentive.points_multiplier_data.multiplier");
    QTest::newRow("multiplier 0") << multiplier << QJsonValue(QStringLiteral("0")) << multiplierField;
    QTest::newRow("multiplier 11") << multiplier << QJsonValue(QStringLiteral("11")) << multiplierField;
    QTest::newRow("multiplier 1") << multiplier << QJsonValue(QStringLiteral("1.000")) << multiplierField;
    QTest::newRow("four decimals") << multiplier << QJsonValue(QStringLiteral("1.2345")) << multiplierField;
    QTest::newRow("multiplier text") << multiplier << QJsonValue(QStringLiteral("double")) << multiplierField;
    QTest::newRow("no incentive type") << QStringList {QStringLiteral("incentive"), QStringLiteral("type")}
                                       << QJsonValue(QJsonValue::Undefined) << QStringLiteral("incentive.type");
    QTest::newRow("unknown incentive") << QStringList {QStringLiteral("incentive"), QStringLiteral("type")}
                                       << QJsonValue(QStringLiteral("POINTS_GIFT")) << QStringLiteral("incentive.type");
    QTest::newRow("no name") << QStringList {QStringLiteral("name")} << QJsonValue(QJsonValue::Undefined)
                             << QStringLiteral("name");
    QTest::newRow("long name") << QStringList {QStringLiteral("name")} << QJsonValue(QString(71, QLatin1Char('x')))
                               << QStringLiteral("name");
    QTest::newRow("status") << QStringList {QStringLiteral("status")} << QJsonValue(QStringLiteral("PAUSED"))
                            << QStringLiteral("status");
    QTest::newRow("31 times") << QStringList {QStringLiteral("trigger_limit"), QStringLiteral("times")}
                              << QJsonValue(31) << QStringLiteral("trigger_limit.times");
    QTest::newRow("weekly limit") << QStringList {QStringLiteral("trigger_limit"), QStringLiteral("interval")}
                                  << QJsonValue(QStringLiteral("WEEK")) << QStringLiteral("trigger_limit.interval");
    QTest::newRow("items and categories")
        << QStringList {QStringLiteral("qualifying_category_ids")} << QJsonValue(QJsonArray {QStringLiteral("CAT")})
        << QStringLiteral("qualifying_category_ids");
    QTest::newRow("no spend") << QStringList {QStringLiteral("minimum_spend_amount_money")}
                              << QJsonValue(QJsonObject {{QStringLiteral("amount"), 0},
                                                         {QStringLiteral("currency"), QStringLiteral("USD")}})
                              << QStringLiteral("minimum_spend_amount_money.amount");
    QTest::newRow("bad currency") << QStringList {QStringLiteral("minimum_spend_amount_money")}
                                  << QJsonValue(QJsonObject {{QStringLiteral("amount"), 100},
                                                             {QStringLiteral("currency"), QStringLiteral("DOLLARS")}})
                                  << QStringLiteral("minimum_spend_amount_money.currency");
    QTest::newRow("no available time") << QStringList {QStringLiteral("available_time")}
                                       << QJsonValue(QJsonValue::Undefined) << QStringLiteral("available_time");
    QTest::newRow("periods not a list") << QStringList {QStringLiteral("available_time"),
                                                        QStringLiteral("time_periods")}
                                        << QJsonValue(TuesdayAfternoons)
                                        << QStringLiteral("available_time.time_periods");
    QTest::newRow("no periods") << QStringList {QStringLiteral("available_time"), QStringLiteral("time_periods")}
                                << QJsonValue(QJsonArray {}) << QStringLiteral("available_time.time_periods");
    QTest::newRow("never fires") << QStringList {QStringLiteral("available_time"), QStringLiteral("time_periods")}
                                 << QJsonValue(QJsonArray {
                                        QStringLiteral("DTSTART:20240816T160000\nDURATION:PT2H\nRRULE:FREQ=DAILY;"
                                                       "UNTIL=20240101T000000")})
                                 << QStringLiteral("available_time.time_periods[0]");
    QTest::newRow("bad start date") << QStringList {QStringLiteral("available_time"), QStringLiteral("start_date")}
                                    << QJsonValue(QStringLiteral("16/08/2022"))
                                    << QStringLiteral("available_time.start_date");
    QTest::newRow("created yesterday") << QStringList {QStringLiteral("created_at")}
                                       << QJsonValue(QStringLiteral("yesterday")) << QStringLiteral("created_at");
}

void TestPromotion::badPromotionsNameTheField()
{
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    auto read = Promotion::fromSquareJson(with(squareExample(0), path, value));
    LT_VERIFY_ERROR(read, ErrorKind::InvalidInput);
    QCOMPARE(read.error().field, field);
    QVERIFY2(read.error().message.startsWith(field + QStringLiteral(": ")), qPrintable(read.error().message));
}

void TestPromotion::incentivePoints_data()
{
    QTest::addColumn<int>("multiplierMilli");
    QTest::addColumn<qint64>("addition");
    QTest::addColumn<qint64>("programPoints");
    QTest::addColumn<qint64>("points"); // what the promotion adds; 0: no award

    QTest::newRow("2x 20") << 2000 << qint64(0) << qint64(20) << qint64(20);
    QTest::newRow("1.5x 4 (Square's example)") << 1500 << qint64(0) << qint64(4) << qint64(2);
    QTest::newRow("1.5x 3: 4.5 drops to 4") << 1500 << qint64(0) << qint64(3) << qint64(1);
    QTest::newRow("1.5x 1: nothing added") << 1500 << qint64(0) << qint64(1) << qint64(0);
    QTest::newRow("10x 7") << 10000 << qint64(0) << qint64(7) << qint64(63);
    QTest::newRow("1.001x 1000") << 1001 << qint64(0) << qint64(1000) << qint64(1);
    QTest::newRow("+50 on 1") << 0 << qint64(50) << qint64(1) << qint64(50);
}

void TestPromotion::incentivePoints()
{
    QFETCH(int, multiplierMilli);
    QFETCH(qint64, addition);
    QFETCH(qint64, programPoints);
    QFETCH(qint64, points);
    Promotion p = promotion("Tuesday afternoons", "2024-03-01T10:00:00Z");
    if (addition > 0) {
        p.incentive = Promotion::Incentive::Addition;
        p.pointsAddition = addition;
    } else {
        p.multiplierMilli = multiplierMilli;
    }
    QCOMPARE(PromotionRules::pointsFor(p, programPoints), points);
    const auto awarded = awardOf({p}, sale(1000), programPoints);
    QCOMPARE(awarded.has_value(), points > 0);
    if (awarded) {
        QCOMPARE(awarded->points, points);
        QCOMPARE(awarded->promotionId, p.id);
        QCOMPARE(awarded->name, p.name);
    }
}

void TestPromotion::purchaseMustEarnProgramPointsFirst()
{
    Promotion p = promotion("Plus fifty", "2024-03-01T10:00:00Z");
    p.incentive = Promotion::Incentive::Addition;
    p.pointsAddition = 50;
    QVERIFY(awardOf({p}, sale(1000), 1).has_value());
    QVERIFY(!awardOf({p}, sale(1000), 0).has_value());
    QVERIFY(!awardOf({p}, sale(1000), -3).has_value());
}

void TestPromotion::onlyInsideItsPeriods()
{
    const Promotion p = promotion("Tuesday afternoons", "2024-03-01T10:00:00Z");
    QVERIFY(awardOf({p}, sale(1000), 10, local("2024-03-12T20:00:00Z")).has_value()); // 16:00 EDT
    QVERIFY(!awardOf({p}, sale(1000), 10, local("2024-03-12T22:00:00Z")).has_value()); // 18:00 EDT
    QVERIFY(!awardOf({p}, sale(1000), 10, local("2024-03-13T20:30:00Z")).has_value()); // Wednesday
}

void TestPromotion::minimumSpend_data()
{
    QTest::addColumn<qint64>("totalMinor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<bool>("applies");

    QTest::newRow("below") << qint64(1999) << QStringLiteral("USD") << false;
    QTest::newRow("exactly") << qint64(2000) << QStringLiteral("USD") << true;
    QTest::newRow("above") << qint64(5000) << QStringLiteral("USD") << true;
    QTest::newRow("another currency") << qint64(5000) << QStringLiteral("EUR") << false;
}

void TestPromotion::minimumSpend()
{
    QFETCH(qint64, totalMinor);
    QFETCH(QString, currency);
    QFETCH(bool, applies);
    Promotion p = promotion("Big baskets", "2024-03-01T10:00:00Z");
    p.minimumSpendMinor = 2000;
    p.currency = QStringLiteral("USD");
    QCOMPARE(awardOf({p}, sale(totalMinor, {}, currency), 10).has_value(), applies);
}

void TestPromotion::qualifyingItemsAndCategories_data()
{
    QTest::addColumn<bool>("byCategory");
    QTest::addColumn<QList<SaleLine>>("lines");
    QTest::addColumn<bool>("applies");

    const SaleLine coffee {QStringLiteral("ITEM-LATTE"), QStringLiteral("CAT-COFFEE"), 1, 450};
    const SaleLine bagel {QStringLiteral("ITEM-BAGEL"), QStringLiteral("CAT-FOOD"), 2, 550};
    const SaleLine returned {QStringLiteral("ITEM-LATTE"), QStringLiteral("CAT-COFFEE"), -1, -450};
    QTest::newRow("category: with coffee") << true << QList<SaleLine> {bagel, coffee} << true;
    QTest::newRow("category: food only") << true << QList<SaleLine> {bagel} << false;
    QTest::newRow("category: a returned coffee") << true << QList<SaleLine> {bagel, returned} << false;
    QTest::newRow("category: no lines") << true << QList<SaleLine> {} << false;
    QTest::newRow("item: with a latte") << false << QList<SaleLine> {coffee} << true;
    QTest::newRow("item: bagels only") << false << QList<SaleLine> {bagel} << false;
}

void TestPromotion::qualifyingItemsAndCategories()
{
    QFETCH(bool, byCategory);
    QFETCH(QList<SaleLine>, lines);
    QFETCH(bool, applies);
    Promotion p = promotion("Coffee lovers", "2024-03-01T10:00:00Z");
    if (byCategory)
        p.categoryIds = {QStringLiteral("CAT-COFFEE")};
    else
        p.itemVariationIds = {QStringLiteral("ITEM-LATTE")};
    const auto awarded = awardOf({p}, sale(1000, lines), 10);
    QCOMPARE(awarded.has_value(), applies);
    if (awarded) // the whole purchase's program points are multiplied, not the coffee's share
        QCOMPARE(awarded->points, 10);
}

void TestPromotion::newestPromotionWins()
{
    Promotion older = promotion("Double", "2024-03-01T10:00:00Z");
    older.multiplierMilli = 2000;
    Promotion newer = promotion("Plus five", "2024-03-02T10:00:00Z");
    newer.incentive = Promotion::Incentive::Addition;
    newer.pointsAddition = 5;
    // The newest wins even when it gives fewer points; the order given does not matter.
    auto awarded = awardOf({older, newer}, sale(1000), 10);
    QVERIFY(awarded);
    QCOMPARE(awarded->name, QStringLiteral("Plus five"));
    QCOMPARE(awarded->points, 5);
    awarded = awardOf({newer, older}, sale(1000), 10);
    QCOMPARE(awarded->name, QStringLiteral("Plus five"));

    // When the newest does not apply, the next newest does.
    newer.minimumSpendMinor = 5000;
    newer.currency = QStringLiteral("USD");
    awarded = awardOf({older, newer}, sale(1000), 10);
    QVERIFY(awarded);
    QCOMPARE(awarded->name, QStringLiteral("Double"));
    QCOMPARE(awarded->points, 10);
    // A newest that applies but adds nothing leaves the sale without a promotion.
    newer.minimumSpendMinor = 0;
    newer.incentive = Promotion::Incentive::Multiplier;
    newer.multiplierMilli = 1050;
    QVERIFY(!awardOf({older, newer}, sale(1000), 10).has_value());
}

void TestPromotion::triggerLimitPerDay()
{
    Promotion daily = promotion("Once a day", "2024-03-02T10:00:00Z");
    daily.triggerLimit = Promotion::TriggerLimit {1, Promotion::LimitInterval::Day};
    Promotion fallback = promotion("Plus one", "2024-03-01T10:00:00Z");
    fallback.incentive = Promotion::Incentive::Addition;
    fallback.pointsAddition = 1;

    const QDateTime sixteenThirty = local("2024-03-12T20:30:00Z");
    Uses uses;
    auto first = PromotionRules::award({daily}, sale(1000), 10, sixteenThirty, uses.counter());
    LT_VERIFY_OK(first);
    QVERIFY(first->has_value());
    // It asked about the uses since the start of the sale's local day.
    QCOMPARE(uses.askedSince.size(), 1);
    QCOMPARE(uses.askedSince.first(), QDateTime(QDate(2024, 3, 12), QTime(0, 0)));
    QCOMPARE(uses.askedSince.first().toUTC(), QDateTime(QDate(2024, 3, 12), QTime(4, 0), QTimeZone::utc()));

    // Used this morning: not again today; a purchase the limit disqualifies may still earn another promotion.
    uses.at[daily.id] = {QDateTime(QDate(2024, 3, 12), QTime(9, 0))};
    auto second = PromotionRules::award({daily}, sale(1000), 10, sixteenThirty, uses.counter());
    LT_VERIFY_OK(second);
    QVERIFY(!second->has_value());
    auto other = PromotionRules::award({daily, fallback}, sale(1000), 10, sixteenThirty, uses.counter());
    LT_VERIFY_OK(other);
    QVERIFY(other->has_value());
    QCOMPARE((*other)->name, QStringLiteral("Plus one"));

    // Used last Tuesday evening only: today counts afresh.
    uses.at[daily.id] = {QDateTime(QDate(2024, 3, 11), QTime(23, 59))};
    auto nextDay = PromotionRules::award({daily}, sale(1000), 10, sixteenThirty, uses.counter());
    LT_VERIFY_OK(nextDay);
    QVERIFY(nextDay->has_value());
}

void TestPromotion::triggerLimitAllTime()
{
    Promotion twice = promotion("Twice ever", "2024-03-02T10:00:00Z");
    twice.triggerLimit = Promotion::TriggerLimit {2, Promotion::LimitInterval::AllTime};
    Uses uses;
    uses.at[twice.id] = {QDateTime(QDate(2024, 3, 5), QTime(16, 30))};
    auto once = PromotionRules::award({twice}, sale(1000), 10, tuesdayInside(), uses.counter());
    LT_VERIFY_OK(once);
    QVERIFY(once->has_value());
    QVERIFY(!uses.askedSince.first().isValid()); // every use counts

    uses.at[twice.id].append(QDateTime(QDate(2024, 1, 1), QTime(12, 0)));
    auto third = PromotionRules::award({twice}, sale(1000), 10, tuesdayInside(), uses.counter());
    LT_VERIFY_OK(third);
    QVERIFY(!third->has_value());

    // No limit: never asked.
    Uses unasked;
    auto unlimited = PromotionRules::award({promotion("Always", "2024-03-01T10:00:00Z")}, sale(1000), 10,
                                           tuesdayInside(), unasked.counter());
    LT_VERIFY_OK(unlimited);
    QVERIFY(unlimited->has_value());
    QVERIFY(unasked.askedSince.isEmpty());
}

void TestPromotion::promotionsNoLongerLiveNeverApply()
{
    Promotion ended = promotion("Ended", "2024-03-02T10:00:00Z");
    ended.status = Promotion::Status::Ended;
    Promotion canceled = promotion("Canceled", "2024-03-03T10:00:00Z");
    canceled.status = Promotion::Status::Canceled;
    Promotion stopped = promotion("Stopped", "2024-03-04T10:00:00Z");
    stopped.canceledAt = QDateTime(QDate(2024, 3, 5), QTime(12, 0), QTimeZone::utc());
    Promotion scheduled = promotion("Scheduled", "2024-03-01T10:00:00Z");
    scheduled.status = Promotion::Status::Scheduled;
    const auto awarded = awardOf({ended, canceled, stopped, scheduled}, sale(1000), 10);
    QVERIFY(awarded);
    QCOMPARE(awarded->name, QStringLiteral("Scheduled")); // its period has come: it applies
}

void TestPromotion::usesErrorEndsTheEvaluation()
{
    Promotion limited = promotion("Limited", "2024-03-02T10:00:00Z");
    limited.triggerLimit = Promotion::TriggerLimit {1, Promotion::LimitInterval::AllTime};
    auto failed = PromotionRules::award({limited}, sale(1000), 10, tuesdayInside(),
                                        [](const Promotion&, const QDateTime&) -> Result<int> {
                                            return lt::Error::storage(QStringLiteral("disk full"));
                                        });
    LT_VERIFY_ERROR(failed, ErrorKind::Storage);
}

int main(int argc, char** argv)
{
    // Daylight-saving changes on known dates: set before anything reads the time zone.
    qputenv("TZ", "America/New_York");
    tzset();
    QCoreApplication app(argc, argv);
    TestPromotion test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_promotion.moc"
