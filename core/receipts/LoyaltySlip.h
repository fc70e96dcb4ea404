#pragma once

#include "core/domain/ExpiryRules.h"
#include "core/domain/Money.h"
#include "core/domain/PointsChange.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

// Who the slip is for, as much as a slip left on the counter may show: the first name and the last four digits of
// the phone, never the whole number or the e-mail. A member without either is "Member 123".
struct SlipMember
{
    qint64 id = 0;
    QString firstName; // empty when the member gave no name (or was erased)
    QString phoneLast4; // empty without a phone
};

// The cheapest reward the member's balance does not reach yet, and how many points it still needs.
struct RewardProgress
{
    QString rewardName;
    qint64 pointsNeeded = 0;
};

// How far the next member tier is. The program counts either points or spend toward it.
struct TierProgress
{
    QString tier; // held now
    QString nextTier;
    qint64 pointsNeeded = 0; // when the program counts points
    std::optional<Money> spendNeeded; // when it counts spend
};

// What one loyalty slip says, as data: SlipService fills it, SlipLayout lays it out for a paper width and a locale,
// EscPosEncoder or the page painter prints it. Amounts stay Money and times UTC here; the layout formats them.
struct LoyaltySlip
{
    enum class Kind {
        Sale, // a sale earned points
        Redemption, // points were spent on a reward
        Refund, // a refund took points back (and perhaps restored a reward's points)
    };

    Kind kind = Kind::Sale;
    QString storeName; // store.name
    QString tillName;
    QDateTime at; // UTC, shown in local time
    QString reference; // the sale's receipt number (Redemption: the sale it applies to, may be empty)
    QString refundReference; // Refund: the register's refund number, when it gave one
    SlipMember member;
    QString cardNumber; // the member's card (13 digits, printed as an EAN-13 barcode), or empty

    // Sale: the program's points, then one line per extra (tier multiplier, promotion, win-back, targeted offer,
    // referral bonus), each with its name and points.
    Money saleTotal;
    qint64 programPoints = 0;
    QList<PointsLine> extras;
    qint64 earnedPoints() const
    {
        qint64 sum = programPoints;
        for (const PointsLine& line : extras)
            sum += line.points;
        return sum;
    }

    // Redemption: the points spent, on which reward, and the discount the register must apply.
    qint64 pointsSpent = 0;
    QString rewardName;
    Money discount;
    int discountPercentage = 0; // a percentage reward: its percentage (discount holds the amount, when known)

    // Refund: the amount refunded, the points it took back and the reward points it gave back.
    Money refunded;
    qint64 pointsTakenBack = 0; // 0 or more
    qint64 pointsRestored = 0; // 0 or more

    qint64 balance = 0; // right after this operation
    QString redeemableReward; // the dearest reward the balance affords now ("You can redeem X now"), or empty
    std::optional<RewardProgress> nextReward; // none when the balance affords every reward
    std::optional<TierProgress> nextTier;
    std::optional<ExpiringPoints> expiring; // the nearest points due to expire within 60 days
    QString footer; // slip.footer
};

} // namespace lt
