#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"

#include <optional>

namespace lt {

class Actor;
struct EngineContext;
struct RewardTier;

struct RedemptionRequest
{
    qint64 memberId = 0;
    QString rewardTierId;
    std::optional<qint64> points; // only for rewards that let the member choose how many points to use
    QString saleReference; // the sale the discount is applied to, when known
};

// Spends points on a reward. The result says what the register must take off the sale.
class RedemptionService
{
public:
    explicit RedemptionService(EngineContext& context)
        : m_context(context)
    {
    }

    Result<PointsChange> redeem(const RedemptionRequest& request, const Actor& actor);
    // The points and discount a redemption would use, checked against a balance; nothing is written.
    Result<PointsChange> quote(const RedemptionRequest& request, qint64 balance) const;

    // A reward the program reserves to a tier is claimed only by members at that tier or above.
    Result<void> mayClaim(const Member& member, const QString& rewardTierId) const;

private:
    Result<PointsChange> record(const RedemptionRequest& request, const Actor& actor); // inside the transaction

    EngineContext& m_context;
};

} // namespace lt
