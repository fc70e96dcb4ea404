#include "core/domain/PointsCalculator.h"

#include <algorithm>

namespace lt {

qint64 PointsCalculator::pointsFor(const Sale& sale) const
{
    if (!m_program.active)
        return 0;
    qint64 best = 0;
    for (const AccrualRule& rule : m_program.accrualRules)
        best = std::max(best, pointsFor(sale, rule));
    return best;
}

qint64 PointsCalculator::pointsFor(const Sale& sale, const AccrualRule& rule) const
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
        if (rule.rounding == AccrualRule::Rounding::Up && remainder > 0)
            ++units;
        else if (rule.rounding == AccrualRule::Rounding::Nearest && remainder * 2 >= rule.spendAmountMinor)
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

} // namespace lt
