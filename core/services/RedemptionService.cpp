#include "core/services/RedemptionService.h"

#include "core/domain/PointsRules.h"
#include "core/services/AccrualService.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberDirectory.h"
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
    auto cost = PointsRules(program).redemptionCost(*tier, request.points, balance);
    if (!cost)
        return cost.error();
    PointsChange change;
    change.points = -cost->points;
    change.rewardTierId = tier->id;
    change.rewardName = tier->name;
    change.discount = cost->discount;
    change.discountPercentage = cost->discountPercentage;
    change.saleReference = request.saleReference.trimmed();
    return change;
}

Result<PointsChange> RedemptionService::redeem(const RedemptionRequest& request)
{
    if (!request.saleReference.trimmed().isEmpty()) {
        if (auto reference = AccrualService::validateReference(request.saleReference); !reference)
            return reference.error();
    }
    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // The balance is read inside the write lock, so two tills cannot spend the same points.
    auto member = MemberDirectory(m_context).byId(request.memberId);
    if (!member)
        return member.error();
    if (member->erased)
        return Error::refused(
            QCoreApplication::translate("RedemptionService", "Member %1 has left the program.").arg(request.memberId));
    auto quoted = quote(request, member->balance);
    if (!quoted)
        return quoted.error();
    PointsChange change = *quoted;

    LedgerWriter::Entry entry;
    entry.memberId = request.memberId;
    entry.kind = QStringLiteral("redeem");
    entry.points = change.points;
    entry.reference = change.saleReference;
    entry.rewardTierId = change.rewardTierId;
    entry.discountMinor = change.discount.minorUnits();
    auto written = LedgerWriter(m_context).append(
        entry, QStringLiteral("redeem"),
        {{QStringLiteral("reward_tier_id"), change.rewardTierId}, {QStringLiteral("sale"), change.saleReference}});
    if (!written)
        return written.error();
    change.ledgerId = *written;
    if (auto audited = AuditLog(db, m_context.clock)
                           .record(m_context.actor, QStringLiteral("reward.redeem"),
                                   QStringLiteral("member:%1").arg(request.memberId),
                                   {{QStringLiteral("reward"), change.rewardTierId},
                                    {QStringLiteral("points"), change.points},
                                    {QStringLiteral("discount_minor"), change.discount.minorUnits()}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    auto after = MemberDirectory(m_context).byId(request.memberId);
    if (!after)
        return after.error();
    change.member = *after;
    return change;
}

} // namespace lt
