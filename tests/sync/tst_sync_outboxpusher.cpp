#include "core/services/RefundService.h"
#include "sync/outbox/OutboxPusher.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareLoyaltyApi.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace lt;
using lt::test::FakeSquareServer;
using lt::test::TempStore;

Q_DECLARE_METATYPE(FakeSquareServer::Fault)

namespace {
const QString Token = QStringLiteral("EAAAl-pusher-secret-token");
const QString Location = QStringLiteral("L-FAKE-0001");
const QString Phone = QStringLiteral("+14155552671");

QStringList logged;
void keepLogged(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    logged << QString::fromLatin1(context.category) + QStringLiteral(": ") + message;
}
} // namespace

class TestOutboxPusher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void exactlyOnceUnderFaults_data();
    void exactlyOnceUnderFaults();
    void exactlyOnceUnderRandomFaults();
    void linksToAnExistingAccount();
    void permanentRejectionIsKeptAsConflict();
    void generatedMembersAreNeverSent();
    void unauthorizedStopsTheSync();
    void failureIsRecordedForLater();
    void logNamesNoMemberAndNoSecret();

private:
    void makePusher(int maxAttempts = 5, const QString& token = Token);
    PushSummary push();
    qint64 memberWithSales(const QString& phone, int sales);
    QString outboxState(qint64 outboxId);

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
    std::unique_ptr<SquareLoyaltyApi> m_api;
    std::unique_ptr<OutboxPusher> m_pusher;
};

void TestOutboxPusher::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    makePusher();
}

void TestOutboxPusher::cleanup()
{
    m_pusher.reset();
    m_api.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
    m_store.reset();
}

void TestOutboxPusher::makePusher(int maxAttempts, const QString& token)
{
    m_pusher.reset();
    SquareClient::Options options;
    options.baseDelayMs = 5;
    options.maxDelayMs = 20;
    options.timeoutMs = 1000;
    options.maxAttempts = maxAttempts;
    auto environment = SquareEnvironment::parse(m_server->baseUrl());
    QVERIFY(environment.ok());
    m_client = std::make_unique<SquareClient>(*m_network, *environment, token, options);
    m_api = std::make_unique<SquareLoyaltyApi>(*m_client);
    m_pusher = std::make_unique<OutboxPusher>(m_store->db(), m_store->clock(), *m_api, Location);
}

PushSummary TestOutboxPusher::push()
{
    QSignalSpy finished(m_pusher.get(), &OutboxPusher::finished);
    m_pusher->pushOnce();
    // A pass with nothing to send may finish before pushOnce() returns.
    if (finished.isEmpty() && !finished.wait(60000))
        qWarning("the push did not finish");
    return m_pusher->lastSummary();
}

qint64 TestOutboxPusher::memberWithSales(const QString& phone, int sales)
{
    auto member = m_store->enroll(phone, QStringLiteral("Ana"));
    if (!member) {
        qWarning("%s", qPrintable(member.error().message));
        return 0;
    }
    for (int i = 0; i < sales; ++i) {
        auto accrued = m_store->accrue(member->id, QStringLiteral("S-%1-%2").arg(member->id).arg(i), 2500 + i * 1000);
        if (!accrued)
            qWarning("%s", qPrintable(accrued.error().message));
    }
    return member->id;
}

QString TestOutboxPusher::outboxState(qint64 outboxId)
{
    auto state = m_store->db().scalar(QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {outboxId});
    return state ? state->toString() : QString();
}

void TestOutboxPusher::exactlyOnceUnderFaults_data()
{
    QTest::addColumn<FakeSquareServer::Fault>("fault");
    QTest::addColumn<QString>("path");
    QTest::newRow("500 on accumulate") << FakeSquareServer::Fault::ServerError << "accumulate";
    QTest::newRow("429 on accumulate") << FakeSquareServer::Fault::RateLimited << "accumulate";
    QTest::newRow("answer lost after accumulate committed") << FakeSquareServer::Fault::DropAfterCommit << "accumulate";
    QTest::newRow("answer lost after account created")
        << FakeSquareServer::Fault::DropAfterCommit << "/v2/loyalty/accounts";
    QTest::newRow("malformed JSON after accumulate") << FakeSquareServer::Fault::MalformedJson << "accumulate";
    QTest::newRow("late answer to accumulate") << FakeSquareServer::Fault::Delay << "accumulate";
    QTest::newRow("HTML proxy page") << FakeSquareServer::Fault::HtmlPage << "accumulate";
    QTest::newRow("500 on adjust") << FakeSquareServer::Fault::ServerError << "adjust";
}

