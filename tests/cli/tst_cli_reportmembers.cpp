// `report members KIND` through the real binary: the members behind a figure of `report summary`, as many as its
// figure, highest net sales first or in the order asked, phones masked, a CSV whose formula-like names are kept as
// text, and bad input refused with exit code 2 and nothing changed. The store is seeded through the core library
// with today's sales, as the CLI reports on today's calendar.
#include "tests/cli/CliRunner.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QTest>

using clitest::CliRun;
using clitest::runJson;
using lt::test::TempStore;

class TestCliReportMembers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buyersAreAsManyAsTheSummarySays();
    void anotherOrderAndCsv();
    void badInputIsRefused_data();
    void badInputIsRefused();

private:
    CliRun cli(const QStringList& arguments) const { return runJson(m_path, arguments); }

    TempStore m_store;
    QString m_path;
    QList<qint64> m_members;
};

// Three members buy today: the first (no name) 10.00, the second ("=SUM(A1)") 30.00, the third 20.00.
void TestCliReportMembers::initTestCase()
{
    LT_VERIFY_OK(m_store.open());
    m_store.clock().set(QDateTime::currentDateTimeUtc());
    const QList<std::pair<QString, qint64>> buyers {
        {QString(), 1000}, {QStringLiteral("=SUM(A1)"), 3000}, {QStringLiteral("Carla"), 2000}};
    int i = 0;
    for (const auto& [name, amount] : buyers) {
        auto member = m_store.enroll(QStringLiteral("+1415555%1").arg(2671 + i), name);
        LT_VERIFY_OK(member);
        m_members << member->id;
        LT_VERIFY_OK(m_store.accrue(member->id, QStringLiteral("S-%1").arg(++i), amount));
    }
    m_path = m_store.path();
    m_store.close();
}

void TestCliReportMembers::buyersAreAsManyAsTheSummarySays()
{
    const CliRun summary = cli({QStringLiteral("report"), QStringLiteral("summary")});
    QVERIFY2(summary.exitCode == 0 && summary.jsonParsed, summary.describeUtf8());
    const CliRun run = cli({QStringLiteral("report"), QStringLiteral("members"), QStringLiteral("buyers")});
    QVERIFY2(run.exitCode == 0 && run.jsonParsed, run.describeUtf8());
    QCOMPARE(run.json.value(QLatin1String("kind")).toString(), QStringLiteral("buyers"));
    QCOMPARE(run.json.value(QLatin1String("total")).toInteger(),
             summary.json.value(QLatin1String("buyers")).toInteger());
    const QJsonArray members = run.json.value(QLatin1String("members")).toArray();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).toObject().value(QLatin1String("member_id")).toInteger(), m_members.at(1));
    QCOMPARE(members.at(0).toObject().value(QLatin1String("net_sales_minor")).toInteger(), 3000);
    QCOMPARE(members.at(1).toObject().value(QLatin1String("member_id")).toInteger(), m_members.at(2));
    QCOMPARE(members.at(2).toObject().value(QLatin1String("name")).toString(), QStringLiteral("•••• 2671"));
    QVERIFY2(!run.out.contains("4155552671"), run.out);
}

void TestCliReportMembers::anotherOrderAndCsv()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("members.csv"));
    const CliRun run = cli({QStringLiteral("report"), QStringLiteral("members"), QStringLiteral("buyers"),
                            QStringLiteral("--order"), QStringLiteral("member"), QStringLiteral("--csv"), csv});
    QVERIFY2(run.exitCode == 0 && run.jsonParsed, run.describeUtf8());
    const QJsonArray members = run.json.value(QLatin1String("members")).toArray();
    QCOMPARE(members.at(0).toObject().value(QLatin1String("member_id")).toInteger(), m_members.at(0));
    const QList<QStringList> rows = clitest::parseCsv(clitest::readFileBytes(csv));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(2).at(1), QStringLiteral("'=SUM(A1)")); // kept as text by a spreadsheet
    QCOMPARE(QFile::permissions(csv) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

void TestCliReportMembers::badInputIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    const QString report = QStringLiteral("report");
    const QString members = QStringLiteral("members");
    QTest::newRow("no kind") << QStringList {report, members} << QStringLiteral("kind");
    QTest::newRow("unknown kind") << QStringList {report, members, QStringLiteral("everyone")}
                                  << QStringLiteral("kind");
    QTest::newRow("tier without a name") << QStringList {report, members, QStringLiteral("tier")}
                                         << QStringLiteral("kind");
    QTest::newRow("unknown tier") << QStringList {report, members, QStringLiteral("tier"), QStringLiteral("Platinum")}
                                  << QStringLiteral("tier");
    QTest::newRow("unknown segment") << QStringList {report, members, QStringLiteral("segment"), QStringLiteral("vip")}
                                     << QStringLiteral("segment");
    QTest::newRow("unknown order") << QStringList {report, members, QStringLiteral("buyers"), QStringLiteral("--order"),
                                                   QStringLiteral("name")}
                                   << QStringLiteral("order");
    QTest::newRow("dates out of order") << QStringList {report,
                                                        members,
                                                        QStringLiteral("buyers"),
                                                        QStringLiteral("--from"),
                                                        QStringLiteral("2024-03-02"),
                                                        QStringLiteral("--to"),
                                                        QStringLiteral("2024-03-01")}
                                        << QStringLiteral("from");
    QTest::newRow("impossible date") << QStringList {report, members, QStringLiteral("buyers"), QStringLiteral("--to"),
                                                     QStringLiteral("2024-02-30")}
                                     << QStringLiteral("to");
}

void TestCliReportMembers::badInputIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    const QStringList before = clitest::fingerprint(m_path);
    const CliRun run = cli(arguments);
    QVERIFY2(run.exitCode == 2 && run.jsonParsed, run.describeUtf8());
    QCOMPARE(run.json.value(QLatin1String("error")).toObject().value(QLatin1String("field")).toString(), field);
    QCOMPARE(clitest::fingerprint(m_path), before);
}

QTEST_GUILESS_MAIN(TestCliReportMembers)
#include "tst_cli_reportmembers.moc"
