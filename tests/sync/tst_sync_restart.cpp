// A sync killed (SIGKILL) at random moments in the middle of its passes, then started again: every operation
// reaches Square exactly once and the balances agree, whatever request was in flight when it died.
#include "sync/square/SquareClient.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using lt::test::FakeSquareServer;
using lt::test::TempStore;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");
}

class TestRestart : public QObject
{
    Q_OBJECT
private slots:
    void killedSyncResumesExactlyOnce();
};

void TestRestart::killedSyncResumesExactlyOnce()
{
    FakeSquareServer server;
    QVERIFY(server.listen());
    server.setLatencyMs(15); // long enough for kills to land while requests are in flight

    TempStore store;
    LT_VERIFY_OK(store.open());
    QStringList phones;
    for (int m = 0; m < 6; ++m) {
        const QString phone = QStringLiteral("+1415555%1").arg(2600 + m);
        auto member = store.enroll(phone);
        LT_VERIFY_OK(member);
        phones << phone;
        for (int s = 0; s < 8; ++s)
            LT_VERIFY_OK(store.accrue(member->id, QStringLiteral("S-%1-%2").arg(m).arg(s), 1000 + 100 * s + m));
    }
    const qint64 operations = store.number("SELECT count(*) FROM outbox WHERE state = 'pending'");
    store.close();

    bool fixedSeed = false;
    const uint seedFromEnv = qEnvironmentVariable("LOYALTYTILL_CRASH_SEED").toUInt(&fixedSeed);
    const quint32 seed = fixedSeed ? seedFromEnv : QRandomGenerator::global()->generate();
    qInfo("random seed %u (LOYALTYTILL_CRASH_SEED)", seed);
    QRandomGenerator random(seed);

    auto startWorker = [&](QProcess& worker) {
        worker.setProgram(QStringLiteral(LOYALTYTILL_SYNC_WORKER));
        worker.setArguments({store.path(), server.baseUrl(), Location});
        worker.start();
        return worker.waitForStarted(10000);
    };
    int kills = 0;
    for (int round = 0; round < 6; ++round) {
        QProcess worker;
        QVERIFY(startWorker(worker));
        // Kill once the server has seen a few more requests: somewhere inside a pass, often mid-request.
        const int target = server.requestCount() + 1 + int(random.bounded(8));
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= target || worker.state() == QProcess::NotRunning, 20000);
        if (worker.state() == QProcess::NotRunning)
            break; // drained before the kill
        QTest::qWait(int(random.bounded(20)));
        worker.kill();
        QVERIFY(worker.waitForFinished(10000));
        ++kills;
    }
    QVERIFY2(kills >= 2, "the sync finished before it could be interrupted");

    // Started again, it finishes the work.
    QProcess worker;
    QVERIFY(startWorker(worker));
    QTRY_VERIFY_WITH_TIMEOUT(worker.state() == QProcess::NotRunning, 60000);
    QVERIFY2(worker.exitStatus() == QProcess::NormalExit && worker.exitCode() == 0,
             qPrintable(QString::fromLocal8Bit(worker.readAllStandardError())));

    LT_VERIFY_OK(store.open());
    QCOMPARE(store.number("SELECT count(*) FROM outbox WHERE state = 'sent'"), operations);
    // Exactly one accumulation per sale, one account per member.
    int accumulations = 0;
    for (const QJsonValue& event : server.events())
        accumulations += event.toObject().value(QLatin1String("type")).toString() == QLatin1String("ACCUMULATE_POINTS");
    QCOMPARE(accumulations, int(store.number("SELECT count(*) FROM sales")));
    QCOMPARE(server.accountCount(), phones.size());
    for (const QString& phone : std::as_const(phones))
        QCOMPARE(store.balance(store.number("SELECT id FROM members WHERE phone = ?", {phone})),
                 server.balanceForPhone(phone));
    QCOMPARE(store.number("SELECT count(*) FROM square_events WHERE state = 'held'"), 0);
    auto report = store.checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(u'\n')));
    QVERIFY(server.specViolations().isEmpty());
}

QTEST_GUILESS_MAIN(TestRestart)
#include "tst_sync_restart.moc"
