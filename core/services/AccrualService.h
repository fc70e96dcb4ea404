#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/domain/Sale.h"

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

    Result<PointsChange> accrue(qint64 memberId, const Sale& sale, const Actor& actor);
    Result<qint64> preview(const Sale& sale) const;
    // Takes back a sale's points, e.g. an accrual made on the wrong member; refunds use RefundService.
    Result<PointsChange> voidSale(const QString& saleReference, const QString& reason, const Actor& actor);

    static Result<QString> validateReference(const QString& reference);

private:
    Result<void> validate(const Sale& sale) const;
    // Inside the transaction.
    Result<PointsChange> record(qint64 memberId, const Sale& sale, qint64 points, const Actor& actor);
    Result<PointsChange> recordVoid(const QString& reference, const QString& reason, const Actor& actor);

    EngineContext& m_context;
};

} // namespace lt
