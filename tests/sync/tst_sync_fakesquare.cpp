#include "sync/square/SquareClient.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/SquareSpecValidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTest>

#include <optional>

using namespace lt;
using namespace Qt::StringLiterals;
using lt::test::FakeSquareServer;
using lt::test::SquareSpecValidator;

namespace {
struct Http
{
    int status = 0;
    QJsonObject body;
    QString code() const { return body.value("errors"_L1).toArray().at(0).toObject().value("code"_L1).toString(); }
    QString field() const { return body.value("errors"_L1).toArray().at(0).toObject().value("field"_L1).toString(); }
};

QJsonObject createAccountBody(const QString& key, const QString& programId, const QString& phone)
{
    return {{u"idempotency_key"_s, key},
            {u"loyalty_account"_s,
             QJsonObject {{u"program_id"_s, programId}, {u"mapping"_s, QJsonObject {{u"phone_number"_s, phone}}}}}};
}

QJsonObject eventQuery(const QJsonObject& filter)
{
    return {{u"query"_s, QJsonObject {{u"filter"_s, filter}}}};
}
} // namespace

// The fake must follow Square where sync depends on it, or the sync tests prove nothing.
class TestFakeSquare : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void idempotencyKeyReusedWithAnotherBody();
    void requiredFieldsAreEnforced_data();
    void requiredFieldsAreEnforced();
    void eventsComeNewestFirstInPagesOfThirty();
    void validatorChecksRequests_data();
    void validatorChecksRequests();
    void violatingRequestIsRefusedAndRecorded();
    void unknownEndpointIsAViolation();
    void programIsAFullLoyaltyProgram();
    void rewardIsCreatedRedeemedAndDeleted();
    void rewardNeedsEnoughPointsAndAKnownTier();
    void rewardsAreSearchedNewestFirst();
    void eventFiltersAreAndedAndValuesOred();
    void eventTimeWindowIsStartInclusiveEndExclusive();
    void cursorBelongsToItsQuery();
    void accountsArePagedOldestFirst();
    void accountIsRetrievedAndDeleted();
    void changesElsewhereAreSquareEvents();
    void forgottenKeyRunsAgain();
    void newEndpointsHonourFaults();
    void answersConformToTheSpec();

private:
    SquareReply post(const QString& path, const QJsonObject& body);
    Http call(const QByteArray& verb, const QString& path, const QJsonObject& body = {});
    QString account(const QString& phone);

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
};

void TestFakeSquare::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    auto environment = SquareEnvironment::parse(m_server->baseUrl());
    QVERIFY(environment.ok());
    SquareClient::Options options;
    options.maxAttempts = 1;
    m_client = std::make_unique<SquareClient>(*m_network, *environment, QStringLiteral("any-token"), options);
}

void TestFakeSquare::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

SquareReply TestFakeSquare::post(const QString& path, const QJsonObject& body)
{
    std::optional<SquareReply> result;
    m_client->post(path, body, [&result](const SquareReply& reply) { result = reply; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return {};
    return *result;
}

QString TestFakeSquare::account(const QString& phone)
{
    const SquareReply reply =
        post(QStringLiteral("/v2/loyalty/accounts"),
             {{QStringLiteral("idempotency_key"), QString(QStringLiteral("create-") + phone)},
              {QStringLiteral("loyalty_account"),
               QJsonObject {{QStringLiteral("program_id"), m_server->programId()},
                            {QStringLiteral("mapping"), QJsonObject {{QStringLiteral("phone_number"), phone}}}}}});
    return reply.body.value(QLatin1String("loyalty_account")).toObject().value(QLatin1String("id")).toString();
}

void TestFakeSquare::idempotencyKeyReusedWithAnotherBody()
{
    const QString id = account(QStringLiteral("+14155552671"));
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/v2/loyalty/accounts/") + id + QStringLiteral("/accumulate");
    auto body = [](int points) {
        return QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("k1")},
                            {QStringLiteral("location_id"), QStringLiteral("L1")},
                            {QStringLiteral("accumulate_points"), QJsonObject {{QStringLiteral("points"), points}}}};
    };
    const SquareReply first = post(path, body(10));
    QVERIFY(first.ok);
    const SquareReply same = post(path, body(10));
    QVERIFY(same.ok);
    QCOMPARE(same.body, first.body);
    const SquareReply other = post(path, body(11));
    QVERIFY(!other.ok);
    QCOMPARE(other.httpStatus, 400);
    QCOMPARE(other.error.code, QStringLiteral("IDEMPOTENCY_KEY_REUSED"));
    QCOMPARE(m_server->balanceForPhone(QStringLiteral("+14155552671")), 10);
}

void TestFakeSquare::requiredFieldsAreEnforced_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("code");
    const QJsonObject points {{QStringLiteral("points"), 5}};
    QTest::newRow("no key") << QJsonObject {{QStringLiteral("location_id"), QStringLiteral("L1")},
                                            {QStringLiteral("accumulate_points"), points}}
                            << "MISSING_REQUIRED_PARAMETER";
    QTest::newRow("empty key") << QJsonObject {{QStringLiteral("idempotency_key"), QString()},
                                               {QStringLiteral("location_id"), QStringLiteral("L1")},
                                               {QStringLiteral("accumulate_points"), points}}
                               << "VALUE_TOO_SHORT";
    QTest::newRow("key of 129") << QJsonObject {{QStringLiteral("idempotency_key"), QString(129, QLatin1Char('k'))},
                                                {QStringLiteral("location_id"), QStringLiteral("L1")},
                                                {QStringLiteral("accumulate_points"), points}}
                                << "VALUE_TOO_LONG";
    QTest::newRow("no location") << QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("k2")},
                                                 {QStringLiteral("accumulate_points"), points}}
                                 << "MISSING_REQUIRED_PARAMETER";
    QTest::newRow("zero points") << QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("k3")},
                                                 {QStringLiteral("location_id"), QStringLiteral("L1")},
                                                 {QStringLiteral("accumulate_points"),
                                                  QJsonObject {{QStringLiteral("points"), 0}}}}
                                 << "VALUE_TOO_LOW";
}

void TestFakeSquare::requiredFieldsAreEnforced()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, code);
    const QString id = account(QStringLiteral("+14155552671"));
    const SquareReply reply = post(QStringLiteral("/v2/loyalty/accounts/") + id + QStringLiteral("/accumulate"), body);
    QVERIFY(!reply.ok);
    QCOMPARE(reply.httpStatus, 400);
    QCOMPARE(reply.error.code, code);
    QCOMPARE(m_server->eventCount(), 0);
    // Each of these departs from Square's spec, so the fake keeps a note of it.
    QCOMPARE(m_server->specViolations().size(), 1);
}

