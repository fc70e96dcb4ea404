// The till's sync on a thread of its own: the scheduler's passes commit on the engine's own connection, never on the
// caller's (so never an fsync on the till's thread), and still send every operation exactly once, find conflicts,
// sit out Square's rate limits, and stop cleanly when the till closes in the middle of a push.
// Real SQLite stores, real HTTP on 127.0.0.1 against the stateful fake Square.
#include "core/store/SqliteConnection.h"
#include "core/store/SyncConflicts.h"
#include "sync/SyncEngine.h"
#include "sync/SyncEngineThread.h"
#include "sync/SyncScheduler.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SquareClient.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <sqlite3.h>

using lt::test::FakeSquareServer;
using lt::test::TempStore;
using namespace lt;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");

SyncScheduler::Options quietOptions()
{
    SyncScheduler::Options options;
    options.intervalMs = 60 * 60 * 1000; // only the triggers under test start passes
    options.afterOperationDelayMs = 50;
    options.offlineRetryMs = 200;
    return options;
}

QString phone(int i)
{
    return QStringLiteral("+1415555%1").arg(2000 + i);
}

// Counts the write transactions committed on one connection: sync's must not be among the till's.
class CommitCounter
{
public:
    explicit CommitCounter(Database& db)
        : m_handle(SqliteConnection::from(db).value().handle())
    {
        sqlite3_commit_hook(m_handle, &CommitCounter::onCommit, this);
    }
    ~CommitCounter() { sqlite3_commit_hook(m_handle, nullptr, nullptr); }
    CommitCounter(const CommitCounter&) = delete;
    CommitCounter& operator=(const CommitCounter&) = delete;
    int commits() const { return m_commits; }

private:
    static int onCommit(void* counter)
    {
        ++static_cast<CommitCounter*>(counter)->m_commits;
        return 0; // let it commit
    }
    sqlite3* m_handle;
    std::atomic<int> m_commits {0};
};

// A store, the fake Square and the till's scheduler over them, as the till runs it.
struct SyncedStore
{
    SyncedStore()
    {
        if (!server.listen() || !store.open())
            qFatal("cannot start the fake Square or open a store");
    }

    std::unique_ptr<SyncScheduler> start()
    {
        auto scheduler =
            std::make_unique<SyncScheduler>(store.db(), store.clock(), network, credentials, quietOptions());
        scheduler->startWith(*SquareEnvironment::parse(server.baseUrl()), Location, QStringLiteral("token"));
        return scheduler;
    }

    qint64 pending() { return store.number("SELECT count(*) FROM outbox WHERE state = 'pending'"); }

    FakeSquareServer server;
    TempStore store;
    QNetworkAccessManager network;
    CredentialStore credentials;
};
} // namespace

Q_DECLARE_METATYPE(lt::SyncReport)

class TestEngineThread : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void passCommitsOnItsOwnConnection();
    void everyOperationReachesSquareOnce();
    void conflictsReachTheTill();
    void rateLimitsAreSatOut();
    void closingDuringAPushLosesNothing();
};

void TestEngineThread::initTestCase()
{
    qRegisterMetaType<lt::SyncReport>();
}

void TestEngineThread::passCommitsOnItsOwnConnection()
{
    SyncedStore s;
    auto member = s.store.enroll(phone(1));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(s.store.accrue(member->id, QStringLiteral("S-1"), 2500));
    const CommitCounter tillCommits(s.store.db());
    auto scheduler = s.start();
    QSignalSpy passes(scheduler.get(), &SyncScheduler::passFinished);
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 1, 20000);
    QCOMPARE(scheduler->status().state, SyncStatus::State::Idle);
    QCOMPARE(s.server.balanceForPhone(phone(1)), 25);
    QCOMPARE(s.pending(), 0);
    // The outbox rows were marked sent and the pass recorded, every one of those commits on sync's connection.
    QCOMPARE(tillCommits.commits(), 0);
}

