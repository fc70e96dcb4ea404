// `promotions`, `promotions add` and `promotions cancel` through the real binary against real SQLite files: what
// they print with --json, the iCalendar period an add writes, bad input refused with exit code 2 and the option named
// (the store unchanged), and a store connected to Square refused, as Square owns its promotions. Stores that need
// a program or a setting are seeded through the core library.
#include "core/domain/LoyaltyProgram.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/StoreSettings.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/FixedClock.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

namespace {
enum Exit { BadInput = 2, NotFound = 3, Refused = 4 };

const QString Tuesdays =
    u"BEGIN:VEVENT\nDTSTART:20300305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT"_s;

QStringList add(const QStringList& options)
{
    return QStringList {u"promotions"_s, u"add"_s} + options;
}

// The store's database through the core library, for what the CLI cannot set up by itself.
template<typename Work>
bool withStore(const QString& path, Work work)
{
    auto db = lt::Database::open(path);
    if (!db)
        return false;
    return work(**db);
}
} // namespace

class CliPromotionsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_files = 0;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }

    void freshStore()
    {
        m_db = m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_files));
        CLI_VERIFY_OK(cli({u"init"_s}));
    }

    QJsonArray listed() const
    {
        const CliRun run = cli({u"promotions"_s});
        clitest::verifyOk(run);
        return run.json.value(u"promotions"_s).toArray();
    }

    qint64 count(const QString& sql) const
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        db.setDatabaseName(m_db);
        qint64 result = -1;
        if (db.open()) {
            QSqlQuery query(sql, db);
            if (query.next())
                result = query.value(0).toLongLong();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"count"_s);
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(clitest::adminPath()).isExecutable(), qPrintable(clitest::adminPath()));
        QVERIFY(m_dir.isValid());
    }

    // add writes Square's shape (an iCalendar period from the options), list shows it, cancel stops it; audited.
    void addListAndCancel()
    {
        freshStore();
        QCOMPARE(listed(), QJsonArray());
        CliRun run = cli(add({u"--name"_s, u"2x Tuesday afternoons"_s, u"--multiplier"_s, u"2"_s, u"--days"_s, u"TUE"_s,
                              u"--hours"_s, u"16:00-18:00"_s, u"--from"_s, u"2030-03-05"_s, u"--limit"_s, u"1/day"_s}));
        CLI_VERIFY_OK(run);
        const QJsonObject tuesdays = run.json.value(u"promotion"_s).toObject();
        const qint64 tuesdaysId = tuesdays.value(u"id"_s).toInteger();
        QVERIFY(tuesdaysId > 0);
        QCOMPARE(tuesdays.value(u"name"_s).toString(), u"2x Tuesday afternoons"_s);
        QCOMPARE(tuesdays.value(u"status"_s).toString(), u"SCHEDULED"_s); // its first Tuesday is still to come
        QCOMPARE(tuesdays.value(u"incentive"_s).toString(), u"2x"_s);
        QCOMPARE(tuesdays.value(u"multiplier"_s).toString(), u"2"_s);
        QVERIFY(tuesdays.value(u"points"_s).isNull());
        QCOMPARE(tuesdays.value(u"periods"_s).toArray(), QJsonArray {Tuesdays});
        QCOMPARE(tuesdays.value(u"start_date"_s).toString(), u"2030-03-05"_s);
        QVERIFY(tuesdays.value(u"end_date"_s).isNull());
        QVERIFY(tuesdays.value(u"square_id"_s).isNull());
        QCOMPARE(tuesdays.value(u"limit"_s).toObject(), (QJsonObject {{u"times"_s, 1}, {u"interval"_s, u"DAY"_s}}));

        run = cli(add({u"--name"_s, u"Fifty in January"_s, u"--points"_s, u"50"_s, u"--minimum-spend"_s, u"10.00"_s,
                       u"--from"_s, u"2030-01-01"_s, u"--to"_s, u"2030-01-31"_s, u"--items"_s, u"LATTE,MOCHA"_s,
                       u"--limit"_s, u"3"_s}));
        CLI_VERIFY_OK(run);
        const QJsonObject january = run.json.value(u"promotion"_s).toObject();
        QCOMPARE(january.value(u"incentive"_s).toString(), u"+50"_s);
        QCOMPARE(january.value(u"points"_s).toInteger(), 50);
        QCOMPARE(january.value(u"minimum_spend"_s).toString(), u"10.00"_s);
        QCOMPARE(january.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(january.value(u"end_date"_s).toString(), u"2030-01-31"_s);
        QCOMPARE(january.value(u"items"_s).toArray(), (QJsonArray {u"LATTE"_s, u"MOCHA"_s}));
        QCOMPARE(january.value(u"periods"_s).toArray(),
                 QJsonArray {u"BEGIN:VEVENT\nDTSTART:20300101T000000\nDURATION:P1D\n"
                             u"RRULE:FREQ=DAILY;UNTIL=20300131T235959\nEND:VEVENT"_s});
        QCOMPARE(january.value(u"limit"_s).toObject().value(u"interval"_s).toString(), u"ALL_TIME"_s);

        // From today when --from is left out: running now.
        run = cli(add({u"--name"_s, u"Every day"_s, u"--multiplier"_s, u"1.5"_s}));
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"promotion"_s).toObject().value(u"status"_s).toString(), u"ACTIVE"_s);
        QCOMPARE(run.json.value(u"promotion"_s).toObject().value(u"start_date"_s).toString(),
                 QDate::currentDate().toString(Qt::ISODate));

        QJsonArray all = listed();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).toObject().value(u"name"_s).toString(), u"Every day"_s); // newest first
        QCOMPARE(all.at(2).toObject(), tuesdays);

        run = cli({u"promotions"_s, u"cancel"_s, QString::number(tuesdaysId)});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"promotion"_s).toObject().value(u"status"_s).toString(), u"CANCELED"_s);
        QVERIFY(!run.json.value(u"promotion"_s).toObject().value(u"canceled_at"_s).toString().isEmpty());
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"cancel"_s, QString::number(tuesdaysId)}), Refused);
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"cancel"_s, u"999"_s}), NotFound);
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"cancel"_s, u"first"_s}), BadInput);
        QCOMPARE(listed().at(2).toObject().value(u"status"_s).toString(), u"CANCELED"_s);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'promotion.add'"_s), 3);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'promotion.cancel'"_s), 1);

        // The text form names each one.
        const CliRun text = clitest::runCli({u"promotions"_s, u"--database"_s, m_db});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("2x Tuesday afternoons") && text.out.contains("CANCELED"), text.out.constData());
    }

    void atMostTenLive()
    {
        freshStore();
        for (int i = 0; i < 10; ++i)
            CLI_VERIFY_OK(cli(add({u"--name"_s, u"P%1"_s.arg(i), u"--points"_s, u"5"_s})));
        const QStringList before = clitest::fingerprint(m_db);
        CLI_VERIFY_ERROR(cli(add({u"--name"_s, u"Eleventh"_s, u"--points"_s, u"5"_s})), Refused);
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    void badInputNamesTheOption_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("option");

        const QStringList ok {u"--name"_s, u"Double"_s, u"--multiplier"_s, u"2"_s};
        const QString name = u"--name"_s;
        QTest::newRow("no name") << QStringList {u"--multiplier"_s, u"2"_s} << name;
        QTest::newRow("long name") << QStringList {name, QString(71, u'x'), u"--points"_s, u"5"_s} << name;
        QTest::newRow("neither incentive") << QStringList {name, u"Double"_s} << u"--multiplier"_s;
        QTest::newRow("both incentives") << ok + QStringList {u"--points"_s, u"5"_s} << u"--multiplier"_s;
        for (const char* multiplier : {"0", "1", "11", "1.2345", "double"})
            QTest::newRow(qPrintable(u"multiplier "_s + QLatin1String(multiplier)))
                << QStringList {name, u"Double"_s, u"--multiplier"_s, QString::fromLatin1(multiplier)}
                << u"--multiplier"_s;
        for (const char* points : {"0", "-5", "many"})
            QTest::newRow(qPrintable(u"points "_s + QLatin1String(points)))
                << QStringList {name, u"Plus"_s, u"--points"_s, QString::fromLatin1(points)} << u"--points"_s;
        QTest::newRow("30 February") << ok + QStringList {u"--from"_s, u"2030-02-30"_s} << u"--from"_s;
        QTest::newRow("to before from") << ok + QStringList {u"--from"_s, u"2030-03-05"_s, u"--to"_s, u"2030-03-01"_s}
                                        << u"--to"_s;
        QTest::newRow("to in the past") << ok + QStringList {u"--from"_s, u"2001-01-01"_s, u"--to"_s, u"2001-01-31"_s}
                                        << u"--to"_s;
        QTest::newRow("funday") << ok + QStringList {u"--days"_s, u"MON,FUNDAY"_s} << u"--days"_s;
        QTest::newRow("no day") << ok + QStringList {u"--days"_s, u","_s} << u"--days"_s;
        QTest::newRow("no Wednesday in range")
            << ok + QStringList {u"--days"_s, u"WED"_s, u"--from"_s, u"2030-03-05"_s, u"--to"_s, u"2030-03-05"_s}
            << u"--days"_s;
        QTest::newRow("hours backwards") << ok + QStringList {u"--hours"_s, u"18:00-16:00"_s} << u"--hours"_s;
        QTest::newRow("hours 25") << ok + QStringList {u"--hours"_s, u"25:00-26:00"_s} << u"--hours"_s;
        QTest::newRow("hours in words") << ok + QStringList {u"--hours"_s, u"4pm-6pm"_s} << u"--hours"_s;
        QTest::newRow("spend in words") << ok + QStringList {u"--minimum-spend"_s, u"ten"_s} << u"--minimum-spend"_s;
        QTest::newRow("spend nothing") << ok + QStringList {u"--minimum-spend"_s, u"0.00"_s} << u"--minimum-spend"_s;
        QTest::newRow("unknown category")
            << ok + QStringList {u"--categories"_s, u"CAT-COFFEE,CAT-SHOES"_s} << u"--categories"_s;
        QTest::newRow("items and categories")
            << ok + QStringList {u"--categories"_s, u"CAT-COFFEE"_s, u"--items"_s, u"LATTE"_s} << u"--items"_s;
        for (const char* limit : {"0", "31", "2/week"})
            QTest::newRow(qPrintable(u"limit "_s + QLatin1String(limit)))
                << ok + QStringList {u"--limit"_s, QString::fromLatin1(limit)} << u"--limit"_s;
    }

    // Nothing is stored, the exit code is 2 and the message names the option.
    void badInputNamesTheOption()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, option);
        freshStore();
        QVERIFY(withStore(m_db, [](lt::Database& db) {
            return lt::StoreSettings(db).setState(u"catalog.categories"_s, u"CAT-COFFEE, CAT-TEA"_s).ok();
        }));
        const QStringList before = clitest::fingerprint(m_db);
        const CliRun run = cli(add(options));
        CLI_VERIFY_ERROR(run, BadInput);
        const QJsonObject error = run.json.value(u"error"_s).toObject();
        QVERIFY2(error.value(u"message"_s).toString().startsWith(option + u": "_s), run.describeUtf8().constData());
        QCOMPARE(error.value(u"field"_s).toString(), option.mid(2));
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    // Categories are known from the program's rules and from the setting catalog.categories.
    void knownCategoriesAreTaken()
    {
        freshStore();
        QVERIFY(withStore(m_db, [](lt::Database& db) {
            lt::test::FixedClock clock;
            lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
            lt::AccrualRule coffee;
            coffee.type = lt::AccrualRule::Type::Category;
            coffee.categoryId = u"CAT-COFFEE"_s;
            coffee.points = 2;
            program.accrualRules.append(coffee);
            return lt::ProgramRepository(db, clock).save(program, lt::ProgramRepository::Source::Local).ok()
                && lt::StoreSettings(db).setState(u"catalog.categories"_s, u"CAT-TEA"_s).ok();
        }));
        CliRun run =
            cli(add({u"--name"_s, u"Hot drinks"_s, u"--points"_s, u"5"_s, u"--categories"_s, u"CAT-COFFEE,CAT-TEA"_s}));
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"promotion"_s).toObject().value(u"categories"_s).toArray(),
                 (QJsonArray {u"CAT-COFFEE"_s, u"CAT-TEA"_s}));
        CLI_VERIFY_ERROR(cli(add({u"--name"_s, u"Shoes"_s, u"--points"_s, u"5"_s, u"--categories"_s, u"CAT-SHOES"_s})),
                         BadInput);
    }

    // Square owns a connected store's promotions: adding or canceling here is refused and changes nothing.
    void connectedStoreIsRefused()
    {
        freshStore();
        CLI_VERIFY_OK(cli(add({u"--name"_s, u"Before connecting"_s, u"--points"_s, u"5"_s})));
        QVERIFY(withStore(m_db, [](lt::Database& db) {
            lt::test::FixedClock clock;
            lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
            program.squareProgramId = u"square-program-1"_s;
            return lt::ProgramRepository(db, clock).save(program, lt::ProgramRepository::Source::Square).ok();
        }));
        const QStringList before = clitest::fingerprint(m_db);
        CliRun run = cli(add({u"--name"_s, u"Local"_s, u"--points"_s, u"5"_s}));
        CLI_VERIFY_ERROR(run, Refused);
        QVERIFY2(run.err.contains("Square Dashboard"), run.describeUtf8().constData());
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"cancel"_s, u"1"_s}), Refused);
        QCOMPARE(clitest::fingerprint(m_db), before);
        QCOMPARE(listed().size(), 1); // listing still works
    }

    void wrongActionsAreBadInput()
    {
        freshStore();
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"pause"_s, u"1"_s}), BadInput);
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"cancel"_s}), BadInput);
        CLI_VERIFY_ERROR(cli({u"promotions"_s, u"add"_s, u"extra"_s, u"--name"_s, u"X"_s, u"--points"_s, u"5"_s}),
                         BadInput);
    }
};

QTEST_GUILESS_MAIN(CliPromotionsTest)
#include "tst_cli_promotions.moc"
