// Square's loyalty promotions reach the store: the fake Square keeps them as Square describes LoyaltyPromotion
// (created through the API or the Dashboard, canceled, ended, listed newest first in pages), every request checked
// against Square's OpenAPI description, and the program pull brings them into PromotionStore, audited once per
// change. Real SQLite stores, real HTTP on 127.0.0.1.
#include "core/store/PromotionStore.h"
#include "sync/SyncEngine.h"
#include "sync/pull/ProgramPuller.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareLoyaltyApi.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace lt;
using lt::test::FakeSquareServer;
using lt::test::TempStore;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");
const QString TuesdayAfternoons =
    QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT");

// A promotion as CreateLoyaltyPromotion takes it: Promotion's Square shape without the fields Square sets.
QJsonObject creatable(const Promotion& promotion)
{
    QJsonObject json = promotion.toSquareJson();
    for (const char* readOnly : {"id", "status", "created_at", "canceled_at"})
        json.remove(QLatin1String(readOnly));
    json.insert(QStringLiteral("available_time"),
                QJsonObject {{QStringLiteral("time_periods"), QJsonArray::fromStringList(promotion.periods)}});
    return json;
}

Promotion multiplier(const QString& name, int milli, const QStringList& periods = {TuesdayAfternoons})
{
    Promotion p;
    p.name = name;
    p.multiplierMilli = milli;
    p.periods = periods;
    return p;
}

struct Http
{
    int status = 0;
    QJsonObject body;
};
} // namespace

Q_DECLARE_METATYPE(lt::SyncReport)

class TestSyncPromotions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createdAsSquareDescribesThem();
    void listedByStatusInPagesOfThirty();
    void pullLearnsThePromotions();
    void cancelAndEndAtSquareReachTheStore();
    void listWalksEveryPage();
    void unreadablePromotionStopsThePull();
    void syncPassBringsThePromotions();

private:
    Http post(const QString& path, const QJsonObject& body);
    Http get(const QString& pathAndQuery);
    QString create(const Promotion& promotion, const QString& key);
    ProgramPuller::Outcome pull();
    QString path(const QString& tail = {}) const;

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
    std::unique_ptr<SquareLoyaltyApi> m_api;
    std::unique_ptr<TempStore> m_store;
};

void TestSyncPromotions::initTestCase()
{
    qRegisterMetaType<lt::SyncReport>();
}

void TestSyncPromotions::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    SquareClient::Options options;
    options.baseDelayMs = 5;
    options.maxDelayMs = 20;
    options.maxAttempts = 2;
    m_client = std::make_unique<SquareClient>(*m_network, *SquareEnvironment::parse(m_server->baseUrl()),
                                              QStringLiteral("token"), options);
    m_api = std::make_unique<SquareLoyaltyApi>(*m_client);
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestSyncPromotions::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_store.reset();
    m_api.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

QString TestSyncPromotions::path(const QString& tail) const
{
    return QStringLiteral("/v2/loyalty/programs/%1/promotions").arg(m_server->programId()) + tail;
}

Http TestSyncPromotions::post(const QString& target, const QJsonObject& body)
{
    std::optional<SquareReply> reply;
    m_client->post(target, body, [&reply](const SquareReply& answered) { reply = answered; });
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, 20000))
        return {};
    return {reply->ok ? 200 : reply->httpStatus,
            reply->ok ? reply->body : QJsonObject {{QStringLiteral("code"), reply->error.code}}};
}

