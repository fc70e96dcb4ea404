#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"

#include <optional>

namespace lt {

class Actor;
struct EngineContext;

struct RefundRequest
{
    QString saleReference;
    std::optional<Money> amount; // the whole remaining sale when empty
    QString refundReference; // the register's refund number: makes the refund idempotent when given
};

// Takes back the points a refunded sale earned (PointsRules::refundReversal: pro rata and rounded down, never more
// than the sale earned), and on a full refund gives back the points its rewards used when the store says so.
class RefundService
{
public:
    explicit RefundService(EngineContext& context)
        : m_context(context)
    {
    }

    Result<PointsChange> refund(const RefundRequest& request, const Actor& actor);

private:
    // Inside the transaction.
    Result<PointsChange> record(const RefundRequest& request, const QString& reference, const QString& refundReference,
                                const Actor& actor);
    Result<qint64> restoreRedeemedRewards(qint64 memberId, const QString& saleReference, const Actor& actor);

    EngineContext& m_context;
};

} // namespace lt
