#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerKind.h"
#include "core/domain/SyncKinds.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

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

    // A row the push may send now, with what it needs of the member and of the ledger entry it mirrors.
    struct PushCandidate
    {
        qint64 id = 0;
        qint64 memberId = 0;
        OutboxOperation operation = OutboxOperation::Enroll;
        std::optional<LedgerKind> ledgerKind; // none for an enrollment or a row without a ledger entry
        QJsonObject payload;
        QString idempotencyKey;
        int attempts = 0;
        QDateTime firstAttemptAt; // invalid until the first request left
        QString squareRef; // the reward created for a redemption, once Square named it
        QString accountId; // the member's Square account; empty until linked
        QString phone; // the member's

        qint64 points() const { return payload.value(QLatin1String("points")).toInteger(); }
    };

    SyncOutbox(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    // idempotencyKey empty: a new key is minted.
    Result<qint64> enqueue(qint64 memberId, qint64 ledgerId, OutboxOperation operation, const QJsonObject& payload,
                           const QString& idempotencyKey = {});
    // The operation as stored text (enroll, accrue, redeem, refund, adjust).
    Result<qint64> enqueue(qint64 memberId, qint64 ledgerId, const QString& operation, const QJsonObject& payload);

    // Operations waiting to sync: what the till's status bar, `sync status`, the scheduler and `check` show, read
    // from the count the outbox's triggers keep (`check` compares it with the rows).
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

    // The push, as it drains the outbox.
    // The first pending row of each member that is due, oldest first, at most `wanted`, none of the busy members'.
    // A member whose link to Square is in question (an open phone_rejected or account_missing conflict) waits for
    // a manager. Reads members, ledger and sync_conflicts too.
    Result<QList<PushCandidate>> dueForPush(int wanted, const QSet<qint64>& busyMembers) const;
    // Records that the rows' first request is about to leave (rows that had one keep theirs), so that after any
    // crash they are known to be in doubt.
    Result<void> markFirstAttempt(const QList<qint64>& outboxIds, const QDateTime& at);
    // The reward Square created for a redemption, kept before it is redeemed.
    Result<void> setSquareRef(qint64 outboxId, const QString& ref);
    Result<void> markSent(qint64 outboxId);
    // Failed for now: tried again at nextAttemptAt.
    Result<void> markDeferred(qint64 outboxId, const QString& error, const QDateTime& nextAttemptAt);
    // Refused for good; the caller records the conflict in the same transaction.
    Result<void> markConflict(qint64 outboxId, const QString& message);

    // The pull, as it recognises the store's own operations among Square's events (each 0 when none).
    Result<qint64> idBySquareRef(qint64 memberId, const QString& ref) const;
    Result<qint64> idByIdempotencyKey(qint64 memberId, const QString& key) const;
    // The member's oldest sent accrual of these points that no kept Square event claims yet (reads square_events).
    Result<qint64> unclaimedSentAccrual(qint64 memberId, qint64 points) const;
    // An operation whose answer was lost turned up among Square's events: a pending row is settled as sent.
    Result<void> markSentFromEvent(qint64 outboxId);
    // True when an operation of the member (not its enrollment) may have reached Square without our knowing.
    Result<bool> hasUnknownOutcome(qint64 memberId) const;

    static QString newIdempotencyKey();

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
