#include "core/services/AdjustmentService.h"

#include "core/common/Clock.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberDirectory.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<PointsChange> AdjustmentService::request(qint64 memberId, qint64 points, const QString& reasonText)
{
    if (points == 0)
        return Error::invalid(
            QCoreApplication::translate("AdjustmentService", "An adjustment must add or remove at least one point."),
            QStringLiteral("points"));
    if (points > MaximumPoints || points < -MaximumPoints)
        return Error::invalid(
            QCoreApplication::translate("AdjustmentService", "An adjustment is at most %1 points either way.")
                .arg(MaximumPoints),
            QStringLiteral("points"));
    auto reason = PersonalDataValidator::freeText(reasonText, QStringLiteral("reason"), 500);
    if (!reason)
        return reason.error();
    if (reason->isEmpty())
        return Error::invalid(QCoreApplication::translate("AdjustmentService", "Give the reason for the adjustment."),
                              QStringLiteral("reason"));

    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto member = MemberDirectory(m_context).byId(memberId);
    if (!member)
        return member.error();
    if (member->erased)
        return Error::refused(
            QCoreApplication::translate("AdjustmentService", "Member %1 has left the program.").arg(memberId));
    QSqlQuery& insert = db.prepared(QStringLiteral(
        "INSERT INTO adjustments (member_id, points, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)"));
    auto inserted =
        db.exec(insert, {memberId, points, *reason, m_context.actor, toStorageTime(m_context.clock.nowUtc())});
    const qint64 id = insert.lastInsertId().toLongLong();
    insert.finish();
    if (!inserted)
        return inserted.error();
    if (auto audited = AuditLog(db, m_context.clock)
                           .record(m_context.actor, QStringLiteral("adjustment.request"),
                                   QStringLiteral("member:%1").arg(memberId),
                                   {{QStringLiteral("adjustment"), id},
                                    {QStringLiteral("points"), points},
                                    {QStringLiteral("reason"), *reason}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    PointsChange change;
    change.member = *member;
    change.points = 0; // nothing changes until a manager approves
    change.adjustmentId = id;
    change.adjustmentState = QStringLiteral("pending");
    return change;
}

Result<PointsChange> AdjustmentService::approve(qint64 adjustmentId, const QString& manager)
{
    return decide(adjustmentId, manager, true);
}

Result<PointsChange> AdjustmentService::reject(qint64 adjustmentId, const QString& manager)
{
    return decide(adjustmentId, manager, false);
}

Result<PointsChange> AdjustmentService::decide(qint64 adjustmentId, const QString& managerName, bool approve)
{
    auto manager = PersonalDataValidator::freeText(managerName, QStringLiteral("manager"), 100);
    if (!manager)
        return manager.error();
    if (manager->isEmpty())
        return Error::invalid(QCoreApplication::translate("AdjustmentService", "Name the manager who decides."),
                              QStringLiteral("manager"));
    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery& select =
        db.prepared(QStringLiteral("SELECT member_id, points, reason, state FROM adjustments WHERE id = ?"));
    if (auto done = db.exec(select, {adjustmentId}); !done) {
        select.finish();
        return done.error();
    }
    if (!select.next()) {
        select.finish();
        return Error::notFound(
            QCoreApplication::translate("AdjustmentService", "There is no adjustment %1.").arg(adjustmentId));
    }
    const qint64 memberId = select.value(0).toLongLong();
    const qint64 points = select.value(1).toLongLong();
    const QString reason = select.value(2).toString();
    const QString state = select.value(3).toString();
    select.finish();
    if (state != QLatin1String("pending"))
        return Error::conflict(QCoreApplication::translate("AdjustmentService", "Adjustment %1 was already %2.")
                                   .arg(adjustmentId)
                                   .arg(state));

    PointsChange change;
    change.adjustmentId = adjustmentId;
    change.adjustmentState = approve ? QStringLiteral("approved") : QStringLiteral("rejected");
    qint64 ledgerId = 0;
    if (approve) {
        auto member = MemberDirectory(m_context).byId(memberId);
        if (!member)
            return member.error();
        if (member->balance + points < 0)
            return Error::refused(
                QCoreApplication::translate("AdjustmentService",
                                            "Removing %1 points would leave member %2 with a negative balance (%3).")
                    .arg(-points)
                    .arg(memberId)
                    .arg(member->balance));
        LedgerWriter::Entry entry;
        entry.memberId = memberId;
        entry.kind = QStringLiteral("adjust");
        entry.points = points;
        entry.note = reason;
        auto written =
            LedgerWriter(m_context).append(entry, QStringLiteral("adjust"), {{QStringLiteral("reason"), reason}});
        if (!written)
            return written.error();
        ledgerId = *written;
        change.points = points;
        change.ledgerId = ledgerId;
    }
    if (auto updated = db.exec(QStringLiteral("UPDATE adjustments SET state = ?, decided_by = ?, decided_at = ?, "
                                              "ledger_id = ? WHERE id = ?"),
                               {change.adjustmentState, *manager, toStorageTime(m_context.clock.nowUtc()),
                                ledgerId > 0 ? QVariant(ledgerId) : QVariant(), adjustmentId});
        !updated)
        return updated.error();
    if (auto audited =
            AuditLog(db, m_context.clock)
                .record(*manager, approve ? QStringLiteral("adjustment.approve") : QStringLiteral("adjustment.reject"),
                        QStringLiteral("member:%1").arg(memberId),
                        {{QStringLiteral("adjustment"), adjustmentId}, {QStringLiteral("points"), points}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    auto member = MemberDirectory(m_context).byId(memberId);
    if (!member)
        return member.error();
    change.member = *member;
    return change;
}

Result<QList<Adjustment>> AdjustmentService::pending() const
{
    QSqlQuery& query = m_context.db.prepared(QStringLiteral(
        "SELECT id, member_id, points, reason, requested_by, requested_at, state, COALESCE(decided_by, '') "
        "FROM adjustments WHERE state = 'pending' ORDER BY id"));
    StatementScope scope(query);
    if (auto done = m_context.db.exec(query); !done)
        return done.error();
    QList<Adjustment> list;
    while (query.next()) {
        list << Adjustment {query.value(0).toLongLong(), query.value(1).toLongLong(),
                            query.value(2).toLongLong(), query.value(3).toString(),
                            query.value(4).toString(),   fromStorageTime(query.value(5).toString()),
                            query.value(6).toString(),   query.value(7).toString()};
    }
    return list;
}

} // namespace lt
