// `report summary`, `segments`, `cohorts`, `clv` and `rebuild` through the real binary on a real SQLite file: the
// JSON keys scripts read, with figures a person can count from the operations the test made today, the comparison
// periods, `check` after a rebuild, CSV files whose formula-like cells are kept as text, and bad input refused with
// exit code 2, the option named and nothing changed.
#include "tests/cli/CliRunner.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <tuple>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

namespace {

// 150 members with up to two years of purchases, written straight into the store's tables because the CLI records a
// sale only at the present moment; the tables' triggers keep the reports' summaries as for any sale. Each member buys
// at a rate of their own, may stop after each purchase and spends around an average of their own, as the purchase
// models tell the story, so that both have something to fit.
QString seedHistory(const QString& path)
{
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"seed"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery query(db);
        std::mt19937 random(20261129);
        std::gamma_distribution<double> rate(0.9, 1.0 / 30), dropA(1.2, 1.0), dropB(4.0, 1.0), average(3.0, 1500.0);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime enrolled = now.addDays(-720);
        const auto stamp = [](const QDateTime& at) {
            return at.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        };
        int sale = 0;
        db.transaction();
        for (int i = 0; i < 150 && failure.isEmpty(); ++i) {
            if (!query.exec(u"INSERT INTO members (phone, name, enrolled_at) VALUES ('+1646555%1', 'Member %1', '%2')"_s
                                .arg(1000 + i)
                                .arg(stamp(enrolled)))) {
                failure = query.lastError().text();
                break;
            }
            const qint64 member = query.lastInsertId().toLongLong();
            const double x = dropA(random), dropout = x / (x + dropB(random));
            std::exponential_distribution<double> gap(rate(random));
            std::gamma_distribution<double> spend(4.0, average(random) / 4);
            for (QDateTime at = enrolled.addDays(1 + qint64(unit(random) * 600)); at < now.addDays(-1);
                 at = at.addDays(1 + qint64(std::min(gap(random), 1000.0)))) {
                if (!query.exec(u"INSERT INTO sales (reference, member_id, amount_minor, currency, points, created_at) "
                                "VALUES ('H-%1', %2, %3, 'USD', 0, '%4')"_s.arg(++sale)
                                    .arg(member)
                                    .arg(100 + qint64(spend(random)))
                                    .arg(stamp(at)))) {
                    failure = query.lastError().text();
                    break;
                }
                if (unit(random) < dropout)
                    break;
            }
        }
        db.commit();
    }
    QSqlDatabase::removeDatabase(u"seed"_s);
    return failure;
}

// The rows of a CSV file the CLI wrote: UTF-8 after a byte order mark.
QList<QStringList> readCsv(const QString& path)
{
    const QByteArray bytes = clitest::readFileBytes(path);
    if (!bytes.startsWith("\xEF\xBB\xBF"))
        return {};
    return clitest::parseCsv(bytes.mid(3));
}

