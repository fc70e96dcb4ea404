// The scheduler that runs sync beside the till: a pass at start, soon after operations, again after an outage,
// never again after Square refused the token; its status says which. Real store, real HTTP on 127.0.0.1.
#include "sync/SquareConnection.h"
#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"
#include "sync/square/CredentialStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using lt::test::FakeSquareServer;
using lt::test::TempStore;
using namespace lt;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");

SyncScheduler::Options fastOptions()
{
    SyncScheduler::Options options;
    options.intervalMs = 60 * 60 * 1000; // only the triggers under test start passes
    options.afterOperationDelayMs = 50;
    options.offlineRetryMs = 200;
    return options;
}
} // namespace

Q_DECLARE_METATYPE(lt::SyncStatus)
Q_DECLARE_METATYPE(lt::SyncReport)

class TestScheduler : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void withoutConnectionItStaysOffline();
    void syncsAtStartAndAfterOperations();
    void outageIsRetried();
    void refusedTokenStopsSync();
    void talksThroughTheNetworkItIsGiven();
};

void TestScheduler::initTestCase()
{
    qRegisterMetaType<lt::SyncStatus>();
    qRegisterMetaType<lt::SyncReport>();
}

void TestScheduler::withoutConnectionItStaysOffline()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    QNetworkAccessManager network;
    CredentialStore credentials;
    SyncScheduler scheduler(store.db(), store.clock(), network, credentials, fastOptions());
    scheduler.start();
    QCOMPARE(scheduler.status().state, SyncStatus::State::NotConnected);
}

void TestScheduler::syncsAtStartAndAfterOperations()
{
    FakeSquareServer server;
    QVERIFY(server.listen());
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto member = store.enroll(QStringLiteral("+14155552671"));
    LT_VERIFY_OK(member);
    QNetworkAccessManager network;
    CredentialStore credentials;
    SyncScheduler scheduler(store.db(), store.clock(), network, credentials, fastOptions());
    QSignalSpy passes(&scheduler, &SyncScheduler::passFinished);
    scheduler.startWith(*SquareEnvironment::parse(server.baseUrl()), Location, QStringLiteral("token"));
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 1, 10000);
    QCOMPARE(scheduler.status().state, SyncStatus::State::Idle);
    QCOMPARE(scheduler.status().pending, 0);
    QVERIFY(scheduler.status().lastSyncAt.isValid());
    QCOMPARE(server.accountCount(), 1);

    // Three sales close together share one pass that starts soon after them.
    for (int i = 0; i < 3; ++i) {
        LT_VERIFY_OK(store.accrue(member->id, QStringLiteral("S-%1").arg(i), 1000));
        scheduler.operationRecorded();
    }
    QCOMPARE(scheduler.status().pending, 3);
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 2, 10000);
    QCOMPARE(server.balanceForPhone(QStringLiteral("+14155552671")), 30);
    QCOMPARE(scheduler.status().pending, 0);
    QTest::qWait(300);
    QCOMPARE(passes.size(), 2);

    // An operation during a pass gets a pass of its own right after it.
    LT_VERIFY_OK(store.accrue(member->id, QStringLiteral("S-9"), 500));
    scheduler.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status().state, SyncStatus::State::Running, 5000);
    LT_VERIFY_OK(store.accrue(member->id, QStringLiteral("S-10"), 700));
    scheduler.operationRecorded();
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 4, 10000);
    QCOMPARE(server.balanceForPhone(QStringLiteral("+14155552671")), 42);
}

void TestScheduler::outageIsRetried()
{
    auto server = std::make_unique<FakeSquareServer>();
    QVERIFY(server->listen());
    const quint16 port = server->port();
    const QString url = server->baseUrl();
    server.reset(); // Square unreachable: connections are refused
    TempStore store;
    LT_VERIFY_OK(store.open());
    LT_VERIFY_OK(store.enroll(QStringLiteral("+14155552671")));
    QNetworkAccessManager network;
    CredentialStore credentials;
    SyncScheduler scheduler(store.db(), store.clock(), network, credentials, fastOptions());
    QSignalSpy passes(&scheduler, &SyncScheduler::passFinished);
    scheduler.startWith(*SquareEnvironment::parse(url), Location, QStringLiteral("token"));
    QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 1, 60000);
    QCOMPARE(scheduler.status().state, SyncStatus::State::Offline);
    QVERIFY(!scheduler.status().message.isEmpty());
    QCOMPARE(scheduler.status().pending, 1);
    // Square is back: the scheduled retry reaches it without anyone asking.
    server = std::make_unique<FakeSquareServer>();
    QVERIFY(server->listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status().state, SyncStatus::State::Idle, 60000);
    QCOMPARE(server->accountCount(), 1);
    QCOMPARE(scheduler.status().pending, 0);
}

void TestScheduler::refusedTokenStopsSync()
{
    FakeSquareServer server;
    server.setAccessToken(QStringLiteral("the-right-token"));
    QVERIFY(server.listen());
    TempStore store;
    LT_VERIFY_OK(store.open());
    QNetworkAccessManager network;
    CredentialStore credentials;
    SyncScheduler scheduler(store.db(), store.clock(), network, credentials, fastOptions());
    QSignalSpy passes(&scheduler, &SyncScheduler::passFinished);
    scheduler.startWith(*SquareEnvironment::parse(server.baseUrl()), Location, QStringLiteral("revoked"));
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 1, 10000);
    QCOMPARE(scheduler.status().state, SyncStatus::State::Unauthorized);
    QVERIFY(!scheduler.status().message.contains(QLatin1String("revoked"))); // the token never shows
    const int requests = server.requestCount();
    scheduler.operationRecorded();
    QTest::qWait(500);
    QCOMPARE(passes.size(), 1);
    QCOMPARE(server.requestCount(), requests);
}

void TestScheduler::talksThroughTheNetworkItIsGiven()
{
    FakeSquareServer server;
    QVERIFY(server.listen());
    TempStore store;
    LT_VERIFY_OK(store.open());
    QNetworkAccessManager network;
    QSignalSpy replies(&network, &QNetworkAccessManager::finished);
    CredentialStore credentials;
    SyncScheduler scheduler(store.db(), store.clock(), network, credentials, fastOptions());
    QSignalSpy passes(&scheduler, &SyncScheduler::passFinished);
    scheduler.startWith(*SquareEnvironment::parse(server.baseUrl()), Location, QStringLiteral("token"));
    QTRY_COMPARE_WITH_TIMEOUT(passes.size(), 1, 10000);
    QVERIFY(server.requestCount() > 0);
    QCOMPARE(replies.size(), server.requestCount());
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_sync_scheduler.moc"
