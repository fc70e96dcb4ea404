#include "sync/pull/EventPuller.h"

#include "core/common/Clock.h"
#include "core/services/EngineContext.h"
#include "core/store/Database.h"
#include "core/store/SyncConflicts.h"
#include "core/store/Transaction.h"
#include "sync/SyncLogging.h"
#include "sync/square/SquareClient.h"

#include <QJsonArray>
#include <QUrl>

namespace lt {

namespace {
const QString PulledUntilKey = QStringLiteral("square.events_pulled_until");
constexpr int MaxPagesPerWalk = 20000;
constexpr int DiscoverPerPass = 200;
constexpr int AccountsPerSearch = 30; // SearchLoyaltyAccounts takes at most 30 mappings

QString rfc3339(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

struct EventPuller::Walk
{
    QJsonObject filter;
    PageHandler page;
    std::function<void()> done;
    QString cursor;
    int pages = 0;
};

EventPuller::EventPuller(Database& db, const Clock& clock, SquareClient& client, QString locationId, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_client(client)
    , m_locationId(locationId)
    , m_ledger(db, clock, std::move(locationId))
{
}

void EventPuller::pull(Callback done)
{
    if (m_running)
        return;
    m_running = true;
    m_done = std::move(done);
    m_outcome = {};
    m_ledger.reset();
    m_mismatched.clear();
    m_historiesRead = 0;
    pullRecent();
}

void EventPuller::pullRecent()
{
    m_startedAt = m_clock.nowUtc();
    QDateTime from = m_startedAt;
    auto mark = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {PulledUntilKey});
    if (!mark) {
        fail(mark.error().message);
        return;
    }
    if (!mark->isNull())
        from = fromStorageTime(mark->toString());
    if (!from.isValid())
        from = m_startedAt;
    const QJsonObject filter {
        {QStringLiteral("date_time_filter"),
         QJsonObject {{QStringLiteral("created_at"),
                       QJsonObject {{QStringLiteral("start_at"), rfc3339(from.addSecs(-OverlapSeconds))}}}}}};
    walk(
        filter, [this](const QJsonArray& events) { return m_ledger.storePage(events, EventLedger::Mode::Recent); },
        [this] {
            // Every page was read: the next pass starts here (less the overlap).
            if (auto saved = m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                       {PulledUntilKey, toStorageTime(m_startedAt)});
                !saved) {
                fail(saved.error().message);
                return;
            }
            discoverAccounts();
        });
}

void EventPuller::walk(const QJsonObject& filter, PageHandler page, std::function<void()> done)
{
    auto w = std::make_shared<Walk>();
    w->filter = filter;
    w->page = std::move(page);
    w->done = std::move(done);
    walkPage(w);
}

void EventPuller::walkPage(const std::shared_ptr<Walk>& w)
{
    // A cursor is sent with the very same query it came from, as Square requires.
    QJsonObject body {{QStringLiteral("query"), QJsonObject {{QStringLiteral("filter"), w->filter}}},
                      {QStringLiteral("limit"), 30}};
    if (!w->cursor.isEmpty())
        body.insert(QStringLiteral("cursor"), w->cursor);
    m_client.post(QStringLiteral("/v2/loyalty/events/search"), body, [this, w](const SquareReply& reply) {
        if (!reply.ok) {
            fail(reply.error, QStringLiteral("Reading Square's loyalty events failed: "));
            return;
        }
        const QJsonValue events = reply.body.value(QLatin1String("events"));
        if (!events.isUndefined() && !events.isArray()) {
            fail(QStringLiteral("Square's event list is not a list; nothing was taken from it."));
            return;
        }
        if (auto stored = w->page(events.toArray()); !stored) {
            fail(stored.error().message);
            return;
        }
        const QJsonValue cursor = reply.body.value(QLatin1String("cursor"));
        if (cursor.isString() && !cursor.toString().isEmpty()) {
            if (++w->pages >= MaxPagesPerWalk) {
                fail(QStringLiteral("Square kept sending pages of events; the pull stopped after %1.")
                         .arg(MaxPagesPerWalk));
                return;
            }
            w->cursor = cursor.toString();
            walkPage(w);
            return;
        }
        w->done();
    });
}

void EventPuller::discoverAccounts()
{
    if (m_ledger.unknownAccounts().isEmpty() || m_outcome.accountsDiscovered >= DiscoverPerPass) {
        pullHistories();
        return;
    }
    const QString accountId = m_ledger.unknownAccounts().takeFirst();
    m_client.get(
        QStringLiteral("/v2/loyalty/accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(accountId)),
        [this, accountId](const SquareReply& reply) {
            if (!reply.ok && reply.httpStatus == 404) {
                // Deleted or merged away: its events cannot belong to anyone here.
                (void)m_db.exec(QStringLiteral("UPDATE square_events SET state = 'ignored' "
                                               "WHERE account_id = ? AND state = 'held'"),
                                {accountId});
                discoverAccounts();
                return;
            }
            if (!reply.ok) {
                fail(reply.error, QStringLiteral("Reading a Square loyalty account failed: "));
                return;
            }
            const QJsonObject account = reply.body.value(QLatin1String("loyalty_account")).toObject();
            const QString phone =
                account.value(QLatin1String("mapping")).toObject().value(QLatin1String("phone_number")).toString();
            if (account.value(QLatin1String("id")).toString() != accountId) {
                fail(QStringLiteral("Square answered for another loyalty account than the one asked for."));
                return;
            }
            auto member =
                m_ledger.memberForPhone(phone, accountId, account.value(QLatin1String("enrolled_at")).toString());
            if (!member) {
                qCWarning(lcPull) << "account" << accountId << "not taken:" << member.error().message;
            } else if (*member > 0) {
                ++m_outcome.accountsDiscovered;
                m_ledger.touch(*member);
            }
            discoverAccounts();
        });
}

void EventPuller::pullHistories()
{
    auto next = m_db.scalar(QStringLiteral("SELECT id FROM members WHERE square_account_id IS NOT NULL AND "
                                           "square_history_at IS NULL AND origin <> 'generated' ORDER BY id LIMIT 1"));
    if (!next) {
        fail(next.error().message);
        return;
    }
    if (next->isNull() || m_historiesRead >= HistoryAccountsPerPass) {
        applyHeld(false);
        return;
    }
    const qint64 memberId = next->toLongLong();
    auto account = m_db.scalar(QStringLiteral("SELECT square_account_id FROM members WHERE id = ?"), {memberId});
    if (!account) {
        fail(account.error().message);
        return;
    }
    ++m_historiesRead;
    const QJsonObject filter {{QStringLiteral("loyalty_account_filter"),
                               QJsonObject {{QStringLiteral("loyalty_account_id"), account->toString()}}}};
    // Oldest events come last (newest first); they are held until the whole history is in, then applied.
    walk(
        filter, [this](const QJsonArray& events) { return m_ledger.storePage(events, EventLedger::Mode::Recent); },
        [this, memberId] {
            Transaction transaction(m_db);
            Result<void> done = transaction.begin();
            if (done)
                done = m_db.exec(QStringLiteral("UPDATE members SET square_history_at = ? WHERE id = ?"),
                                 {toStorageTime(m_clock.nowUtc()), memberId});
            if (done)
                done = transaction.commit();
            if (!done) {
                fail(done.error().message);
                return;
            }
            m_ledger.touch(memberId);
            pullHistories();
        });
}

void EventPuller::applyHeld(bool secondLook)
{
    QSqlQuery held(m_db.connection());
    if (!held.exec(QStringLiteral("SELECT event_id FROM square_events WHERE state = 'held' ORDER BY created_at"))) {
        fail(Database::errorFrom(held).message);
        return;
    }
    QStringList ids;
    while (held.next())
        ids << held.value(0).toString();
    held.finish();
    if (!ids.isEmpty()) {
        Transaction transaction(m_db);
        Result<void> done = transaction.begin();
        for (const QString& id : std::as_const(ids)) {
            if (done)
                done = m_ledger.classify(id, EventLedger::Mode::History);
        }
        if (done)
            done = transaction.commit();
        if (!done) {
            fail(done.error().message);
            return;
        }
    }
    compareBalances(secondLook);
}

void EventPuller::compareBalances(bool secondLook)
{
    const QSet<qint64>& candidates = secondLook ? m_mismatched : m_ledger.touched();
    // Members in a settled state only: no held events, no operation of unknown outcome.
    QStringList phones;
    QSqlQuery& read = m_db.prepared(QStringLiteral(
        "SELECT m.phone FROM members m WHERE m.id = ? AND m.phone IS NOT NULL AND m.square_account_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM square_events e WHERE e.account_id = m.square_account_id AND e.state = 'held') "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.member_id = m.id AND o.state = 'pending' "
        "AND o.first_attempt_at IS NOT NULL)"));
    for (qint64 member : candidates) {
        StatementScope scope(read);
        if (auto done = m_db.exec(read, {member}); !done) {
            fail(done.error().message);
            return;
        }
        if (read.next())
            phones << read.value(0).toString();
    }
    if (!secondLook)
        m_mismatched.clear();
    auto batches = std::make_shared<QList<QStringList>>();
    for (qsizetype i = 0; i < phones.size(); i += AccountsPerSearch)
        batches->append(phones.mid(i, AccountsPerSearch));
    auto step = std::make_shared<std::function<void()>>();
    // The step holds itself only weakly; the request in flight holds it strongly.
    *step = [this, batches, weak = std::weak_ptr(step), secondLook] {
        if (batches->isEmpty()) {
            if (!secondLook && !m_mismatched.isEmpty())
                lookAgain(QList<qint64>(m_mismatched.begin(), m_mismatched.end()));
            else
                finish();
            return;
        }
        const QStringList batch = batches->takeFirst();
        QJsonArray mappings;
        for (const QString& phone : batch)
            mappings.append(QJsonObject {{QStringLiteral("phone_number"), phone}});
        const QJsonObject body {{QStringLiteral("query"), QJsonObject {{QStringLiteral("mappings"), mappings}}},
                                {QStringLiteral("limit"), AccountsPerSearch}};
        m_client.post(
            QStringLiteral("/v2/loyalty/accounts/search"), body,
            [this, secondLook, self = weak.lock()](const SquareReply& reply) {
                if (!reply.ok) {
                    fail(reply.error, QStringLiteral("Reading Square's balances failed: "));
                    return;
                }
                for (const QJsonValue& value : reply.body.value(QLatin1String("loyalty_accounts")).toArray()) {
                    const QJsonObject account = value.toObject();
                    const QJsonValue balance = account.value(QLatin1String("balance"));
                    const QString id = account.value(QLatin1String("id")).toString();
                    if (id.isEmpty() || !balance.isDouble() || double(balance.toInteger()) != balance.toDouble()) {
                        fail(QStringLiteral("Square sent a loyalty account without an id or an integer balance."));
                        return;
                    }
                    QSqlQuery query(m_db.connection());
                    query.prepare(QStringLiteral(
                        "SELECT m.id, m.balance, (SELECT COALESCE(sum(json_extract(o.payload, '$.points')), 0) "
                        "FROM outbox o WHERE o.member_id = m.id AND o.operation <> 'enroll' AND (o.state = 'pending' "
                        "OR (o.state = 'conflict' AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE "
                        "c.outbox_id = o.id AND c.resolution = 'accept-square')))) FROM members m "
                        "WHERE m.square_account_id = ?"));
                    query.addBindValue(id);
                    if (!query.exec()) {
                        fail(Database::errorFrom(query).message);
                        return;
                    }
                    if (!query.next())
                        continue;
                    const qint64 member = query.value(0).toLongLong();
                    const qint64 local = query.value(1).toLongLong();
                    const qint64 notAtSquare = query.value(2).toLongLong();
                    query.finish();
                    const qint64 square = balance.toInteger();
                    (void)m_db.exec(QStringLiteral("UPDATE members SET square_balance = ?, square_checked_at = ? "
                                                   "WHERE id = ?"),
                                    {square, toStorageTime(m_clock.nowUtc()), member});
                    const qint64 difference = square - (local - notAtSquare);
                    if (difference == 0)
                        continue;
                    if (!secondLook) {
                        m_mismatched.insert(member);
                        continue;
                    }
                    // Seen twice, with the events in between read: a disagreement for a manager.
                    auto known = m_db.scalar(
                        QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE member_id = ? AND kind = "
                                       "'balance_mismatch' AND (resolved_at IS NULL OR (resolution = 'dismiss' AND "
                                       "json_extract(square_facts, '$.difference') = ?))"),
                        {member, difference});
                    if (known && known->toLongLong() > 0)
                        continue;
                    EngineContext context {m_db, m_clock, {}, PhoneNumberNormalizer(), QStringLiteral("Square")};
                    auto recorded = SyncConflicts(context).record(
                        {0, member, QStringLiteral("balance_mismatch"), QString(),
                         QStringLiteral("Square's balance is %1, the till expects %2.")
                             .arg(square)
                             .arg(local - notAtSquare),
                         QJsonObject {{QStringLiteral("balance"), local},
                                      {QStringLiteral("not_at_square"), notAtSquare},
                                      {QStringLiteral("expected_at_square"), local - notAtSquare}},
                         QJsonObject {{QStringLiteral("balance"), square},
                                      {QStringLiteral("account_id"), id},
                                      {QStringLiteral("difference"), difference}}});
                    if (recorded)
                        ++m_outcome.conflictsFound;
                }
                (*self)();
            });
    };
    (*step)();
}

void EventPuller::lookAgain(QList<qint64> members)
{
    // Events may have arrived between the pull and the balance read: read each account's recent events again.
    if (members.isEmpty()) {
        applyHeld(true);
        return;
    }
    const qint64 member = members.takeFirst();
    auto account = m_db.scalar(QStringLiteral("SELECT square_account_id FROM members WHERE id = ?"), {member});
    if (!account || account->isNull()) {
        lookAgain(members);
        return;
    }
    const QJsonObject filter {
        {QStringLiteral("loyalty_account_filter"),
         QJsonObject {{QStringLiteral("loyalty_account_id"), account->toString()}}},
        {QStringLiteral("date_time_filter"),
         QJsonObject {{QStringLiteral("created_at"),
                       QJsonObject {{QStringLiteral("start_at"), rfc3339(m_startedAt.addSecs(-OverlapSeconds))}}}}}};
    walk(
        filter, [this](const QJsonArray& events) { return m_ledger.storePage(events, EventLedger::Mode::Recent); },
        [this, members] { lookAgain(members); });
}

void EventPuller::fail(const SquareError& error, const QString& context)
{
    qCWarning(lcPull) << "pull stopped:" << context << error.logSummary();
    m_outcome.squareError = error;
    stopWith(context + error.message());
}

void EventPuller::fail(const QString& error)
{
    qCWarning(lcPull) << "pull stopped:" << error;
    stopWith(error);
}

void EventPuller::stopWith(const QString& error)
{
    m_outcome.ok = false;
    m_outcome.eventsPulled = m_ledger.eventsRead();
    m_outcome.eventsApplied = m_ledger.eventsApplied();
    m_outcome.error = error;
    m_running = false;
    if (m_done)
        m_done(m_outcome);
}

void EventPuller::finish()
{
    m_outcome.ok = true;
    m_outcome.eventsPulled = m_ledger.eventsRead();
    m_outcome.eventsApplied = m_ledger.eventsApplied();
    m_running = false;
    if (m_done)
        m_done(m_outcome);
}

} // namespace lt
