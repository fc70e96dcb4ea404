#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace lt {

// A member tier: reached when the member's qualifying points (or spend) within the policy's window reach the
// threshold. Its benefits: an earn multiplier on what sales earn, and rewards only members at this tier or above
// may claim.
struct MemberTier
{
    QString name;
    qint64 threshold = 0; // qualifying points, or spend in minor units
    int multiplierMilli = 1000; // 1500: a sale earns 1.5 times its program points
    QStringList rewardIds; // rewards reserved to this tier and the ones above it
};

// How members reach and keep their tiers. Square has no tier API, so tiers are the till's own.
struct TierPolicy
{
    enum class Basis {
        Points, // what purchases earned (accruals, less what refunds and voids took back)
        Spend, // what purchases at this store cost, less refunds
    };
    enum class Window {
        Rolling, // the last `months` months, as Square's own tiers count
        CalendarYear, // since 1 January
        Lifetime, // since enrollment
    };

    Basis basis = Basis::Points;
    Window window = Window::Rolling;
    int months = 12; // Rolling
    int graceDays = 30; // how long a member short of their tier keeps it before the evaluation lowers it
    QList<MemberTier> tiers; // ascending by threshold; the first is where every member starts (threshold 0)

    bool isEmpty() const { return tiers.isEmpty(); }
    // The first day whose purchases count on `today` (invalid for Lifetime).
    QDate windowStart(QDate today) const;
    // The index of the highest tier `qualifying` reaches; -1 when there are no tiers.
    int indexFor(qint64 qualifying) const;
    // -1 for an unknown name; an empty name is the first tier.
    int indexOf(const QString& name) const;
    const MemberTier* tier(const QString& name) const;
    // The lowest tier whose members may claim the reward; -1 when every member may.
    int rewardTierIndex(const QString& rewardId) const;

    QJsonObject toJson() const;
    // knownRewardIds: the program's rewards, which a tier's reserved rewards must name.
    static Result<TierPolicy> fromJson(const QJsonObject& json, const QStringList& knownRewardIds);
    // Tiers written by earlier versions: [{name, lifetime_points}], counted over the member's lifetime.
    static Result<TierPolicy> fromLifetimeList(const QJsonArray& list);
};

} // namespace lt