void TestFakeSquare::eventsComeNewestFirstInPagesOfThirty()
{
    const QString id = account(QStringLiteral("+14155552671"));
    for (int i = 1; i <= 65; ++i) {
        const SquareReply reply =
            post(QStringLiteral("/v2/loyalty/accounts/") + id + QStringLiteral("/adjust"),
                 {{QStringLiteral("idempotency_key"), QStringLiteral("adj-%1").arg(i)},
                  {QStringLiteral("adjust_points"), QJsonObject {{QStringLiteral("points"), i}}}});
        QVERIFY(reply.ok);
    }
    const QJsonObject query {{QStringLiteral("filter"),
                              QJsonObject {{QStringLiteral("loyalty_account_filter"),
                                            QJsonObject {{QStringLiteral("loyalty_account_id"), id}}}}}};
    QList<int> seen;
    QString cursor;
    int pages = 0;
    do {
        QJsonObject body {{QStringLiteral("query"), query}};
        if (!cursor.isEmpty())
            body.insert(QStringLiteral("cursor"), cursor);
        const SquareReply reply = post(QStringLiteral("/v2/loyalty/events/search"), body);
        QVERIFY(reply.ok);
        const QJsonArray events = reply.body.value(QLatin1String("events")).toArray();
        QVERIFY(events.size() <= 30);
        for (const QJsonValue& event : events)
            seen << event.toObject()
                        .value(QLatin1String("adjust_points"))
                        .toObject()
                        .value(QLatin1String("points"))
                        .toInt();
        cursor = reply.body.value(QLatin1String("cursor")).toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 65);
    QCOMPARE(seen.first(), 65);
    QCOMPARE(seen.last(), 1);
    QVERIFY(std::is_sorted(seen.rbegin(), seen.rend()));
    const SquareReply bad = post(QStringLiteral("/v2/loyalty/events/search"),
                                 {{QStringLiteral("query"), query}, {QStringLiteral("cursor"), QStringLiteral("x")}});
    QCOMPARE(bad.error.code, QStringLiteral("INVALID_CURSOR"));
    QCOMPARE(m_server->specViolations(), QStringList());
}

Http TestFakeSquare::call(const QByteArray& verb, const QString& path, const QJsonObject& body)
{
    QNetworkRequest request(QUrl(m_server->baseUrl() + path));
    request.setRawHeader("Authorization", "Bearer any-token");
    request.setRawHeader("Square-Version", "2025-08-20");
    QByteArray bytes;
    if (verb == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply* reply = m_network->sendCustomRequest(request, verb, bytes);
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    Http result;
    if (finished) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = QJsonDocument::fromJson(reply->readAll()).object();
    }
    reply->deleteLater();
    return result;
}

