// Square reached from a worker thread through the relay, over real HTTP against the fake Square: the client on the
// test's (the till's) thread hands a success across as bytes and the JSON is made on the worker that asked; errors
// and retries stay with the client, and the client used directly parses as it always did.
#include "sync/square/RelayedSquareClient.h"
#include "sync/square/SquareClient.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/QuickRetries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QTest>
#include <QThread>

#include <optional>

using namespace lt;
using lt::test::FakeSquareServer;

namespace {
const QString Phone = QStringLiteral("+14155552671");
const QString ProgramPath = QStringLiteral("/v2/loyalty/programs/main");
} // namespace

class TestRelayedSquareClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void successIsParsedOnTheWorker();
    void errorsAndRetriesStayWithTheClient();
    void clientUsedDirectlyParsesAsBefore();

private:
    using Call = std::function<void(SquareTransport& relay, SquareTransport::Callback done)>;
    // Makes the call on the worker and waits, on this thread (where the client works), for its answer there.
    SquareReply callOnWorker(const Call& call);
    SquareReply callDirectly(const std::function<void(SquareTransport::Callback done)>& call);
    QList<QThread*> parsedOn();

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
    QThread m_worker;
    std::unique_ptr<QObject> m_onWorker; // a context on the worker
    std::unique_ptr<RelayedSquareClient> m_relay; // made, used and destroyed on the worker
    QMutex m_mutex;
    QList<QThread*> m_parsedOn; // where each success's body was read into JSON
    QThread* m_deliveredOn = nullptr;
};

void TestRelayedSquareClient::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    auto environment = SquareEnvironment::parse(m_server->baseUrl());
    QVERIFY(environment.ok());
    m_client =
        std::make_unique<SquareClient>(*m_network, *environment, QStringLiteral("token"), lt::test::quickRetries(3));
    m_parsedOn.clear();
    m_deliveredOn = nullptr;
    m_worker.start();
    m_onWorker = std::make_unique<QObject>();
    m_onWorker->moveToThread(&m_worker);
    QMetaObject::invokeMethod(
        m_onWorker.get(),
        [this] {
            m_relay = std::make_unique<RelayedSquareClient>(*m_client, [this](int status, const QByteArray& raw) {
                {
                    const QMutexLocker lock(&m_mutex);
                    m_parsedOn << QThread::currentThread();
                }
                return SquareResponse::parseSuccess(status, raw);
            });
        },
        Qt::BlockingQueuedConnection);
}