// A GET with a query string, sent as Square's clients send it (SquareClient's paths carry no query).
Http TestSyncPromotions::get(const QString& pathAndQuery)
{
    QNetworkRequest request(QUrl(m_server->baseUrl() + pathAndQuery));
    request.setRawHeader("Authorization", "Bearer token");
    request.setRawHeader("Square-Version", SquareClient::SquareVersion);
    QNetworkReply* reply = m_network->get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        return {};
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

QString TestSyncPromotions::create(const Promotion& promotion, const QString& key)
{
    const Http created = post(path(),
                              QJsonObject {{QStringLiteral("idempotency_key"), key},
                                           {QStringLiteral("loyalty_promotion"), creatable(promotion)}});
    return created.status == 200
        ? created.body.value(QLatin1String("loyalty_promotion")).toObject().value(QLatin1String("id")).toString()
        : QString();
}

ProgramPuller::Outcome TestSyncPromotions::pull()
{
    ProgramPuller puller(m_store->db(), m_store->clock(), *m_api);
    std::optional<ProgramPuller::Outcome> outcome;
    puller.pull([&outcome](const ProgramPuller::Outcome& pulled) { outcome = pulled; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000))
        return {};
    return *outcome;
}

void TestSyncPromotions::createdAsSquareDescribesThem()
{
    Promotion happyHour = multiplier(QStringLiteral("Tuesday happy hour"), 1500);
    happyHour.minimumSpendMinor = 2000;
    happyHour.currency = QStringLiteral("USD");
    happyHour.categoryIds = {QStringLiteral("CAT-COFFEE")};
    happyHour.triggerLimit = Promotion::TriggerLimit {1, Promotion::LimitInterval::Day};
    const Http created = post(path(),
                              QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("key-1")},
                                           {QStringLiteral("loyalty_promotion"), creatable(happyHour)}});
    QCOMPARE(created.status, 200);
    auto read = Promotion::fromSquareJson(created.body.value(QLatin1String("loyalty_promotion")).toObject());
    LT_VERIFY_OK(read);
    QVERIFY(read->squareId.startsWith(QLatin1String("loypromo_")));
    QCOMPARE(read->status, Promotion::Status::Active);
    QCOMPARE(read->multiplierMilli, 1500);
    QCOMPARE(read->startDate, QDate(2024, 3, 5));
    QVERIFY(read->createdAt.isValid());
    QCOMPARE(read->periods, QStringList {TuesdayAfternoons});
    QCOMPARE(read->triggerLimit->interval, Promotion::LimitInterval::Day);

    // The same request again answers the same promotion; the key with another body is refused.
    QCOMPARE(create(happyHour, QStringLiteral("key-1")), read->squareId);
    QCOMPARE(m_server->promotionCount(), 1);
    const Http reused =
        post(path(),
             QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("key-1")},
                          {QStringLiteral("loyalty_promotion"), creatable(multiplier(QStringLiteral("Other"), 2000))}});
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.body.value(QLatin1String("code")).toString(), QStringLiteral("IDEMPOTENCY_KEY_REUSED"));

    // Square's own rules: a real multiplier, and at most ten live promotions.
    QCOMPARE(post(path(),
                  QJsonObject {{QStringLiteral("idempotency_key"), QStringLiteral("key-x")},
                               {QStringLiteral("loyalty_promotion"),
                                creatable(multiplier(QStringLiteral("Times eleven"), 11000))}})
                 .status,
             400);
    for (int i = 2; i <= 10; ++i)
        QVERIFY(!create(multiplier(QStringLiteral("P%1").arg(i), 2000), QStringLiteral("key-%1").arg(i)).isEmpty());
    QVERIFY(create(multiplier(QStringLiteral("Eleventh"), 2000), QStringLiteral("key-11")).isEmpty());

    // No update: cancel (once), then a new one may be created.
    const Http canceled = post(path(QStringLiteral("/") + read->squareId + QStringLiteral("/cancel")), {});
    QCOMPARE(canceled.status, 200);
    auto gone = Promotion::fromSquareJson(canceled.body.value(QLatin1String("loyalty_promotion")).toObject());
    LT_VERIFY_OK(gone);
    QCOMPARE(gone->status, Promotion::Status::Canceled);
    QVERIFY(gone->canceledAt.isValid());
    QCOMPARE(post(path(QStringLiteral("/") + read->squareId + QStringLiteral("/cancel")), {}).status, 400);
    QCOMPARE(post(path(QStringLiteral("/loypromo_none/cancel")), {}).status, 404);
    QVERIFY(!create(multiplier(QStringLiteral("Eleventh"), 2000), QStringLiteral("key-12")).isEmpty());
    const Http retrieved = get(path(QStringLiteral("/") + read->squareId));
    QCOMPARE(retrieved.status, 200);
    QCOMPARE(retrieved.body.value(QLatin1String("loyalty_promotion")).toObject().value(QLatin1String("status")),
             QJsonValue(QStringLiteral("CANCELED")));
}

