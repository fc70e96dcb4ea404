// The pull's mark against the fake Square over real HTTP: it is kept in Square's clock (the newest created_at a
// complete pass read), a pass asks Square only from there less a small overlap, an event that shows up late inside
// that overlap is still applied once, a till whose clock is far ahead of Square's loses nothing, and a pass cut short
// leaves the mark where it was.
#include "core/store/StoreSettings.h"
#include "sync/pull/EventPuller.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareLoyaltyApi.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/QuickRetries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace lt;
using lt::test::FakeSquareServer;
using lt::test::TempStore;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");
const QString Ana = QStringLiteral("+14155552671");
const QString Ben = QStringLiteral("+14155552672");
const QString MarkKey = QStringLiteral("square.events_pulled_until");
const QString SearchPath = QStringLiteral("/v2/loyalty/events/search");

QJsonObject obj(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toObject();
}

// Square's client as the puller sees it, keeping every event search it sends; it can hide events from the answers
// (as Square does with one not visible yet) and fail the n-th search.
class WatchedTransport final : public SquareTransport
{
public:
    explicit WatchedTransport(SquareClient& client)
        : m_client(client)
    {
    }

    void post(const QString& path, const QJsonObject& body, Callback done) override
    {
        if (path != SearchPath) {
            m_client.post(path, body, std::move(done));
            return;
        }
        searches << body;
        if (failSearch > 0 && --failSearch == 0) {
            SquareReply failed;
            failed.httpStatus = 500;
            failed.error = SquareError::fromResponse(500, {});
            QTimer::singleShot(0, [done = std::move(done), failed] { done(failed); }); // later, as an answer comes
            return;
        }
        m_client.post(path, body, [this, done = std::move(done)](const SquareReply& reply) {
            SquareReply shown = reply;
            QJsonArray events;
            for (const QJsonValue& event : reply.body.value(QLatin1String("events")).toArray()) {
                if (!hidden.contains(event.toObject().value(QLatin1String("id")).toString()))
                    events.append(event);
            }
            if (reply.ok)
                shown.body.insert(QStringLiteral("events"), events);
            done(shown);
        });
    }

    void get(const QString& path, Callback done) override { m_client.get(path, std::move(done)); }

    // The searches of the pull's recent events: from a time, of no one account.
    QList<QJsonObject> recentSearches() const
    {
        QList<QJsonObject> recent;
        for (const QJsonObject& search : searches) {
            const QJsonObject filter = obj(obj(search, "query"), "filter");
            if (filter.contains(QLatin1String("date_time_filter"))
                && !filter.contains(QLatin1String("loyalty_account_filter")))
                recent << search;
        }
        return recent;
    }
    // The searches that filter nothing: the newest events Square has.
    qsizetype unfilteredSearches() const
    {
        return std::count_if(searches.begin(), searches.end(),
                             [](const QJsonObject& search) { return obj(obj(search, "query"), "filter").isEmpty(); });
    }

    QList<QJsonObject> searches;
    QSet<QString> hidden; // event ids left out of every answer
    int failSearch = 0; // the n-th search from now fails with a 500; 0: none

private:
    SquareClient& m_client;
};

QString startAt(const QJsonObject& search)
{
    return obj(obj(obj(obj(search, "query"), "filter"), "date_time_filter"), "created_at")
        .value(QLatin1String("start_at"))
        .toString();
}

QString storedTime(const QString& rfc3339)
{
    return toStorageTime(QDateTime::fromString(rfc3339, Qt::ISODateWithMs));
}

QString secondsBefore(const QString& at, int seconds)
{
    return toStorageTime(fromStorageTime(at).addSecs(-seconds));
}
} // namespace

class TestEventPuller : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void quietPassAsksOnlyFromSquaresMark();
    void lateEventInsideTheOverlapIsAppliedOnce();
    void tillClockFarAheadLosesNoEvent_data();
    void tillClockFarAheadLosesNoEvent();
    void passCutShortKeepsTheMark();
    void markInTheTillsClockIsReadWithItsAllowance();

private:
    EventPuller::Outcome pull();
    QString mark();
    QString newestAtSquare() const; // created_at of the newest event, as stored
    QString lastEventId() const;
    qint64 eventsAtSquareSince(const QString& at) const;
    qint64 member(const QString& phone);

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SquareClient> m_client;
    std::unique_ptr<WatchedTransport> m_transport;
    std::unique_ptr<SquareLoyaltyApi> m_api;
    std::unique_ptr<EventPuller> m_puller;
};

