#include "core/services/AccrualService.h"

#include "core/common/Clock.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/domain/PointsRules.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberDirectory.h"
#include "core/store/SaleRecord.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<QString> AccrualService::validateReference(const QString& reference)
{
    const QString text = reference.trimmed();
    if (text.isEmpty())
        return Error::invalid(QCoreApplication::translate("AccrualService", "Enter the sale's receipt number."),
                              QStringLiteral("sale"));
    if (text.size() > 64)
        return Error::invalid(
            QCoreApplication::translate("AccrualService", "A receipt number has at most 64 characters."),
            QStringLiteral("sale"));
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c.isSpace())
            return Error::invalid(
                QCoreApplication::translate("AccrualService", "A receipt number has no spaces or control characters."),
                QStringLiteral("sale"));
    }
    return text;
}

Result<void> AccrualService::validate(const Sale& sale) const
{
    if (auto reference = validateReference(sale.reference); !reference)
        return reference.error();
    const qint64 total = sale.total.minorUnits();
    if (total <= 0)
        return Error::invalid(QCoreApplication::translate("AccrualService", "The sale total must be more than zero."),
                              QStringLiteral("amount"));
    if (total > Money::MaximumMinorUnits)
        return Error::invalid(
            QCoreApplication::translate("AccrualService", "The amount is larger than any sale can be."),
            QStringLiteral("amount"));
    if (sale.total.currency() != m_context.program.currency)
        return Error::invalid(QCoreApplication::translate("AccrualService", "The program counts in %1, not %2.")
                                  .arg(m_context.program.currency, sale.total.currency()),
                              QStringLiteral("amount"));
    qint64 lines = 0;
    for (const SaleLine& line : sale.lines) {
        if (line.quantity < 1 || line.quantity > 100000 || line.amountMinor < 0 || line.amountMinor > total)
            return Error::invalid(
                QCoreApplication::translate("AccrualService", "A sale line has an impossible quantity or amount."),
                QStringLiteral("items"));
        lines += line.amountMinor;
    }
    if (lines > total)
        return Error::invalid(
            QCoreApplication::translate("AccrualService", "The sale lines add up to more than the total."),
            QStringLiteral("items"));
    return {};
}

Result<qint64> AccrualService::preview(const Sale& sale) const
{
    if (auto valid = validate(sale); !valid)
        return valid.error();
    return PointsRules(m_context.program).pointsFor(sale);
}