void TestSyncPromotions::listedByStatusInPagesOfThirty()
{
    QStringList ids; // oldest first
    for (int i = 0; i < 12; ++i) {
        ids << m_server->createPromotionElsewhere(creatable(multiplier(QStringLiteral("P%1").arg(i), 2000)));
        QVERIFY(!ids.last().isEmpty());
        if (i % 2 == 0)
            m_server->cancelPromotionElsewhere(ids.last());
    }
    const Http all = get(path());
    QCOMPARE(all.status, 200);
    const QJsonArray listed = all.body.value(QLatin1String("loyalty_promotions")).toArray();
    QCOMPARE(listed.size(), 12);
    QCOMPARE(listed.first().toObject().value(QLatin1String("id")).toString(), ids.last()); // newest first
    QVERIFY(!all.body.contains(QLatin1String("cursor")));

    // Canceled ones, two a page: the cursor keeps the filter.
    const Http first = get(path(QStringLiteral("?status=CANCELED&limit=4")));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body.value(QLatin1String("loyalty_promotions")).toArray().size(), 4);
    const QString cursor = first.body.value(QLatin1String("cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const Http second = get(path(QStringLiteral("?status=CANCELED&limit=4&cursor=") + cursor));
    QCOMPARE(second.status, 200);
    const QJsonArray rest = second.body.value(QLatin1String("loyalty_promotions")).toArray();
    QCOMPARE(rest.size(), 2);
    QCOMPARE(rest.last().toObject().value(QLatin1String("id")).toString(), ids.first());
    QVERIFY(!second.body.contains(QLatin1String("cursor")));
    QCOMPARE(get(path(QStringLiteral("?status=ACTIVE&cursor=") + cursor)).status, 400); // another filter
    QCOMPARE(get(path(QStringLiteral("?limit=31"))).status, 400);
    const Http none = get(path(QStringLiteral("?status=SCHEDULED")));
    QCOMPARE(none.status, 200);
    QVERIFY(none.body.isEmpty()); // Square answers an empty object
    QCOMPARE(get(QStringLiteral("/v2/loyalty/programs/another-program/promotions")).status, 404);
}

void TestSyncPromotions::pullLearnsThePromotions()
{
    LT_VERIFY_OK(PromotionStore(m_store->db()).add([] {
        Promotion own = multiplier(QStringLiteral("Our own"), 3000);
        own.createdAt = QDateTime(QDate(2024, 2, 1), QTime(9, 0), QTimeZone::utc());
        return own;
    }()));
    Promotion plus = multiplier(QStringLiteral("Plus fifty"), 2000);
    plus.incentive = Promotion::Incentive::Addition;
    plus.pointsAddition = 50;
    plus.itemVariationIds = {QStringLiteral("ITEM-LATTE")};
    const QString double_ = create(multiplier(QStringLiteral("Double Tuesdays"), 2000), QStringLiteral("k1"));
    const QString fifty = create(plus, QStringLiteral("k2"));
    QVERIFY(!double_.isEmpty() && !fifty.isEmpty());

    const ProgramPuller::Outcome outcome = pull();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.promotions, 2);
    QVERIFY(outcome.promotionsChanged);
    PromotionStore store(m_store->db());
    auto active = store.active();
    LT_VERIFY_OK(active);
    QCOMPARE(active->size(), 2);
    QCOMPARE(active->at(0).squareId, fifty); // newest first
    QCOMPARE(active->at(0).pointsAddition, 50);
    QCOMPARE(active->at(0).itemVariationIds, QStringList {QStringLiteral("ITEM-LATTE")});
    QCOMPARE(active->at(1).squareId, double_);
    QCOMPARE(active->at(1).multiplierMilli, 2000);
    QCOMPARE(active->at(1).createdAt,
             Promotion::fromSquareJson(m_server->promotion(double_)).value().createdAt); // Square's creation time
    // Square owns the promotions of a connected store: the store's own one ended.
    auto all = store.all();
    LT_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->last().name, QStringLiteral("Our own"));
    QCOMPARE(all->last().status, Promotion::Status::Ended);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'promotions.pull'"), 1);

    // Nothing changed at Square: nothing is written, nothing audited.
    const ProgramPuller::Outcome again = pull();
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(!again.promotionsChanged);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'promotions.pull'"), 1);
}