void TestRelayedSquareClient::cleanup()
{
    if (m_onWorker)
        QMetaObject::invokeMethod(
            m_onWorker.get(), [this] { m_relay.reset(); }, Qt::BlockingQueuedConnection);
    m_worker.quit();
    m_worker.wait();
    m_onWorker.reset();
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

SquareReply TestRelayedSquareClient::callOnWorker(const Call& call)
{
    auto answer = std::make_shared<std::optional<SquareReply>>();
    QMetaObject::invokeMethod(
        m_onWorker.get(),
        [this, call, answer] {
            call(*m_relay, [this, answer](const SquareReply& reply) {
                const QMutexLocker lock(&m_mutex);
                *answer = reply;
                m_deliveredOn = QThread::currentThread();
            });
        },
        Qt::BlockingQueuedConnection);
    const bool answered = QTest::qWaitFor(
        [this, answer] {
            const QMutexLocker lock(&m_mutex);
            return answer->has_value();
        },
        30000);
    if (!answered)
        qWarning("the relayed call was not answered");
    const QMutexLocker lock(&m_mutex);
    return answer->value_or(SquareReply {});
}

SquareReply TestRelayedSquareClient::callDirectly(const std::function<void(SquareTransport::Callback done)>& call)
{
    std::optional<SquareReply> answer;
    call([&answer](const SquareReply& reply) { answer = reply; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
        qWarning("the call was not answered");
    return answer.value_or(SquareReply {});
}

QList<QThread*> TestRelayedSquareClient::parsedOn()
{
    const QMutexLocker lock(&m_mutex);
    return m_parsedOn;
}

void TestRelayedSquareClient::successIsParsedOnTheWorker()
{
    const QString account = m_server->enrollElsewhere(Phone);
    m_server->accumulateElsewhere(account, 40);
    m_server->accumulateElsewhere(account, 2);
    const SquareReply reply = callOnWorker([](SquareTransport& relay, SquareTransport::Callback done) {
        relay.post(QStringLiteral("/v2/loyalty/events/search"), QJsonObject {{QStringLiteral("limit"), 30}},
                   std::move(done));
    });
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    QCOMPARE(reply.body.value(QLatin1String("events")).toArray().size(), 2);
    QVERIFY(reply.rawBody.isEmpty()); // the bytes became the JSON
    // Read once, on the worker that asked, and delivered there.
    QCOMPARE(parsedOn().size(), 1);
    QCOMPARE(parsedOn().first(), &m_worker);
    const QMutexLocker lock(&m_mutex);
    QCOMPARE(m_deliveredOn, &m_worker);
}

void TestRelayedSquareClient::errorsAndRetriesStayWithTheClient()
{
    // A success cut short is refused and sent again by the client, before anything crosses to the worker.
    m_server->addFault({FakeSquareServer::Fault::MalformedJson, 1, QStringLiteral("/programs/main")});
    const SquareReply program = callOnWorker(
        [](SquareTransport& relay, SquareTransport::Callback done) { relay.get(ProgramPath, std::move(done)); });
    QVERIFY2(program.ok, qPrintable(program.error.message()));
    QCOMPARE(program.attempts, 2);
    QCOMPARE(program.body.value(QLatin1String("program")).toObject().value(QLatin1String("id")).toString(),
             m_server->programId());
    QCOMPARE(parsedOn().size(), 1);

    // Square's refusal is read where the decision to retry is made; nothing is left for the worker to read.
    const SquareReply missing = callOnWorker([](SquareTransport& relay, SquareTransport::Callback done) {
        relay.get(QStringLiteral("/v2/loyalty/accounts/no-such-account"), std::move(done));
    });
    QVERIFY(!missing.ok);
    QCOMPARE(missing.error.httpStatus, 404);
    QVERIFY(missing.error.kind == SquareError::Kind::Rejected);
    QCOMPARE(parsedOn().size(), 1);

    // A 500 is retried by the client until its attempts run out.
    m_server->addFault({FakeSquareServer::Fault::ServerError, 5, QStringLiteral("/programs/main")});
    const SquareReply failed = callOnWorker(
        [](SquareTransport& relay, SquareTransport::Callback done) { relay.get(ProgramPath, std::move(done)); });
    QVERIFY(!failed.ok);
    QCOMPARE(failed.attempts, 3);
    QVERIFY(failed.error.kind == SquareError::Kind::Server);
    QCOMPARE(parsedOn().size(), 1);
}

void TestRelayedSquareClient::clientUsedDirectlyParsesAsBefore()
{
    const SquareReply parsed =
        callDirectly([this](SquareTransport::Callback done) { m_client->get(ProgramPath, std::move(done)); });
    QVERIFY2(parsed.ok, qPrintable(parsed.error.message()));
    QCOMPARE(parsed.body.value(QLatin1String("program")).toObject().value(QLatin1String("id")).toString(),
             m_server->programId());
    QVERIFY(parsed.rawBody.isEmpty());

    // What the relay asks for: the bytes, not parsed on this thread, and the same JSON once parsed.
    const SquareReply raw =
        callDirectly([this](SquareTransport::Callback done) { m_client->getRaw(ProgramPath, std::move(done)); });
    QVERIFY2(raw.ok, qPrintable(raw.error.message()));
    QVERIFY(raw.body.isEmpty());
    QVERIFY(!raw.rawBody.isEmpty());
    const SquareResponse later = SquareResponse::parseSuccess(raw.httpStatus, raw.rawBody);
    QVERIFY(later.ok);
    QCOMPARE(later.body, parsed.body);
    QVERIFY(parsedOn().isEmpty());
}

QTEST_GUILESS_MAIN(TestRelayedSquareClient)
#include "tst_sync_relayedsquareclient.moc"