void TestFakeSquare::validatorChecksRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("violations");
    const QJsonObject create = createAccountBody(u"k-1"_s, u"fake-program-0001"_s, u"+14155552671"_s);
    const QString accumulate = u"/v2/loyalty/accounts/acct-0001/accumulate"_s;
    const QString adjust = u"/v2/loyalty/accounts/acct-0001/adjust"_s;
    auto points = [](const QJsonValue& value) {
        return QJsonObject {{u"idempotency_key"_s, u"k-2"_s},
                            {u"location_id"_s, u"L1"_s},
                            {u"accumulate_points"_s, QJsonObject {{u"points"_s, value}}}};
    };
    auto without = [](QJsonObject object, const QString& key) {
        object.remove(key);
        return object;
    };
    auto with = [](QJsonObject object, const QString& key, const QJsonValue& value) {
        object.insert(key, value);
        return object;
    };
    const QJsonObject unknown =
        with(create, u"loyalty_account"_s, QJsonObject {{u"program_id"_s, u"p"_s}, {u"nickname"_s, u"Al"_s}});

    QTest::newRow("valid create") << QByteArray("POST") << u"/v2/loyalty/accounts"_s << create << QStringList();
    QTest::newRow("valid accumulate") << QByteArray("POST") << accumulate << points(5) << QStringList();
    QTest::newRow("valid GET, no body") << QByteArray("GET") << u"/v2/loyalty/programs/main"_s << QJsonObject()
                                        << QStringList();
    QTest::newRow("valid query parameters")
        << QByteArray("GET") << u"/v2/loyalty/programs/main/promotions?status=ACTIVE&limit=5"_s << QJsonObject()
        << QStringList();
    QTest::newRow("missing key") << QByteArray("POST") << u"/v2/loyalty/accounts"_s
                                 << without(create, u"idempotency_key"_s)
                                 << QStringList {u"idempotency_key: is required"_s};
    QTest::newRow("missing nested required")
        << QByteArray("POST") << u"/v2/loyalty/accounts"_s
        << QJsonObject {{u"idempotency_key"_s, u"k"_s}, {u"loyalty_account"_s, QJsonObject()}}
        << QStringList {u"loyalty_account.program_id: is required"_s};
    QTest::newRow("reason of 3501")
        << QByteArray("POST") << adjust
        << QJsonObject {{u"idempotency_key"_s, u"k-3"_s},
                        {u"adjust_points"_s, QJsonObject {{u"points"_s, 5}, {u"reason"_s, QString(3501, u'r')}}}}
        << QStringList {u"adjust_points.reason: must be at most 3500 characters long (is 3501)"_s};
    QTest::newRow("reason of 3500 emoji") // code points, not UTF-16 units
        << QByteArray("POST") << adjust
        << QJsonObject {{u"idempotency_key"_s, u"k-3"_s},
                        {u"adjust_points"_s,
                         QJsonObject {{u"points"_s, 5}, {u"reason"_s, QString(u"\U0001F600"_s).repeated(3500)}}}}
        << QStringList();
    QTest::newRow("unknown field") << QByteArray("POST") << u"/v2/loyalty/accounts"_s << unknown
                                   << QStringList {u"loyalty_account.nickname: is not a field of LoyaltyAccount"_s};
    QTest::newRow("unknown top-level field")
        << QByteArray("POST") << accumulate << with(points(5), u"note"_s, u"x"_s)
        << QStringList {u"note: is not a field of AccumulateLoyaltyPointsRequest"_s};
    QTest::newRow("string for integer") << QByteArray("POST") << accumulate << points(u"5"_s)
                                        << QStringList {u"accumulate_points.points: must be an integer"_s};
    QTest::newRow("fraction for integer") << QByteArray("POST") << accumulate << points(2.5)
                                          << QStringList {u"accumulate_points.points: must be an integer"_s};
    QTest::newRow("zero points") << QByteArray("POST") << accumulate << points(0)
                                 << QStringList {u"accumulate_points.points: must be >= 1"_s};
    QTest::newRow("number for string") << QByteArray("POST") << u"/v2/loyalty/accounts"_s
                                       << with(create, u"idempotency_key"_s, 7)
                                       << QStringList {u"idempotency_key: must be a string"_s};
    QTest::newRow("null, not nullable") << QByteArray("POST") << u"/v2/loyalty/accounts"_s
                                        << with(create, u"idempotency_key"_s, QJsonValue::Null)
                                        << QStringList {u"idempotency_key: must not be null"_s};
    QTest::newRow("events limit 31") << QByteArray("POST") << u"/v2/loyalty/events/search"_s
                                     << QJsonObject {{u"limit"_s, 31}} << QStringList {u"limit: must be <= 30"_s};
    QTest::newRow("accounts limit 0") << QByteArray("POST") << u"/v2/loyalty/accounts/search"_s
                                      << QJsonObject {{u"limit"_s, 0}} << QStringList {u"limit: must be >= 1"_s};
    QTest::newRow("accounts limit 200") << QByteArray("POST") << u"/v2/loyalty/accounts/search"_s
                                        << QJsonObject {{u"limit"_s, 200}} << QStringList();
    QTest::newRow("enum by $ref in an array")
        << QByteArray("POST") << u"/v2/loyalty/events/search"_s
        << eventQuery({{u"type_filter"_s, QJsonObject {{u"types"_s, QJsonArray {u"ADJUST_POINTS"_s, u"GIFT"_s}}}}})
        << QStringList {
               u"query.filter.type_filter.types[1]: must be one of ACCUMULATE_POINTS, CREATE_REWARD, "
               "REDEEM_REWARD, DELETE_REWARD, ADJUST_POINTS, EXPIRE_POINTS, OTHER, ACCUMULATE_PROMOTION_POINTS"_s};
    QTest::newRow("reward status enum")
        << QByteArray("POST") << u"/v2/loyalty/rewards/search"_s
        << QJsonObject {{u"query"_s, QJsonObject {{u"loyalty_account_id"_s, u"a"_s}, {u"status"_s, u"LOST"_s}}}}
        << QStringList {u"query.status: must be one of ISSUED, REDEEMED, DELETED"_s};
    QTest::newRow("object expected") << QByteArray("POST") << u"/v2/loyalty/events/search"_s
                                     << QJsonObject {{u"query"_s, u"everything"_s}}
                                     << QStringList {u"query: must be an object"_s};
    QTest::newRow("array expected") << QByteArray("POST") << u"/v2/loyalty/events/search"_s
                                    << eventQuery({{u"location_filter"_s, QJsonObject {{u"location_ids"_s, u"L1"_s}}}})
                                    << QStringList {u"query.filter.location_filter.location_ids: must be an array"_s};
    QTest::newRow("boolean expected") << QByteArray("POST") << adjust
                                      << QJsonObject {{u"idempotency_key"_s, u"k"_s},
                                                      {u"adjust_points"_s, QJsonObject {{u"points"_s, 1}}},
                                                      {u"allow_negative_balance"_s, u"yes"_s}}
                                      << QStringList {u"allow_negative_balance: must be a boolean"_s};
    QTest::newRow("bad query parameter") << QByteArray("GET") << u"/v2/loyalty/programs/main/promotions?limit=ten"_s
                                         << QJsonObject() << QStringList {u"limit: must be an integer"_s};
    QTest::newRow("unknown query parameter")
        << QByteArray("GET") << u"/v2/loyalty/programs/main?verbose=1"_s << QJsonObject()
        << QStringList {u"verbose: is not a query parameter of RetrieveLoyaltyProgram"_s};
    QTest::newRow("unknown path") << QByteArray("POST") << u"/v2/loyalty/accounts/acct-0001/refund"_s << points(5)
                                  << QStringList {u"the spec has no endpoint /v2/loyalty/accounts/acct-0001/refund"_s};
    QTest::newRow("unknown method") << QByteArray("PUT") << u"/v2/loyalty/accounts"_s << create
                                    << QStringList {u"PUT is not an operation of /v2/loyalty/accounts"_s};
    QTest::newRow("body on GET") << QByteArray("GET") << u"/v2/loyalty/rewards/r1"_s << QJsonObject {{u"x"_s, 1}}
                                 << QStringList {u"RetrieveLoyaltyReward takes no request body"_s};
}

void TestFakeSquare::validatorChecksRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, violations);
    const SquareSpecValidator validator(SquareSpecValidator::defaultSpecFile());
    QVERIFY2(validator.isLoaded(), qPrintable(validator.errorString()));
    QCOMPARE(validator.validate(method, path, body), violations);
}

void TestFakeSquare::violatingRequestIsRefusedAndRecorded()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    const Http reply = call("POST", u"/v2/loyalty/accounts/"_s + id + u"/adjust"_s,
                            {{u"idempotency_key"_s, u"adj-1"_s},
                             {u"adjust_points"_s, QJsonObject {{u"points"_s, 5}, {u"note"_s, u"x"_s}}}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.code(), u"BAD_REQUEST"_s);
    QCOMPARE(reply.field(), u"adjust_points.note"_s);
    const QJsonObject error = reply.body.value("errors"_L1).toArray().at(0).toObject();
    QCOMPARE(error.value("category"_L1).toString(), u"INVALID_REQUEST_ERROR"_s);
    QCOMPARE(error.value("detail"_L1).toString(), u"adjust_points.note: is not a field of LoyaltyEventAdjustPoints"_s);
    QCOMPARE(m_server->balance(id), 0);
    QCOMPARE(m_server->specViolations(),
             QStringList {u"POST /v2/loyalty/accounts/"_s + id
                          + u"/adjust: adjust_points.note: is not a field of LoyaltyEventAdjustPoints"_s});
    // The key was not spent on the refused request.
    const Http fixed = call("POST", u"/v2/loyalty/accounts/"_s + id + u"/adjust"_s,
                            {{u"idempotency_key"_s, u"adj-1"_s}, {u"adjust_points"_s, QJsonObject {{u"points"_s, 5}}}});
    QCOMPARE(fixed.status, 200);
    QCOMPARE(m_server->balance(id), 5);
}

