// The typed Square Loyalty API: each endpoint the product uses answers a parsed struct or a typed error, every
// request as Square's spec describes it; events are read through every cursor page; answers that cannot be used
// are refused whole; the "[ref KEY]" convention reads back what it wrote. Real HTTP on 127.0.0.1.
#include "sync/square/AdjustmentReference.h"
#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareEventPager.h"
#include "sync/square/SquareLoyaltyApi.h"
#include "tests/sync/FakeSquareServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

#include <memory>
#include <optional>

using namespace lt;
using lt::test::FakeSquareServer;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");
const QString Phone = QStringLiteral("+14155552671");

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const char* const Event = R"({"id":"evt-1","type":"ACCUMULATE_POINTS","created_at":"2026-11-20T10:00:00Z",
    "loyalty_account_id":"acct-1","accumulate_points":{"points":12}})";

// Runs one asynchronous call to its answer.
template<typename T, typename Call>
std::optional<SquareResult<T>> answer(Call call)
{
    std::optional<SquareResult<T>> result;
    call([&result](const SquareResult<T>& answered) { result.emplace(answered); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    return result;
}
} // namespace

class TestLoyaltyApi : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void eachEndpointAnswersItsStruct();
    void missingAccountIsNotFound();
    void pagerReadsEveryPage();
    void pagerStopsWhenThePageHandlerSays();
    void unusableAnswersAreRefusedWhole_data();
    void unusableAnswersAreRefusedWhole();
    void createdEventsKeepWhatCanBeRead();
    void adjustmentReferenceReadsBackItsKey();
    void malformedErrorsReadAsTheirDetail();

private:
    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
    std::unique_ptr<SquareLoyaltyApi> m_api;
};

void TestLoyaltyApi::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    auto environment = SquareEnvironment::parse(m_server->baseUrl());
    QVERIFY(environment.ok());
    SquareClient::Options options;
    options.baseDelayMs = 5;
    options.maxDelayMs = 20;
    m_client = std::make_unique<SquareClient>(*m_network, *environment, QStringLiteral("token"), options);
    m_api = std::make_unique<SquareLoyaltyApi>(*m_client);
}

