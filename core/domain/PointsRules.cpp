#include "core/domain/PointsRules.h"

#include <QCoreApplication>

#include <algorithm>

namespace lt {

qint64 PointsRules::pointsFor(const Sale& sale) const
{
    if (!m_program.active)
        return 0;
    qint64 best = 0;
    for (const AccrualRule& rule : m_program.accrualRules)
        best = std::max(best, pointsFor(sale, rule));
    return best;
}

qint64 PointsRules::pointsFor(const Sale& sale, const AccrualRule& rule) const
{
    const qint64 total = sale.total.minorUnits();
    if (total <= 0)
        return 0;
    switch (rule.type) {
    case AccrualRule::Type::Spend: {
        qint64 eligible = total;
        for (const SaleLine& line : sale.lines) {
            if (rule.excludedItemVariationIds.contains(line.itemVariationId)
                || (!line.categoryId.isEmpty() && rule.excludedCategoryIds.contains(line.categoryId)))
                eligible -= line.amountMinor;
        }
        eligible = std::max<qint64>(eligible, 0);
        qint64 units = eligible / rule.spendAmountMinor;
        const qint64 remainder = eligible % rule.spendAmountMinor;
        const bool roundsUp = (rule.rounding == AccrualRule::Rounding::Up && remainder > 0)
            || (rule.rounding == AccrualRule::Rounding::Nearest && remainder * 2 >= rule.spendAmountMinor);
        if (roundsUp)
            ++units;
        return units * rule.points;
    }
    case AccrualRule::Type::Visit:
        return total >= rule.visitMinimumMinor ? rule.points : 0;
    case AccrualRule::Type::ItemVariation:
    case AccrualRule::Type::Category: {
        qint64 quantity = 0;
        for (const SaleLine& line : sale.lines) {
            const bool matches = rule.type == AccrualRule::Type::ItemVariation
                ? line.itemVariationId == rule.itemVariationId
                : line.categoryId == rule.categoryId;
            if (matches && line.quantity > 0)
                quantity += line.quantity;
        }
        return quantity * rule.points;
    }
    }
    return 0;
}

Result<PointsRules::Redemption> PointsRules::redemptionCost(const RewardTier& tier,
                                                            std::optional<qint64> requestedPoints, qint64 balance) const
{
    // The texts keep the redemption's translation context, where translators already know them.
    if (!m_program.active)
        return Error::refused(QCoreApplication::translate("RedemptionService", "The loyalty program is not active."));
    qint64 points = tier.points;
    if (tier.partial) {
        points = requestedPoints.value_or(std::min(balance, tier.points));
        if (points < tier.minimumPoints || points > tier.points)
            return Error::invalid(
                QCoreApplication::translate("RedemptionService", "Use between %1 and %2 %3 for this reward.")
                    .arg(tier.minimumPoints)
                    .arg(tier.points)
                    .arg(m_program.termOther),
                QStringLiteral("points"));
    } else if (requestedPoints && *requestedPoints != tier.points) {
        return Error::invalid(QCoreApplication::translate("RedemptionService", "'%1' always costs %2 %3.")
                                  .arg(tier.name)
                                  .arg(tier.points)
                                  .arg(m_program.termOther),
                              QStringLiteral("points"));
    }
    if (balance < points)
        return Error::refused(
            QCoreApplication::translate("RedemptionService", "Not enough %1: the member has %2 and '%3' needs %4.")
                .arg(m_program.termOther)
                .arg(balance)
                .arg(tier.name)
                .arg(points));
    Redemption cost;
    cost.points = points;
    if (tier.partial) {
        cost.discount = Money(points * tier.minorPerPoint, m_program.currency);
    } else if (tier.discount == RewardTier::Discount::FixedAmount) {
        cost.discount = Money(tier.amountMinor, m_program.currency);
    } else {
        cost.discount = Money(tier.maximumDiscountMinor, m_program.currency);
        cost.discountPercentage = tier.percentage;
    }
    return cost;
}

qint64 PointsRules::refundReversal(qint64 earned, qint64 totalMinor, qint64 refundedAfterMinor, qint64 reversedBefore)
{
    if (totalMinor <= 0)
        return 0;
    // Both factors are bounded by Money::MaximumMinorUnits (1e8), so the product fits in 64 bits.
    const qint64 reversedAfter = earned * refundedAfterMinor / totalMinor;
    return std::max<qint64>(0, reversedAfter - reversedBefore);
}

qint64 PointsRules::voidReversal(qint64 earned, qint64 reversedBefore)
{
    return earned - reversedBefore;
}

qint64 PointsRules::rewardPointsToRestore(qint64 redeemed, qint64 restoredBefore)
{
    return std::max<qint64>(0, redeemed - restoredBefore);
}

PointsRules::LifetimeEffect PointsRules::lifetimeEffect(LedgerKind kind)
{
    switch (kind) {
    case LedgerKind::Accrue:
    case LedgerKind::Opening:
    case LedgerKind::Refund:
    case LedgerKind::Void:
        return LifetimeEffect::All;
    case LedgerKind::Adjust:
        return LifetimeEffect::GainsOnly;
    case LedgerKind::Redeem:
    case LedgerKind::Restore:
    case LedgerKind::Expire:
        break;
    }
    return LifetimeEffect::None;
}

qint64 PointsRules::lifetimeDelta(LedgerKind kind, qint64 points)
{
    switch (lifetimeEffect(kind)) {
    case LifetimeEffect::All:
        return points;
    case LifetimeEffect::GainsOnly:
        return std::max<qint64>(points, 0);
    case LifetimeEffect::None:
        break;
    }
    return 0;
}

} // namespace lt