void TestFakeSquare::unknownEndpointIsAViolation()
{
    const Http reply = call("POST", u"/v2/loyalty/accounts/acct-0001/redeem"_s, {{u"idempotency_key"_s, u"k"_s}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.code(), u"NOT_FOUND"_s);
    const Http method = call("DELETE", u"/v2/loyalty/accounts/acct-0001"_s);
    QCOMPARE(method.status, 405);
    QCOMPARE(method.code(), u"METHOD_NOT_ALLOWED"_s);
    QCOMPARE(m_server->specViolations().size(), 2);
    QVERIFY(m_server->specViolations().at(0).contains("has no endpoint /v2/loyalty/accounts/acct-0001/redeem"_L1));
}

void TestFakeSquare::programIsAFullLoyaltyProgram()
{
    const Http main = call("GET", u"/v2/loyalty/programs/main"_s);
    QCOMPARE(main.status, 200);
    const QJsonObject program = main.body.value("program"_L1).toObject();
    QCOMPARE(program.value("id"_L1).toString(), m_server->programId());
    QCOMPARE(program.value("status"_L1).toString(), u"ACTIVE"_s);
    const QJsonArray tiers = program.value("reward_tiers"_L1).toArray();
    QCOMPARE(tiers.size(), 2);
    QCOMPARE(tiers.at(0).toObject().value("id"_L1).toString(), u"tier-100"_s);
    QCOMPARE(tiers.at(0).toObject().value("points"_L1).toInt(), 100);
    QCOMPARE(tiers.at(1).toObject().value("points"_L1).toInt(), 250);
    QVERIFY(!tiers.at(1)
                 .toObject()
                 .value("pricing_rule_reference"_L1)
                 .toObject()
                 .value("object_id"_L1)
                 .toString()
                 .isEmpty());
    const QJsonObject spend = program.value("accrual_rules"_L1).toArray().at(0).toObject();
    QCOMPARE(spend.value("accrual_type"_L1).toString(), u"SPEND"_s);
    QCOMPARE(spend.value("spend_data"_L1).toObject().value("amount_money"_L1).toObject().value("amount"_L1).toInt(),
             100);
    QCOMPARE(program.value("terminology"_L1).toObject().value("other"_L1).toString(), u"Points"_s);
    QCOMPARE(program.value("expiration_policy"_L1).toObject().value("expiration_duration"_L1).toString(), u"P12M"_s);
    const SquareSpecValidator spec(SquareSpecValidator::defaultSpecFile());
    QCOMPARE(spec.validateSchema(u"RetrieveLoyaltyProgramResponse"_s, main.body), QStringList());

    const Http byId = call("GET", u"/v2/loyalty/programs/"_s + m_server->programId());
    QCOMPARE(byId.body, main.body);
    QCOMPARE(call("GET", u"/v2/loyalty/programs/no-such-program"_s).status, 404);

    QJsonObject edited = program;
    edited.insert(u"terminology"_s, QJsonObject {{u"one"_s, u"Star"_s}, {u"other"_s, u"Stars"_s}});
    edited.insert(u"reward_tiers"_s, QJsonArray {tiers.at(1)});
    m_server->setProgram(edited);
    const QJsonObject changed = call("GET", u"/v2/loyalty/programs/main"_s).body.value("program"_L1).toObject();
    QCOMPARE(changed.value("terminology"_L1).toObject().value("one"_L1).toString(), u"Star"_s);
    QCOMPARE(changed.value("reward_tiers"_L1).toArray().size(), 1);
    QCOMPARE(m_server->specViolations(), QStringList());
}

void TestFakeSquare::rewardIsCreatedRedeemedAndDeleted()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    m_server->accumulateElsewhere(id, 400);
    const QJsonObject create {
        {u"idempotency_key"_s, u"rw-1"_s},
        {u"reward"_s, QJsonObject {{u"loyalty_account_id"_s, id}, {u"reward_tier_id"_s, u"tier-250"_s}}}};
    const Http created = call("POST", u"/v2/loyalty/rewards"_s, create);
    QCOMPARE(created.status, 200);
    const QJsonObject reward = created.body.value("reward"_L1).toObject();
    const QString rewardId = reward.value("id"_L1).toString();
    QVERIFY(!rewardId.isEmpty());
    QCOMPARE(reward.value("status"_L1).toString(), u"ISSUED"_s);
    QCOMPARE(reward.value("points"_L1).toInt(), 250);
    QCOMPARE(m_server->balance(id), 150); // the tier's points are locked
    QCOMPARE(m_server->account(id).value("lifetime_points"_L1).toInt(), 400);
    const QJsonObject lock = m_server->events().last().toObject();
    QCOMPARE(lock.value("type"_L1).toString(), u"CREATE_REWARD"_s);
    QCOMPARE(lock.value("source"_L1).toString(), u"LOYALTY_API"_s);
    QCOMPARE(lock.value("create_reward"_L1).toObject().value("points"_L1).toInt(), -250);
    QCOMPARE(lock.value("create_reward"_L1).toObject().value("reward_id"_L1).toString(), rewardId);
    QCOMPARE(lock.value("create_reward"_L1).toObject().value("loyalty_program_id"_L1).toString(),
             m_server->programId());

    // Idempotent: the same key and body answer the first reward and lock nothing more.
    const Http again = call("POST", u"/v2/loyalty/rewards"_s, create);
    QCOMPARE(again.body, created.body);
    QCOMPARE(m_server->balance(id), 150);

    const QString redeemPath = u"/v2/loyalty/rewards/"_s + rewardId + u"/redeem"_s;
    const QJsonObject redeem {{u"idempotency_key"_s, u"rd-1"_s}, {u"location_id"_s, u"L-FAKE-0001"_s}};
    const Http redeemed = call("POST", redeemPath, redeem);
    QCOMPARE(redeemed.status, 200);
    const QJsonObject event = redeemed.body.value("event"_L1).toObject();
    QCOMPARE(event.value("type"_L1).toString(), u"REDEEM_REWARD"_s);
    QCOMPARE(event.value("location_id"_L1).toString(), u"L-FAKE-0001"_s);
    QCOMPARE(event.value("redeem_reward"_L1).toObject().value("reward_id"_L1).toString(), rewardId);
    QCOMPARE(m_server->balance(id), 150);
    QCOMPARE(call("POST", redeemPath, redeem).body, redeemed.body); // a resent redeem answers the same event
    const Http twice = call("POST", redeemPath, {{u"idempotency_key"_s, u"rd-2"_s}, {u"location_id"_s, u"L1"_s}});
    QCOMPARE(twice.status, 400);
    const Http got = call("GET", u"/v2/loyalty/rewards/"_s + rewardId);
    QCOMPARE(got.body.value("reward"_L1).toObject().value("status"_L1).toString(), u"REDEEMED"_s);
    QVERIFY(!got.body.value("reward"_L1).toObject().value("redeemed_at"_L1).toString().isEmpty());
    QCOMPARE(call("DELETE", u"/v2/loyalty/rewards/"_s + rewardId).status, 400); // REDEEMED is final

    const Http second =
        call("POST", u"/v2/loyalty/rewards"_s,
             {{u"idempotency_key"_s, u"rw-2"_s},
              {u"reward"_s, QJsonObject {{u"loyalty_account_id"_s, id}, {u"reward_tier_id"_s, u"tier-100"_s}}}});
    QCOMPARE(m_server->balance(id), 50);
    const QString secondId = second.body.value("reward"_L1).toObject().value("id"_L1).toString();
    const Http deleted = call("DELETE", u"/v2/loyalty/rewards/"_s + secondId);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(m_server->balance(id), 150); // the points come back
    const QJsonObject back = m_server->events().last().toObject();
    QCOMPARE(back.value("type"_L1).toString(), u"DELETE_REWARD"_s);
    QCOMPARE(back.value("delete_reward"_L1).toObject().value("points"_L1).toInt(), 100);
    QCOMPARE(call("GET", u"/v2/loyalty/rewards/"_s + secondId)
                 .body.value("reward"_L1)
                 .toObject()
                 .value("status"_L1)
                 .toString(),
             u"DELETED"_s);
    const Http redeemDeleted = call("POST", u"/v2/loyalty/rewards/"_s + secondId + u"/redeem"_s,
                                    {{u"idempotency_key"_s, u"rd-3"_s}, {u"location_id"_s, u"L1"_s}});
    QCOMPARE(redeemDeleted.status, 400);
    QCOMPARE(call("DELETE", u"/v2/loyalty/rewards/"_s + secondId).status, 400);
    QCOMPARE(call("GET", u"/v2/loyalty/rewards/no-such-reward"_s).status, 404);
    QCOMPARE(m_server->specViolations(), QStringList());
}