void TestLoyaltyApi::cleanup()
{
    QCOMPARE(m_server->specViolations(), QStringList());
    m_api.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

void TestLoyaltyApi::eachEndpointAnswersItsStruct()
{
    SquareLoyaltyApi& api = *m_api;
    auto program = answer<SquareProgram>([&](auto done) { api.retrieveProgram(done); });
    QVERIFY(program && program->ok());
    QCOMPARE((*program)->id, m_server->programId());

    auto none = answer<QList<SquareAccount>>([&](auto done) { api.searchAccountsByPhone({Phone}, done); });
    QVERIFY(none && none->ok());
    QVERIFY((*none)->isEmpty());

    auto created = answer<SquareAccount>(
        [&](auto done) { api.createAccount(m_server->programId(), Phone, QStringLiteral("k-1"), done); });
    QVERIFY(created && created->ok());
    const QString accountId = (*created)->id;
    QCOMPARE(accountId, m_server->accountIdForPhone(Phone));
    QCOMPARE((*created)->phone, Phone);

    auto earned = answer<SquareEvents>(
        [&](auto done) { api.accumulatePoints(accountId, 300, Location, QStringLiteral("k-2"), done); });
    QVERIFY(earned && earned->ok());
    QCOMPARE((*earned)->events.size(), 1);
    QCOMPARE((*earned)->events.first().type, QStringLiteral("ACCUMULATE_POINTS"));
    QCOMPARE((*earned)->events.first().points, 300);
    QCOMPARE((*earned)->events.first().locationId, Location);

    auto adjusted = answer<SquareEvents>([&](auto done) {
        api.adjustPoints(accountId, -20, QStringLiteral("Damaged card"), false, QStringLiteral("key-0003"), done);
    });
    QVERIFY(adjusted && adjusted->ok());
    QCOMPARE((*adjusted)->events.size(), 1);
    const SquareEvent adjustment = (*adjusted)->events.first();
    QCOMPARE(adjustment.points, -20);
    QCOMPARE(adjustment.reason, QStringLiteral("Damaged card [ref key-0003]"));
    QCOMPARE(AdjustmentReference::keyIn(adjustment.reason), QStringLiteral("key-0003"));

    auto reward = answer<SquareReward>(
        [&](auto done) { api.createReward(accountId, QStringLiteral("tier-100"), QStringLiteral("k-4"), done); });
    QVERIFY(reward && reward->ok());
    QCOMPARE(m_server->reward((*reward)->id).value(QLatin1String("status")).toString(), QStringLiteral("ISSUED"));
    auto redeemed = answer<SquareEvents>(
        [&](auto done) { api.redeemReward((*reward)->id, Location, QStringLiteral("k-5"), done); });
    QVERIFY(redeemed && redeemed->ok());
    QCOMPARE((*redeemed)->events.size(), 1);
    QCOMPARE((*redeemed)->events.first().type, QStringLiteral("REDEEM_REWARD"));
    QCOMPARE((*redeemed)->events.first().rewardId, (*reward)->id);

    auto account = answer<SquareAccount>([&](auto done) { api.retrieveAccount(accountId, done); });
    QVERIFY(account && account->ok());
    QCOMPARE((*account)->balance, std::optional<qint64>(180));
    QCOMPARE((*account)->phone, Phone);
    QVERIFY(!(*account)->enrolledAt.isEmpty());

    auto found = answer<QList<SquareAccount>>([&](auto done) {
        api.searchAccountsByPhone({Phone, QStringLiteral("+14155552672")}, done);
    });
    QVERIFY(found && found->ok());
    QCOMPARE((*found)->size(), 1);
    QCOMPARE((*found)->first().id, accountId);
    QCOMPARE((*found)->first().balance, std::optional<qint64>(180));
}

void TestLoyaltyApi::missingAccountIsNotFound()
{
    auto account =
        answer<SquareAccount>([&](auto done) { m_api->retrieveAccount(QStringLiteral("no/such id"), done); });
    QVERIFY(account && !account->ok());
    QCOMPARE(account->error().httpStatus, 404);
    QCOMPARE(account->error().kind, SquareError::Kind::Rejected);
}

void TestLoyaltyApi::pagerReadsEveryPage()
{
    const QString accountId = m_server->enrollElsewhere(Phone);
    for (int i = 1; i <= 70; ++i)
        m_server->accumulateElsewhere(accountId, i);
    SquareEventFilter filter;
    filter.accountId = accountId;
    filter.types = {QStringLiteral("ACCUMULATE_POINTS")};
    filter.createdFrom = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QList<int> pageSizes;
    QSet<QString> ids;
    std::optional<SquareResult<void>> walked;
    SquareEventPager::walk(
        *m_api, filter,
        [&](const QList<SquareEvent>& events) {
            pageSizes << int(events.size());
            for (const SquareEvent& event : events)
                ids.insert(event.id);
            return true;
        },
        [&](const SquareResult<void>& end) { walked.emplace(end); });
    QTRY_VERIFY_WITH_TIMEOUT(walked.has_value(), 20000);
    QVERIFY(walked->ok());
    QCOMPARE(pageSizes, (QList<int> {30, 30, 10}));
    QCOMPARE(ids.size(), 70);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/loyalty/events/search")), 3);
}

void TestLoyaltyApi::pagerStopsWhenThePageHandlerSays()
{
    const QString accountId = m_server->enrollElsewhere(Phone);
    for (int i = 1; i <= 40; ++i)
        m_server->accumulateElsewhere(accountId, i);
    int pages = 0;
    bool done = false;
    SquareEventFilter filter;
    filter.accountId = accountId;
    SquareEventPager::walk(
        *m_api, filter,
        [&](const QList<SquareEvent>&) {
            ++pages;
            return false;
        },
        [&](const SquareResult<void>&) { done = true; });
    QTRY_COMPARE_WITH_TIMEOUT(pages, 1, 20000);
    QTest::qWait(200);
    QCOMPARE(pages, 1);
    QVERIFY(!done);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/loyalty/events/search")), 1);
}

void TestLoyaltyApi::unusableAnswersAreRefusedWhole_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("says");
    QTest::newRow("no program") << "program" << json(R"({"program":"main"})") << "loyalty program";
    QTest::newRow("program without id") << "program" << json(R"({"program":{"status":"ACTIVE"}})") << "program id";
    QTest::newRow("account without id") << "account" << json(R"({"loyalty_account":{"balance":5}})") << "account id";
    QTest::newRow("accounts not a list") << "accounts" << json(R"({"loyalty_accounts":{"id":"a"}})") << "not a list";
    QTest::newRow("one account without id")
        << "accounts" << json(R"({"loyalty_accounts":[{"id":"a","balance":1},{"balance":2}]})") << "account id";
    QTest::newRow("reward without id") << "reward" << json(R"({"reward":{"status":"ISSUED"}})") << "reward id";
    QTest::newRow("events not a list") << "events" << json(R"({"events":{"id":"e"}})") << "not a list";
    QJsonObject bad = json(Event);
    bad.insert(QStringLiteral("created_at"), QStringLiteral("yesterday"));
    QTest::newRow("one event unusable") << "events"
                                        << QJsonObject {{QStringLiteral("events"), QJsonArray {json(Event), bad}}}
                                        << "loyalty event";
}

