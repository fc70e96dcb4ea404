#include "core/domain/PromotionRules.h"

#include "core/domain/PromotionSchedule.h"

#include <algorithm>

namespace lt {

qint64 PromotionRules::pointsFor(const Promotion& promotion, qint64 programPoints)
{
    if (programPoints <= 0)
        return 0;
    if (promotion.incentive == Promotion::Incentive::Addition)
        return promotion.pointsAddition;
    // Integer arithmetic in thousandths drops the fraction as Square does (4 points x 1.5 = 6, 3 x 1.5 = 4).
    return programPoints * promotion.multiplierMilli / 1000 - programPoints;
}

bool PromotionRules::saleQualifies(const Promotion& promotion, const Sale& sale)
{
    if (promotion.minimumSpendMinor > 0
        && (sale.total.currency() != promotion.currency || sale.total.minorUnits() < promotion.minimumSpendMinor))
        return false;
    if (promotion.itemVariationIds.isEmpty() && promotion.categoryIds.isEmpty())
        return true;
    return std::any_of(sale.lines.begin(), sale.lines.end(), [&](const SaleLine& line) {
        return line.quantity > 0
            && ((!line.itemVariationId.isEmpty() && promotion.itemVariationIds.contains(line.itemVariationId))
                || (!line.categoryId.isEmpty() && promotion.categoryIds.contains(line.categoryId)));
    });
}

Result<std::optional<PromotionAward>>
PromotionRules::award(const QList<Promotion>& promotions, const Sale& sale, qint64 programPoints,
                      const QDateTime& localTime,
                      const std::function<Result<int>(const Promotion&, const QDateTime& since)>& usesSince)
{
    using Award = std::optional<PromotionAward>;
    if (programPoints <= 0)
        return Award();
    QList<const Promotion*> newestFirst;
    for (const Promotion& promotion : promotions) {
        if (promotion.isLive())
            newestFirst.append(&promotion);
    }
    std::stable_sort(newestFirst.begin(), newestFirst.end(), [](const Promotion* a, const Promotion* b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    for (const Promotion* promotion : std::as_const(newestFirst)) {
        if (!saleQualifies(*promotion, sale))
            continue;
        LT_TRY_ASSIGN(const PromotionSchedule schedule, PromotionSchedule::fromPeriods(promotion->periods));
        if (!schedule.contains(localTime))
            continue;
        if (promotion->triggerLimit) {
            QDateTime since; // ALL_TIME: every use counts
            if (promotion->triggerLimit->interval == Promotion::LimitInterval::Day) {
                since = localTime;
                since.setTime(QTime(0, 0));
            }
            LT_TRY_ASSIGN(const int uses, usesSince(*promotion, since));
            // Square: a purchase the limit disqualifies may still qualify for another promotion.
            if (uses >= promotion->triggerLimit->times)
                continue;
        }
        const qint64 points = pointsFor(*promotion, programPoints);
        if (points <= 0)
            return Award();
        return Award(PromotionAward {promotion->id, promotion->name, points});
    }
    return Award();
}

} // namespace lt
