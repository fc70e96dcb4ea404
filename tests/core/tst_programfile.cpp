#include "core/domain/LoyaltyProgram.h"
#include "core/store/ProgramRepository.h"
#include "tests/core/TsTranslator.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTest>

using lt::ErrorKind;
using lt::LoyaltyProgram;
using lt::test::TempStore;

namespace {
QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test data is not a JSON object: %s", json.constData());
    return document.object();
}

QByteArray compact(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// The default program with one top-level section replaced (a null value removes it).
QJsonObject defaultWith(const QString& section, const QJsonValue& value)
{
    QJsonObject json = LoyaltyProgram::defaultProgram().toJson();
    if (value.isNull())
        json.remove(section);
    else
        json.insert(section, value);
    return json;
}

// A program that uses every part the store can set: spend-based tiers on the calendar year with a reserved reward,
// a birthday reward by month, an anniversary in points, a referral and a win-back offer, and expiry.
QJsonObject everyPart()
{
    return parse(R"({
        "currency": "EUR",
        "expiration_months": 18,
        "terminology": {"one": "Star", "other": "Stars"},
        "accrual_rules": [{"accrual_type": "SPEND", "points": 2, "spend_amount_minor": 100}],
        "reward_tiers": [
            {"id": "coffee", "name": "Free coffee", "points": 80, "amount_minor": 300},
            {"id": "lounge", "name": "Lounge pass", "points": 400, "amount_minor": 2000}
        ],
        "member_tiers": {
            "basis": "SPEND", "window": "CALENDAR_YEAR", "grace_days": 0,
            "tiers": [
                {"name": "Blue", "threshold": 0},
                {"name": "Platinum", "threshold": 100000, "multiplier": "1.375", "reward_ids": ["lounge"]}
            ]
        },
        "birthday_bonus": {"reward_id": "coffee", "period": "MONTH"},
        "anniversary_bonus": {"points": 25},
        "referral_bonus": {"referrer_points": 200, "referee_points": 0, "minimum_spend_minor": 2500,
                           "monthly_limit": 3},
        "win_back": {"after_days": 60, "valid_days": 14, "multiplier": 3}
    })");
}
} // namespace

class TestProgramFile : public QObject
{
    Q_OBJECT

private slots:
    void defaultProgramRoundTrips();
    void everyPartRoundTrips();
    void storedProgramRoundTrips();
    void readsEarlierLifetimeTiers();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void refusalsReadInSpanish_data();
    void refusalsReadInSpanish();

private:
    static lt::Result<LoyaltyProgram> readWith(const QString& section, const QByteArray& value);
};

void TestProgramFile::defaultProgramRoundTrips()
{
    const QJsonObject written = LoyaltyProgram::defaultProgram().toJson();
    // The default program shows every automatic part, so that a store sees how each is written; expiry stays off.
    for (const char* section : {"member_tiers", "birthday_bonus", "referral_bonus", "win_back"})
        QVERIFY2(written.contains(QLatin1String(section)), section);
    QVERIFY(!written.contains(QLatin1String("expiration_months")));
    QVERIFY(!written.contains(QLatin1String("anniversary_bonus")));

    auto read = LoyaltyProgram::fromJson(written);
    LT_VERIFY_OK(read);
    QCOMPARE(compact(read->toJson()), compact(written));
    QCOMPARE(read->memberTiers.tiers.size(), 3);
    QCOMPARE(read->memberTiers.tiers.at(2).name, QStringLiteral("Gold"));
    QCOMPARE(read->memberTiers.tiers.at(2).multiplierMilli, 1250);
    QCOMPARE(read->memberTiers.window, lt::TierPolicy::Window::Rolling);
    QCOMPARE(read->memberTiers.months, 12);
    QCOMPARE(read->winBack->multiplierMilli, 2000);
    QCOMPARE(read->referralBonus->minimumSpendMinor, qint64(1000));
}

