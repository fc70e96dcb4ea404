#include "core/store/SyncOutbox.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace lt {

namespace {
// Rows of members Square hears of: generated (demo) members are training data whose rows are never sent, marked as
// such by the outbox's triggers. Pending ones among the others are what "waiting to sync" means everywhere.
const QString OutboxOfSyncedMembers = QStringLiteral("FROM outbox o WHERE o.training = 0 ");
} // namespace

QString SyncOutbox::newIdempotencyKey()
{
    // RFC 9562's version 7: the time in milliseconds, then 74 random bits. Keys made one after another sort together,
    // so the outbox's index of keys grows at its end instead of at a random page for every row written.
    quint64 random[2] = {};
    QRandomGenerator::global()->fillRange(random); // seeded by the system; the keys are unique, not secret
    const auto ms = quint64(QDateTime::currentMSecsSinceEpoch());
    const auto byte = [&random](int i) {
        return uchar(random[1] >> (8 * i));
    };
    const QUuid key(quint32(ms >> 16), quint16(ms), quint16(0x7000u | (random[0] & 0x0FFFu)),
                    uchar(0x80u | ((random[0] >> 12) & 0x3Fu)), byte(0), byte(1), byte(2), byte(3), byte(4), byte(5),
                    byte(6));
    return key.toString(QUuid::WithoutBraces);
}

Result<qint64> SyncOutbox::enqueue(qint64 memberId, qint64 ledgerId, OutboxOperation operation,
                                   const QJsonObject& payload, const QString& idempotencyKey)
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("INSERT INTO outbox (member_id, ledger_id, operation, payload, idempotency_key, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    StatementScope scope(query);
    LT_TRY(
        m_db.exec(query,
                  {memberId, ledgerId > 0 ? QVariant(ledgerId) : QVariant(), toStorage(operation),
                   QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                   idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey, toStorageTime(m_clock.nowUtc())}));
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
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(QStringLiteral("SELECT pending FROM outbox_waiting WHERE id = 1")));
    if (!count.isValid())
        return Error::corrupt(QCoreApplication::translate(
            "SyncOutbox", "The count of operations waiting to sync is missing from the database."));
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

namespace {
QString dueForPushSql(const QSet<qint64>& busyMembers)
{
    QStringList busy;
    for (qint64 member : busyMembers)
        busy << QString::number(member);
    // From the index of sendable rows, so that training rows, however many, are never walked. INDEXED BY turns a
    // change of plan into an error instead of a till that slows as its demo members buy.
    return QStringLiteral(
               "SELECT o.id, o.member_id, o.operation, COALESCE(l.kind, ''), o.payload, o.idempotency_key, "
               "o.attempts, o.first_attempt_at, o.square_ref, m.square_account_id, m.phone "
               "FROM outbox o INDEXED BY outbox_sendable JOIN members m ON m.id = o.member_id "
               "LEFT JOIN ledger l ON l.id = o.ledger_id "
               "WHERE o.state = 'pending' AND o.training = 0 "
               "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
               "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.member_id = o.member_id AND p.state = 'pending' "
               "AND p.id < o.id) "
               "AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.member_id = o.member_id "
               "AND c.resolved_at IS NULL AND (c.kind = 'phone_rejected' OR c.kind = 'account_missing')) "
               "%1 ORDER BY o.id LIMIT ?")
        .arg(busy.isEmpty() ? QString() : QStringLiteral("AND o.member_id NOT IN (%1)").arg(busy.join(u',')));
}
} // namespace

Result<QList<SyncOutbox::PushCandidate>> SyncOutbox::dueForPush(int wanted, const QSet<qint64>& busyMembers) const
{
    // Not cached: the busy members are part of the text.
    QSqlQuery query(m_db.connection());
    query.prepare(dueForPushSql(busyMembers));
    query.addBindValue(toStorageTime(m_clock.nowUtc()));
    query.addBindValue(wanted);
    if (!query.exec())
        return Database::errorFrom(query);
    QList<PushCandidate> rows;
    while (query.next()) {
        PushCandidate row;
        row.id = query.value(0).toLongLong();
        row.memberId = query.value(1).toLongLong();
        LT_TRY_ASSIGN(row.operation, fromStorage<OutboxOperation>(query.value(2).toString()));
        if (const QString kind = query.value(3).toString(); !kind.isEmpty()) {
            LT_TRY_ASSIGN(row.ledgerKind, fromStorage<LedgerKind>(kind));
        }
        row.payload = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
        row.idempotencyKey = query.value(5).toString();
        row.attempts = query.value(6).toInt();
        if (!query.value(7).isNull())
            row.firstAttemptAt = fromStorageTime(query.value(7).toString());
        row.squareRef = query.value(8).toString();
        row.accountId = query.value(9).toString();
        row.phone = query.value(10).toString();
        rows.append(row);
    }
    return rows;
}

