#pragma once

#include "core/domain/ExpiryRules.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

// An open win-back offer: the next sale until `until` earns `multiplierMilli` times its points.
struct WinBackOfferState
{
    int multiplierMilli = 1000;
    QDateTime until;
};

// What the member panel and `lookup --json` show beyond the member's row: the tier held and the next one, the
// points due to expire, and an open offer.
struct MemberOutlook
{
    QString tier;
    QString nextTier; // empty at the top tier
    qint64 toNextTier = 0; // qualifying points (or minor units of spend) still needed
    qint64 qualifying = 0;
    QList<ExpiringPoints> expiring; // by date, oldest first
    std::optional<WinBackOfferState> offer;
};

} // namespace lt