void TestFakeSquare::rewardNeedsEnoughPointsAndAKnownTier()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    m_server->accumulateElsewhere(id, 99);
    auto create = [&](const QString& key, const QString& tier) {
        return call("POST", u"/v2/loyalty/rewards"_s,
                    {{u"idempotency_key"_s, key},
                     {u"reward"_s, QJsonObject {{u"loyalty_account_id"_s, id}, {u"reward_tier_id"_s, tier}}}});
    };
    const Http poor = create(u"rw-1"_s, u"tier-100"_s);
    QCOMPARE(poor.status, 400);
    QCOMPARE(poor.code(), u"BAD_REQUEST"_s);
    QVERIFY(poor.body.value("errors"_L1)
                .toArray()
                .at(0)
                .toObject()
                .value("detail"_L1)
                .toString()
                .contains("enough points"_L1));
    const Http unknown = create(u"rw-2"_s, u"tier-999"_s);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.code(), u"NOT_FOUND"_s);
    QCOMPARE(unknown.field(), u"reward.reward_tier_id"_s);
    QCOMPARE(m_server->balance(id), 99);
    // Only successes are remembered: once the points are there, the same key works.
    m_server->accumulateElsewhere(id, 1);
    QCOMPARE(create(u"rw-1"_s, u"tier-100"_s).status, 200);
    QCOMPARE(m_server->balance(id), 0);
    const Http missing =
        call("POST", u"/v2/loyalty/rewards"_s,
             {{u"idempotency_key"_s, u"rw-3"_s}, {u"reward"_s, QJsonObject {{u"loyalty_account_id"_s, id}}}});
    QCOMPARE(missing.code(), u"MISSING_REQUIRED_PARAMETER"_s);
    QCOMPARE(missing.field(), u"reward.reward_tier_id"_s);
}

void TestFakeSquare::rewardsAreSearchedNewestFirst()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    const QString other = m_server->enrollElsewhere(u"+14155552672"_s);
    m_server->accumulateElsewhere(id, 1000);
    m_server->accumulateElsewhere(other, 1000);
    const QString first = m_server->createRewardElsewhere(id, u"tier-100"_s);
    const QString second = m_server->createRewardElsewhere(id, u"tier-100"_s);
    const QString third = m_server->createRewardElsewhere(id, u"tier-250"_s);
    m_server->createRewardElsewhere(other, u"tier-100"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty());
    // Redeeming the first makes it the most recently updated.
    QCOMPARE(call("POST", u"/v2/loyalty/rewards/"_s + first + u"/redeem"_s,
                  {{u"idempotency_key"_s, u"rd-1"_s}, {u"location_id"_s, u"L1"_s}})
                 .status,
             200);
    auto ids = [](const Http& reply) {
        QStringList found;
        for (const QJsonValue& reward : reply.body.value("rewards"_L1).toArray())
            found << reward.toObject().value("id"_L1).toString();
        return found;
    };
    const QJsonObject query {{u"loyalty_account_id"_s, id}};
    const Http page1 = call("POST", u"/v2/loyalty/rewards/search"_s, {{u"query"_s, query}, {u"limit"_s, 2}});
    QCOMPARE(ids(page1), (QStringList {first, third}));
    const QString cursor = page1.body.value("cursor"_L1).toString();
    QVERIFY(!cursor.isEmpty());
    const Http page2 =
        call("POST", u"/v2/loyalty/rewards/search"_s, {{u"query"_s, query}, {u"limit"_s, 2}, {u"cursor"_s, cursor}});
    QCOMPARE(ids(page2), QStringList {second});
    QVERIFY(!page2.body.contains("cursor"_L1));
    QJsonObject issued = query;
    issued.insert(u"status"_s, u"ISSUED"_s);
    QCOMPARE(ids(call("POST", u"/v2/loyalty/rewards/search"_s, {{u"query"_s, issued}})), (QStringList {third, second}));
    QCOMPARE(call("POST", u"/v2/loyalty/rewards/search"_s, {{u"limit"_s, 31}}).status, 400);
    QCOMPARE(m_server->specViolations().size(), 1);
}

