#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/domain/Sale.h"
#include "core/services/PromotionCache.h"

#include <QDateTime>

namespace lt {

class Actor;
struct EngineContext;

// How a sale is recorded beyond what the register reports.
struct AccrualOptions
{
    // When the sale took place, for a receipt brought in later: invalid for now. At most `sales.backdate_days` days
    // back (the store's local days), not before the member enrolled and not in the future (a minute of clock skew
    // is allowed). The sale counts on that day in the reports and the promotions of that day apply; its points are
    // given now, so they count as earned today and expire counted from today, as Square dates them.
    QDateTime completedAt;
};

// Awards points for a completed sale. The sale reference makes it idempotent: the same sale again adds nothing
// and returns what the first one earned.
class AccrualService
{
public:
    explicit AccrualService(EngineContext& context)
        : m_context(context)
    {
    }

    // The sale earns the program's points, then the tier's multiplier, the newest promotion that applies, an open
    // win-back offer and an open targeted multiplier offer (OfferService) add theirs (each computed on the program's
    // points, as Square's promotions are); it may raise the member's tier and bring referral bonuses. One
    // transaction.
    Result<PointsChange> accrue(qint64 memberId, const Sale& sale, const Actor& actor,
                                const AccrualOptions& options = {});
    // What the sale would earn, part by part; memberId 0: the program's points only.
    Result<PointsBreakdown> preview(qint64 memberId, const Sale& sale) const;
    // Takes back a sale's points, e.g. an accrual made on the wrong member; refunds use RefundService.
    Result<PointsChange> voidSale(const QString& saleReference, const QString& reason, const Actor& actor);

    static Result<QString> validateReference(const QString& reference);

private:
    Result<void> validate(const Sale& sale) const;
    // The sale's time in UTC: now, or options.completedAt once checked against the clock and the store's setting.
    Result<QDateTime> saleTime(const AccrualOptions& options) const;
    // Inside the transaction.
    Result<PointsChange> record(qint64 memberId, const Sale& sale, const Actor& actor, const QDateTime& at);
    struct Earning
    {
        PointsBreakdown breakdown;
        qint64 offerId = 0; // the win-back offer the sale uses
        qint64 promotionId = 0; // the promotion it earns
        // A targeted multiplier offer the sale uses: its line in the breakdown (listed with the promotions, under
        // the offer's name) and the key of the member's use.
        qsizetype targetedLine = -1;
        qint64 targetedOfferId = 0;
        QString targetedKey;
    };
    // For `member` as read (id 0: the program's points only).
    Result<Earning> earning(const Member& member, const Sale& sale, const QDateTime& at) const;
    Result<PointsChange> recordVoid(const QString& reference, const QString& reason, const Actor& actor);

    EngineContext& m_context;
    mutable PromotionCache m_promotions; // parsed once, read again only when the promotions change
};

} // namespace lt
