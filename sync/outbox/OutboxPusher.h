#pragma once

#include "core/common/Result.h"
#include "core/store/SyncOutbox.h"
#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

namespace lt {

class Clock;
class Database;
class SquareLoyaltyApi;

// What one pass over the outbox did.
struct PushSummary
{
    int sent = 0; // rows Square confirmed
    int conflicts = 0; // rows Square refused for good; kept with both sides' facts for a manager to resolve
    int deferred = 0; // rows that failed for now and got a later next_attempt_at
    int confirmedFromEvents = 0; // rows of unknown outcome found already applied in Square's events
    bool stopped = false; // the pass ended early (Square unreachable, token refused, or the store failed)
    bool unauthorized = false; // the token was refused: no further pass until it is replaced
    QString error; // why the pass stopped
};

// Drains the outbox into Square: oldest first and in order per member (a member's later rows wait behind an
// earlier pending one), with up to maxInFlight members in parallel. Members with origin 'generated' are training
// data and never sent.
// enroll → SearchLoyaltyAccounts by phone, else CreateLoyaltyAccount; accrue → AccumulateLoyaltyPoints;
// redeem of one of Square's reward tiers → CreateLoyaltyReward + RedeemLoyaltyReward; a partial redemption, a
// refund, a void, an opening balance, a manual adjustment → AdjustLoyaltyPoints (signed). Every call carries the
// row's own idempotency key on every attempt, so a resend after a lost answer cannot count twice; a row whose
// outcome is unknown for longer than Square's idempotency memory is first looked for in the account's events.
class OutboxPusher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxInFlight = 8;
    static constexpr qint64 DefaultIdempotencyWindowMs = 24LL * 60 * 60 * 1000;

    OutboxPusher(Database& db, const Clock& clock, SquareLoyaltyApi& api, QString locationId,
                 QObject* parent = nullptr);

    void pushOnce(); // answers through finished()
    bool isRunning() const { return m_running; }
    const PushSummary& lastSummary() const { return m_summary; }
    const QString& programId() const { return m_programId; }
    // The program's id, which accounts are created in; read from Square at the first pass when not set (the sync
    // engine sets it from the program it pulled).
    void setProgramId(const QString& id) { m_programId = id; }
    void setMaxInFlight(int rows) { m_maxInFlight = std::max(1, rows); }
    int maxInFlight() const { return m_maxInFlight; }
    // How long Square is trusted to remember an idempotency key (setting sync.idempotency_window_hours).
    // Read from the store's settings at every pass unless set here.
    void setIdempotencyWindowMs(qint64 ms)
    {
        m_windowMs = ms;
        m_windowFromSettings = false;
    }

    static int rowRetryDelayMs(int attempts); // the back-off between passes for a row that keeps failing

signals:
    void finished(const lt::PushSummary& summary);
    void rowSent(qint64 outboxId);
    void rowConflict(qint64 outboxId, const QString& error);

private:
    using Row = SyncOutbox::PushCandidate;
    using Step = std::function<void(const Row&)>;

    void fetchProgram();
    void fill();
    Result<QList<Row>> loadCandidates(int wanted);
    void start(const Row& row);
    void ensureAccount(const Row& row, const Step& then);
    void linkAccount(const Row& row, const QString& phone, const QString& key, const Step& then);
    void linkThen(const Row& row, const QString& accountId, bool fresh, const Step& then);
    void checkEvents(const Row& row, const Step& then);
    void send(const Row& row);
    void pushEnroll(const Row& row);
    void pushReward(const Row& row, const QString& tierId);
    void redeemReward(const Row& row, const QString& rewardId);
    void pushAdjust(const Row& row);
    bool usesRewardTier(const Row& row, QString& tierId) const;

    void answered(const Row& row, const SquareResult<SquareEvents>& created);
    void sent(const Row& row, const QString& accountId, const SquareEvents& created = {});
    void failed(const Row& row, const SquareError& error);
    void refused(const Row& row, const SquareError& error);
    Result<void> markSent(const Row& row, const QString& accountId, const QList<SquareEvent>& events);
    Result<void> markConflict(const Row& row, const SquareError& error, const QString& message,
                              const QJsonObject& squareFacts);
    Result<void> markDeferred(const Row& row, const SquareError& error);
    Result<void> storeRef(const Row& row, const QString& ref);
    Result<void> link(const Row& row, const QString& accountId, bool fresh);
    void release(const Row& row); // the row's member may go again; continue the pass
    void stop(const QString& error);
    void finish();

    Database& m_db;
    const Clock& m_clock;
    SquareLoyaltyApi& m_api;
    QString m_locationId;
    QString m_programId;
    int m_maxInFlight = DefaultMaxInFlight;
    qint64 m_windowMs = DefaultIdempotencyWindowMs;
    bool m_windowFromSettings = true;
    bool m_running = false;
    bool m_stopping = false;
    bool m_filling = false;
    QSet<qint64> m_membersInFlight;
    QList<Row> m_candidates;
    PushSummary m_summary;
};

} // namespace lt
