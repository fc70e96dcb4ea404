#pragma once

#include "core/common/Result.h"
#include "core/domain/Promotion.h"
#include "core/domain/Sale.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace lt {

// What a promotion gave one sale, as the sale's points preview names it ("2x Tuesday afternoons: +40").
struct PromotionAward
{
    qint64 promotionId = 0;
    QString name;
    qint64 points = 0;
};

// Which promotion a sale earns and how many points it adds, as Square decides it. Pure: the caller passes the
// promotions, the sale's local time and how often the member already earned each one.
class PromotionRules
{
public:
    // The promotion a sale earns, as Square decides it: the purchase must earn program points first
    // (programPoints > 0); a promotion applies when the sale's local time is in one of its periods, the total
    // reaches its minimum spend, the sale holds a qualifying item or category when it names some, and the
    // member's earlier uses stay under its trigger limit; among those that apply, the most recently created wins.
    // Multiplier: programPoints * multiplier - programPoints, fractions dropped. Addition: its points.
    //
    // Qualifying items and categories only decide whether the promotion applies: Square's LoyaltyPromotion says
    // "the purchase must include at least one of these items", so the multiplier works on the whole purchase's
    // program points, not on the qualifying lines' share. A winner that adds no points (1 point times 1.5) gives
    // no award, and nothing is counted against its trigger limit. Promotions that are not live never apply.
    // usesSince: how many times this member earned that promotion since `since`: the start of the local day for
    // a DAY limit, an invalid QDateTime for ALL_TIME. Its error ends the evaluation.
    static Result<std::optional<PromotionAward>>
    award(const QList<Promotion>& promotions, const Sale& sale, qint64 programPoints, const QDateTime& localTime,
          const std::function<Result<int>(const Promotion&, const QDateTime& since)>& usesSince);

    // What the promotion adds to `programPoints` (0 or more), trigger limit and time aside.
    static qint64 pointsFor(const Promotion& promotion, qint64 programPoints);
    // Whether the sale reaches the minimum spend and holds a qualifying item or category.
    static bool saleQualifies(const Promotion& promotion, const Sale& sale);
};

} // namespace lt
