#include "sync/square/SquareClient.h"
#include "tests/support/ResultChecks.h"
#include "tests/sync/FakeSquareServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

using namespace lt;
using lt::test::FakeSquareServer;

namespace {
const QString Token = QStringLiteral("EAAAl-test-secret-token-0123456789");

QJsonObject createBody(const QString& key, const QString& programId, const QString& phone)
{
    return {{QStringLiteral("idempotency_key"), key},
            {QStringLiteral("loyalty_account"),
             QJsonObject {{QStringLiteral("program_id"), programId},
                          {QStringLiteral("mapping"), QJsonObject {{QStringLiteral("phone_number"), phone}}}}}};
}
} // namespace

class TestSquareClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void environment_data();
    void environment();
    void sendsBearerTokenVersionAndJson();
    void retriesServerErrorsWithTheSameKey();
    void honoursRetryAfter();
    void neverRetriesOtherClientErrors();
    void lostAnswerAfterCommitIsReplayed();
    void malformedJsonIsRetried();
    void htmlProxyPageIsAClearError();
    void timeoutIsRetried();
    void oversizedResponseIsRefused();
    void unauthorizedStopsAndHidesTheToken();
    void connectionRefusedIsANetworkError();

private:
    SquareReply call(SquareClient& client, const QString& path, const QJsonObject& body);
    SquareClient* makeClient(const QString& baseUrl, SquareClient::Options options = {}, const QString& token = Token);

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
};

void TestSquareClient::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSquareClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

SquareClient* TestSquareClient::makeClient(const QString& baseUrl, SquareClient::Options options, const QString& token)
{
    auto environment = SquareEnvironment::parse(baseUrl);
    if (!environment)
        return nullptr;
    options.baseDelayMs = 5;
    options.maxDelayMs = 20;
    m_client = std::make_unique<SquareClient>(*m_network, *environment, token, options);
    return m_client.get();
}

SquareReply TestSquareClient::call(SquareClient& client, const QString& path, const QJsonObject& body)
{
    std::optional<SquareReply> result;
    auto done = [&result](const SquareReply& reply) {
        result = reply;
    };
    if (body.isEmpty())
        client.get(path, done);
    else
        client.post(path, body, done);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return {};
    return *result;
}

void TestSquareClient::environment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("base");
    QTest::newRow("production") << "production" << true << "https://connect.squareup.com";
    QTest::newRow("sandbox") << "sandbox" << true << "https://connect.squareupsandbox.com";
    QTest::newRow("loopback http") << "http://127.0.0.1:8080" << true << "http://127.0.0.1:8080";
    QTest::newRow("localhost http") << "http://localhost:9" << true << "http://localhost:9";
    QTest::newRow("https elsewhere") << "https://square-proxy.example" << true << "https://square-proxy.example";
    QTest::newRow("http elsewhere") << "http://connect.squareup.com" << false << "";
    QTest::newRow("http private address") << "http://10.0.0.1:8080" << false << "";
    QTest::newRow("http lookalike") << "http://127.0.0.1.example.com" << false << "";
    QTest::newRow("ftp") << "ftp://127.0.0.1" << false << "";
    QTest::newRow("path") << "https://connect.squareup.com/v2" << false << "";
    QTest::newRow("user info") << "https://user:pw@connect.squareup.com" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestSquareClient::environment()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(QString, base);
    auto environment = SquareEnvironment::parse(text);
    QCOMPARE(environment.ok(), accepted);
    if (accepted)
        QCOMPARE(environment->baseUrl().toString(), base);
    if (text == QLatin1String("http://connect.squareup.com"))
        QCOMPARE(environment.error().kind, ErrorKind::Refused);
}

void TestSquareClient::sendsBearerTokenVersionAndJson()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    QVERIFY(client);
    // The fake answers 401 without the bearer token and 400 without a well-formed Square-Version.
    const SquareReply reply = call(*client, QStringLiteral("/v2/loyalty/programs/main"), {});
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    QCOMPARE(reply.body.value(QLatin1String("program")).toObject().value(QLatin1String("id")).toString(),
             m_server->programId());
    QCOMPARE(QByteArray(SquareClient::SquareVersion), QByteArray("2025-08-20"));
}

void TestSquareClient::retriesServerErrorsWithTheSameKey()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    m_server->addFault({FakeSquareServer::Fault::ServerError, 2});
    const SquareReply reply =
        call(*client, QStringLiteral("/v2/loyalty/accounts"),
             createBody(QStringLiteral("key-1"), m_server->programId(), QStringLiteral("+14155552671")));
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    QCOMPARE(reply.attempts, 3);
    QCOMPARE(m_server->idempotencyKeysSeen(), QStringList(3, QStringLiteral("key-1")));
    QCOMPARE(m_server->accountCount(), 1);
}

void TestSquareClient::honoursRetryAfter()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    m_server->addFault({FakeSquareServer::Fault::RateLimited, 1, {}, 0, 1});
    QElapsedTimer timer;
    timer.start();
    const SquareReply reply = call(*client, QStringLiteral("/v2/loyalty/programs/main"), {});
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    QCOMPARE(reply.attempts, 2);
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
}

void TestSquareClient::neverRetriesOtherClientErrors()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    const SquareReply reply = call(*client, QStringLiteral("/v2/loyalty/accounts"),
                                   createBody(QStringLiteral("key-2"), m_server->programId(), QStringLiteral("555")));
    QVERIFY(!reply.ok);
    QCOMPARE(reply.attempts, 1);
    QCOMPARE(reply.httpStatus, 400);
    QVERIFY(reply.error.kind == SquareError::Kind::Rejected);
    QCOMPARE(reply.error.code, QStringLiteral("INVALID_PHONE_NUMBER"));
    QCOMPARE(reply.error.category, QStringLiteral("INVALID_REQUEST_ERROR"));
    QCOMPARE(reply.error.field, QStringLiteral("loyalty_account.mapping.phone_number"));
    QVERIFY(!reply.error.retryable());
}

