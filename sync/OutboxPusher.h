#pragma once

#include "core/Result.h"
#include "sync/SquareError.h"

#include <QJsonObject>
#include <QObject>

namespace lt {

class Clock;
class Database;
class SquareClient;
struct SquareReply;

// What one pass over the outbox did.
struct PushSummary
{
    int sent = 0; // rows Square confirmed
    int conflicts = 0; // rows Square refused for good; kept with their error for a person to resolve
    int deferred = 0; // rows that failed for now and got a later next_attempt_at
    bool stopped = false; // the pass ended early (Square unreachable, token refused, or the store failed)
    bool unauthorized = false; // the token was refused: no further pass until it is replaced
    QString error; // why the pass stopped
};

// Drains the outbox into Square, oldest first, one row at a time and in order per member (a member's later
// rows wait behind an earlier pending one). Members with origin 'generated' are training data and never sent.
// enroll → SearchLoyaltyAccounts by phone, else CreateLoyaltyAccount, and members.square_account_id is stored;
// accrue → AccumulateLoyaltyPoints(points, location_id); redeem, refund, adjust → AdjustLoyaltyPoints (signed).
// Every call carries the row's own idempotency key, so a resend after a lost answer cannot count twice.
class OutboxPusher : public QObject
{
    Q_OBJECT
public:
    OutboxPusher(Database& db, const Clock& clock, SquareClient& client, QString locationId, QObject* parent = nullptr);

    void pushOnce(); // answers through finished()
    bool isRunning() const { return m_running; }
    const PushSummary& lastSummary() const { return m_summary; }
    const QString& programId() const { return m_programId; }

    static int rowRetryDelayMs(int attempts); // the back-off between passes for a row that keeps failing

signals:
    void finished(const lt::PushSummary& summary);
    void rowSent(qint64 outboxId);
    void rowConflict(qint64 outboxId, const QString& error);

private:
    struct Row
    {
        qint64 id = 0;
        qint64 memberId = 0;
        QString operation;
        QJsonObject payload;
        QString idempotencyKey;
        int attempts = 0;
        QString accountId;
        QString phone;
    };

    void fetchProgram();
    void next();
    Result<bool> loadNext(Row& row);
    void pushEnroll(const Row& row);
    void createAccount(const Row& row, const QString& phone);
    void pushPoints(const Row& row);
    void handle(const Row& row, const SquareReply& reply, const QString& accountId = {});
    Result<void> markSent(const Row& row, const QString& accountId);
    Result<void> markConflict(const Row& row, const QString& error);
    Result<void> markDeferred(const Row& row, const SquareError& error);
    void stop(const QString& error);
    void finish();

    Database& m_db;
    const Clock& m_clock;
    SquareClient& m_client;
    QString m_locationId;
    QString m_programId;
    bool m_running = false;
    PushSummary m_summary;
};

} // namespace lt