void TestOutboxPusher::exactlyOnceUnderFaults()
{
    QFETCH(FakeSquareServer::Fault, fault);
    QFETCH(QString, path);
    const qint64 memberId = memberWithSales(Phone, 3);
    QVERIFY(memberId > 0);
    // A refund turns into a negative AdjustLoyaltyPoints.
    RefundRequest refund;
    refund.saleReference = QStringLiteral("S-%1-2").arg(memberId);
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    m_server->addFault({fault, 2, path, 1500, 1});

    const PushSummary summary = push();
    QVERIFY2(!summary.stopped, qPrintable(summary.error));
    QCOMPARE(summary.conflicts, 0);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state <> 'sent'"), 0);
    QCOMPARE(m_server->accountCount(), 1);
    QCOMPARE(m_server->balanceForPhone(Phone), m_store->balance(memberId));
    QVERIFY(m_store->balance(memberId) > 0);
    auto linked =
        m_store->db().scalar(QStringLiteral("SELECT square_account_id FROM members WHERE id = ?"), {memberId});
    QVERIFY(linked.ok());
    QCOMPARE(linked->toString(), m_server->accountIdForPhone(Phone));

    // A second pass has nothing to send and sends nothing.
    const int requests = m_server->requestCount();
    const PushSummary again = push();
    QCOMPARE(again.sent, 0);
    QCOMPARE(m_server->requestCount(), requests);
}

void TestOutboxPusher::exactlyOnceUnderRandomFaults()
{
    QList<qint64> members;
    for (int i = 0; i < 6; ++i)
        members << memberWithSales(QStringLiteral("+1415555260%1").arg(i), 4);
    m_server->setFailRate(0.35);
    makePusher(2); // few attempts per call, so that rows get deferred and later passes resume them
    int passes = 0;
    while (m_store->number("SELECT count(*) FROM outbox WHERE state = 'pending'") > 0 && passes < 200) {
        const PushSummary summary = push();
        QVERIFY2(!summary.unauthorized, qPrintable(summary.error));
        QCOMPARE(summary.conflicts, 0);
        m_store->clock().advance(2 * 3600 * 1000); // past every row's next_attempt_at
        ++passes;
    }
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state = 'pending'"), 0);
    for (int i = 0; i < members.size(); ++i)
        QCOMPARE(m_server->balanceForPhone(QStringLiteral("+1415555260%1").arg(i)), m_store->balance(members[i]));
    QCOMPARE(m_server->accountCount(), members.size());
}

void TestOutboxPusher::linksToAnExistingAccount()
{
    // Enrolled at Square first (another till or Square POS): sync links instead of creating a second account.
    bool created = false;
    m_client->post(QStringLiteral("/v2/loyalty/accounts"),
                   QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("elsewhere")},
                                {QStringLiteral("loyalty_account"),
                                 QJsonObject {{QStringLiteral("program_id"), m_server->programId()},
                                              {QStringLiteral("mapping"),
                                               QJsonObject {{QStringLiteral("phone_number"), Phone}}}}}},
                   [&created](const SquareReply& reply) { created = reply.ok; });
    QTRY_VERIFY(created);
    const qint64 memberId = memberWithSales(Phone, 1);
    const PushSummary summary = push();
    QVERIFY2(!summary.stopped, qPrintable(summary.error));
    QCOMPARE(m_server->accountCount(), 1);
    QCOMPARE(m_server->balanceForPhone(Phone), m_store->balance(memberId));
}

void TestOutboxPusher::permanentRejectionIsKeptAsConflict()
{
    const qint64 memberId = memberWithSales(Phone, 1);
    const qint64 other = memberWithSales(QStringLiteral("+14155552672"), 1);
    // Square refuses numbers the till accepted (country or length rules): simulated on the queued payload.
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.phone', '+1555') WHERE member_id = ? "
                       "AND operation = 'enroll'"),
        {memberId}));
    QSignalSpy conflicts(m_pusher.get(), &OutboxPusher::rowConflict);
    const PushSummary summary = push();
    QVERIFY2(!summary.stopped, qPrintable(summary.error));
    // One conflict for the rejected phone; the member's sale waits behind it instead of failing the same way.
    QCOMPARE(summary.conflicts, 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'conflict'", {memberId}), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'pending'", {memberId}), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM sync_conflicts WHERE member_id = ? AND kind = 'phone_rejected' "
                             "AND code = 'INVALID_PHONE_NUMBER' AND resolved_at IS NULL",
                             {memberId}),
             1);
    auto error = m_store->db().scalar(
        QStringLiteral("SELECT last_error FROM outbox WHERE member_id = ? AND operation = 'enroll'"), {memberId});
    QVERIFY(error.ok());
    QVERIFY2(error->toString().contains(QLatin1String("INVALID_PHONE_NUMBER")), qPrintable(error->toString()));
    QCOMPARE(conflicts.size(), summary.conflicts);
    // The other member is not held up by it.
    QCOMPARE(m_server->balanceForPhone(QStringLiteral("+14155552672")), m_store->balance(other));
}