void TestFakeSquare::eventFiltersAreAndedAndValuesOred()
{
    const QString a = m_server->enrollElsewhere(u"+14155552671"_s);
    const QString b = m_server->enrollElsewhere(u"+14155552672"_s);
    m_server->accumulateElsewhere(a, 10, u"L1"_s);
    m_server->accumulateElsewhere(b, 20, u"L2"_s);
    m_server->adjustElsewhere(a, -3, u"goodwill"_s);
    m_server->accumulateElsewhere(a, 30, u"L2"_s);
    m_server->expirePoints(b, 5);
    auto points = [](const Http& reply) {
        QList<int> found;
        for (const QJsonValue& value : reply.body.value("events"_L1).toArray()) {
            const QJsonObject event = value.toObject();
            for (const char* detail : {"accumulate_points", "adjust_points", "expire_points"}) {
                if (event.contains(QLatin1String(detail)))
                    found << event.value(QLatin1String(detail)).toObject().value("points"_L1).toInt();
            }
        }
        return found;
    };
    const QString search = u"/v2/loyalty/events/search"_s;
    QCOMPARE(points(call("POST", search, eventQuery({}))), (QList<int> {-5, 30, -3, 20, 10}));
    const QJsonObject byAccount {{u"loyalty_account_id"_s, a}};
    QCOMPARE(points(call("POST", search, eventQuery({{u"loyalty_account_filter"_s, byAccount}}))),
             (QList<int> {30, -3, 10}));
    const QJsonObject types {{u"types"_s, QJsonArray {u"ADJUST_POINTS"_s, u"EXPIRE_POINTS"_s}}};
    QCOMPARE(points(call("POST", search, eventQuery({{u"type_filter"_s, types}}))), (QList<int> {-5, -3}));
    QCOMPARE(
        points(call("POST", search, eventQuery({{u"type_filter"_s, types}, {u"loyalty_account_filter"_s, byAccount}}))),
        QList<int> {-3});
    const QJsonObject l2 {{u"location_ids"_s, QJsonArray {u"L2"_s}}};
    QCOMPARE(points(call("POST", search, eventQuery({{u"location_filter"_s, l2}}))), (QList<int> {30, 20}));
    QCOMPARE(points(call("POST", search,
                         eventQuery({{u"location_filter"_s, l2}, {u"loyalty_account_filter"_s, byAccount}}))),
             QList<int> {30});
    const QJsonObject both {{u"location_ids"_s, QJsonArray {u"L1"_s, u"L2"_s}}};
    QCOMPARE(points(call("POST", search, eventQuery({{u"location_filter"_s, both}}))), (QList<int> {30, 20, 10}));

    QSet<QString> ids;
    for (const QJsonValue& value : m_server->events()) {
        const QJsonObject event = value.toObject();
        ids.insert(event.value("id"_L1).toString());
        QCOMPARE(event.value("source"_L1).toString(), u"SQUARE"_s);
        for (const char* field : {"id", "type", "created_at", "loyalty_account_id"})
            QVERIFY(!event.value(QLatin1String(field)).toString().isEmpty());
    }
    QCOMPARE(ids.size(), 5);
    QCOMPARE(m_server->specViolations(), QStringList());
}

void TestFakeSquare::eventTimeWindowIsStartInclusiveEndExclusive()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    for (int points = 1; points <= 4; ++points)
        m_server->accumulateElsewhere(id, points);
    const QJsonArray events = m_server->events();
    const QString second = events.at(1).toObject().value("created_at"_L1).toString();
    const QString fourth = events.at(3).toObject().value("created_at"_L1).toString();
    QVERIFY(second < fourth);
    const Http window = call(
        "POST", u"/v2/loyalty/events/search"_s,
        eventQuery({{u"date_time_filter"_s,
                     QJsonObject {{u"created_at"_s, QJsonObject {{u"start_at"_s, second}, {u"end_at"_s, fourth}}}}}}));
    QCOMPARE(window.status, 200);
    const QJsonArray found = window.body.value("events"_L1).toArray();
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).toObject().value("accumulate_points"_L1).toObject().value("points"_L1).toInt(), 3);
    QCOMPARE(found.at(1).toObject().value("accumulate_points"_L1).toObject().value("points"_L1).toInt(), 2);
    const Http bad =
        call("POST", u"/v2/loyalty/events/search"_s,
             eventQuery({{u"date_time_filter"_s,
                          QJsonObject {{u"created_at"_s, QJsonObject {{u"start_at"_s, u"yesterday"_s}}}}}}));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.field(), u"query.filter.date_time_filter.created_at.start_at"_s);
}

void TestFakeSquare::cursorBelongsToItsQuery()
{
    const QString a = m_server->enrollElsewhere(u"+14155552671"_s);
    const QString b = m_server->enrollElsewhere(u"+14155552672"_s);
    for (int i = 1; i <= 5; ++i) {
        m_server->accumulateElsewhere(a, i);
        m_server->accumulateElsewhere(b, 100 + i);
    }
    QJsonObject request = eventQuery({{u"loyalty_account_filter"_s, QJsonObject {{u"loyalty_account_id"_s, a}}}});
    request.insert(u"limit"_s, 2);
    const Http first = call("POST", u"/v2/loyalty/events/search"_s, request);
    const QString cursor = first.body.value("cursor"_L1).toString();
    QVERIFY(!cursor.isEmpty());
    // New events between pages neither repeat nor shift what the cursor goes on with.
    m_server->accumulateElsewhere(a, 50);
    request.insert(u"cursor"_s, cursor);
    const Http next = call("POST", u"/v2/loyalty/events/search"_s, request);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body.value("events"_L1)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value("accumulate_points"_L1)
                 .toObject()
                 .value("points"_L1)
                 .toInt(),
             3);
    QJsonObject other = eventQuery({{u"loyalty_account_filter"_s, QJsonObject {{u"loyalty_account_id"_s, b}}}});
    other.insert(u"cursor"_s, cursor);
    const Http mismatch = call("POST", u"/v2/loyalty/events/search"_s, other);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.code(), u"INVALID_CURSOR"_s);
    const Http accounts = call("POST", u"/v2/loyalty/accounts/search"_s, {{u"cursor"_s, cursor}});
    QCOMPARE(accounts.code(), u"INVALID_CURSOR"_s);
}