void TestEventPuller::init()
{
    m_store = std::make_unique<TempStore>(); // its clock is years behind Square's, as the sync tests' tills are
    LT_VERIFY_OK(m_store->open());
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    auto environment = SquareEnvironment::parse(m_server->baseUrl());
    QVERIFY(environment.ok());
    m_client =
        std::make_unique<SquareClient>(*m_network, *environment, QStringLiteral("token"), lt::test::quickRetries(2));
    m_transport = std::make_unique<WatchedTransport>(*m_client);
    m_api = std::make_unique<SquareLoyaltyApi>(*m_transport);
    m_puller = std::make_unique<EventPuller>(m_store->db(), m_store->clock(), *m_api, Location);
}

void TestEventPuller::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_puller.reset();
    m_api.reset();
    m_transport.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
    m_store.reset();
}

EventPuller::Outcome TestEventPuller::pull()
{
    std::optional<EventPuller::Outcome> outcome;
    m_puller->pull([&outcome](const EventPuller::Outcome& done) { outcome = done; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000))
        qWarning("the pull did not finish");
    return outcome.value_or(EventPuller::Outcome {});
}

QString TestEventPuller::mark()
{
    auto stored = StoreSettings(m_store->db()).state(MarkKey);
    return stored && *stored ? **stored : QString();
}

QString TestEventPuller::newestAtSquare() const
{
    const QJsonArray events = m_server->events();
    return events.isEmpty() ? QString()
                            : storedTime(events.last().toObject().value(QLatin1String("created_at")).toString());
}

QString TestEventPuller::lastEventId() const
{
    return m_server->events().last().toObject().value(QLatin1String("id")).toString();
}

qint64 TestEventPuller::eventsAtSquareSince(const QString& at) const
{
    qint64 count = 0;
    for (const QJsonValue& event : m_server->events())
        count += storedTime(event.toObject().value(QLatin1String("created_at")).toString()) >= at ? 1 : 0;
    return count;
}

qint64 TestEventPuller::member(const QString& phone)
{
    return m_store->number("SELECT id FROM members WHERE phone = ?", {phone});
}

void TestEventPuller::quietPassAsksOnlyFromSquaresMark()
{
    const QString ana = m_server->enrollElsewhere(Ana);
    m_server->accumulateElsewhere(ana, 10);
    m_server->accumulateElsewhere(ana, 20);
    const EventPuller::Outcome first = pull();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.accountsDiscovered, 1);
    QCOMPARE(m_store->balance(member(Ana)), 30);
    const QString newest = newestAtSquare();
    QCOMPARE(mark(), newest); // Square's clock, not the till's (years behind)

    // An hour passes at the till and nothing happens at Square: the next pass asks only from the mark, less the
    // overlap, whatever the till's clock says, and what it reads again is recognised.
    m_store->clock().advance(3600 * 1000);
    m_transport->searches.clear();
    const EventPuller::Outcome second = pull();
    QVERIFY2(second.ok, qPrintable(second.error));
    const QList<QJsonObject> recent = m_transport->recentSearches();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(m_transport->unfilteredSearches(), 0);
    QCOMPARE(startAt(recent.first()), secondsBefore(newest, EventPuller::OverlapSeconds));
    QCOMPARE(qint64(second.eventsPulled), eventsAtSquareSince(secondsBefore(newest, EventPuller::OverlapSeconds)));
    QCOMPARE(second.eventsApplied, 0);
    QCOMPARE(m_store->balance(member(Ana)), 30);
    QCOMPARE(mark(), newest); // a pass that read nothing new leaves it
}

void TestEventPuller::lateEventInsideTheOverlapIsAppliedOnce()
{
    const QString ana = m_server->enrollElsewhere(Ana);
    const QString ben = m_server->enrollElsewhere(Ben);
    m_server->accumulateElsewhere(ana, 10);
    m_server->accumulateElsewhere(ben, 10);
    const EventPuller::Outcome first = pull();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.accountsDiscovered, 2);

    // Ben earns 30, then Ana 5; Square shows Ana's event before Ben's older one.
    m_server->accumulateElsewhere(ben, 30);
    const QString late = lastEventId();
    const QString lateAt = newestAtSquare();
    m_server->accumulateElsewhere(ana, 5);
    m_transport->hidden = {late};
    const EventPuller::Outcome second = pull();
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.eventsApplied, 1);
    QCOMPARE(mark(), newestAtSquare()); // Ana's, newer than Ben's hidden one
    QVERIFY(lateAt < mark());
    QVERIFY(lateAt >= secondsBefore(mark(), EventPuller::OverlapSeconds)); // inside the overlap
    QCOMPARE(m_store->balance(member(Ben)), 10);

    // Now visible: the next pass reads it inside the overlap and applies it, the one after that does not again.
    m_transport->hidden.clear();
    const EventPuller::Outcome third = pull();
    QVERIFY2(third.ok, qPrintable(third.error));
    QCOMPARE(third.eventsApplied, 1);
    QCOMPARE(m_store->balance(member(Ben)), 40);
    const EventPuller::Outcome fourth = pull();
    QVERIFY2(fourth.ok, qPrintable(fourth.error));
    QVERIFY(fourth.eventsPulled >= 2);
    QCOMPARE(fourth.eventsApplied, 0);
    QCOMPARE(m_store->balance(member(Ben)), m_server->balance(ben));
    QCOMPARE(m_store->balance(member(Ana)), m_server->balance(ana));
    QCOMPARE(m_store->number("SELECT count(*) FROM square_events WHERE event_id = ?", {late}), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM sync_conflicts"), 0);
}

