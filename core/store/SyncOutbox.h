#pragma once

#include "core/common/Result.h"
#include "core/domain/SyncKinds.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lt {

class Database;
class Clock;

// Owns the outbox table: operations Square must learn, queued in the same transaction as the ledger entry they
// mirror, each with the idempotency key it will carry on every attempt. The sync module drains it.
//
// "Waiting to sync" (pending) has one definition, here: rows in state pending of members Square will hear of.
// Generated (demo) members are training data whose rows are never sent, so they never count as waiting.
class SyncOutbox
{
public:
    struct StateCounts
    {
        qint64 pending = 0; // waiting to sync, as pendingCount() counts them
        qint64 sent = 0;
        qint64 conflict = 0;
        QDateTime nextRetryAt; // the earliest retry of a pending row that failed; invalid when none waits for one
    };

    SyncOutbox(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    Result<qint64> enqueue(qint64 memberId, qint64 ledgerId, OutboxOperation operation, const QJsonObject& payload);
    // The operation as stored text (enroll, accrue, redeem, refund, adjust).
    Result<qint64> enqueue(qint64 memberId, qint64 ledgerId, const QString& operation, const QJsonObject& payload);

    // Operations waiting to sync: what the till's status bar, `sync status`, the scheduler and `check` show.
    Result<qint64> pendingCount() const;
    Result<qint64> pendingCountFor(qint64 memberId) const;
    // Rows of members Square hears of, by state.
    Result<StateCounts> stateCounts() const;
    // The points of the member's operations Square does not have yet: pending ones, and refused ones whose conflict
    // did not end with Square's side accepted. What the local balance holds beyond Square's.
    Result<qint64> pointsNotAtSquare(qint64 memberId) const;

    // The member's enrollment not yet accepted by Square goes with their corrected phone number.
    Result<void> changeEnrollmentPhone(qint64 memberId, const QString& phone);
    // Sends a row that ended in conflict again from scratch, under a new key (the refused request left nothing at
    // Square); `force` marks a redemption Square may take below zero.
    Result<void> sendAgain(qint64 outboxId, bool force);

    static QString newIdempotencyKey();

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