void TestEngineThread::everyOperationReachesSquareOnce()
{
    SyncedStore s;
    // Answers lost after Square committed, and broken bodies: the same idempotency key goes again.
    s.server.addFault({FakeSquareServer::Fault::DropAfterCommit, 2, QStringLiteral("/accumulate")});
    s.server.addFault({FakeSquareServer::Fault::MalformedJson, 1, QStringLiteral("/accounts")});
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i) {
        auto member = s.store.enroll(phone(i));
        LT_VERIFY_OK(member);
        ids << member->id;
        for (int sale = 0; sale < 3; ++sale)
            LT_VERIFY_OK(s.store.accrue(member->id, QStringLiteral("S-%1-%2").arg(i).arg(sale), 1000 + 100 * i));
    }
    auto scheduler = s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.pending() == 0 && scheduler->status().state == SyncStatus::State::Idle, 60000);
    QCOMPARE(s.server.accountCount(), 6);
    QCOMPARE(s.server.eventCount(), 6 * 3);
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(s.server.balanceForPhone(phone(i)), s.store.balance(ids.at(i)));
    auto check = s.store.checkIntegrity();
    LT_VERIFY_OK(check);
    QVERIFY2(check->ok(), qPrintable(check->problems.join(u'\n')));
}

void TestEngineThread::conflictsReachTheTill()
{
    SyncedStore s;
    auto member = s.store.enroll(phone(1));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(s.store.accrue(member->id, QStringLiteral("S-1"), 5000));
    auto scheduler = s.start();
    QSignalSpy passes(scheduler.get(), &SyncScheduler::passFinished);
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 1, 20000);
    // Square's balance moves without an event this store can read: the pass on the worker finds it.
    LT_VERIFY_OK(
        s.store.db().exec(QStringLiteral("UPDATE members SET balance = balance + 7 WHERE id = ?"), {member->id}));
    s.server.accumulateElsewhere(s.server.accountIdForPhone(phone(1)), 1);
    scheduler->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 2, 20000);
    QCOMPARE(passes.at(1).first().value<SyncReport>().conflictsFound, 1);
    QCOMPARE(scheduler->status().conflicts, 1);
    auto open = SyncConflicts(s.store.db(), s.store.clock(), TempStore::cashier().name()).list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
}

void TestEngineThread::rateLimitsAreSatOut()
{
    SyncedStore s;
    s.server.addFault({FakeSquareServer::Fault::RateLimited, 2, QStringLiteral("/accumulate"), 0, 1});
    auto member = s.store.enroll(phone(1));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(s.store.accrue(member->id, QStringLiteral("S-1"), 4000));
    auto scheduler = s.start();
    QSignalSpy passes(scheduler.get(), &SyncScheduler::passFinished);
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 1, 30000);
    const auto report = passes.first().first().value<SyncReport>();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QCOMPARE(s.server.requestCount(QStringLiteral("/accumulate")), 3); // twice told to wait, then accepted
    QCOMPARE(s.server.balanceForPhone(phone(1)), 40);
    QCOMPARE(s.server.eventCount(), 1);
    QCOMPARE(s.pending(), 0);
}

void TestEngineThread::closingDuringAPushLosesNothing()
{
    SyncedStore s;
    s.server.setLatencyMs(100);
    constexpr int Members = 12;
    constexpr int Sales = 4;
    QList<qint64> ids;
    for (int i = 0; i < Members; ++i) {
        auto member = s.store.enroll(phone(i));
        LT_VERIFY_OK(member);
        ids << member->id;
        for (int sale = 0; sale < Sales; ++sale)
            LT_VERIFY_OK(s.store.accrue(member->id, QStringLiteral("S-%1-%2").arg(i).arg(sale), 1000 + 100 * sale));
    }
    const qint64 queued = s.pending();
    QCOMPARE(queued, Members * (1 + Sales));
    auto scheduler = s.start();
    // The till closes while the push is under way: some rows sent, others not yet.
    QTRY_VERIFY_WITH_TIMEOUT(s.server.eventCount() >= 8, 30000);
    QElapsedTimer closing;
    closing.start();
    scheduler.reset();
    QVERIFY2(closing.elapsed() < 3000, "closing waited for the push");
    const qint64 left = s.pending();
    QVERIFY2(left > 0 && left < queued, qPrintable(QStringLiteral("%1 of %2 left").arg(left).arg(queued)));
    auto check = s.store.checkIntegrity();
    LT_VERIFY_OK(check);
    QVERIFY2(check->ok(), qPrintable(check->problems.join(u'\n')));
    // Answers still on their way when it closed are not lost: the next start sends the rest, each once.
    s.server.setLatencyMs(0);
    scheduler = s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.pending() == 0 && scheduler->status().state == SyncStatus::State::Idle, 60000);
    QCOMPARE(s.server.accountCount(), Members);
    QCOMPARE(s.server.eventCount(), Members * Sales);
    for (int i = 0; i < Members; ++i)
        QCOMPARE(s.server.balanceForPhone(phone(i)), s.store.balance(ids.at(i)));
}

QTEST_GUILESS_MAIN(TestEngineThread)
#include "tst_sync_enginethread.moc"