void TestSyncPromotions::cancelAndEndAtSquareReachTheStore()
{
    const QString canceled = m_server->createPromotionElsewhere(creatable(multiplier(QStringLiteral("A"), 2000)));
    const QString ended = m_server->createPromotionElsewhere(creatable(multiplier(QStringLiteral("B"), 2000)));
    const QString kept = m_server->createPromotionElsewhere(creatable(multiplier(QStringLiteral("C"), 2000)));
    QVERIFY(pull().ok);
    PromotionStore store(m_store->db());
    QCOMPARE(store.active()->size(), 3);

    QCOMPARE(post(path(QStringLiteral("/") + canceled + QStringLiteral("/cancel")), {}).status, 200);
    m_server->endPromotion(ended);
    const ProgramPuller::Outcome outcome = pull();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(outcome.promotionsChanged);
    auto all = store.all();
    LT_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QHash<QString, Promotion> bySquareId;
    for (const Promotion& p : *all)
        bySquareId.insert(p.squareId, p);
    QCOMPARE(bySquareId.value(canceled).status, Promotion::Status::Canceled);
    QVERIFY(bySquareId.value(canceled).canceledAt.isValid());
    QCOMPARE(bySquareId.value(ended).status, Promotion::Status::Ended);
    QCOMPARE(bySquareId.value(kept).status, Promotion::Status::Active);
    QCOMPARE(store.active()->size(), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'promotions.pull'"), 2);
}

void TestSyncPromotions::listWalksEveryPage()
{
    // A later page is asked for with the cursor in the query string.
    QCOMPARE(SquareEnvironment::parse(m_server->baseUrl())->url(QStringLiteral("/p?cursor=c")).query(),
             QStringLiteral("cursor=c"));
    QStringList ids;
    for (int i = 0; i < 65; ++i) {
        ids.prepend(m_server->createPromotionElsewhere(creatable(multiplier(QStringLiteral("P%1").arg(i), 2000))));
        m_server->cancelPromotionElsewhere(ids.first());
    }
    std::optional<SquareResult<QList<Promotion>>> listed;
    m_api->listPromotions(m_server->programId(),
                          [&listed](const SquareResult<QList<Promotion>>& answer) { listed.emplace(answer); });
    QVERIFY(QTest::qWaitFor([&] { return listed.has_value(); }, 20000));
    QVERIFY2(listed->ok(), qPrintable(listed->ok() ? QString() : listed->error().message()));
    QCOMPARE((*listed)->size(), 65);
    for (int i = 0; i < 65; ++i)
        QCOMPARE((*listed)->at(i).squareId, ids.at(i));
    QCOMPARE(m_server->requestCount(QStringLiteral("/promotions")), 3);
}

void TestSyncPromotions::unreadablePromotionStopsThePull()
{
    const QString kept = create(multiplier(QStringLiteral("Double Tuesdays"), 2000), QStringLiteral("k1"));
    QVERIFY(pull().ok);
    // Square takes a period whose RRULE never fires; the store cannot run it.
    const QString never = create(multiplier(QStringLiteral("Never"), 2000,
                                            {QStringLiteral("DTSTART:20240305T160000\nDURATION:PT2H\n"
                                                            "RRULE:FREQ=WEEKLY;UNTIL=20200101T000000;BYDAY=TU")}),
                                 QStringLiteral("k2"));
    QVERIFY(!never.isEmpty());
    m_server->cancelPromotionElsewhere(kept);
    const ProgramPuller::Outcome outcome = pull();
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(never) && outcome.error.contains(QLatin1String("available_time.time_periods[0]")),
             qPrintable(outcome.error));
    QVERIFY(!outcome.programId.isEmpty()); // the program itself was taken
    // Nothing of that list was taken: the promotion Square canceled still runs here until a list can be read.
    auto active = PromotionStore(m_store->db()).active();
    LT_VERIFY_OK(active);
    QCOMPARE(active->size(), 1);
    QCOMPARE(active->first().squareId, kept);
}

void TestSyncPromotions::syncPassBringsThePromotions()
{
    const QString id = create(multiplier(QStringLiteral("Double Tuesdays"), 2000), QStringLiteral("k1"));
    SyncEngine engine(m_store->db(), m_store->clock(), *m_client, Location);
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.runOnce();
    QVERIFY(finished.wait(30000));
    const SyncReport report = finished.first().first().value<SyncReport>();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    auto active = PromotionStore(m_store->db()).active();
    LT_VERIFY_OK(active);
    QCOMPARE(active->size(), 1);
    QCOMPARE(active->first().squareId, id);
}

QTEST_GUILESS_MAIN(TestSyncPromotions)
#include "tst_sync_promotions.moc"
