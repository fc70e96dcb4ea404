// `report summary` and `report rebuild` through the real binary on a real SQLite file: the JSON keys scripts read,
// with figures a person can count from the operations the test made today, the comparison periods, `check` after a
// rebuild, and bad periods refused with exit code 2 and the option named.
#include "tests/cli/CliRunner.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

class CliReportTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"store.sqlite"_s);
        CLI_VERIFY_OK(cli({u"init"_s}));
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0142"_s}));
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0143"_s}));
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, u"(212) 555-0142"_s, u"--sale"_s, u"R-1"_s, u"--amount"_s, u"120.00"_s}));
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, u"(212) 555-0142"_s, u"--sale"_s, u"R-2"_s, u"--amount"_s, u"30.00"_s}));
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, u"(212) 555-0143"_s, u"--sale"_s, u"R-3"_s, u"--amount"_s, u"50.00"_s}));
        CLI_VERIFY_OK(cli({u"redeem"_s, u"--phone"_s, u"(212) 555-0142"_s, u"--reward"_s, u"five-off"_s}));
    }

    void summaryOfToday()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const CliRun run = cli({u"report"_s, u"summary"_s, u"--from"_s, today, u"--to"_s, today});
        CLI_VERIFY_OK(run);
        const QJsonObject& kpi = run.json;
        QCOMPARE(kpi.value(u"from"_s).toString(), today);
        QCOMPARE(kpi.value(u"members_total"_s).toInteger(), 2);
        QCOMPARE(kpi.value(u"members_new"_s).toInteger(), 2);
        QCOMPARE(kpi.value(u"members_active_90d"_s).toInteger(), 2);
        QCOMPARE(kpi.value(u"buyers"_s).toInteger(), 2);
        QCOMPARE(kpi.value(u"sales_count"_s).toInteger(), 3);
        QCOMPARE(kpi.value(u"net_sales_minor"_s).toInteger(), 20000);
        QCOMPARE(kpi.value(u"aov_minor"_s).toInteger(), 6667);
        QCOMPARE(kpi.value(u"purchase_frequency"_s).toDouble(), 1.5);
        QCOMPARE(kpi.value(u"repeat_purchase_rate"_s).toDouble(), 0.5);
        QCOMPARE(kpi.value(u"points_earned"_s).toInteger(), 200);
        QCOMPARE(kpi.value(u"points_redeemed"_s).toInteger(), 100);
        QCOMPARE(kpi.value(u"points_expired"_s).toInteger(), 0);
        QCOMPARE(kpi.value(u"points_outstanding"_s).toInteger(), 100);
        QCOMPARE(kpi.value(u"redemption_rate"_s).toDouble(), 0.5);
        QCOMPARE(kpi.value(u"member_redemption_rate"_s).toDouble(), 0.5);
        QCOMPARE(kpi.value(u"liability_minor"_s).toInteger(), 500); // 100 points at 5.00 per 100
        // Yesterday and a year ago nothing had happened yet.
        const QJsonObject previous = kpi.value(u"compare"_s).toObject().value(u"previous"_s).toObject();
        QCOMPARE(previous.value(u"to"_s).toString(), QDate::currentDate().addDays(-1).toString(Qt::ISODate));
        QCOMPARE(previous.value(u"sales_count"_s).toInteger(), 0);
        QCOMPARE(previous.value(u"members_total"_s).toInteger(), 0);
        const QJsonObject yearEarlier = kpi.value(u"compare"_s).toObject().value(u"year_earlier"_s).toObject();
        QCOMPARE(yearEarlier.value(u"from"_s).toString(), QDate::currentDate().addYears(-1).toString(Qt::ISODate));
        QCOMPARE(yearEarlier.value(u"net_sales_minor"_s).toInteger(), 0);
    }

    void rebuildKeepsCheckPassing()
    {
        const CliRun rebuilt = cli({u"report"_s, u"rebuild"_s});
        CLI_VERIFY_OK(rebuilt);
        QCOMPARE(rebuilt.json.value(u"rebuilt"_s).toBool(), true);
        CLI_VERIFY_OK(cli({u"check"_s}));
        const CliRun after = cli({u"report"_s, u"summary"_s});
        CLI_VERIFY_OK(after);
        QCOMPARE(after.json.value(u"net_sales_minor"_s).toInteger(), 20000);
    }

    void badPeriods_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QTest::newRow("impossible date") << QStringList {u"--from"_s, u"2024-02-30"_s} << u"from"_s;
        QTest::newRow("not a date") << QStringList {u"--to"_s, u"yesterday'; DROP TABLE sales;--"_s} << u"to"_s;
        QTest::newRow("out of order") << QStringList {u"--from"_s, today, u"--to"_s, u"2020-01-01"_s} << u"from"_s;
        QTest::newRow("ten years") << QStringList {u"--from"_s, u"2015-01-01"_s, u"--to"_s, today} << u"to"_s;
        QTest::newRow("starts tomorrow") << QStringList {u"--from"_s,
                                                         QDate::currentDate().addDays(1).toString(Qt::ISODate),
                                                         u"--to"_s,
                                                         QDate::currentDate().addDays(2).toString(Qt::ISODate)}
                                         << u"from"_s;
    }

    void badPeriods()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        const CliRun run = cli(QStringList {u"report"_s, u"summary"_s} + arguments);
        CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(run.json.value(u"error"_s).toObject().value(u"field"_s).toString(), field);
        CLI_VERIFY_OK(cli({u"check"_s}));
    }

    void unknownSubcommand()
    {
        CLI_VERIFY_ERROR(cli({u"report"_s}), 2);
        CLI_VERIFY_ERROR(cli({u"report"_s, u"everything"_s}), 2);
    }
};

QTEST_GUILESS_MAIN(CliReportTest)
#include "tst_cli_report.moc"
