// `import-sales` through the real binary on a real SQLite file: a history from the store's previous system becomes
// sales the reports count (at their own dates, refunds included) without touching balances or Square unless
// --earn-points; a file with bad rows is refused whole with every bad row named, or imported in part with
// --skip-bad-rows; `check` passes after each.
#include "tests/cli/CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

class CliImportSalesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_files = 0;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }

    QString csv(const QByteArray& contents)
    {
        const QString path = m_dir.filePath(u"history-%1.csv"_s.arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(contents);
        return path;
    }

    QJsonObject spring() const
    {
        const CliRun run = cli({u"report"_s, u"summary"_s, u"--from"_s, u"2024-03-01"_s, u"--to"_s, u"2024-04-30"_s});
        clitest::verifyOk(run);
        return run.json;
    }

    qint64 balance(const QString& phone) const
    {
        const CliRun run = cli({u"lookup"_s, phone});
        clitest::verifyOk(run);
        return run.json.value(u"members"_s).toArray().first().toObject().value(u"balance"_s).toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"store.sqlite"_s);
        CLI_VERIFY_OK(cli({u"init"_s}));
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0142"_s}));
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0143"_s}));
    }

    void historyCountsInTheReports()
    {
        const CliRun run = cli({u"import-sales"_s,
                                csv("phone,reference,amount,completed_at,refunded\n"
                                    "(212) 555-0142,H-1,40.00,2024-03-05T10:00:00Z,\n"
                                    "212.555.0142,H-2,60.00,2024-04-05T10:00:00+02:00,10.00\n"
                                    "(212) 555-0143,H-3,25.50,2024-04-30T23:30:00-07:00,\n")});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"imported"_s).toInteger(), 3);
        const QJsonObject report = spring();
        // H-3 was completed on 1 May in UTC: the store's day decides (the test runs in the machine's zone), so only
        // the sales certainly in March and April are counted here.
        QVERIFY(report.value(u"sales_count"_s).toInteger() >= 2);
        QVERIFY(report.value(u"net_sales_minor"_s).toInteger() >= 4000 + 6000 - 1000);
        QCOMPARE(report.value(u"repeat_purchase_rate_lifetime"_s).toDouble(), 0.5);
        // History only: no points, nothing for Square.
        QCOMPARE(balance(u"(212) 555-0142"_s), 0);
        QCOMPARE(report.value(u"points_earned"_s).toInteger(), 0);
        CLI_VERIFY_OK(cli({u"check"_s}));
    }

    void badRowsAreNamedAndNothingChanges_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown member") << QByteArray("(212) 555-0199,B-1,10.00,2024-03-05T10:00:00Z,")
                                        << u"no member"_s;
        QTest::newRow("recorded already")
            << QByteArray("(212) 555-0142,H-1,10.00,2024-03-05T10:00:00Z,") << u"already recorded"_s;
        QTest::newRow("three decimals") << QByteArray("(212) 555-0142,B-2,10.005,2024-03-05T10:00:00Z,") << u"amount"_s;
        QTest::newRow("another currency")
            << QByteArray("(212) 555-0142,B-3,EUR 5,2024-03-05T10:00:00Z,") << u"amount"_s;
        QTest::newRow("refund above the sale")
            << QByteArray("(212) 555-0142,B-4,10.00,2024-03-05T10:00:00Z,12.00") << u"refunded"_s;
        QTest::newRow("future") << QByteArray("(212) 555-0142,B-5,10.00,2999-03-05T10:00:00Z,") << u"future"_s;
        QTest::newRow("not a time") << QByteArray("(212) 555-0142,B-6,10.00,yesterday,") << u"completed_at"_s;
        QTest::newRow("SQL in the reference")
            << QByteArray("(212) 555-0142,B-7';DROP TABLE sales;--,10.00,2024-03-05T10:00:00Z,") << u"reference"_s;
    }

    void badRowsAreNamedAndNothingChanges()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, reason);
        const qint64 before = spring().value(u"sales_count"_s).toInteger();
        const CliRun run = cli({u"import-sales"_s,
                                csv("phone,reference,amount,completed_at,refunded\n"
                                    "(212) 555-0143,G-1,10.00,2024-03-06T10:00:00Z,\n"
                                    + row + "\n")});
        CLI_VERIFY_ERROR(run, 2);
        const QJsonArray errors = run.json.value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(u"line"_s).toInteger(), 3);
        QVERIFY2(errors.first().toObject().value(u"reason"_s).toString().contains(reason),
                 qPrintable(errors.first().toObject().value(u"reason"_s).toString()));
        QCOMPARE(spring().value(u"sales_count"_s).toInteger(), before);
    }

    void repeatedReferenceInTheFileAndSkippingBadRows()
    {
        const qint64 before = spring().value(u"sales_count"_s).toInteger();
        const QString file = csv("member,reference,amount,completed_at\n"
                                 "1,K-1,10.00,2024-03-10T12:00:00Z\n"
                                 "1,K-1,11.00,2024-03-11T12:00:00Z\n"
                                 "999,K-2,10.00,2024-03-10T12:00:00Z\n");
        CliRun run = cli({u"import-sales"_s, file});
        CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(run.json.value(u"rejected"_s).toInteger(), 2);
        QVERIFY(run.json.value(u"errors"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"reason"_s)
                    .toString()
                    .contains(u"line 2"_s));
        run = cli({u"import-sales"_s, u"--skip-bad-rows"_s, file});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"imported"_s).toInteger(), 1);
        QCOMPARE(spring().value(u"sales_count"_s).toInteger(), before + 1);
        CLI_VERIFY_OK(cli({u"check"_s}));
    }

    void earnPointsGivesTheProgramsPoints()
    {
        const CliRun run = cli({u"import-sales"_s, u"--earn-points"_s,
                                csv("phone,reference,amount,completed_at\n"
                                    "(212) 555-0143,E-1,25.00,2024-03-10T12:00:00Z\n"
                                    "(212) 555-0143,E-2,5.99,2024-03-12T12:00:00Z\n")});
        CLI_VERIFY_OK(run);
        QCOMPARE(balance(u"(212) 555-0143"_s), 25 + 5); // one point a whole dollar of each sale
        CLI_VERIFY_OK(cli({u"check"_s}));
    }

    void badFiles()
    {
        CLI_VERIFY_ERROR(cli({u"import-sales"_s, csv("phone,reference,amount,when\n")}), 2);
        CLI_VERIFY_ERROR(cli({u"import-sales"_s, csv("reference,amount,completed_at\n")}), 2);
        CLI_VERIFY_ERROR(cli({u"import-sales"_s, m_dir.filePath(u"missing.csv"_s)}), 2);
        CLI_VERIFY_ERROR(cli({u"import-sales"_s}), 2);
    }
};

QTEST_GUILESS_MAIN(CliImportSalesTest)
#include "tst_cli_importsales.moc"