void TestProgramFile::everyPartRoundTrips()
{
    auto read = LoyaltyProgram::fromJson(everyPart());
    LT_VERIFY_OK(read);
    const lt::TierPolicy& tiers = read->memberTiers;
    QCOMPARE(tiers.basis, lt::TierPolicy::Basis::Spend);
    QCOMPARE(tiers.window, lt::TierPolicy::Window::CalendarYear);
    QCOMPARE(tiers.graceDays, 0);
    QCOMPARE(tiers.tiers.at(1).multiplierMilli, 1375);
    QCOMPARE(tiers.tiers.at(1).rewardIds, QStringList {QStringLiteral("lounge")});
    QCOMPARE(tiers.rewardTierIndex(QStringLiteral("lounge")), 1);
    QCOMPARE(tiers.rewardTierIndex(QStringLiteral("coffee")), -1);
    // A gift named by its reward gives that reward's points.
    QCOMPARE(read->birthdayBonus->rewardId, QStringLiteral("coffee"));
    QCOMPARE(read->birthdayBonus->points, qint64(80));
    QCOMPARE(read->birthdayBonus->period, lt::OccasionBonus::Period::Month);
    QCOMPARE(read->anniversaryBonus->points, qint64(25));
    QCOMPARE(read->anniversaryBonus->period, lt::OccasionBonus::Period::Week);
    QCOMPARE(read->referralBonus->refereePoints, qint64(0));
    QCOMPARE(read->referralBonus->monthlyLimit, 3);
    QCOMPARE(read->winBack->multiplierMilli, 3000);
    QCOMPARE(read->expirationMonths, std::optional<int>(18));

    // What is written reads back the same, and writes the same again.
    const QJsonObject written = read->toJson();
    QCOMPARE(written.value(QLatin1String("win_back")).toObject().value(QLatin1String("multiplier")).toString(),
             QStringLiteral("3"));
    QCOMPARE(written.value(QLatin1String("member_tiers"))
                 .toObject()
                 .value(QLatin1String("tiers"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("multiplier"))
                 .toString(),
             QStringLiteral("1.375"));
    auto again = LoyaltyProgram::fromJson(written);
    LT_VERIFY_OK(again);
    QCOMPARE(compact(again->toJson()), compact(written));
}

void TestProgramFile::storedProgramRoundTrips()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto program = LoyaltyProgram::fromJson(everyPart());
    LT_VERIFY_OK(program);
    LT_VERIFY_OK(lt::ProgramRepository(store.db(), store.clock()).save(*program, lt::ProgramRepository::Source::Local));
    auto loaded = lt::ProgramRepository(store.db(), store.clock()).load();
    LT_VERIFY_OK(loaded);
    QCOMPARE(compact(loaded->toJson()), compact(program->toJson()));
    LT_VERIFY_OK(store.engine().reload());
    QCOMPARE(store.engine().program().memberTiers.tiers.at(1).name, QStringLiteral("Platinum"));
}

void TestProgramFile::readsEarlierLifetimeTiers()
{
    // Versions before member tiers had windows wrote a list of lifetime thresholds, in any order.
    const QJsonArray list = QJsonDocument::fromJson(R"([{"name": "Gold", "lifetime_points": 2000},
        {"name": "Member", "lifetime_points": 0}, {"name": "Silver", "lifetime_points": 500}])")
                                .array();
    const QJsonObject earlier = defaultWith(QStringLiteral("member_tiers"), list);
    auto read = LoyaltyProgram::fromJson(earlier);
    LT_VERIFY_OK(read);
    const lt::TierPolicy& tiers = read->memberTiers;
    QCOMPARE(tiers.window, lt::TierPolicy::Window::Lifetime);
    QCOMPARE(tiers.graceDays, 0);
    QCOMPARE(tiers.tiers.size(), 3);
    QCOMPARE(tiers.tiers.at(0).name, QStringLiteral("Member"));
    QCOMPARE(tiers.tiers.at(1).name, QStringLiteral("Silver"));
    QCOMPARE(tiers.tiers.at(2).threshold, qint64(2000));
    QCOMPARE(tiers.indexFor(1999), 1);
    QCOMPARE(tiers.indexFor(2000), 2);
}

