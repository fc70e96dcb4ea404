#include "sync/SquareClient.h"
#include "tests/sync/FakeSquareServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

using namespace lt;
using lt::test::FakeSquareServer;

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

private:
    SquareReply post(const QString& path, const QJsonObject& body);
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
                               << "INVALID_VALUE";
    QTest::newRow("key of 129") << QJsonObject {{QStringLiteral("idempotency_key"), QString(129, QLatin1Char('k'))},
                                                {QStringLiteral("location_id"), QStringLiteral("L1")},
                                                {QStringLiteral("accumulate_points"), points}}
                                << "INVALID_VALUE";
    QTest::newRow("no location") << QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("k2")},
                                                 {QStringLiteral("accumulate_points"), points}}
                                 << "MISSING_REQUIRED_PARAMETER";
    QTest::newRow("zero points") << QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("k3")},
                                                 {QStringLiteral("location_id"), QStringLiteral("L1")},
                                                 {QStringLiteral("accumulate_points"),
                                                  QJsonObject {{QStringLiteral("points"), 0}}}}
                                 << "INVALID_VALUE";
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
}

QTEST_GUILESS_MAIN(TestFakeSquare)
#include "tst_sync_fakesquare.moc"
