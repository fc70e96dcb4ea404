// The program file (program --json, program load), the automation pass (automations run) and what issue 9 adds to
// the member and accrual contracts, through the real binary against real SQLite files. Stores that need a past
// are seeded through the core library with a clock the test controls.
#include "core/domain/Actor.h"
#include "core/domain/LoyaltyProgram.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/FixedClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

namespace {

// Sets the value at a path of object keys and array indexes ("member_tiers", "tiers", 1, "multiplier"); an undefined
// value removes it.
QJsonValue edited(const QJsonValue& value, const QVariantList& path, const QJsonValue& replacement)
{
    if (path.isEmpty())
        return replacement;
    const QVariantList rest = path.mid(1);
    if (path.first().typeId() == QMetaType::Int) {
        QJsonArray array = value.toArray();
        const int index = path.first().toInt();
        array[index] = edited(array.at(index), rest, replacement);
        return array;
    }
    QJsonObject object = value.toObject();
    const QString key = path.first().toString();
    if (rest.isEmpty() && replacement.isUndefined())
        object.remove(key);
    else
        object[key] = edited(object.value(key), rest, replacement);
    return object;
}

qint64 integer(const QJsonObject& json, const QString& key)
{
    return json.value(key).toInteger(std::numeric_limits<qint64>::min());
}

} // namespace

class CliProgramTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_files = 0;

    QString newPath(const QString& stem) { return m_dir.filePath(u"%1-%2"_s.arg(stem).arg(++m_files)); }
    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }

    void freshStore()
    {
        m_db = newPath(u"store"_s) + u".sqlite"_s;
        CLI_VERIFY_OK(cli({u"init"_s}));
    }

    QString writeJson(const QJsonObject& json)
    {
        const QString file = newPath(u"program"_s) + u".json"_s;
        if (!clitest::writeFileBytes(file, QJsonDocument(json).toJson()))
            return QString();
        return file;
    }

    QJsonObject programJson() const
    {
        const CliRun run = cli({u"program"_s});
        clitest::verifyOk(run);
        return run.json;
    }

    qint64 enroll(const QString& phone, const QStringList& more = {})
    {
        const CliRun run = cli(QStringList {u"enroll"_s, u"--phone"_s, phone} + more);
        clitest::verifyOk(run);
        return integer(run.json.value(u"member"_s).toObject(), u"id"_s);
    }

    QJsonObject lookup(const QString& query) const
    {
        const CliRun run = cli({u"lookup"_s, query});
        clitest::verifyOk(run);
        return run.json.value(u"member"_s).toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(clitest::adminPath()).isExecutable(), qPrintable(clitest::adminPath()));
        QVERIFY(m_dir.isValid());
    }

    // What `program --json` prints, `program load` takes back unchanged; an edit to it is stored and audited.
    void programRoundTripsThroughLoad()
    {
        freshStore();
        const QJsonObject printed = programJson();
        QVERIFY(printed.contains(u"accrual_rules"_s));
        QVERIFY(printed.contains(u"member_tiers"_s));
        QVERIFY(printed.contains(u"birthday_bonus"_s));
        QVERIFY(printed.contains(u"referral_bonus"_s));
        QVERIFY(printed.contains(u"win_back"_s));
        QVERIFY(!printed.contains(u"expiration_months"_s)); // expiry stays off in a new store

        CliRun run = cli({u"program"_s, u"load"_s, writeJson(printed)});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"changed"_s).toArray(), QJsonArray());
        QCOMPARE(programJson(), printed);

        QJsonObject changed = edited(printed, {u"birthday_bonus"_s, u"points"_s}, 75).toObject();
        changed = edited(changed, {u"expiration_months"_s}, 12).toObject();
        run = cli({u"program"_s, u"load"_s, writeJson(changed)});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"changed"_s).toArray(), (QJsonArray {u"birthday_bonus"_s, u"expiration_months"_s}));
        const QJsonObject stored = programJson();
        QCOMPARE(stored, changed);

        const CliRun audit = cli({u"audit"_s});
        CLI_VERIFY_OK(audit);
        QCOMPARE(audit.json.value(u"entries"_s).toArray().first().toObject().value(u"action"_s).toString(),
                 u"program.load"_s);

        // The readable form names the parts.
        const CliRun text = clitest::runCli({u"program"_s, u"--database"_s, m_db});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Silver") && text.out.contains("Birthday bonus: 75")
                     && text.out.contains("expire 12 months"),
                 text.describeUtf8().constData());
    }

    void badProgramFile_data()
    {
        QTest::addColumn<QVariantList>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("tiers out of order") << QVariantList {u"member_tiers"_s, u"tiers"_s, 2, u"threshold"_s}
                                            << QJsonValue(400) << u"member_tiers.tiers[2].threshold"_s;
        QTest::newRow("multiplier 0") << QVariantList {u"member_tiers"_s, u"tiers"_s, 1, u"multiplier"_s}
                                      << QJsonValue(u"0"_s) << u"member_tiers.tiers[1].multiplier"_s;
        QTest::newRow("multiplier 11") << QVariantList {u"member_tiers"_s, u"tiers"_s, 1, u"multiplier"_s}
                                       << QJsonValue(u"11"_s) << u"member_tiers.tiers[1].multiplier"_s;
        QTest::newRow("win-back multiplier 11")
            << QVariantList {u"win_back"_s, u"multiplier"_s} << QJsonValue(u"11"_s) << u"win_back.multiplier"_s;
        QTest::newRow("window of -1 months")
            << QVariantList {u"member_tiers"_s, u"months"_s} << QJsonValue(-1) << u"member_tiers.months"_s;
        QTest::newRow("expiry of -1 months")
            << QVariantList {u"expiration_months"_s} << QJsonValue(-1) << u"expiration_months"_s;
        QTest::newRow("unknown field") << QVariantList {u"double_points"_s} << QJsonValue(true) << u"double_points"_s;
        QTest::newRow("unknown field in a tier") << QVariantList {u"member_tiers"_s, u"tiers"_s, 1, u"colour"_s}
                                                 << QJsonValue(u"silver"_s) << u"member_tiers.tiers[1].colour"_s;
        QTest::newRow("gift of no reward")
            << QVariantList {u"birthday_bonus"_s}
            << QJsonValue(QJsonObject {{u"reward_id"_s, u"no-such-reward"_s}, {u"period"_s, u"WEEK"_s}})
            << u"birthday_bonus.reward_id"_s;
        QTest::newRow("tier reserving no reward")
            << QVariantList {u"member_tiers"_s, u"tiers"_s, 2, u"reward_ids"_s}
            << QJsonValue(QJsonArray {u"no-such-reward"_s}) << u"member_tiers.tiers[2].reward_ids"_s;
        QTest::newRow("Square's id in a store Square does not run")
            << QVariantList {u"square_program_id"_s} << QJsonValue(u"prog-1"_s) << u"square_program_id"_s;
    }

    // Each bad field: exit 2, the field named in the message and the JSON error, the store untouched.
    void badProgramFile()
    {
        QFETCH(QVariantList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        freshStore();
        const QJsonObject before = programJson();
        const QStringList print = clitest::fingerprint(m_db);
        const CliRun run = cli({u"program"_s, u"load"_s, writeJson(edited(before, path, value).toObject())});
        CLI_VERIFY_ERROR(run, 2);
        const QJsonObject error = run.json.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"field"_s).toString(), field);
        QVERIFY2(run.err.contains(field.toUtf8()), run.describeUtf8().constData());
        QCOMPARE(programJson(), before);
        QCOMPARE(clitest::fingerprint(m_db), print);
    }

    void unreadableProgramFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("said");
        QTest::newRow("malformed JSON") << QByteArray("{\"status\": \"ACTIVE\",") << QByteArray("not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QByteArray("one JSON object");
        QTest::newRow("missing file") << QByteArray() << QByteArray("Cannot read");
    }

    void unreadableProgramFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, said);
        freshStore();
        const QJsonObject before = programJson();
        const QStringList print = clitest::fingerprint(m_db);
        const QString file = newPath(u"program"_s) + u".json"_s;
        if (!content.isEmpty())
            QVERIFY(clitest::writeFileBytes(file, content));
        const CliRun run = cli({u"program"_s, u"load"_s, file});
        CLI_VERIFY_ERROR(run, 2);
        QVERIFY2(run.err.contains(said), run.describeUtf8().constData());
        QCOMPARE(programJson(), before);
        QCOMPARE(clitest::fingerprint(m_db), print);
    }

    // A store Square runs: the parts Square owns change at Square only; the till's own parts load.
    void squareOwnedPartsAreRefused()
    {
        freshStore();
        {
            lt::SystemClock clock;
            auto db = lt::Database::open(m_db);
            QVERIFY(db.ok());
            lt::LoyaltyProgram connected = lt::LoyaltyProgram::defaultProgram();
            connected.squareProgramId = u"prog-square-1"_s;
            QVERIFY(lt::ProgramRepository(**db, clock).save(connected, lt::ProgramRepository::Source::Square).ok());
        }
        const QJsonObject before = programJson();
        QCOMPARE(before.value(u"square_program_id"_s).toString(), u"prog-square-1"_s);
        const QStringList print = clitest::fingerprint(m_db);
        const QList<std::pair<QVariantList, QJsonValue>> squareEdits = {
            {{u"accrual_rules"_s, 0, u"points"_s}, 2},
            {{u"reward_tiers"_s, 0, u"points"_s}, 90},
            {{u"expiration_months"_s}, 6},
            {{u"status"_s}, u"INACTIVE"_s},
            {{u"currency"_s}, u"EUR"_s},
            {{u"terminology"_s}, QJsonObject {{u"one"_s, u"Star"_s}, {u"other"_s, u"Stars"_s}}},
            {{u"square_program_id"_s}, u""_s},
        };
        for (const auto& [path, value] : squareEdits) {
            const CliRun run = cli({u"program"_s, u"load"_s, writeJson(edited(before, path, value).toObject())});
            CLI_VERIFY_ERROR(run, 2);
            const QString part = path.first().toString();
            QCOMPARE(run.json.value(u"error"_s).toObject().value(u"field"_s).toString(), part);
            QVERIFY2(run.err.contains(
                         u"Square runs this store's %1; change it in the Square Dashboard"_s.arg(part).toUtf8()),
                     run.describeUtf8().constData());
        }
        QCOMPARE(clitest::fingerprint(m_db), print);

        const QJsonObject tillsOwn = edited(before, {u"win_back"_s, u"after_days"_s}, 60).toObject();
        CLI_VERIFY_OK(cli({u"program"_s, u"load"_s, writeJson(tillsOwn)}));
        QCOMPARE(programJson(), tillsOwn);
    }

    // A member enrolled 100 days ago whose birthday is today: the first pass gives the birthday gift and a win-back
    // offer (open from the 90th day away for 30 days), the second the same day gives nothing.
    void automationsRunTwiceGrantOnce()
    {
        freshStore();
        const QDate today = QDate::currentDate();
        qint64 memberId = 0;
        {
            lt::test::FixedClock past(QDateTime::currentDateTimeUtc().addDays(-100));
            auto db = lt::Database::open(m_db);
            QVERIFY(db.ok());
            auto engine = lt::LoyaltyEngine::create(**db, past);
            QVERIFY(engine.ok());
            lt::EnrollmentRequest request;
            request.phone = u"(212) 555-0142"_s;
            request.birthday = QDate(1992, today.month(), today.day()).toString(Qt::ISODate); // 1992 has 29 Feb
            auto enrolled = (*engine)->enrollment().enroll(request, lt::Actor::named(u"test"_s));
            QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
            memberId = enrolled->member.id;
        }

        CliRun run = cli({u"automations"_s, u"run"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"to"_s).toString(), today.toString(Qt::ISODate));
        QVERIFY(run.json.contains(u"from"_s));
        QMap<QString, qint64> kinds;
        for (const QJsonValue& value : run.json.value(u"grants"_s).toArray()) {
            const QJsonObject grant = value.toObject();
            QCOMPARE(integer(grant, u"member"_s), memberId);
            kinds.insert(grant.value(u"kind"_s).toString(), integer(grant, u"points"_s));
        }
        QCOMPARE(kinds, (QMap<QString, qint64> {{u"birthday"_s, 50}, {u"winback"_s, 0}}));
        QCOMPARE(integer(lookup(u"(212) 555-0142"_s), u"balance"_s), 50);

        run = cli({u"automations"_s, u"run"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"grants"_s).toArray(), QJsonArray());
        QCOMPARE(integer(lookup(u"(212) 555-0142"_s), u"balance"_s), 50);

        run = cli({u"automations"_s});
        CLI_VERIFY_ERROR(run, 2);
    }

    void referrals()
    {
        freshStore();
        const qint64 ana = enroll(u"(212) 555-0142"_s, {u"--email"_s, u"ana@example.com"_s});
        QVERIFY(ana > 0);
        const QStringList print = clitest::fingerprint(m_db);

        // An unknown phone: nobody is enrolled.
        CliRun run = cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0143"_s, u"--referred-by"_s, u"(212) 555-0199"_s});
        CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(run.json.value(u"error"_s).toObject().value(u"field"_s).toString(), u"referred_by"_s);
        // Self-referral: the same e-mail, or the referrer's own phone.
        run = cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0144"_s, u"--email"_s, u"ANA@example.com"_s,
                   u"--referred-by"_s, u"(212) 555-0142"_s});
        CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(run.json.value(u"error"_s).toObject().value(u"field"_s).toString(), u"referred_by"_s);
        run = cli({u"enroll"_s, u"--phone"_s, u"+12125550142"_s, u"--referred-by"_s, QString::number(ana)});
        CLI_VERIFY_ERROR(run, 2);
        run = cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0145"_s, u"--referred-by"_s, u" "_s});
        CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(clitest::fingerprint(m_db), print);
        const CliRun members = cli({u"members"_s});
        CLI_VERIFY_OK(members);
        QCOMPARE(integer(members.json, u"count"_s), 1);

        // By member number: the new member's first sale of the minimum spend pays both.
        run = cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0146"_s, u"--referred-by"_s, QString::number(ana)});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json.value(u"member"_s).toObject(), u"referred_by"_s), ana);
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, u"(212) 555-0146"_s, u"--sale"_s, u"R-1"_s, u"--amount"_s, u"20.00"_s}));
        QCOMPARE(integer(lookup(u"(212) 555-0142"_s), u"balance"_s), 100);
        QCOMPARE(integer(lookup(u"(212) 555-0146"_s), u"balance"_s), 20 + 50);
    }

    // lookup and members show the tier, the next one with the points still needed, and the points due to expire.
    void memberShowsTierAndExpiry()
    {
        freshStore();
        QJsonObject program = programJson();
        program.insert(u"expiration_months"_s, 12);
        CLI_VERIFY_OK(cli({u"program"_s, u"load"_s, writeJson(program)}));
        const qint64 id = enroll(u"(212) 555-0142"_s);
        QJsonObject member = lookup(u"(212) 555-0142"_s);
        QCOMPARE(member.value(u"tier"_s).toString(), u"Member"_s);
        QCOMPARE(member.value(u"next_tier"_s).toObject(),
                 (QJsonObject {{u"name"_s, u"Silver"_s}, {u"points_needed"_s, 500}}));
        QCOMPARE(member.value(u"expiring"_s).toArray(), QJsonArray());

        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--member"_s, QString::number(id), u"--sale"_s, u"S-1"_s, u"--amount"_s, u"120.00"_s}));
        member = lookup(u"(212) 555-0142"_s);
        QCOMPARE(member.value(u"next_tier"_s).toObject(),
                 (QJsonObject {{u"name"_s, u"Silver"_s}, {u"points_needed"_s, 380}}));
        const QDate expiryMonth = QDate::currentDate().addMonths(12);
        const QDate expiresAt(expiryMonth.year(), expiryMonth.month(), expiryMonth.daysInMonth());
        const QJsonArray expiring {
            QJsonObject {{u"points"_s, 120}, {u"expires_at"_s, expiresAt.toString(Qt::ISODate)}}};
        QCOMPARE(member.value(u"expiring"_s).toArray(), expiring);

        const CliRun members = cli({u"members"_s});
        CLI_VERIFY_OK(members);
        const QJsonObject listed = members.json.value(u"members"_s).toArray().first().toObject();
        QCOMPARE(listed.value(u"tier"_s).toString(), u"Member"_s);
        QCOMPARE(listed.value(u"next_tier"_s), member.value(u"next_tier"_s));
        QCOMPARE(listed.value(u"expiring"_s).toArray(), expiring);
    }

    // The sale that crosses Silver (500 qualifying points on a rolling 12 months) says so; Gold's multiplier is named
    // with what it added.
    void accrualShowsTierChangeAndAdditions()
    {
        freshStore();
        const qint64 id = enroll(u"(212) 555-0142"_s);
        const auto accrue = [&](const QString& sale, const QString& amount) {
            return cli({u"accrue"_s, u"--member"_s, QString::number(id), u"--sale"_s, sale, u"--amount"_s, amount});
        };
        CliRun run = accrue(u"S-1"_s, u"300.00"_s);
        CLI_VERIFY_OK(run);
        QVERIFY(run.json.value(u"tier_changed"_s).isNull());
        QCOMPARE(run.json.value(u"promotions"_s).toArray(), QJsonArray());

        run = accrue(u"S-2"_s, u"250.00"_s);
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"tier_changed"_s).toString(), u"Silver"_s);
        QCOMPARE(lookup(u"(212) 555-0142"_s).value(u"tier"_s).toString(), u"Silver"_s);

        run = accrue(u"S-3"_s, u"1500.00"_s);
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"tier_changed"_s).toString(), u"Gold"_s);
        run = accrue(u"S-4"_s, u"100.00"_s);
        CLI_VERIFY_OK(run);
        QVERIFY(run.json.value(u"tier_changed"_s).isNull());
        QCOMPARE(run.json.value(u"promotions"_s).toArray(),
                 (QJsonArray {QJsonObject {{u"name"_s, u"Gold 1.25x"_s}, {u"points"_s, 25}}}));
        QCOMPARE(integer(run.json, u"points"_s), 125);

        // The plain form says it too.
        const CliRun text = clitest::runCli({u"accrue"_s, u"--database"_s, m_db, u"--member"_s, QString::number(id),
                                             u"--sale"_s, u"S-5"_s, u"--amount"_s, u"100.00"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Gold 1.25x: +25"), text.describeUtf8().constData());

        // The member's history holds both changes, newest first, each with its reason.
        const CliRun history = clitest::runCli({u"history"_s, u"--database"_s, m_db, u"--json"_s, QString::number(id)});
        CLI_VERIFY_OK(history);
        const QJsonArray changes = history.json.value(u"tier_changes"_s).toArray();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(u"to"_s).toString(), u"Gold"_s);
        QCOMPARE(changes.at(1).toObject().value(u"from"_s).toString(), u"Member"_s);
        QCOMPARE(changes.at(1).toObject().value(u"to"_s).toString(), u"Silver"_s);
        QVERIFY(changes.at(0).toObject().value(u"reason"_s).toString().contains(u"S-3"_s));
    }
};

QTEST_GUILESS_MAIN(CliProgramTest)
#include "tst_cli_program.moc"