void TestFakeSquare::accountsArePagedOldestFirst()
{
    QStringList created;
    for (int i = 0; i < 35; ++i)
        created << m_server->enrollElsewhere(u"+1415555%1"_s.arg(1000 + i));
    auto ids = [](const Http& reply) {
        QStringList found;
        for (const QJsonValue& account : reply.body.value("loyalty_accounts"_L1).toArray())
            found << account.toObject().value("id"_L1).toString();
        return found;
    };
    const Http defaults = call("POST", u"/v2/loyalty/accounts/search"_s, {});
    QCOMPARE(ids(defaults), created.mid(0, 30)); // default limit 30
    const Http page1 = call("POST", u"/v2/loyalty/accounts/search"_s, {{u"limit"_s, 20}});
    QCOMPARE(ids(page1), created.mid(0, 20));
    const Http page2 = call("POST", u"/v2/loyalty/accounts/search"_s,
                            {{u"limit"_s, 20}, {u"cursor"_s, page1.body.value("cursor"_L1).toString()}});
    QCOMPARE(ids(page2), created.mid(20));
    QVERIFY(!page2.body.contains("cursor"_L1));
    QCOMPARE(ids(call("POST", u"/v2/loyalty/accounts/search"_s, {{u"limit"_s, 200}})), created);
    QCOMPARE(call("POST", u"/v2/loyalty/accounts/search"_s, {{u"limit"_s, 201}}).status, 400);

    QJsonArray mappings;
    for (int i = 0; i < 31; ++i)
        mappings.append(QJsonObject {{u"phone_number"_s, u"+1415555%1"_s.arg(1000 + i)}});
    const Http tooMany =
        call("POST", u"/v2/loyalty/accounts/search"_s, {{u"query"_s, QJsonObject {{u"mappings"_s, mappings}}}});
    QCOMPARE(tooMany.status, 400);
    QCOMPARE(tooMany.field(), u"query.mappings"_s);
    mappings.removeLast();
    const Http thirty =
        call("POST", u"/v2/loyalty/accounts/search"_s, {{u"query"_s, QJsonObject {{u"mappings"_s, mappings}}}});
    QCOMPARE(ids(thirty), created.mid(0, 30));
}

void TestFakeSquare::accountIsRetrievedAndDeleted()
{
    const QString phone = u"+14155552671"_s;
    const QString id = account(phone);
    m_server->accumulateElsewhere(id, 40);
    m_server->adjustElsewhere(id, -15, u"returned goods"_s);
    const Http got = call("GET", u"/v2/loyalty/accounts/"_s + id);
    QCOMPARE(got.status, 200);
    const QJsonObject account = got.body.value("loyalty_account"_L1).toObject();
    QCOMPARE(account.value("balance"_L1).toInt(), 25);
    QCOMPARE(account.value("lifetime_points"_L1).toInt(), 40);
    QCOMPARE(account.value("program_id"_L1).toString(), m_server->programId());
    QCOMPARE(account.value("mapping"_L1).toObject().value("phone_number"_L1).toString(), phone);
    for (const char* field : {"created_at", "updated_at", "enrolled_at"})
        QVERIFY(!account.value(QLatin1String(field)).toString().isEmpty());
    QVERIFY(account.value("updated_at"_L1).toString() > account.value("created_at"_L1).toString());
    const SquareSpecValidator spec(SquareSpecValidator::defaultSpecFile());
    QCOMPARE(spec.validateSchema(u"RetrieveLoyaltyAccountResponse"_s, got.body), QStringList());

    m_server->deleteAccount(id);
    QCOMPARE(m_server->accountCount(), 0);
    const Http gone = call("GET", u"/v2/loyalty/accounts/"_s + id);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.code(), u"NOT_FOUND"_s);
    const Http accumulate = call("POST", u"/v2/loyalty/accounts/"_s + id + u"/accumulate"_s,
                                 {{u"idempotency_key"_s, u"acc-9"_s},
                                  {u"location_id"_s, u"L1"_s},
                                  {u"accumulate_points"_s, QJsonObject {{u"points"_s, 5}}}});
    QCOMPARE(accumulate.status, 404);
    const Http search = call("POST", u"/v2/loyalty/events/search"_s,
                             eventQuery({{u"loyalty_account_filter"_s, QJsonObject {{u"loyalty_account_id"_s, id}}}}));
    QCOMPARE(search.body.value("events"_L1).toArray().size(), 0);
    // The phone is free again, under a new account id (a new key: the old one would answer the old account).
    const Http enrolled =
        call("POST", u"/v2/loyalty/accounts"_s, createAccountBody(u"create-again"_s, m_server->programId(), phone));
    QCOMPARE(enrolled.status, 200);
    const QString again = enrolled.body.value("loyalty_account"_L1).toObject().value("id"_L1).toString();
    QVERIFY(again != id);
    QCOMPARE(m_server->balance(again), 0);
    QCOMPARE(m_server->specViolations(), QStringList());
}

void TestFakeSquare::changesElsewhereAreSquareEvents()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    QCOMPARE(m_server->enrollElsewhere(u"+14155552671"_s), id);
    m_server->accumulateElsewhere(id, 300, u"L9"_s);
    m_server->adjustElsewhere(id, -20, u"typo"_s);
    const QString reward = m_server->createRewardElsewhere(id, u"tier-100"_s);
    QVERIFY(!reward.isEmpty());
    m_server->expirePoints(id, 30);
    QCOMPARE(m_server->balance(id), 150);
    QCOMPARE(m_server->createRewardElsewhere(id, u"tier-250"_s), QString()); // not enough points
    const QJsonArray events = m_server->events();
    QCOMPARE(events.size(), 4);
    QStringList types;
    for (const QJsonValue& event : events)
        types << event.toObject().value("type"_L1).toString();
    QCOMPARE(types, (QStringList {u"ACCUMULATE_POINTS"_s, u"ADJUST_POINTS"_s, u"CREATE_REWARD"_s, u"EXPIRE_POINTS"_s}));
    QCOMPARE(events.at(0).toObject().value("location_id"_L1).toString(), u"L9"_s);
    QCOMPARE(events.at(2).toObject().value("create_reward"_L1).toObject().value("points"_L1).toInt(), -100);
    // Square names the reward in the event only for the Loyalty API.
    QVERIFY(!events.at(2).toObject().value("create_reward"_L1).toObject().contains("reward_id"_L1));
    QCOMPARE(events.at(3).toObject().value("expire_points"_L1).toObject().value("points"_L1).toInt(), -30);
    const Http reply = call("GET", u"/v2/loyalty/rewards/"_s + reward);
    QCOMPARE(reply.body.value("reward"_L1).toObject().value("status"_L1).toString(), u"ISSUED"_s);
}