void TestProgramFile::refusesBadFiles_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QByteArray>("value"); // the section's JSON; "null" removes it
    QTest::addColumn<QString>("field"); // the field the error names

    const auto tiers = [](const QByteArray& list, const QByteArray& extra = {}) {
        return QByteArray("{" + extra + "\"tiers\": [" + list + "]}");
    };
    const QString memberTiers = QStringLiteral("member_tiers");
    QTest::newRow("tiers out of order")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0}, {"name": "Gold", "threshold": 2000},
                   {"name": "Silver", "threshold": 500})")
        << QStringLiteral("member_tiers.tiers[2].threshold");
    QTest::newRow("two tiers at one threshold")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0}, {"name": "Silver", "threshold": 0})")
        << QStringLiteral("member_tiers.tiers[1].threshold");
    QTest::newRow("first tier threshold not 0")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 100}, {"name": "Gold", "threshold": 2000})")
        << QStringLiteral("member_tiers.tiers[0].threshold");
    QTest::newRow("no tiers") << memberTiers << tiers("") << QStringLiteral("member_tiers.tiers");
    QTest::newRow("tier without a name") << memberTiers << tiers(R"({"name": " ", "threshold": 0})")
                                         << QStringLiteral("member_tiers.tiers[0].name");
    QTest::newRow("two tiers of one name")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0}, {"name": "Member", "threshold": 10})")
        << QStringLiteral("member_tiers.tiers[1].name");
    for (const char* multiplier : {"\"0\"", "\"11\"", "\"1.2345\"", "0.5", "\"x2\"", "\"-1\""}) {
        QTest::addRow("multiplier %s", multiplier)
            << memberTiers
            << tiers(QByteArray(QByteArray(R"({"name": "Member", "threshold": 0}, {"name": "Gold", "threshold": 10, )"
                                           R"("multiplier": )")
                                + multiplier + "}"))
            << QStringLiteral("member_tiers.tiers[1].multiplier");
    }
    for (const char* months : {"-1", "0", "121", "1.5", "\"12\""}) {
        QTest::addRow("window of %s months", months)
            << memberTiers
            << tiers(R"({"name": "Member", "threshold": 0})", QByteArray(QByteArray("\"months\": ") + months + ","))
            << QStringLiteral("member_tiers.months");
    }
    QTest::newRow("grace of a year and a day")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0})", R"("grace_days": 366,)")
        << QStringLiteral("member_tiers.grace_days");
    QTest::newRow("unknown window") << memberTiers
                                    << tiers(R"({"name": "Member", "threshold": 0})", R"("window": "WEEKLY",)")
                                    << QStringLiteral("member_tiers.window");
    QTest::newRow("unknown basis") << memberTiers
                                   << tiers(R"({"name": "Member", "threshold": 0})", R"("basis": "VISITS",)")
                                   << QStringLiteral("member_tiers.basis");
    QTest::newRow("unknown field in member_tiers")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0})", R"("windw": "ROLLING",)")
        << QStringLiteral("member_tiers.windw");
    QTest::newRow("unknown field in a tier")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0, "multiplyer": "2"})")
        << QStringLiteral("member_tiers.tiers[0].multiplyer");
    QTest::newRow("unknown top-level field")
        << QStringLiteral("birthday_gift") << QByteArray(R"({"points": 50})") << QStringLiteral("birthday_gift");
    QTest::newRow("unknown field in win_back")
        << QStringLiteral("win_back") << QByteArray(R"({"after_days": 90, "valid_for": 30})")
        << QStringLiteral("win_back.valid_for");
    // The parts Square also defines are read as strictly: a misspelt or mistyped field must not become a reward
    // worth nothing.
    const auto rewards = [](const QByteArray& reward) {
        return QByteArray(R"([{"id": "five-off", "name": "5.00 off", "points": 100, "amount_minor": 500}, )" + reward
                          + "]");
    };
    QTest::newRow("unknown field in a reward")
        << QStringLiteral("reward_tiers")
        << rewards(R"({"id": "coffee", "name": "Coffee", "points": 80, "amount_minr": 300})")
        << QStringLiteral("reward_tiers[1].amount_minr");
    QTest::newRow("amount as text in a reward")
        << QStringLiteral("reward_tiers")
        << rewards(R"({"id": "coffee", "name": "Coffee", "points": 80, "amount_minor": "300"})")
        << QStringLiteral("reward_tiers[1].amount_minor");
    QTest::newRow("points as text in a reward")
        << QStringLiteral("reward_tiers") << rewards(R"({"id": "coffee", "name": "Coffee", "points": "80"})")
        << QStringLiteral("reward_tiers[1].points");
    QTest::newRow("partial as text in a reward")
        << QStringLiteral("reward_tiers")
        << rewards(R"({"id": "coffee", "name": "Coffee", "points": 80, "amount_minor": 300, "partial": "no"})")
        << QStringLiteral("reward_tiers[1].partial");
    QTest::newRow("a reward that is not an object")
        << QStringLiteral("reward_tiers") << rewards(R"("coffee")") << QStringLiteral("reward_tiers[1]");
    QTest::newRow("unknown field in an accrual rule")
        << QStringLiteral("accrual_rules")
        << QByteArray(R"([{"accrual_type": "SPEND", "points": 1, "spend_amount": 100}])")
        << QStringLiteral("accrual_rules[0].spend_amount");
    QTest::newRow("spend as text in an accrual rule")
        << QStringLiteral("accrual_rules")
        << QByteArray(R"([{"accrual_type": "SPEND", "points": 1, "spend_amount_minor": "100"}])")
        << QStringLiteral("accrual_rules[0].spend_amount_minor");
    QTest::newRow("unknown field in terminology")
        << QStringLiteral("terminology") << QByteArray(R"({"one": "Star", "others": "Stars"})")
        << QStringLiteral("terminology.others");
    QTest::newRow("terminology as text") << QStringLiteral("terminology") << QByteArray(R"({"one": 1})")
                                         << QStringLiteral("terminology.one");
    QTest::newRow("tier reserves no reward")
        << memberTiers << tiers(R"({"name": "Member", "threshold": 0, "reward_ids": ["free-car"]})")
        << QStringLiteral("member_tiers.tiers[0].reward_ids");
    QTest::newRow("birthday reward_id naming no reward")
        << QStringLiteral("birthday_bonus") << QByteArray(R"({"reward_id": "free-car"})")
        << QStringLiteral("birthday_bonus.reward_id");
    QTest::newRow("anniversary reward_id naming no reward")
        << QStringLiteral("anniversary_bonus") << QByteArray(R"({"reward_id": "free-car", "period": "MONTH"})")
        << QStringLiteral("anniversary_bonus.reward_id");
    QTest::newRow("birthday with points and reward_id")
        << QStringLiteral("birthday_bonus") << QByteArray(R"({"points": 50, "reward_id": "five-off"})")
        << QStringLiteral("birthday_bonus.points");
    QTest::newRow("birthday with neither points nor reward_id")
        << QStringLiteral("birthday_bonus") << QByteArray(R"({"period": "WEEK"})")
        << QStringLiteral("birthday_bonus.points");
    QTest::newRow("birthday of no points") << QStringLiteral("birthday_bonus") << QByteArray(R"({"points": 0})")
                                           << QStringLiteral("birthday_bonus.points");
    QTest::newRow("birthday in a year") << QStringLiteral("birthday_bonus")
                                        << QByteArray(R"({"points": 50, "period": "YEAR"})")
                                        << QStringLiteral("birthday_bonus.period");
    QTest::newRow("birthday not an object")
        << QStringLiteral("birthday_bonus") << QByteArray(R"([50])") << QStringLiteral("birthday_bonus");
    QTest::newRow("referral with no points")
        << QStringLiteral("referral_bonus")
        << QByteArray(R"({"referrer_points": 0, "referee_points": 0, "minimum_spend_minor": 1000})")
        << QStringLiteral("referral_bonus.referrer_points");
    QTest::newRow("referral without referrer_points")
        << QStringLiteral("referral_bonus") << QByteArray(R"({"referee_points": 50})")
        << QStringLiteral("referral_bonus.referrer_points");
    QTest::newRow("referral limit of 0") << QStringLiteral("referral_bonus")
                                         << QByteArray(R"({"referrer_points": 100, "referee_points": 50, )"
                                                       R"("monthly_limit": 0})")
                                         << QStringLiteral("referral_bonus.monthly_limit");
    QTest::newRow("negative minimum spend") << QStringLiteral("referral_bonus")
                                            << QByteArray(R"({"referrer_points": 100, "referee_points": 50, )"
                                                          R"("minimum_spend_minor": -1})")
                                            << QStringLiteral("referral_bonus.minimum_spend_minor");
    QTest::newRow("win-back multiplier of 1")
        << QStringLiteral("win_back") << QByteArray(R"({"multiplier": "1"})") << QStringLiteral("win_back.multiplier");
    QTest::newRow("win-back multiplier of 11")
        << QStringLiteral("win_back") << QByteArray(R"({"multiplier": 11})") << QStringLiteral("win_back.multiplier");
    QTest::newRow("win-back after 3 days")
        << QStringLiteral("win_back") << QByteArray(R"({"after_days": 3})") << QStringLiteral("win_back.after_days");
    QTest::newRow("expiry of 0 months") << QStringLiteral("expiration_months") << QByteArray("{\"v\": 0}")
                                        << QStringLiteral("expiration_months");
    QTest::newRow("expiry of 121 months")
        << QStringLiteral("expiration_months") << QByteArray("{\"v\": 121}") << QStringLiteral("expiration_months");
}

