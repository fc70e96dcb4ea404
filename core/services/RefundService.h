#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"

#include <optional>

namespace lt {

struct EngineContext;

struct RefundRequest
{
    QString saleReference;
    std::optional<Money> amount; // the whole remaining sale when empty
    QString refundReference; // the register's refund number: makes the refund idempotent when given
};

// Takes back the points a refunded sale earned, pro rata and rounded down, never more than the sale earned.
// Counting the reversal on the refunded total (not per refund) means partial refunds that add up to the whole
// sale reverse exactly what it earned.
class RefundService
{
public:
    explicit RefundService(EngineContext& context)
        : m_context(context)
    {
    }

    Result<PointsChange> refund(const RefundRequest& request);

private:
    Result<qint64> restoreRedeemedRewards(qint64 memberId, const QString& saleReference);

    EngineContext& m_context;
};

} // namespace lt
