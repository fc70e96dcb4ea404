#pragma once

#include "core/domain/SyncKinds.h"
#include "sync/square/SquareEvent.h"
#include "sync/square/SquareResult.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace lt {

class Database;
class SquareLoyaltyApi;

// Looks among an account's events for the one an operation of unknown outcome already caused, for when Square may
// have forgotten the operation's idempotency key. Square's events carry no reference of ours: accumulations are
// matched by type, points and location, adjustments by the key we put in their reason, rewards by their id.
// Events another operation already claimed are never matched again.
class AppliedEventSearch
{
public:
    struct Query
    {
        QString accountId;
        OutboxOperation operation = OutboxOperation::Adjust;
        bool reward = false; // a redemption sent as CreateLoyaltyReward + RedeemLoyaltyReward
        qint64 points = 0;
        QString idempotencyKey;
        QString rewardId; // the reward created for it, when known
        QString locationId;
        QDateTime since; // the operation's first attempt
    };
    struct Outcome
    {
        std::optional<SquareEvent> match; // the event found, if any
        QString createdRewardId; // a reward found created for it but not yet redeemed
    };
    using Callback = std::function<void(const SquareResult<Outcome>&)>;

    static void run(SquareLoyaltyApi& api, Database& db, const Query& query, const Callback& done);

private:
    static Outcome decide(Database& db, const Query& query, const QList<SquareEvent>& events);
};

} // namespace lt
