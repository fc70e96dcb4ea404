// `report rebuild` killed with SIGKILL at random moments on a store of 10,000 members: the rebuild is one
// transaction, so every kill leaves the summaries as they were, `check` finds them equal to a recomputation, and the
// report afterwards gives the same figures as before the kills.
#include "tests/cli/CliRunner.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

class CliReportCrashTest : public QObject
{
    Q_OBJECT

private slots:
    void rebuildKilledLeavesTheSummariesRight()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"store.sqlite"_s);
        CLI_VERIFY_OK(runJson(db, {u"generate"_s, u"--members"_s, u"10000"_s, u"--sales"_s, u"30000"_s}));
        const CliRun before = runJson(db, {u"report"_s, u"summary"_s, u"--from"_s, u"2000-01-01"_s});
        CLI_VERIFY_ERROR(before, 2); // more than five years
        const QDate today = QDate::currentDate();
        const QStringList lastYear = {u"report"_s, u"summary"_s,
                                      u"--from"_s, today.addYears(-1).toString(Qt::ISODate),
                                      u"--to"_s,   today.toString(Qt::ISODate)};
        const CliRun figures = runJson(db, lastYear);
        CLI_VERIFY_OK(figures);
        QVERIFY(figures.json.value(u"sales_count"_s).toInteger() > 0);

        // A seed of its own each run, printed so that a failure can be repeated.
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill seed %u", seed);
        QRandomGenerator random(seed);
        int killedWhileRunning = 0;
        for (int round = 0; round < 5; ++round) {
            QProcess rebuild;
            rebuild.start(QStringLiteral(LOYALTYTILL_ADMIN), {u"--database"_s, db, u"report"_s, u"rebuild"_s});
            QVERIFY(rebuild.waitForStarted());
            QThread::msleep(20 + random.bounded(250u));
            if (rebuild.state() == QProcess::Running)
                ++killedWhileRunning;
            rebuild.kill();
            rebuild.waitForFinished();
            CLI_VERIFY_OK(runJson(db, {u"check"_s}));
            const CliRun after = runJson(db, lastYear);
            CLI_VERIFY_OK(after);
            QCOMPARE(after.json.value(u"net_sales_minor"_s), figures.json.value(u"net_sales_minor"_s));
            QCOMPARE(after.json.value(u"buyers"_s), figures.json.value(u"buyers"_s));
        }
        qInfo("%d of 5 rebuilds killed while running", killedWhileRunning);
        CLI_VERIFY_OK(runJson(db, {u"report"_s, u"rebuild"_s}));
        CLI_VERIFY_OK(runJson(db, {u"check"_s}));
    }
};

QTEST_GUILESS_MAIN(CliReportCrashTest)
#include "tst_cli_reportcrash.moc"