void TestLoyaltyApi::unusableAnswersAreRefusedWhole()
{
    QFETCH(QString, endpoint);
    QFETCH(QJsonObject, body);
    QFETCH(QString, says);
    SquareError error;
    if (endpoint == QLatin1String("program"))
        error = LoyaltyJson::program(body).error();
    else if (endpoint == QLatin1String("account"))
        error = LoyaltyJson::account(body).error();
    else if (endpoint == QLatin1String("accounts"))
        error = LoyaltyJson::accounts(body).error();
    else if (endpoint == QLatin1String("reward"))
        error = LoyaltyJson::reward(body).error();
    else
        error = LoyaltyJson::eventPage(body).error();
    QCOMPARE(error.kind, SquareError::Kind::Malformed);
    QVERIFY(!error.retryable());
    QVERIFY(!error.stopsSync());
    QVERIFY2(error.message().contains(says), qPrintable(error.message()));
}

void TestLoyaltyApi::createdEventsKeepWhatCanBeRead()
{
    // Square already moved the points: an unreadable event is named, the others kept.
    QJsonObject bad = json(Event);
    bad.remove(QStringLiteral("id"));
    const SquareEvents created =
        LoyaltyJson::createdEvents(QJsonObject {{QStringLiteral("events"), QJsonArray {json(Event), bad}}});
    QCOMPARE(created.events.size(), 1);
    QCOMPARE(created.events.first().id, QStringLiteral("evt-1"));
    QCOMPARE(created.unusable.size(), 1);
    const SquareEvents single = LoyaltyJson::createdEvents(QJsonObject {{QStringLiteral("event"), json(Event)}});
    QCOMPARE(single.events.size(), 1);
    QVERIFY(LoyaltyJson::createdEvents({}).events.isEmpty());
}

void TestLoyaltyApi::adjustmentReferenceReadsBackItsKey()
{
    const QString key = QStringLiteral("0b8f6a52-3c1d-4e7a-9f10-5d2e8c4b7a61");
    QCOMPARE(AdjustmentReference::reasonWith(QStringLiteral("Refund"), key),
             QStringLiteral("Refund [ref %1]").arg(key));
    QCOMPARE(AdjustmentReference::keyIn(AdjustmentReference::reasonWith(QStringLiteral("Refund"), key)), key);
    // What a manager typed before it does not count: the appended reference does.
    QCOMPARE(AdjustmentReference::keyIn(
                 AdjustmentReference::reasonWith(QStringLiteral("Undo [ref aaaaaaaa-bbbb] by hand"), key)),
             key);
    QCOMPARE(AdjustmentReference::keyIn(QStringLiteral("Complimentary points")), QString());
    QCOMPARE(AdjustmentReference::keyIn(QStringLiteral("[ref short]")), QString());
    const QString reason = AdjustmentReference::reasonWith(QString(5000, u'x'), key);
    QCOMPARE(reason.size(), AdjustmentReference::MaxReasonLength + QStringLiteral(" [ref %1]").arg(key).size());
    QCOMPARE(AdjustmentReference::keyIn(reason), key);
    // Cut to fit where it is kept, a reason keeps its reference; a short one is kept whole.
    const QString kept = AdjustmentReference::shortened(reason, 500);
    QCOMPARE(kept.size(), 500);
    QCOMPARE(AdjustmentReference::keyIn(kept), key);
    QVERIFY(kept.startsWith(QStringLiteral("xxx")));
    QCOMPARE(AdjustmentReference::shortened(QStringLiteral("Refund"), 500), QStringLiteral("Refund"));
    QCOMPARE(AdjustmentReference::shortened(QString(600, u'y'), 500), QString(500, u'y'));
}

void TestLoyaltyApi::malformedErrorsReadAsTheirDetail()
{
    const SquareError malformed = SquareError::malformed(QStringLiteral("Square answered without a reward id."));
    QCOMPARE(malformed.message(), QStringLiteral("Square answered without a reward id."));
    QCOMPARE(malformed.inContext(QStringLiteral("Reading failed: ")), malformed.message());
    SquareError refused;
    refused.kind = SquareError::Kind::Rejected;
    refused.httpStatus = 400;
    refused.code = QStringLiteral("INVALID_PHONE_NUMBER");
    refused.detail = QStringLiteral("Invalid phone number +1555");
    QCOMPARE(refused.inContext(QStringLiteral("Reading failed: ")),
             QStringLiteral("Reading failed: rejected (HTTP 400) INVALID_PHONE_NUMBER: Invalid phone number +1555"));
    // What Square said back may quote what was sent: the log keeps only its kind and code.
    QCOMPARE(refused.logSummary(), QStringLiteral("rejected (HTTP 400) INVALID_PHONE_NUMBER"));
}

QTEST_GUILESS_MAIN(TestLoyaltyApi)
#include "tst_sync_loyaltyapi.moc"
