#pragma once

#include "core/common/Result.h"
#include "core/store/SquareEventStore.h"

#include <QJsonObject>
#include <QString>

namespace lt {

// One LoyaltyEvent as the sync engine needs it, read strictly: an event without its id, type, account or time is
// refused rather than guessed at. `points` is the signed change to the balance (0 for REDEEM_REWARD).
struct SquareEvent
{
    QString id;
    QString type;
    QString accountId;
    QString createdAt; // RFC 3339, as Square sent it
    QString locationId;
    QString source;
    qint64 points = 0;
    QString rewardId; // CREATE_REWARD, REDEEM_REWARD, DELETE_REWARD
    QString reason; // ADJUST_POINTS

    static Result<SquareEvent> fromJson(const QJsonObject& json);
    // As the store keeps it: a long reason is cut, but keeps the reference that marks an adjustment as ours.
    SquareEventStore::Event stored() const;
};

} // namespace lt
