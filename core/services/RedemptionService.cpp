#include "core/services/RedemptionService.h"

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
    if (!program.active)
        return Error::refused(QCoreApplication::translate("RedemptionService", "The loyalty program is not active."));
    qint64 points = tier->points;
    if (tier->partial) {
        points = request.points.value_or(std::min(balance, tier->points));
        if (points < tier->minimumPoints || points > tier->points)
            return Error::invalid(
                QCoreApplication::translate("RedemptionService", "Use between %1 and %2 %3 for this reward.")
                    .arg(tier->minimumPoints)
                    .arg(tier->points)
                    .arg(program.termOther),
                QStringLiteral("points"));
    } else if (request.points && *request.points != tier->points) {
        return Error::invalid(QCoreApplication::translate("RedemptionService", "'%1' always costs %2 %3.")
                                  .arg(tier->name)
                                  .arg(tier->points)
                                  .arg(program.termOther),
                              QStringLiteral("points"));
    }
    if (balance < points)
        return Error::refused(
            QCoreApplication::translate("RedemptionService", "Not enough %1: the member has %2 and '%3' needs %4.")
                .arg(program.termOther)
                .arg(balance)
                .arg(tier->name)
                .arg(points));
    PointsChange change;
    change.points = -points;
    change.rewardTierId = tier->id;
    change.rewardName = tier->name;
    if (tier->partial)
        change.discount = Money(points * tier->minorPerPoint, program.currency);
    else if (tier->discount == RewardTier::Discount::FixedAmount)
        change.discount = Money(tier->amountMinor, program.currency);
    else {
        change.discount = Money(tier->maximumDiscountMinor, program.currency);
        change.discountPercentage = tier->percentage;
    }
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
