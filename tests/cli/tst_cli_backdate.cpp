// `accrue --completed-at` through the real binary: a receipt brought in later is recorded at its own time, so the
// report of its day counts it, while its points count as earned today; a time that is not ISO 8601, in the future,
// older than `sales.backdate_days` or before the member enrolled is refused with exit 2 and changes nothing. The
// member who enrolled in the past is seeded through the core library with a clock the test controls.
#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

class CliBackdateTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }

    CliRun accrueAt(const QString& phone, const QString& sale, const QString& completedAt) const
    {
        return cli({u"accrue"_s, u"--phone"_s, phone, u"--sale"_s, sale, u"--amount"_s, u"42.00"_s, u"--completed-at"_s,
                    completedAt});
    }

    QJsonObject summaryOf(QDate day) const
    {
        const CliRun run = cli(
            {u"report"_s, u"summary"_s, u"--from"_s, day.toString(Qt::ISODate), u"--to"_s, day.toString(Qt::ISODate)});
        clitest::verifyOk(run);
        return run.json;
    }

    // A time of the store's local day, as a register writes it: with its offset.
    static QString localTime(QDate day, QTime time)
    {
        return QDateTime(day, time).toOffsetFromUtc(QDateTime(day, time).offsetFromUtc()).toString(Qt::ISODate);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"store.sqlite"_s);
        CLI_VERIFY_OK(cli({u"init"_s}));
        // Ana enrolled 60 days ago; Ben enrolls now.
        lt::test::FixedClock past(QDateTime::currentDateTimeUtc().addDays(-60));
        auto db = lt::Database::open(m_db);
        QVERIFY(db.ok());
        auto engine = lt::LoyaltyEngine::create(**db, past);
        QVERIFY(engine.ok());
        lt::EnrollmentRequest request;
        request.phone = u"(212) 555-0142"_s;
        auto enrolled = (*engine)->enrollment().enroll(request, lt::Actor::named(u"test"_s));
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0143"_s}));
    }

    void refusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("completedAt");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::newRow("not a time") << u"(212) 555-0142"_s << u"yesterday"_s;
        QTest::newRow("not a date") << u"(212) 555-0142"_s << u"2024-02-30T10:00:00Z"_s;
        QTest::newRow("in the future") << u"(212) 555-0142"_s << now.addSecs(3600).toString(Qt::ISODate);
        QTest::newRow("31 days back") << u"(212) 555-0142"_s
                                      << localTime(QDate::currentDate().addDays(-31), QTime(12, 0));
        QTest::newRow("before enrolling") << u"(212) 555-0143"_s << now.addSecs(-3600).toString(Qt::ISODate);
    }

    void refusalsChangeNothing()
    {
        QFETCH(QString, phone);
        QFETCH(QString, completedAt);
        const QStringList before = clitest::fingerprint(m_db);
        const CliRun run = accrueAt(phone, u"LATE-1"_s, completedAt);
        CLI_VERIFY_ERROR(run, 2);
        QVERIFY2(run.err.contains("--completed-at") || run.err.contains("sale"), run.describeUtf8());
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    void storeSetsHowFarBack()
    {
        CLI_VERIFY_ERROR(cli({u"settings"_s, u"sales.backdate_days"_s, u"366"_s}), 2);
        CLI_VERIFY_OK(cli({u"settings"_s, u"sales.backdate_days"_s, u"0"_s}));
        const QStringList before = clitest::fingerprint(m_db);
        CliRun run = accrueAt(u"(212) 555-0142"_s, u"LATE-1"_s,
                              QDateTime::currentDateTimeUtc().addSecs(-7200).toString(Qt::ISODate));
        CLI_VERIFY_ERROR(run, 2);
        QVERIFY2(run.err.contains("sales.backdate_days"), run.describeUtf8());
        QCOMPARE(clitest::fingerprint(m_db), before);
        // 45 days back is allowed once the store says so.
        CLI_VERIFY_OK(cli({u"settings"_s, u"sales.backdate_days"_s, u"45"_s}));
        run = accrueAt(u"(212) 555-0142"_s, u"LATE-45"_s, localTime(QDate::currentDate().addDays(-45), QTime(12, 0)));
        CLI_VERIFY_OK(run);
        CLI_VERIFY_OK(cli({u"settings"_s, u"sales.backdate_days"_s, u"30"_s}));
        run = cli({u"settings"_s});
        CLI_VERIFY_OK(run);
        QVERIFY2(run.out.contains("sales.backdate_days"), run.describeUtf8());
    }

    // Three days back: the sale counts on its day, its 42 points on today's.
    void backDatedSaleCountsOnItsDay()
    {
        const QDate today = QDate::currentDate();
        const QDate day = today.addDays(-3);
        const QJsonObject before = summaryOf(day);
        const QJsonObject todayBefore = summaryOf(today);
        const CliRun run = accrueAt(u"(212) 555-0142"_s, u"LATE-3"_s, localTime(day, QTime(12, 0)));
        CLI_VERIFY_OK(run);
        const QJsonObject after = summaryOf(day);
        QCOMPARE(after.value(u"sales_count"_s).toInteger(), before.value(u"sales_count"_s).toInteger() + 1);
        QCOMPARE(after.value(u"net_sales_minor"_s).toInteger(), before.value(u"net_sales_minor"_s).toInteger() + 4200);
        QCOMPARE(after.value(u"points_earned"_s).toInteger(), before.value(u"points_earned"_s).toInteger());
        const QJsonObject todayAfter = summaryOf(today);
        QCOMPARE(todayAfter.value(u"sales_count"_s).toInteger(), todayBefore.value(u"sales_count"_s).toInteger());
        QCOMPARE(todayAfter.value(u"points_earned"_s).toInteger(),
                 todayBefore.value(u"points_earned"_s).toInteger() + 42);
        // The same receipt again changes nothing; `check` agrees with the summaries.
        const QStringList recorded = clitest::fingerprint(m_db);
        CLI_VERIFY_OK(accrueAt(u"(212) 555-0142"_s, u"LATE-3"_s, localTime(day, QTime(12, 0))));
        QCOMPARE(clitest::fingerprint(m_db), recorded);
        CLI_VERIFY_OK(cli({u"check"_s}));
    }
};

QTEST_GUILESS_MAIN(CliBackdateTest)
#include "tst_cli_backdate.moc"