void TestOutboxPusher::generatedMembersAreNeverSent()
{
    const qint64 memberId = memberWithSales(Phone, 2);
    LT_VERIFY_OK(
        m_store->db().exec(QStringLiteral("UPDATE members SET origin = 'generated' WHERE id = ?"), {memberId}));
    const PushSummary summary = push();
    QVERIFY2(!summary.stopped, qPrintable(summary.error));
    QCOMPARE(summary.sent, 0);
    QCOMPARE(m_server->accountCount(), 0);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/loyalty/accounts")), 0);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state = 'sent'"), 0);
}

void TestOutboxPusher::unauthorizedStopsTheSync()
{
    memberWithSales(Phone, 2);
    makePusher(5, QStringLiteral("EAAAl-revoked-token"));
    const PushSummary summary = push();
    QVERIFY(summary.stopped);
    QVERIFY(summary.unauthorized);
    QCOMPARE(m_server->requestCount(), 1); // the program read, then nothing more
    QVERIFY(!summary.error.contains(QLatin1String("EAAAl-revoked-token")));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state = 'pending'"),
             m_store->number("SELECT count(*) FROM outbox"));

    // Revoked in the middle of a sync: the row keeps its place and records why.
    makePusher();
    m_server->addFault({FakeSquareServer::Fault::Unauthorized, 1, QStringLiteral("accumulate")});
    const PushSummary second = push();
    QVERIFY(second.unauthorized);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state = 'pending' AND last_error LIKE "
                             "'%unauthorized%'"),
             1);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE last_error LIKE '%EAAAl%'"), 0);
}

void TestOutboxPusher::failureIsRecordedForLater()
{
    const qint64 memberId = memberWithSales(Phone, 1);
    makePusher(2);
    m_server->addFault({FakeSquareServer::Fault::ServerError, 2, QStringLiteral("accumulate")});
    const PushSummary first = push();
    QVERIFY(first.stopped);
    QCOMPARE(first.deferred, 1);
    QCOMPARE(m_store->number("SELECT attempts FROM outbox WHERE operation = 'accrue'"), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE operation = 'accrue' AND next_attempt_at > ?",
                             {toStorageTime(m_store->clock().nowUtc())}),
             1);
    // Not yet due: nothing is sent.
    const int requests = m_server->requestCount();
    push();
    QCOMPARE(m_server->requestCount(), requests);
    m_store->clock().advance(OutboxPusher::rowRetryDelayMs(1) + 1);
    const PushSummary later = push();
    QVERIFY2(!later.stopped, qPrintable(later.error));
    QCOMPARE(m_server->balanceForPhone(Phone), m_store->balance(memberId));
}

void TestOutboxPusher::logNamesNoMemberAndNoSecret()
{
    const qint64 rejected = memberWithSales(Phone, 1);
    memberWithSales(QStringLiteral("+14155552672"), 1);
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.phone', '+1555') WHERE member_id = ? "
                       "AND operation = 'enroll'"),
        {rejected}));
    m_server->addFault({FakeSquareServer::Fault::ServerError, 1, QStringLiteral("accumulate")});
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*=true"));
    logged.clear();
    const QtMessageHandler previous = qInstallMessageHandler(keepLogged);
    push();
    makePusher(5, QStringLiteral("EAAAl-revoked-token"));
    m_store->clock().advance(OutboxPusher::rowRetryDelayMs(1) + 1);
    push();
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(logged.join(u'\n').contains(QLatin1String("refused by Square")));
    for (const QString& line : std::as_const(logged)) {
        for (const char* secret : {"4155552671", "4155552672", "+1555", "Ana", "EAAAl"})
            QVERIFY2(!line.contains(QLatin1String(secret)), qPrintable(line));
        // Square's own words about a refusal may quote what was sent: only its kind and code are logged.
        QVERIFY2(!line.contains(QLatin1String("Invalid phone number")), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestOutboxPusher)
#include "tst_sync_outboxpusher.moc"