Result<PointsChange> AccrualService::accrue(qint64 memberId, const Sale& input)
{
    Sale sale = input;
    sale.reference = sale.reference.trimmed();
    if (auto valid = validate(sale); !valid)
        return valid.error();
    const qint64 points = PointsRules(m_context.program).pointsFor(sale);

    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    QSqlQuery& existing = db.prepared(
        QStringLiteral("SELECT s.member_id, s.amount_minor, s.points, m.erased_at IS NOT NULL FROM members m "
                       "LEFT JOIN sales s ON s.reference = ? WHERE m.id = ?"));
    if (auto done = db.exec(existing, {sale.reference, memberId}); !done) {
        existing.finish();
        return done.error();
    }
    if (!existing.next()) {
        existing.finish();
        return Error::notFound(QCoreApplication::translate("AccrualService", "There is no member %1.").arg(memberId));
    }
    const bool saleKnown = !existing.value(0).isNull();
    const qint64 earlierMember = existing.value(0).toLongLong();
    const qint64 earlierAmount = existing.value(1).toLongLong();
    const qint64 earlierPoints = existing.value(2).toLongLong();
    const bool erased = existing.value(3).toBool();
    existing.finish();

    PointsChange change;
    change.saleReference = sale.reference;
    change.saleTotal = sale.total;
    if (saleKnown) {
        if (earlierMember != memberId || earlierAmount != sale.total.minorUnits())
            return Error::conflict(
                QCoreApplication::translate("AccrualService", "Sale %1 was already recorded for member %2 with %3.")
                    .arg(sale.reference)
                    .arg(earlierMember)
                    .arg(Money(earlierAmount, sale.total.currency()).toDisplayString()));
        transaction.rollback();
        change.repeated = true;
        change.points = earlierPoints;
    } else {
        if (erased)
            return Error::refused(
                QCoreApplication::translate("AccrualService", "Member %1 has left the program.").arg(memberId));
        QSqlQuery& insert = db.prepared(QStringLiteral("INSERT INTO sales (reference, member_id, amount_minor, "
                                                       "currency, points, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        auto inserted = db.exec(insert,
                                {sale.reference, memberId, sale.total.minorUnits(), sale.total.currency(), points,
                                 toStorageTime(m_context.clock.nowUtc())});
        const qint64 saleId = insert.lastInsertId().toLongLong();
        insert.finish();
        if (!inserted)
            return inserted.error();
        if (points > 0) {
            LedgerWriter::Entry entry;
            entry.memberId = memberId;
            entry.kind = QStringLiteral("accrue");
            entry.points = points;
            entry.saleId = saleId;
            auto written = LedgerWriter(m_context).append(entry, QStringLiteral("accrue"),
                                                          {{QStringLiteral("sale"), sale.reference},
                                                           {QStringLiteral("amount_minor"), sale.total.minorUnits()},
                                                           {QStringLiteral("currency"), sale.total.currency()}});
            if (!written)
                return written.error();
            change.ledgerId = *written;
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        change.points = points;
    }
    auto member = MemberDirectory(m_context).byId(memberId);
    if (!member)
        return member.error();
    change.member = *member;
    return change;
}

Result<PointsChange> AccrualService::voidSale(const QString& saleReference, const QString& reasonText)
{
    auto reference = validateReference(saleReference);
    if (!reference)
        return reference.error();
    auto reason = PersonalDataValidator::freeText(reasonText, QStringLiteral("reason"), 500);
    if (!reason)
        return reason.error();
    if (reason->isEmpty())
        return Error::invalid(QCoreApplication::translate("AccrualService", "Say why the accrual is voided."),
                              QStringLiteral("reason"));
    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto sale = SaleRecord::find(db, *reference);
    if (!sale)
        return sale.error();
    const qint64 saleId = sale->id;
    const qint64 memberId = sale->memberId;
    const qint64 amount = sale->total.minorUnits();
    const QString currency = sale->total.currency();
    const qint64 remaining = PointsRules::voidReversal(sale->points, sale->pointsReversed);
    const qint64 refunded = sale->refundedMinor;
    if (refunded >= amount)
        return Error::refused(
            QCoreApplication::translate("AccrualService", "Sale %1 has already been fully refunded or voided.")
                .arg(*reference));
    if (auto updated =
            db.exec(QStringLiteral("UPDATE sales SET refunded_minor = amount_minor, points_reversed = points "
                                   "WHERE id = ?"),
                    {saleId});
        !updated)
        return updated.error();
    PointsChange change;
    if (remaining > 0) {
        LedgerWriter::Entry entry;
        entry.memberId = memberId;
        entry.kind = QStringLiteral("void");
        entry.points = -remaining;
        entry.saleId = saleId;
        entry.note = *reason;
        auto written =
            LedgerWriter(m_context).append(entry, QStringLiteral("adjust"), {{QStringLiteral("reason"), *reason}});
        if (!written)
            return written.error();
        change.ledgerId = *written;
    }
    if (auto audited =
            AuditLog(db, m_context.clock)
                .record(m_context.actor, QStringLiteral("sale.void"), QStringLiteral("member:%1").arg(memberId),
                        {{QStringLiteral("sale"), *reference},
                         {QStringLiteral("points"), -remaining},
                         {QStringLiteral("reason"), *reason}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    auto member = MemberDirectory(m_context).byId(memberId);
    if (!member)
        return member.error();
    change.member = *member;
    change.points = -remaining;
    change.saleReference = *reference;
    change.saleTotal = Money(amount, currency);
    return change;
}

} // namespace lt
