#include "core/store/SyncOutbox.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace lt {

namespace {
// Rows of members Square hears of: generated (demo) members are training data whose rows are never sent. Pending
// ones among them are what "waiting to sync" means everywhere.
const QString OutboxOfSyncedMembers =
    QStringLiteral("FROM outbox o JOIN members m ON m.id = o.member_id WHERE m.origin <> 'generated' ");
} // namespace

QString SyncOutbox::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Result<qint64> SyncOutbox::enqueue(qint64 memberId, qint64 ledgerId, OutboxOperation operation,
                                   const QJsonObject& payload)
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("INSERT INTO outbox (member_id, ledger_id, operation, payload, idempotency_key, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query,
                     {memberId, ledgerId > 0 ? QVariant(ledgerId) : QVariant(), toStorage(operation),
                      QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), newIdempotencyKey(),
                      toStorageTime(m_clock.nowUtc())}));
    return query.lastInsertId().toLongLong();
}

Result<qint64> SyncOutbox::enqueue(qint64 memberId, qint64 ledgerId, const QString& operation,
                                   const QJsonObject& payload)
{
    auto known = fromStorage<OutboxOperation>(operation);
    if (!known)
        return Error::internal(QStringLiteral("There is no outbox operation '%1'.").arg(operation));
    return enqueue(memberId, ledgerId, *known, payload);
}

Result<qint64> SyncOutbox::pendingCount() const
{
    static const QString sql =
        QStringLiteral("SELECT count(*) ") + OutboxOfSyncedMembers + QStringLiteral("AND o.state = 'pending'");
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(sql));
    return count.toLongLong();
}

Result<qint64> SyncOutbox::pendingCountFor(qint64 memberId) const
{
    static const QString sql = QStringLiteral("SELECT count(*) ") + OutboxOfSyncedMembers
        + QStringLiteral("AND o.state = 'pending' AND o.member_id = ?");
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(sql, {memberId}));
    return count.toLongLong();
}

Result<SyncOutbox::StateCounts> SyncOutbox::stateCounts() const
{
    static const QString sql = QStringLiteral("SELECT o.state, count(*), min(o.next_attempt_at) ")
        + OutboxOfSyncedMembers + QStringLiteral("GROUP BY o.state");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    StateCounts counts;
    while (query.next()) {
        LT_TRY_ASSIGN(const OutboxState state, fromStorage<OutboxState>(query.value(0).toString()));
        const qint64 rows = query.value(1).toLongLong();
        switch (state) {
        case OutboxState::Pending:
            counts.pending = rows;
            if (!query.value(2).isNull())
                counts.nextRetryAt = fromStorageTime(query.value(2).toString());
            break;
        case OutboxState::Sent:
            counts.sent = rows;
            break;
        case OutboxState::Conflict:
            counts.conflict = rows;
            break;
        }
    }
    return counts;
}

Result<qint64> SyncOutbox::pointsNotAtSquare(qint64 memberId) const
{
    LT_TRY_ASSIGN(
        const QVariant points,
        m_db.scalar(QStringLiteral("SELECT COALESCE(sum(json_extract(o.payload, '$.points')), 0) FROM outbox o "
                                   "WHERE o.member_id = ? AND o.operation <> 'enroll' AND (o.state = 'pending' "
                                   "OR (o.state = 'conflict' AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE "
                                   "c.outbox_id = o.id AND c.resolution = 'accept-square')))"),
                    {memberId}));
    return points.toLongLong();
}

Result<void> SyncOutbox::changeEnrollmentPhone(qint64 memberId, const QString& phone)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.phone', ?) "
                                    "WHERE member_id = ? AND operation = 'enroll' AND state <> 'sent'"),
                     {phone, memberId});
}

Result<void> SyncOutbox::sendAgain(qint64 outboxId, bool force)
{
    const QString payload =
        force ? QStringLiteral("json_set(payload, '$.force', json('true'))") : QStringLiteral("payload");
    return m_db.exec(QStringLiteral("UPDATE outbox SET state = 'pending', attempts = 0, last_error = NULL, "
                                    "next_attempt_at = NULL, first_attempt_at = NULL, idempotency_key = ?, "
                                    "payload = %1 WHERE id = ?")
                         .arg(payload),
                     {newIdempotencyKey(), outboxId});
}

} // namespace lt