void TestEventPuller::tillClockFarAheadLosesNoEvent_data()
{
    QTest::addColumn<bool>("squareHasEvents");
    QTest::newRow("Square has events before the first pass") << true;
    QTest::newRow("Square has no event yet") << false;
}

void TestEventPuller::tillClockFarAheadLosesNoEvent()
{
    QFETCH(bool, squareHasEvents);
    const QDateTime tillNow = QDateTime::currentDateTimeUtc().addDays(1);
    m_store->clock().set(tillNow);
    if (squareHasEvents)
        m_server->accumulateElsewhere(m_server->enrollElsewhere(Ana), 10);
    const EventPuller::Outcome first = pull();
    QVERIFY2(first.ok, qPrintable(first.error));
    // The first pass starts from the till's clock, as it always did; it finds nothing there.
    QCOMPARE(m_transport->recentSearches().size(), 1);
    QCOMPARE(startAt(m_transport->recentSearches().first()),
             toStorageTime(tillNow.addSecs(-EventPuller::TillClockAllowanceSeconds)));
    QCOMPARE(first.eventsApplied, 0);
    // Then Square's newest event says where Square's clock stands; the mark is in that clock: that event, or the
    // beginning when Square has none.
    QCOMPARE(m_transport->unfilteredSearches(), 1);
    QVERIFY(!mark().isEmpty());
    QVERIFY(mark() < toStorageTime(tillNow));
    if (squareHasEvents)
        QCOMPARE(mark(), newestAtSquare());

    // Ben earns points at Square's POS; at the till, still a day ahead, an hour passes.
    const QString ben = m_server->enrollElsewhere(Ben);
    m_server->accumulateElsewhere(ben, 40);
    m_store->clock().advance(3600 * 1000);
    const EventPuller::Outcome second = pull();
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(member(Ben) > 0);
    QCOMPARE(m_store->balance(member(Ben)), 40);
    QCOMPARE(mark(), newestAtSquare());
}

void TestEventPuller::passCutShortKeepsTheMark()
{
    const QString ana = m_server->enrollElsewhere(Ana);
    m_server->accumulateElsewhere(ana, 1);
    const EventPuller::Outcome first = pull();
    QVERIFY2(first.ok, qPrintable(first.error));
    const QString before = mark();
    QCOMPARE(before, newestAtSquare());

    // More than a page of new events; reading the second page fails.
    for (int i = 0; i < SquareLoyaltyApi::EventsPerPage + 5; ++i)
        m_server->accumulateElsewhere(ana, 1);
    m_transport->failSearch = 2;
    const EventPuller::Outcome cut = pull();
    QVERIFY(!cut.ok);
    QCOMPARE(cut.eventsPulled, SquareLoyaltyApi::EventsPerPage);
    QCOMPARE(mark(), before);

    const EventPuller::Outcome again = pull();
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(mark(), newestAtSquare());
    QCOMPARE(m_store->balance(member(Ana)), m_server->balance(ana));
    QCOMPARE(m_store->balance(member(Ana)), SquareLoyaltyApi::EventsPerPage + 6);
}

void TestEventPuller::markInTheTillsClockIsReadWithItsAllowance()
{
    // A mark an earlier version wrote is in the till's clock: the first pass after the upgrade keeps that clock's
    // allowance, then the mark is Square's.
    const QDateTime earlier = m_store->clock().nowUtc().addSecs(-30);
    LT_VERIFY_OK(StoreSettings(m_store->db()).setState(MarkKey, toStorageTime(earlier)));
    m_server->accumulateElsewhere(m_server->enrollElsewhere(Ana), 10);
    const EventPuller::Outcome pass = pull();
    QVERIFY2(pass.ok, qPrintable(pass.error));
    QCOMPARE(startAt(m_transport->recentSearches().first()),
             toStorageTime(earlier.addSecs(-EventPuller::TillClockAllowanceSeconds)));
    QCOMPARE(mark(), newestAtSquare());
    m_transport->searches.clear();
    QVERIFY(pull().ok);
    QCOMPARE(startAt(m_transport->recentSearches().first()),
             secondsBefore(newestAtSquare(), EventPuller::OverlapSeconds));
}

QTEST_GUILESS_MAIN(TestEventPuller)
#include "tst_sync_eventpuller.moc"
