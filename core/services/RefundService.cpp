#include "core/services/RefundService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/PointsRules.h"
#include "core/services/AccrualService.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/services/ReferralService.h"
#include "core/store/AuditLog.h"
#include "core/store/LedgerStore.h"
#include "core/store/LedgerWriter.h"
#include "core/store/OfferStore.h"
#include "core/store/SaleStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<PointsChange> RefundService::refund(const RefundRequest& request, const Actor& actor)
{
    LT_TRY_ASSIGN(const QString reference, AccrualService::validateReference(request.saleReference));
    QString refundReference;
    if (!request.refundReference.trimmed().isEmpty()) {
        LT_TRY_ASSIGN(refundReference, AccrualService::validateReference(request.refundReference));
    }
    if (request.amount && request.amount->minorUnits() <= 0)
        return Error::invalid(QCoreApplication::translate("RefundService", "The refund must be more than zero."),
                              QStringLiteral("amount"));
    LT_TRY_ASSIGN(PointsChange change, inTransaction(m_context.db, [&]() -> Result<PointsChange> {
                      return record(request, reference, refundReference, actor);
                  }));
    LT_TRY_ASSIGN(change.member, MemberDirectory(m_context).byId(change.member.id));
    return change;
}

Result<PointsChange> RefundService::record(const RefundRequest& request, const QString& reference,
                                           const QString& refundReference, const Actor& actor)
{
    SaleStore sales(m_context.db);
    LT_TRY_ASSIGN(const SaleRecord sale, sales.require(reference));
    const Money total = sale.total;
    PointsChange change;
    change.member.id = sale.memberId;
    change.saleReference = reference;
    change.saleTotal = total;
    if (!refundReference.isEmpty()) {
        LT_TRY_ASSIGN(const std::optional<RefundRecord> earlier, sales.refund(refundReference));
        if (earlier) {
            if (earlier->saleId != sale.id || (request.amount && request.amount->minorUnits() != earlier->amountMinor))
                return Error::conflict(
                    QCoreApplication::translate("RefundService",
                                                "Refund %1 was already recorded for another sale or amount.")
                        .arg(refundReference));
            change.repeated = true;
            change.points = earlier->points;
            change.refunded = Money(earlier->amountMinor, total.currency());
            return change;
        }
    }

    const qint64 remaining = total.minorUnits() - sale.refundedMinor;
    if (remaining <= 0)
        return Error::refused(
            QCoreApplication::translate("RefundService", "Sale %1 has already been refunded in full.").arg(reference));
    const qint64 amount = request.amount ? request.amount->minorUnits() : remaining;
    if (request.amount && request.amount->currency() != total.currency())
        return Error::invalid(
            QCoreApplication::translate("RefundService", "Sale %1 was paid in %2.").arg(reference, total.currency()),
            QStringLiteral("amount"));
    if (amount > remaining)
        return Error::refused(QCoreApplication::translate("RefundService", "Only %1 of sale %2 is left to refund.")
                                  .arg(Money(remaining, total.currency()).toDisplayString(), reference));
    const qint64 refundedAfter = sale.refundedMinor + amount;
    const qint64 reversal =
        PointsRules::refundReversal(sale.points, total.minorUnits(), refundedAfter, sale.pointsReversed);
    LT_TRY(sales.setTakenBack(sale.id, refundedAfter, sale.pointsReversed + reversal));
    if (reversal > 0) {
        LedgerStore::NewEntry entry;
        entry.memberId = sale.memberId;
        entry.kind = LedgerKind::Refund;
        entry.points = -reversal;
        entry.saleId = sale.id;
        LT_TRY_ASSIGN(change.ledgerId,
                      LedgerWriter(m_context.db, m_context.clock, actor)
                          .append(entry, OutboxOperation::Refund,
                                  {{QStringLiteral("sale"), reference},
                                   {QStringLiteral("amount_minor"), amount},
                                   {QStringLiteral("reason"), QStringLiteral("Refund of sale %1").arg(reference)}}));
    }
    if (refundedAfter == total.minorUnits()
        && StoreSettings(m_context.db).value(StoreSettings::RefundRedeemedReward) == QLatin1String("restore")) {
        LT_TRY_ASSIGN(change.restoredPoints, restoreRedeemedRewards(sale.memberId, reference, actor));
    }
    if (refundedAfter == total.minorUnits()) {
        LT_TRY_ASSIGN(change.bonuses, ReferralService(m_context).afterFullRefund(sale.id, actor));
        // Every point of the sale is taken back: the member may use its targeted offer on another sale. A partial
        // refund keeps the use; the offer's results count only the points kept (OfferStore::outcomes).
        LT_TRY(OfferStore(m_context.db).releaseUseOf(sale.id));
    }
    LT_TRY(sales.recordRefund(sale.id, refundReference, amount, -reversal, change.ledgerId, m_context.clock.nowUtc()));
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(actor.name(), QStringLiteral("sale.refund"), QStringLiteral("member:%1").arg(sale.memberId),
                       {{QStringLiteral("sale"), reference},
                        {QStringLiteral("amount_minor"), amount},
                        {QStringLiteral("points"), -reversal},
                        {QStringLiteral("restored"), change.restoredPoints}}));
    change.points = -reversal + change.restoredPoints;
    change.refunded = Money(amount, total.currency());
    qCDebug(lcServices) << "refund on sale" << sale.id << "took back" << reversal << "points";
    return change;
}

Result<qint64> RefundService::restoreRedeemedRewards(qint64 memberId, const QString& saleReference, const Actor& actor)
{
    const LedgerStore ledger(m_context.db);
    LT_TRY_ASSIGN(const qint64 redeemed, ledger.pointsFor(memberId, saleReference, LedgerKind::Redeem));
    LT_TRY_ASSIGN(const qint64 restoredBefore, ledger.pointsFor(memberId, saleReference, LedgerKind::Restore));
    const qint64 points = PointsRules::rewardPointsToRestore(-redeemed, restoredBefore);
    if (points <= 0)
        return 0;
    LedgerStore::NewEntry entry;
    entry.memberId = memberId;
    entry.kind = LedgerKind::Restore;
    entry.points = points;
    entry.reference = saleReference;
    entry.note =
        QCoreApplication::translate("RefundService", "Reward points returned: sale %1 was refunded").arg(saleReference);
    LT_TRY(LedgerWriter(m_context.db, m_context.clock, actor)
               .append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), entry.note}}));
    return points;
}

} // namespace lt
