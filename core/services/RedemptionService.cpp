#include "core/services/RedemptionService.h"

#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/PointsRules.h"
#include "core/services/AccrualService.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/store/AuditLog.h"
#include "core/store/LedgerWriter.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<PointsChange> RedemptionService::quote(const RedemptionRequest& request, qint64 balance) const
{
    const LoyaltyProgram& program = m_context.program;
    const RewardTier* tier = program.tier(request.rewardTierId.trimmed());
    if (!tier)
        return Error::notFound(
            QCoreApplication::translate("RedemptionService", "There is no reward '%1'.").arg(request.rewardTierId));
    LT_TRY_ASSIGN(const PointsRules::Redemption cost,
                  PointsRules(program).redemptionCost(*tier, request.points, balance));
    PointsChange change;
    change.points = -cost.points;
    change.rewardTierId = tier->id;
    change.rewardName = tier->name;
    change.discount = cost.discount;
    change.discountPercentage = cost.discountPercentage;
    change.saleReference = request.saleReference.trimmed();
    return change;
}

Result<void> RedemptionService::mayClaim(const Member& member, const QString& rewardTierId) const
{
    const TierPolicy& tiers = m_context.program.memberTiers;
    const int needed = tiers.rewardTierIndex(rewardTierId);
    if (needed <= 0 || tiers.indexOf(member.tier) >= needed)
        return {};
    const RewardTier* reward = m_context.program.tier(rewardTierId);
    return Error::refused(QCoreApplication::translate("RedemptionService", "'%1' is for %2 members and above.")
                              .arg(reward ? reward->name : rewardTierId, tiers.tiers.at(needed).name));
}

Result<PointsChange> RedemptionService::redeem(const RedemptionRequest& request, const Actor& actor)
{
    if (!request.saleReference.trimmed().isEmpty())
        LT_TRY(AccrualService::validateReference(request.saleReference));
    LT_TRY_ASSIGN(PointsChange change,
                  inTransaction(m_context.db, [&]() -> Result<PointsChange> { return record(request, actor); }));
    LT_TRY_ASSIGN(change.member, MemberDirectory(m_context).byId(request.memberId));
    return change;
}

Result<PointsChange> RedemptionService::record(const RedemptionRequest& request, const Actor& actor)
{
    // The balance is read inside the write lock, so two tills cannot spend the same points.
    LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(request.memberId));
    if (member.erased)
        return Error::refused(
            QCoreApplication::translate("RedemptionService", "Member %1 has left the program.").arg(request.memberId));
    LT_TRY(mayClaim(member, request.rewardTierId.trimmed()));
    LT_TRY_ASSIGN(PointsChange change, quote(request, member.balance));
    LedgerStore::NewEntry entry;
    entry.memberId = request.memberId;
    entry.kind = LedgerKind::Redeem;
    entry.points = change.points;
    entry.reference = change.saleReference;
    entry.rewardTierId = change.rewardTierId;
    entry.discountMinor = change.discount.minorUnits();
    LT_TRY_ASSIGN(change.ledgerId,
                  LedgerWriter(m_context.db, m_context.clock, actor)
                      .append(entry, OutboxOperation::Redeem,
                              {{QStringLiteral("reward_tier_id"), change.rewardTierId},
                               {QStringLiteral("sale"), change.saleReference}}));
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(actor.name(), QStringLiteral("reward.redeem"), QStringLiteral("member:%1").arg(request.memberId),
                       {{QStringLiteral("reward"), change.rewardTierId},
                        {QStringLiteral("points"), change.points},
                        {QStringLiteral("discount_minor"), change.discount.minorUnits()}}));
    qCDebug(lcServices) << "member" << request.memberId << "redeemed" << -change.points << "points";
    return change;
}

} // namespace lt