Result<void> SyncOutbox::markFirstAttempt(const QList<qint64>& outboxIds, const QDateTime& at)
{
    if (outboxIds.isEmpty())
        return {};
    QStringList ids;
    for (qint64 id : outboxIds)
        ids << QString::number(id);
    // One statement whatever the ids, bound as a JSON array: the store keeps every statement text it prepared.
    return m_db.exec(QStringLiteral("UPDATE outbox SET first_attempt_at = ? WHERE first_attempt_at IS "
                                    "NULL AND id IN (SELECT value FROM json_each(?))"),
                     {toStorageTime(at), QStringLiteral("[%1]").arg(ids.join(u','))});
}

Result<void> SyncOutbox::setSquareRef(qint64 outboxId, const QString& ref)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET square_ref = ? WHERE id = ?"), {ref, outboxId});
}

Result<void> SyncOutbox::markSent(qint64 outboxId)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
                                    "last_error = NULL, next_attempt_at = NULL, sent_at = ? WHERE id = ?"),
                     {toStorageTime(m_clock.nowUtc()), outboxId});
}

Result<void> SyncOutbox::markDeferred(qint64 outboxId, const QString& error, const QDateTime& nextAttemptAt)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                                    "WHERE id = ?"),
                     {error, toStorageTime(nextAttemptAt), outboxId});
}

Result<void> SyncOutbox::markConflict(qint64 outboxId, const QString& message)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET state = 'conflict', attempts = attempts + 1, "
                                    "last_error = ?, next_attempt_at = NULL WHERE id = ?"),
                     {message, outboxId});
}

Result<qint64> SyncOutbox::idBySquareRef(qint64 memberId, const QString& ref) const
{
    LT_TRY_ASSIGN(
        const QVariant id,
        m_db.scalar(QStringLiteral("SELECT id FROM outbox WHERE member_id = ? AND square_ref = ?"), {memberId, ref}));
    return sqlvalue::idOrZero(id);
}

Result<qint64> SyncOutbox::idByIdempotencyKey(qint64 memberId, const QString& key) const
{
    LT_TRY_ASSIGN(const QVariant id,
                  m_db.scalar(QStringLiteral("SELECT id FROM outbox WHERE idempotency_key = ? AND member_id = ?"),
                              {key, memberId}));
    return sqlvalue::idOrZero(id);
}

Result<qint64> SyncOutbox::unclaimedSentAccrual(qint64 memberId, qint64 points) const
{
    LT_TRY_ASSIGN(
        const QVariant id,
        m_db.scalar(QStringLiteral("SELECT o.id FROM outbox o WHERE o.member_id = ? AND o.state = 'sent' AND "
                                   "o.operation = 'accrue' AND json_extract(o.payload, '$.points') = ? AND NOT EXISTS "
                                   "(SELECT 1 FROM square_events s WHERE s.outbox_id = o.id) ORDER BY o.id LIMIT 1"),
                    {memberId, points}));
    return sqlvalue::idOrZero(id);
}

Result<void> SyncOutbox::markSentFromEvent(qint64 outboxId)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'pending'"),
                     {toStorageTime(m_clock.nowUtc()), outboxId});
}

Result<bool> SyncOutbox::hasUnknownOutcome(qint64 memberId) const
{
    LT_TRY_ASSIGN(const QVariant doubt,
                  m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'pending' "
                                             "AND first_attempt_at IS NOT NULL AND operation <> 'enroll'"),
                              {memberId}));
    return doubt.toLongLong() > 0;
}

} // namespace lt
