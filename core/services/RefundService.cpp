#include "core/services/RefundService.h"

#include "core/common/Clock.h"
#include "core/domain/PointsRules.h"
#include "core/services/AccrualService.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberDirectory.h"
#include "core/store/SaleRecord.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<PointsChange> RefundService::refund(const RefundRequest& request)
{
    auto reference = AccrualService::validateReference(request.saleReference);
    if (!reference)
        return reference.error();
    QString refundReference;
    if (!request.refundReference.trimmed().isEmpty()) {
        auto valid = AccrualService::validateReference(request.refundReference);
        if (!valid)
            return valid.error();
        refundReference = *valid;
    }
    if (request.amount && request.amount->minorUnits() <= 0)
        return Error::invalid(QCoreApplication::translate("RefundService", "The refund must be more than zero."),
                              QStringLiteral("amount"));

    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto sale = SaleRecord::find(db, *reference);
    if (!sale)
        return sale.error();
    const qint64 saleId = sale->id;
    const qint64 memberId = sale->memberId;
    const Money total = sale->total;
    const qint64 earned = sale->points;
    const qint64 refundedBefore = sale->refundedMinor;
    const qint64 reversedBefore = sale->pointsReversed;

    PointsChange change;
    change.saleReference = *reference;
    change.saleTotal = total;
    if (!refundReference.isEmpty()) {
        auto earlier = db.scalar(QStringLiteral("SELECT sale_id || ':' || amount_minor || ':' || points FROM refunds "
                                                "WHERE reference = ?"),
                                 {refundReference});
        if (!earlier)
            return earlier.error();
        if (earlier->isValid()) {
            const QStringList parts = earlier->toString().split(QLatin1Char(':'));
            const qint64 amount = parts.value(1).toLongLong();
            if (parts.value(0).toLongLong() != saleId || (request.amount && request.amount->minorUnits() != amount))
                return Error::conflict(
                    QCoreApplication::translate("RefundService",
                                                "Refund %1 was already recorded for another sale or amount.")
                        .arg(refundReference));
            transaction.rollback();
            auto member = MemberDirectory(m_context).byId(memberId);
            if (!member)
                return member.error();
            change.member = *member;
            change.repeated = true;
            change.points = parts.value(2).toLongLong();
            change.refunded = Money(amount, total.currency());
            return change;
        }
    }

    const qint64 remaining = total.minorUnits() - refundedBefore;
    if (remaining <= 0)
        return Error::refused(
            QCoreApplication::translate("RefundService", "Sale %1 has already been refunded in full.").arg(*reference));
    const qint64 amount = request.amount ? request.amount->minorUnits() : remaining;
    if (request.amount && request.amount->currency() != total.currency())
        return Error::invalid(
            QCoreApplication::translate("RefundService", "Sale %1 was paid in %2.").arg(*reference, total.currency()),
            QStringLiteral("amount"));
    if (amount > remaining)
        return Error::refused(QCoreApplication::translate("RefundService", "Only %1 of sale %2 is left to refund.")
                                  .arg(Money(remaining, total.currency()).toDisplayString(), *reference));
    const qint64 refundedAfter = refundedBefore + amount;
    const qint64 reversal = PointsRules::refundReversal(earned, total.minorUnits(), refundedAfter, reversedBefore);

    if (auto updated = db.exec(QStringLiteral("UPDATE sales SET refunded_minor = ?, points_reversed = ? WHERE id = ?"),
                               {refundedAfter, reversedBefore + reversal, saleId});
        !updated)
        return updated.error();
    qint64 ledgerId = 0;
    if (reversal > 0) {
        LedgerWriter::Entry entry;
        entry.memberId = memberId;
        entry.kind = QStringLiteral("refund");
        entry.points = -reversal;
        entry.saleId = saleId;
        auto written = LedgerWriter(m_context).append(
            entry, QStringLiteral("refund"),
            {{QStringLiteral("sale"), *reference},
             {QStringLiteral("amount_minor"), amount},
             {QStringLiteral("reason"), QStringLiteral("Refund of sale %1").arg(*reference)}});
        if (!written)
            return written.error();
        ledgerId = *written;
    }
    qint64 restored = 0;
    if (refundedAfter == total.minorUnits()
        && StoreSettings(db).value(StoreSettings::RefundRedeemedReward) == QLatin1String("restore")) {
        auto restoredPoints = restoreRedeemedRewards(memberId, *reference);
        if (!restoredPoints)
            return restoredPoints.error();
        restored = *restoredPoints;
    }
    if (auto recorded =
            db.exec(QStringLiteral("INSERT INTO refunds (sale_id, reference, amount_minor, points, ledger_id, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                    {saleId, refundReference.isEmpty() ? QVariant() : QVariant(refundReference), amount, -reversal,
                     ledgerId > 0 ? QVariant(ledgerId) : QVariant(), toStorageTime(m_context.clock.nowUtc())});
        !recorded)
        return recorded.error();
    if (auto audited =
            AuditLog(db, m_context.clock)
                .record(m_context.actor, QStringLiteral("sale.refund"), QStringLiteral("member:%1").arg(memberId),
                        {{QStringLiteral("sale"), *reference},
                         {QStringLiteral("amount_minor"), amount},
                         {QStringLiteral("points"), -reversal},
                         {QStringLiteral("restored"), restored}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    auto member = MemberDirectory(m_context).byId(memberId);
    if (!member)
        return member.error();
    change.member = *member;
    change.points = -reversal + restored;
    change.ledgerId = ledgerId;
    change.refunded = Money(amount, total.currency());
    change.restoredPoints = restored;
    return change;
}

Result<qint64> RefundService::restoreRedeemedRewards(qint64 memberId, const QString& saleReference)
{
    auto redeemed = m_context.db.scalar(
        QStringLiteral("SELECT COALESCE(-sum(points), 0) FROM ledger WHERE member_id = ? AND reference = ? AND "
                       "kind = 'redeem'"),
        {memberId, saleReference});
    if (!redeemed)
        return redeemed.error();
    auto restoredBefore = m_context.db.scalar(
        QStringLiteral("SELECT COALESCE(sum(points), 0) FROM ledger WHERE member_id = ? AND reference = ? AND "
                       "kind = 'restore'"),
        {memberId, saleReference});
    if (!restoredBefore)
        return restoredBefore.error();
    const qint64 points = PointsRules::rewardPointsToRestore(redeemed->toLongLong(), restoredBefore->toLongLong());
    if (points <= 0)
        return 0;
    LedgerWriter::Entry entry;
    entry.memberId = memberId;
    entry.kind = QStringLiteral("restore");
    entry.points = points;
    entry.reference = saleReference;
    entry.note =
        QCoreApplication::translate("RefundService", "Reward points returned: sale %1 was refunded").arg(saleReference);
    auto written =
        LedgerWriter(m_context).append(entry, QStringLiteral("adjust"), {{QStringLiteral("reason"), entry.note}});
    if (!written)
        return written.error();
    return points;
}

} // namespace lt
