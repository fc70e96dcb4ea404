// Kills a writer process (SIGKILL) at random moments while it records sales, reopens the store each time and
// checks that nothing acknowledged was lost or doubled and that the store is still sound.
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

using lt::test::TempStore;

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedSalesSurviveKills();
};

void TestCrashRecovery::acknowledgedSalesSurviveKills()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto member = store.enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    const qint64 memberId = member->id;
    store.close();

    // LOYALTYTILL_CRASH_SEED repeats the kill times of an earlier run.
    bool fixedSeed = false;
    const uint seedFromEnv = qEnvironmentVariable("LOYALTYTILL_CRASH_SEED").toUInt(&fixedSeed);
    const quint32 seed = fixedSeed ? seedFromEnv : QRandomGenerator::global()->generate();
    qInfo("random seed %u (LOYALTYTILL_CRASH_SEED)", seed);
    QRandomGenerator random(seed);
    QHash<QString, qint64> acknowledged; // reference -> points the writer was told
    constexpr int Rounds = 8;
    for (int round = 1; round <= Rounds; ++round) {
        QProcess writer;
        writer.setProgram(QStringLiteral(LOYALTYTILL_CRASH_WRITER));
        writer.setArguments({store.path(), QString::number(memberId), QStringLiteral("R%1").arg(round)});
        writer.start();
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
        // Every other round waits for a first sale, so some rounds surely kill it mid-stream; the others may kill
        // it while it opens the store.
        if (round % 2 == 0)
            QVERIFY2(writer.waitForReadyRead(20000), "the writer acknowledged no sale");
        QThread::msleep(static_cast<unsigned long>(50 + random.bounded(351)));
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));
        QVERIFY2(writer.exitStatus() == QProcess::CrashExit,
                 qPrintable(QStringLiteral("the writer stopped by itself: ")
                            + QString::fromLocal8Bit(writer.readAllStandardError())));

        const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
        // The last element is what followed the final newline: empty, or a line cut short by the kill.
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> parts = lines.at(i).split(' ');
            QCOMPARE(parts.size(), 2);
            acknowledged.insert(QString::fromLatin1(parts.at(0)), parts.at(1).toLongLong());
        }

        LT_VERIFY_OK(store.open());
        auto report = store.checkIntegrity();
        LT_VERIFY_OK(report);
        QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
            QVERIFY2(
                store.number("SELECT count(*) FROM sales WHERE reference = ? AND points = ?", {it.key(), it.value()})
                    == 1,
                qPrintable(it.key()));
        }
        // At most one sale per kill was committed but not yet acknowledged.
        const qint64 sales = store.number("SELECT count(*) FROM sales");
        QVERIFY(sales >= acknowledged.size());
        QVERIFY(sales <= acknowledged.size() + round);
        QCOMPARE(store.balance(memberId), store.number("SELECT COALESCE(sum(points), 0) FROM sales"));
        QCOMPARE(store.number("SELECT count(*) FROM sales s WHERE points > 0 AND NOT EXISTS "
                              "(SELECT 1 FROM ledger l WHERE l.sale_id = s.id)"),
                 qint64(0));
        store.close();
    }
    QVERIFY2(acknowledged.size() > 0, "no sale was ever acknowledged");
    qInfo("%lld sales acknowledged over %d kills", static_cast<long long>(acknowledged.size()), Rounds);
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
