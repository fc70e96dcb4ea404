#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/domain/Sale.h"
#include "core/services/PromotionCache.h"

namespace lt {

class Actor;
struct EngineContext;

// Awards points for a completed sale. The sale reference makes it idempotent: the same sale again adds nothing
// and returns what the first one earned.
class AccrualService
{
public:
    explicit AccrualService(EngineContext& context)
        : m_context(context)
    {
    }

    // The sale earns the program's points, then the tier's multiplier, the newest promotion that applies and an open
    // win-back offer add theirs (each computed on the program's points, as Square's promotions are); it may raise
    // the member's tier and bring referral bonuses. One transaction.
    Result<PointsChange> accrue(qint64 memberId, const Sale& sale, const Actor& actor);
    // What the sale would earn, part by part; memberId 0: the program's points only.
    Result<PointsBreakdown> preview(qint64 memberId, const Sale& sale) const;
    // Takes back a sale's points, e.g. an accrual made on the wrong member; refunds use RefundService.
    Result<PointsChange> voidSale(const QString& saleReference, const QString& reason, const Actor& actor);

    static Result<QString> validateReference(const QString& reference);

private:
    Result<void> validate(const Sale& sale) const;
    // Inside the transaction.
    Result<PointsChange> record(qint64 memberId, const Sale& sale, const Actor& actor);
    struct Earning
    {
        PointsBreakdown breakdown;
        qint64 offerId = 0; // the win-back offer the sale uses
        qint64 promotionId = 0; // the promotion it earns
    };
    Result<Earning> earning(qint64 memberId, const Sale& sale) const;
    Result<PointsChange> recordVoid(const QString& reference, const QString& reason, const Actor& actor);

    EngineContext& m_context;
    mutable PromotionCache m_promotions; // parsed once, read again only when the promotions change
};

} // namespace lt