void TestFakeSquare::forgottenKeyRunsAgain()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    const QString path = u"/v2/loyalty/accounts/"_s + id + u"/accumulate"_s;
    const QJsonObject body {{u"idempotency_key"_s, u"acc-1"_s},
                            {u"location_id"_s, u"L1"_s},
                            {u"accumulate_points"_s, QJsonObject {{u"points"_s, 7}}}};
    const Http first = call("POST", path, body);
    QCOMPARE(call("POST", path, body).body, first.body);
    QCOMPARE(m_server->balance(id), 7);
    m_server->forgetIdempotencyKeys();
    const Http again = call("POST", path, body);
    QCOMPARE(again.status, 200);
    QVERIFY(again.body != first.body); // a new event
    QCOMPARE(m_server->balance(id), 14);
}

void TestFakeSquare::newEndpointsHonourFaults()
{
    const QString id = m_server->enrollElsewhere(u"+14155552671"_s);
    m_server->accumulateElsewhere(id, 200);
    m_server->addFault({FakeSquareServer::Fault::ServerError, 1, u"/v2/loyalty/rewards"_s});
    const QJsonObject create {
        {u"idempotency_key"_s, u"rw-1"_s},
        {u"reward"_s, QJsonObject {{u"loyalty_account_id"_s, id}, {u"reward_tier_id"_s, u"tier-100"_s}}}};
    QCOMPARE(call("POST", u"/v2/loyalty/rewards"_s, create).status, 500);
    QCOMPARE(m_server->balance(id), 200); // nothing committed
    const Http created = call("POST", u"/v2/loyalty/rewards"_s, create);
    QCOMPARE(created.status, 200);
    const QString reward = created.body.value("reward"_L1).toObject().value("id"_L1).toString();

    m_server->addFault({FakeSquareServer::Fault::DropAfterCommit, 1, u"/redeem"_s});
    const QJsonObject redeem {{u"idempotency_key"_s, u"rd-1"_s}, {u"location_id"_s, u"L1"_s}};
    const Http dropped = call("POST", u"/v2/loyalty/rewards/"_s + reward + u"/redeem"_s, redeem);
    // The answer was lost after the redeem committed; Qt itself may resend on the closed connection.
    QVERIFY2(dropped.status == 0 || dropped.status == 200, qPrintable(QString::number(dropped.status)));
    QCOMPARE(m_server->reward(reward).value("status"_L1).toString(), u"REDEEMED"_s);
    const Http resent = call("POST", u"/v2/loyalty/rewards/"_s + reward + u"/redeem"_s, redeem);
    QCOMPARE(resent.status, 200);
    QCOMPARE(resent.body.value("event"_L1).toObject().value("type"_L1).toString(), u"REDEEM_REWARD"_s);
    int redeems = 0;
    for (const QJsonValue& event : m_server->events())
        redeems += event.toObject().value("type"_L1).toString() == "REDEEM_REWARD"_L1 ? 1 : 0;
    QCOMPARE(redeems, 1);

    m_server->addFault({FakeSquareServer::Fault::RateLimited, 1, u"/v2/loyalty/events/search"_s});
    QCOMPARE(call("POST", u"/v2/loyalty/events/search"_s, {}).status, 429);
    m_server->setLatencyMs(300);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(call("GET", u"/v2/loyalty/accounts/"_s + id).status, 200);
    QVERIFY(timer.elapsed() >= 280);
}

void TestFakeSquare::answersConformToTheSpec()
{
    const SquareSpecValidator spec(SquareSpecValidator::defaultSpecFile());
    const QString id = account(u"+14155552671"_s);
    m_server->accumulateElsewhere(id, 500);
    const Http reward =
        call("POST", u"/v2/loyalty/rewards"_s,
             {{u"idempotency_key"_s, u"rw-1"_s},
              {u"reward"_s, QJsonObject {{u"loyalty_account_id"_s, id}, {u"reward_tier_id"_s, u"tier-100"_s}}}});
    QCOMPARE(spec.validateSchema(u"CreateLoyaltyRewardResponse"_s, reward.body), QStringList());
    const QString rewardId = reward.body.value("reward"_L1).toObject().value("id"_L1).toString();
    const Http redeem = call("POST", u"/v2/loyalty/rewards/"_s + rewardId + u"/redeem"_s,
                             {{u"idempotency_key"_s, u"rd-1"_s}, {u"location_id"_s, u"L1"_s}});
    QCOMPARE(spec.validateSchema(u"RedeemLoyaltyRewardResponse"_s, redeem.body), QStringList());
    const Http adjust = call("POST", u"/v2/loyalty/accounts/"_s + id + u"/adjust"_s,
                             {{u"idempotency_key"_s, u"adj-1"_s},
                              {u"adjust_points"_s, QJsonObject {{u"points"_s, -5}, {u"reason"_s, u"fix"_s}}}});
    QCOMPARE(spec.validateSchema(u"AdjustLoyaltyPointsResponse"_s, adjust.body), QStringList());
    m_server->expirePoints(id, 5);
    m_server->createRewardElsewhere(id, u"tier-100"_s);
    const Http events = call("POST", u"/v2/loyalty/events/search"_s, {});
    QCOMPARE(events.body.value("events"_L1).toArray().size(), 6);
    QCOMPARE(spec.validateSchema(u"SearchLoyaltyEventsResponse"_s, events.body), QStringList());
    QCOMPARE(spec.validateSchema(u"SearchLoyaltyRewardsResponse"_s,
                                 call("POST", u"/v2/loyalty/rewards/search"_s,
                                      {{u"query"_s, QJsonObject {{u"loyalty_account_id"_s, id}}}})
                                     .body),
             QStringList());
    QCOMPARE(spec.validateSchema(u"SearchLoyaltyAccountsResponse"_s,
                                 call("POST", u"/v2/loyalty/accounts/search"_s, {}).body),
             QStringList());
    const Http error = call("GET", u"/v2/loyalty/rewards/nope"_s);
    QCOMPARE(spec.validateSchema(u"RetrieveLoyaltyRewardResponse"_s, error.body), QStringList());
    QCOMPARE(m_server->specViolations(), QStringList());
}

QTEST_GUILESS_MAIN(TestFakeSquare)
#include "tst_sync_fakesquare.moc"