lt::Result<LoyaltyProgram> TestProgramFile::readWith(const QString& section, const QByteArray& value)
{
    QJsonValue sectionValue;
    if (value.startsWith('[')) {
        sectionValue = QJsonDocument::fromJson(value).array();
    } else {
        const QJsonObject object = parse(value);
        // A bare number travels as {"v": n}.
        sectionValue = object.size() == 1 && object.contains(QLatin1String("v")) ? object.value(QLatin1String("v"))
                                                                                 : QJsonValue(object);
    }
    return LoyaltyProgram::fromJson(defaultWith(section, sectionValue));
}

void TestProgramFile::refusesBadFiles()
{
    QFETCH(QString, section);
    QFETCH(QByteArray, value);
    QFETCH(QString, field);
    const auto read = readWith(section, value);
    LT_VERIFY_ERROR(read, ErrorKind::InvalidInput);
    QCOMPARE(read.error().field, field);
    // The message a manager reads starts with the field, then says what is wrong with it.
    QVERIFY2(read.error().message.startsWith(field + QStringLiteral(": ")), qPrintable(read.error().message));
    QVERIFY2(read.error().message.size() > field.size() + 10, qPrintable(read.error().message));
}

void TestProgramFile::refusalsReadInSpanish_data()
{
    refusesBadFiles_data();
}

// Every refusal is found in the Spanish translation under the context it is asked for.
void TestProgramFile::refusalsReadInSpanish()
{
    QFETCH(QString, section);
    QFETCH(QByteArray, value);
    QFETCH(QString, field);
    const auto english = readWith(section, value);
    LT_VERIFY_ERROR(english, ErrorKind::InvalidInput);
    lt::test::TsTranslator spanish;
    QVERIFY(spanish.load(QStringLiteral(LOYALTYTILL_TRANSLATIONS_DIR "/loyaltytill_es.ts")));
    QVERIFY(QCoreApplication::installTranslator(&spanish));
    const auto removeTranslator = qScopeGuard([&spanish] { QCoreApplication::removeTranslator(&spanish); });
    const auto translated = readWith(section, value);
    LT_VERIFY_ERROR(translated, ErrorKind::InvalidInput);
    QCOMPARE(translated.error().field, field);
    QVERIFY2(translated.error().message.startsWith(field + QStringLiteral(": ")),
             qPrintable(translated.error().message));
    QVERIFY2(translated.error().message != english.error().message, qPrintable(english.error().message));
}

QTEST_GUILESS_MAIN(TestProgramFile)
#include "tst_programfile.moc"