void TestSquareClient::lostAnswerAfterCommitIsReplayed()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    m_server->addFault({FakeSquareServer::Fault::DropAfterCommit, 1});
    const SquareReply reply =
        call(*client, QStringLiteral("/v2/loyalty/accounts"),
             createBody(QStringLiteral("key-3"), m_server->programId(), QStringLiteral("+14155552671")));
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    // Qt itself may resend on a closed connection; either way the same bytes, hence the same key, went twice.
    QCOMPARE(m_server->idempotencyKeysSeen(), QStringList(2, QStringLiteral("key-3")));
    QCOMPARE(m_server->accountCount(), 1);
    QCOMPARE(reply.body.value(QLatin1String("loyalty_account")).toObject().value(QLatin1String("id")).toString(),
             m_server->accountIdForPhone(QStringLiteral("+14155552671")));
}

void TestSquareClient::malformedJsonIsRetried()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    m_server->addFault({FakeSquareServer::Fault::MalformedJson, 1});
    const SquareReply reply =
        call(*client, QStringLiteral("/v2/loyalty/accounts"),
             createBody(QStringLiteral("key-4"), m_server->programId(), QStringLiteral("+14155552671")));
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    QCOMPARE(reply.attempts, 2);
    QCOMPARE(m_server->accountCount(), 1);
}

void TestSquareClient::htmlProxyPageIsAClearError()
{
    SquareClient::Options options;
    options.maxAttempts = 2;
    SquareClient* client = makeClient(m_server->baseUrl(), options);
    m_server->addFault({FakeSquareServer::Fault::HtmlPage, 5});
    const SquareReply reply = call(*client, QStringLiteral("/v2/loyalty/programs/main"), {});
    QVERIFY(!reply.ok);
    QCOMPARE(reply.attempts, 2);
    QCOMPARE(reply.httpStatus, 502);
    QVERIFY2(reply.error.detail.contains(QLatin1String("not Square's JSON")), qPrintable(reply.error.detail));
    QVERIFY2(reply.error.detail.contains(QLatin1String("text/html")), qPrintable(reply.error.detail));
}

void TestSquareClient::timeoutIsRetried()
{
    SquareClient::Options options;
    options.timeoutMs = 300;
    SquareClient* client = makeClient(m_server->baseUrl(), options);
    m_server->addFault({FakeSquareServer::Fault::Delay, 1, {}, 2000});
    const SquareReply reply =
        call(*client, QStringLiteral("/v2/loyalty/accounts"),
             createBody(QStringLiteral("key-5"), m_server->programId(), QStringLiteral("+14155552671")));
    QVERIFY2(reply.ok, qPrintable(reply.error.message()));
    QCOMPARE(reply.attempts, 2);
    QCOMPARE(m_server->accountCount(), 1);
}

void TestSquareClient::oversizedResponseIsRefused()
{
    SquareClient* client = makeClient(m_server->baseUrl());
    for (int i = 0; i < 3; ++i) {
        const SquareReply created = call(
            *client, QStringLiteral("/v2/loyalty/accounts"),
            createBody(QStringLiteral("big-%1").arg(i), m_server->programId(), QStringLiteral("+1415555267%1").arg(i)));
        QVERIFY2(created.ok, qPrintable(created.error.message()));
    }
    SquareClient::Options options;
    options.maxResponseBytes = 200;
    options.maxAttempts = 1;
    client = makeClient(m_server->baseUrl(), options);
    const SquareReply reply =
        call(*client, QStringLiteral("/v2/loyalty/accounts/search"), QJsonObject {{QStringLiteral("limit"), 30}});
    QVERIFY(!reply.ok);
    QVERIFY(reply.error.kind == SquareError::Kind::BadResponse);
    QVERIFY2(reply.error.detail.contains(QLatin1String("larger than 200")), qPrintable(reply.error.detail));
}

void TestSquareClient::unauthorizedStopsAndHidesTheToken()
{
    const QString wrong = QStringLiteral("EAAAl-wrong-secret-token-9876543210");
    SquareClient* client = makeClient(m_server->baseUrl(), {}, wrong);
    const SquareReply reply = call(*client, QStringLiteral("/v2/loyalty/programs/main"), {});
    QVERIFY(!reply.ok);
    QCOMPARE(reply.attempts, 1);
    QCOMPARE(reply.httpStatus, 401);
    QVERIFY(reply.error.stopsSync());
    QCOMPARE(reply.error.code, QStringLiteral("UNAUTHORIZED"));
    QVERIFY(!reply.error.message().contains(wrong));
    QVERIFY(!reply.error.message().contains(Token));
}

void TestSquareClient::connectionRefusedIsANetworkError()
{
    // A port nothing listens on: the fake's own port once it is closed.
    const QString url = m_server->baseUrl();
    m_server.reset();
    SquareClient::Options options;
    options.maxAttempts = 3;
    SquareClient* client = makeClient(url, options);
    const SquareReply reply = call(*client, QStringLiteral("/v2/loyalty/programs/main"), {});
    QVERIFY(!reply.ok);
    QCOMPARE(reply.attempts, 3);
    QVERIFY(reply.error.kind == SquareError::Kind::Network);
    QVERIFY(reply.error.retryable());
    QVERIFY(!reply.error.message().contains(Token));
}

QTEST_GUILESS_MAIN(TestSquareClient)
#include "tst_sync_squareclient.moc"
