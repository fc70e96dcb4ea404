#include "core/store/SquareEventStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/Transaction.h"

namespace lt {

namespace {
constexpr std::pair<SquareEventState, const char*> EventStateNames[] = {
    {SquareEventState::Held, "held"},
    {SquareEventState::Ours, "ours"},
    {SquareEventState::Applied, "applied"},
    {SquareEventState::Ignored, "ignored"},
};
} // namespace

QString toStorage(SquareEventState state)
{
    return storage::nameOf(EventStateNames, state);
}

template<>
Result<SquareEventState> fromStorage<SquareEventState>(const QString& text)
{
    return storage::kindOf(EventStateNames, text, "Square event state");
}

Result<void> SquareEventStore::keepHeld(const Event& event, const QDateTime& pulledAt)
{
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO square_events (event_id, account_id, type, points, location_id, source, created_at, "
        "reward_id, reason, state, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?) "
        "ON CONFLICT (event_id) DO NOTHING"));
    StatementScope scope(insert);
    return m_db.exec(insert,
                     {event.id, event.accountId, event.type, event.points, event.locationId, event.source,
                      event.createdAt, event.rewardId, event.reason.left(MaxReasonLength), toStorageTime(pulledAt)});
}

Result<void> SquareEventStore::keepOurs(const Event& event, qint64 memberId, qint64 outboxId, const QDateTime& pulledAt)
{
    QSqlQuery& insert = m_db.prepared(
        QStringLiteral("INSERT INTO square_events (event_id, account_id, member_id, type, points, location_id, source, "
                       "created_at, reward_id, reason, state, outbox_id, pulled_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ours', ?, ?) "
                       "ON CONFLICT (event_id) DO UPDATE SET state = 'ours', outbox_id = excluded.outbox_id, "
                       "member_id = excluded.member_id WHERE square_events.state = 'held'"));
    StatementScope scope(insert);
    return m_db.exec(insert,
                     {event.id, event.accountId, memberId, event.type, event.points, event.locationId, event.source,
                      event.createdAt, event.rewardId, event.reason.left(MaxReasonLength), outboxId,
                      toStorageTime(pulledAt)});
}

Result<std::optional<SquareEventStore::Kept>> SquareEventStore::byId(const QString& eventId) const
{
    // The member through a lookup of its own: joined on the account id, SQLite's planner scanned every member for
    // each event once ANALYZE had counted the column's NULLs (as after `generate`) as one value of a million rows.
    QSqlQuery& read = m_db.prepared(QStringLiteral(
        "SELECT e.state, e.account_id, e.type, e.points, COALESCE(e.location_id, ''), COALESCE(e.reward_id, ''), "
        "COALESCE(e.reason, ''), e.created_at, m.id, m.square_history_at, COALESCE(e.source, '') "
        "FROM square_events e LEFT JOIN members m "
        "ON m.id = (SELECT id FROM members WHERE square_account_id = e.account_id) WHERE e.event_id = ?"));
    StatementScope scope(read);
    LT_TRY(m_db.exec(read, {eventId}));
    if (!read.next())
        return std::optional<Kept>();
    LT_TRY_ASSIGN(const SquareEventState state, fromStorage<SquareEventState>(read.value(0).toString()));
    Kept kept;
    kept.state = state;
    kept.event.id = eventId;
    kept.event.accountId = read.value(1).toString();
    kept.event.type = read.value(2).toString();
    kept.event.points = read.value(3).toLongLong();
    kept.event.locationId = read.value(4).toString();
    kept.event.rewardId = read.value(5).toString();
    kept.event.reason = read.value(6).toString();
    kept.event.createdAt = read.value(7).toString();
    kept.memberId = read.value(8).isNull() ? 0 : read.value(8).toLongLong();
    kept.memberHistoryRead = !read.value(9).isNull();
    kept.event.source = read.value(10).toString();
    return std::optional<Kept>(kept);
}

Result<bool> SquareEventStore::isSettled(const QString& eventId) const
{
    QSqlQuery& claimed =
        m_db.prepared(QStringLiteral("SELECT 1 FROM square_events WHERE event_id = ? AND state <> 'held'"));
    StatementScope scope(claimed);
    LT_TRY(m_db.exec(claimed, {eventId}));
    return claimed.next();
}

Result<QStringList> SquareEventStore::heldIds() const
{
    QSqlQuery& held =
        m_db.prepared(QStringLiteral("SELECT event_id FROM square_events WHERE state = 'held' ORDER BY created_at"));
    StatementScope scope(held);
    LT_TRY(m_db.exec(held));
    QStringList ids;
    while (held.next())
        ids << held.value(0).toString();
    return ids;
}

Result<void> SquareEventStore::settle(const QString& eventId, SquareEventState state, qint64 memberId, qint64 outboxId,
                                      qint64 ledgerId)
{
    return m_db.exec(QStringLiteral("UPDATE square_events SET state = ?, member_id = ?, outbox_id = ?, "
                                    "ledger_id = ? WHERE event_id = ?"),
                     {toStorage(state), memberId, sqlvalue::nullUnlessPositive(outboxId),
                      sqlvalue::nullUnlessPositive(ledgerId), eventId});
}

Result<void> SquareEventStore::ignoreHeldOf(const QString& accountId)
{
    return m_db.exec(
        QStringLiteral("UPDATE square_events SET state = 'ignored' WHERE account_id = ? AND state = 'held'"),
        {accountId});
}

} // namespace lt