qint64 sum(const QJsonObject& object)
{
    qint64 total = 0;
    for (auto it = object.begin(); it != object.end(); ++it)
        total += it.value().toInteger();
    return total;
}

} // namespace

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
        // Points never expire in this program: no forecast, said as null rather than zeros.
        QVERIFY(kpi.contains(u"expiring"_s));
        QVERIFY(kpi.value(u"expiring"_s).isNull());
        // Yesterday and a year ago nothing had happened yet.
        const QJsonObject previous = kpi.value(u"compare"_s).toObject().value(u"previous"_s).toObject();
        QCOMPARE(previous.value(u"to"_s).toString(), QDate::currentDate().addDays(-1).toString(Qt::ISODate));
        QCOMPARE(previous.value(u"sales_count"_s).toInteger(), 0);
        QCOMPARE(previous.value(u"members_total"_s).toInteger(), 0);
        const QJsonObject yearEarlier = kpi.value(u"compare"_s).toObject().value(u"year_earlier"_s).toObject();
        QCOMPARE(yearEarlier.value(u"from"_s).toString(), QDate::currentDate().addYears(-1).toString(Qt::ISODate));
        QCOMPARE(yearEarlier.value(u"net_sales_minor"_s).toInteger(), 0);
    }

    // The summary as CSV: a row per figure with the period, the period before and a year earlier; readable only by
    // its owner, as every export is.
    void summaryAsCsv()
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const QString path = m_dir.filePath(u"summary.csv"_s);
        const CliRun run = cli({u"report"_s, u"summary"_s, u"--from"_s, today, u"--to"_s, today, u"--csv"_s, path});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"csv"_s).toString(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const QStringList lines = QString::fromUtf8(file.readAll()).remove(QChar(0xFEFF)).split(u"\r\n"_s);
        QCOMPARE(lines.value(0), u"figure,period,previous_period,year_earlier"_s);
        QVERIFY2(lines.contains(u"sales_count,3,0,0"_s), qPrintable(lines.join(u'\n')));
        QVERIFY(lines.contains(u"net_sales_minor,20000,0,0"_s));
        QVERIFY(lines.contains(u"repeat_purchase_rate,0.5,0,0"_s));
        // Members per tier are today's, whatever the period.
        QVERIFY2(lines.contains(u"members_per_tier.Member,2,2,2"_s), qPrintable(lines.join(u'\n')));
    }

    // A store of its own with sales at two tills by two staff members: the sales figures follow --till and --staff,
    // members and buyers stay the whole store's, and the JSON says which sales it counted.
    void summaryByTillAndStaff()
    {
        const QString path = m_dir.filePath(u"tills.sqlite"_s);
        CLI_VERIFY_OK(runJson(path, {u"init"_s}));
        CLI_VERIFY_OK(runJson(path, {u"enroll"_s, u"--phone"_s, u"(212) 555-0150"_s}));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tills"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            const QString now = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
            int sale = 0;
            for (const auto& [till, staff, amount] :
                 {std::tuple {"front", "staff:1", 1000}, std::tuple {"front", "staff:2", 2000},
                  std::tuple {"back", "staff:1", 4000}})
                QVERIFY2(query.exec(
                             u"INSERT INTO sales (reference, member_id, amount_minor, currency, points, "
                             "created_at, till, staff) VALUES ('T-%1', 1, %2, 'USD', 0, '%3', '%4', '%5')"_s.arg(++sale)
                                 .arg(amount)
                                 .arg(now, QLatin1String(till), QLatin1String(staff))),
                         qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"tills"_s);
        const QStringList summary {u"report"_s, u"summary"_s};
        const auto sales = [&](const QStringList& filter) {
            const CliRun run = runJson(path, summary + filter);
            return run.exitCode == 0 ? std::tuple {run.json.value(u"sales_count"_s).toInteger(),
                                                   run.json.value(u"net_sales_minor"_s).toInteger(),
                                                   run.json.value(u"aov_minor"_s).toInteger()}
                                     : std::tuple {qint64(-1), qint64(-1), qint64(-1)};
        };
        QCOMPARE(sales({}), std::tuple(qint64(3), qint64(7000), qint64(2333)));
        QCOMPARE(sales({u"--till"_s, u"front"_s}), std::tuple(qint64(2), qint64(3000), qint64(1500)));
        QCOMPARE(sales({u"--staff"_s, u"staff:1"_s}), std::tuple(qint64(2), qint64(5000), qint64(2500)));
        QCOMPARE(sales({u"--till"_s, u"front"_s, u"--staff"_s, u"staff:1"_s}),
                 std::tuple(qint64(1), qint64(1000), qint64(1000)));

        const CliRun front = runJson(path, summary + QStringList {u"--till"_s, u"back"_s});
        CLI_VERIFY_OK(front);
        const QJsonObject filter = front.json.value(u"filter"_s).toObject();
        QCOMPARE(filter.value(u"till"_s).toString(), u"back"_s);
        QCOMPARE(filter.value(u"staff"_s).toString(), QString());
        QCOMPARE(front.json.value(u"members_total"_s).toInteger(), 1);
        QCOMPARE(front.json.value(u"buyers"_s).toInteger(), 1);
        QCOMPARE(front.json.value(u"purchase_frequency"_s).toDouble(), 3.0); // every till's sales ÷ buyers
        QCOMPARE(front.json.value(u"compare"_s).toObject().value(u"previous"_s).toObject().value(u"filter"_s),
                 QJsonValue(filter));

        const QStringList before = clitest::fingerprint(path);
        for (const auto& [option, name] :
             {std::pair {u"till"_s, u"side door"_s}, std::pair {u"staff"_s, u"nobody"_s}}) {
            const CliRun unknown = runJson(path, summary + QStringList {u"--"_s + option, name});
            CLI_VERIFY_ERROR(unknown, 2);
            QCOMPARE(unknown.json.value(u"error"_s).toObject().value(u"field"_s).toString(), option);
            QVERIFY2(unknown.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(name),
                     unknown.describeUtf8());
        }
        QCOMPARE(clitest::fingerprint(path), before);
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

    // Both members bought today: each is scored, and both come from "no sale yet" at the end of last month.
    void segments()
    {
        const QString csv = m_dir.filePath(u"segments.csv"_s);
        const CliRun run = cli({u"report"_s, u"segments"_s, u"--csv"_s, csv});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"today"_s).toString(), QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(run.json.value(u"members_scored"_s).toInteger(), 2);
        const QJsonArray segments = run.json.value(u"segments"_s).toArray();
        const QStringList ids {u"champions"_s, u"loyal"_s,       u"promising"_s, u"needs_attention"_s,
                               u"at_risk"_s,   u"hibernating"_s, u"lost"_s};
        QCOMPARE(segments.size(), ids.size());
        qint64 scored = 0;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QJsonObject segment = segments[i].toObject();
            QCOMPARE(segment.value(u"segment"_s).toString(), ids[i]);
            QVERIFY(!segment.value(u"name"_s).toString().isEmpty());
            QCOMPARE(segment.value(u"members_last_month"_s).toInteger(), 0);
            scored += segment.value(u"members"_s).toInteger();
        }
        QCOMPARE(scored, 2);
        const QJsonObject movement = run.json.value(u"movement"_s).toObject();
        QCOMPARE(movement.keys().size(), ids.size() + 1);
        QCOMPARE(sum(movement.value(u"none"_s).toObject()), 2);
        QCOMPARE(sum(movement.value(u"champions"_s).toObject()), 0);
        const QJsonArray actions = run.json.value(u"actions"_s).toArray();
        QCOMPARE(actions.size(), 2);
        QCOMPARE(actions[0].toObject().value(u"action"_s).toString(), u"lapsed"_s);
        QCOMPARE(actions[1].toObject().value(u"action"_s).toString(), u"nearly_there"_s);
        QCOMPARE(actions[1].toObject().value(u"members"_s).toInteger(), 0); // 50 points each, 100 for a reward

        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), 1 + 8 + 2);
        QCOMPARE(
            rows[0].mid(0, 6),
            (QStringList {u"kind"_s, u"id"_s, u"name"_s, u"members"_s, u"members_last_month"_s, u"to_champions"_s}));
        QCOMPARE(rows[8].mid(0, 2), (QStringList {u"segment"_s, u"none"_s}));
        QCOMPARE(rows[10].mid(0, 2), (QStringList {u"action"_s, u"nearly_there"_s}));
        QCOMPARE(QFile::permissions(csv) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    // The Reports screen as a PDF: A4 pages whose text holds the store's name, the period and each card's title and
    // value as counted by hand from today's operations (three sales of 120.00, 30.00 and 50.00; 200 points earned and
    // 100 redeemed), and the charts' titles; an unwritable path is refused with exit code 2 and nothing written.
    void pdf()
    {
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing: install poppler-utils (tools/dev installs it)");
        CLI_VERIFY_OK(cli({u"settings"_s, u"store.name"_s, u"Corner Grocer"_s}));
        const QString path = m_dir.filePath(u"reports.pdf"_s);
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const CliRun run = cli({u"report"_s, u"pdf"_s, u"--output"_s, path, u"--from"_s, today, u"--to"_s, today});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"output"_s).toString(), path);
        QVERIFY(clitest::readFileBytes(path).startsWith("%PDF-"));
        QProcess extract;
        extract.start(pdftotext, {u"-layout"_s, path, u"-"_s});
        QVERIFY(extract.waitForFinished(30000));
        QCOMPARE(extract.exitCode(), 0);
        // NFKC: the PDF's fonts join "fl" and "ff" into ligatures.
        const QString text =
            QString::fromUtf8(extract.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        for (const QString& expected : {u"Reports of Corner Grocer"_s,
                                        u"All tills"_s,
                                        u"Members"_s,
                                        u"Sales"_s,
                                        u"Net sales"_s,
                                        u"200.00 USD"_s,
                                        u"Average order"_s,
                                        u"66.67 USD"_s,
                                        u"Purchase frequency"_s,
                                        u"1.50"_s,
                                        u"Repeat purchase rate"_s,
                                        u"50.0 %"_s,
                                        u"Points earned"_s,
                                        u"Points redeemed"_s,
                                        u"Points liability"_s,
                                        u"5.00 USD"_s,
                                        u"Net sales by month (USD)"_s,
                                        u"Points flow by month"_s,
                                        u"Members by segment"_s,
                                        u"Cohort retention"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected + u"\n"_s + text));
        QVERIFY2(text.contains(QRegularExpression(u"Points outstanding\\s+Redemption rate\\s+Member redemption rate\\s+"
                                                  "100\\s+50.0 %\\s+50.0 %"_s)),
                 qPrintable(text));

        const QStringList before = clitest::fingerprint(m_db);
        for (const QString& bad : {m_dir.filePath(u"no such folder/reports.pdf"_s), m_dir.path()}) {
            const CliRun refused = cli({u"report"_s, u"pdf"_s, u"--output"_s, bad});
            CLI_VERIFY_ERROR(refused, 2);
            QCOMPARE(refused.json.value(u"error"_s).toObject().value(u"field"_s).toString(), u"output"_s);
        }
        QVERIFY(!QFile::exists(m_dir.filePath(u"no such folder/reports.pdf"_s)));
        CLI_VERIFY_ERROR(cli({u"report"_s, u"pdf"_s}), 2);
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    void cohorts()
    {
        const QString thisMonth = QDate::currentDate().toString(u"yyyy-MM"_s);
        const CliRun one = cli({u"report"_s, u"cohorts"_s, u"--from-month"_s, thisMonth, u"--to-month"_s, thisMonth});
        CLI_VERIFY_OK(one);
        QCOMPARE(one.json.value(u"from_month"_s).toString(), thisMonth);
        const QJsonArray cohorts = one.json.value(u"cohorts"_s).toArray();
        QCOMPARE(cohorts.size(), 1);
        const QJsonObject cohort = cohorts[0].toObject();
        QCOMPARE(cohort.value(u"cohort"_s).toString(), thisMonth);
        QCOMPARE(cohort.value(u"enrolled"_s).toInteger(), 2);
        QCOMPARE(cohort.value(u"buyers"_s).toArray(), QJsonArray {2});
        QCOMPARE(cohort.value(u"retention"_s).toArray(), QJsonArray {1.0});

        // By default the twelve months up to this one, each followed to this month.
        const QString csv = m_dir.filePath(u"cohorts.csv"_s);
        const CliRun year = cli({u"report"_s, u"cohorts"_s, u"--csv"_s, csv});
        CLI_VERIFY_OK(year);
        const QJsonArray twelve = year.json.value(u"cohorts"_s).toArray();
        QCOMPARE(twelve.size(), 12);
        QCOMPARE(twelve[0].toObject().value(u"retention"_s).toArray().size(), 12);
        QCOMPARE(twelve[11].toObject().value(u"enrolled"_s).toInteger(), 2);
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), 1 + (12 * 13) / 2);
        QCOMPARE(
            rows[0],
            (QStringList {u"cohort"_s, u"enrolled"_s, u"months_later"_s, u"month"_s, u"buyers"_s, u"retention"_s}));
        QCOMPARE(rows.last(), (QStringList {thisMonth, u"2"_s, u"0"_s, thisMonth, u"2"_s, u"1.0000"_s}));
    }

    // Every sale was made today: nothing tells yet how often members come back.
    void clvNeedsHistory()
    {
        const CliRun run = cli({u"report"_s, u"clv"_s});
        CLI_VERIFY_ERROR(run, 4);
        QVERIFY2(run.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"cannot be fitted"_s),
                 run.describeUtf8());
    }

    void clvOnHistory()
    {
        const QString db = m_dir.filePath(u"history.sqlite"_s);
        CLI_VERIFY_OK(runJson(db, {u"init"_s}));
        const QString seeded = seedHistory(db);
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
        CLI_VERIFY_OK(
            runJson(db, {u"enroll"_s, u"--phone"_s, u"(212) 555-0177"_s, u"--name"_s, u"=HYPERLINK(\"x\")"_s}));
        CLI_VERIFY_OK(runJson(
            db, {u"accrue"_s, u"--phone"_s, u"(212) 555-0177"_s, u"--sale"_s, u"R-9"_s, u"--amount"_s, u"20.00"_s}));
        const QString csv = m_dir.filePath(u"clv.csv"_s);
        const CliRun run = runJson(db, {u"report"_s, u"clv"_s, u"--limit"_s, u"1000"_s, u"--csv"_s, csv});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"time_unit"_s).toString(), u"day"_s);
        QCOMPARE(run.json.value(u"members_predicted"_s).toInteger(), 151);
        for (const QString& key : {u"r"_s, u"alpha"_s, u"a"_s, u"b"_s})
            QVERIFY2(run.json.value(u"bgnbd"_s).toObject().value(key).toDouble() > 0, qPrintable(key));
        for (const QString& key : {u"p"_s, u"q"_s, u"gamma"_s})
            QVERIFY2(run.json.value(u"gamma_gamma"_s).toObject().value(key).toDouble() > 0, qPrintable(key));
        const QJsonArray members = run.json.value(u"members"_s).toArray();
        QCOMPARE(members.size(), 151); // fewer than the limit
        for (qsizetype i = 1; i < members.size(); ++i)
            QVERIFY(members[i - 1].toObject().value(u"clv_minor"_s).toInteger()
                    >= members[i].toObject().value(u"clv_minor"_s).toInteger());
        const QJsonObject first = members[0].toObject();
        for (const QString& key :
             {u"member_id"_s, u"name"_s, u"frequency"_s, u"recency_days"_s, u"age_days"_s, u"expected_purchases_365d"_s,
              u"probability_alive"_s, u"expected_average_value_minor"_s})
            QVERIFY2(first.contains(key), qPrintable(key));
        QVERIFY(first.value(u"probability_alive"_s).toDouble() <= 1.0);

        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), 1 + 151);
        QCOMPARE(rows[0].first(), u"member_id"_s);
        QCOMPARE(rows[0].last(), u"clv_minor"_s);
        const auto formula = std::find_if(rows.cbegin(), rows.cend(),
                                          [](const QStringList& row) { return row.value(1).contains(u"HYPERLINK"_s); });
        QVERIFY(formula != rows.cend());
        QCOMPARE(formula->at(1), u"'=HYPERLINK(\"x\")"_s); // text in a spreadsheet, not a formula

        const CliRun three = runJson(db, {u"report"_s, u"clv"_s, u"--limit"_s, u"3"_s});
        CLI_VERIFY_OK(three);
        QCOMPARE(three.json.value(u"members"_s).toArray().size(), 3);
        QCOMPARE(three.json.value(u"members"_s).toArray()[0], members[0]);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        const QString nextMonth = QDate::currentDate().addMonths(1).toString(u"yyyy-MM"_s);
        QTest::newRow("month 13") << QStringList {u"cohorts"_s, u"--from-month"_s, u"2024-13"_s} << u"from-month"_s;
        QTest::newRow("not a month") << QStringList {u"cohorts"_s, u"--to-month"_s, u"2024-1"_s} << u"to-month"_s;
        QTest::newRow("from after to") << QStringList {u"cohorts"_s, u"--from-month"_s, u"2024-05"_s, u"--to-month"_s,
                                                       u"2024-04"_s}
                                       << u"from-month"_s;
        QTest::newRow("next month") << QStringList {u"cohorts"_s, u"--to-month"_s, nextMonth} << u"to-month"_s;
        QTest::newRow("ten years") << QStringList {u"cohorts"_s, u"--from-month"_s, u"2015-01"_s, u"--to-month"_s,
                                                   u"2025-01"_s}
                                   << u"to-month"_s;
        QTest::newRow("limit 0") << QStringList {u"clv"_s, u"--limit"_s, u"0"_s} << u"limit"_s;
        QTest::newRow("limit 10^9") << QStringList {u"clv"_s, u"--limit"_s, u"1000000000"_s} << u"limit"_s;
        QTest::newRow("limit words") << QStringList {u"clv"_s, u"--limit"_s, u"ten"_s} << u"limit"_s;
        QTest::newRow("csv nowhere") << QStringList {u"segments"_s, u"--csv"_s, u"/nonexistent/folder/s.csv"_s}
                                     << u"csv"_s;
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        const QStringList before = clitest::fingerprint(m_db);
        const CliRun run = cli(QStringList {u"report"_s} + arguments);
        CLI_VERIFY_ERROR(run, 2);
        const QJsonObject error = run.json.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"field"_s).toString(), field);
        QVERIFY2(error.value(u"message"_s).toString().startsWith(u"--"_s + field), run.describeUtf8());
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    void unknownSubcommand()
    {
        CLI_VERIFY_ERROR(cli({u"report"_s}), 2);
        CLI_VERIFY_ERROR(cli({u"report"_s, u"everything"_s}), 2);
    }
};

QTEST_GUILESS_MAIN(CliReportTest)
#include "tst_cli_report.moc"
