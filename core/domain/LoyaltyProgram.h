#pragma once

#include "core/common/Result.h"
#include "core/domain/BonusRules.h"
#include "core/domain/TierPolicy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

// How a sale earns points. Mirrors Square's LoyaltyProgramAccrualRule so that a pulled program fits unchanged.
struct AccrualRule
{
    enum class Type { Spend, Visit, ItemVariation, Category };
    enum class Rounding { Down, Nearest, Up };

    Type type = Type::Spend;
    qint64 points = 1;
    qint64 spendAmountMinor = 100; // Spend: `points` for every this much spent
    Rounding rounding = Rounding::Down; // Spend: what happens to a part of spendAmountMinor (Square rounds down)
    qint64 visitMinimumMinor = 0; // Visit: the smallest sale that counts as a visit
    QString itemVariationId; // ItemVariation
    QString categoryId; // Category
    QStringList excludedItemVariationIds; // Spend
    QStringList excludedCategoryIds; // Spend
    bool afterTax = false; // tax_mode AFTER_TAX; the till sends the amount the rule is written for

    QJsonObject toJson() const;
    static Result<AccrualRule> fromJson(const QJsonObject& json);
};

// A reward a member can claim with points. Square's tiers are fixed; a local tier may let the cashier choose how
// many points to use (each point worth `minorPerPoint`).
struct RewardTier
{
    enum class Discount { FixedAmount, Percentage };

    QString id;
    QString name;
    qint64 points = 0; // the cost; for a partial tier, the most points one redemption may use
    Discount discount = Discount::FixedAmount;
    qint64 amountMinor = 0; // FixedAmount: the discount
    int percentage = 0; // Percentage: 1-100
    qint64 maximumDiscountMinor = 0; // Percentage: cap, 0 for none
    bool partial = false;
    qint64 minimumPoints = 1; // partial: the fewest points one redemption may use
    qint64 minorPerPoint = 0; // partial: the value of one point

    QJsonObject toJson() const;
    static Result<RewardTier> fromJson(const QJsonObject& json);
};

struct LoyaltyProgram
{
    QString squareProgramId; // empty until sync pulls Square's program
    bool active = true;
    QString currency = QStringLiteral("USD");
    QString termOne = QStringLiteral("Point");
    QString termOther = QStringLiteral("Points");
    std::optional<int> expirationMonths; // Square's expiration_duration P[n]M
    QList<AccrualRule> accrualRules;
    QList<RewardTier> rewardTiers; // ascending by points
    // The parts Square has no API for, run by the till: member tiers and the automatic bonuses (absent: off).
    TierPolicy memberTiers;
    std::optional<OccasionBonus> birthdayBonus;
    std::optional<OccasionBonus> anniversaryBonus;
    std::optional<ReferralBonus> referralBonus;
    std::optional<WinBackOffer> winBack;

    const RewardTier* tier(const QString& id) const;
    QStringList rewardIds() const;
    QString pointsWord(qint64 points) const { return points == 1 || points == -1 ? termOne : termOther; }

    QJsonObject toJson() const;
    // Every field is checked; an error names the field ("win_back.multiplier") and says what is wrong.
    static Result<LoyaltyProgram> fromJson(const QJsonObject& json);
    // What a new store runs before it connects to Square: 1 point per 1.00 spent, three rewards, and modest
    // examples of the automatic parts (Silver and Gold on a rolling 12 months, birthday, referral and win-back
    // bonuses). Expiry stays off until the store or Square sets it.
    static LoyaltyProgram defaultProgram();
};

} // namespace lt
