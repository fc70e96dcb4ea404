#include "core/services/AdjustmentService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/store/AuditLog.h"
#include "core/store/LedgerWriter.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<PointsChange> AdjustmentService::request(qint64 memberId, qint64 points, const QString& reasonText,
                                                const Actor& actor)
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
    LT_TRY_ASSIGN(const QString reason, PersonalDataValidator::freeText(reasonText, QStringLiteral("reason"), 500));
    if (reason.isEmpty())
        return Error::invalid(QCoreApplication::translate("AdjustmentService", "Give the reason for the adjustment."),
                              QStringLiteral("reason"));
    return inTransaction(m_context.db, [&]() -> Result<PointsChange> {
        LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(memberId));
        if (member.erased)
            return Error::refused(
                QCoreApplication::translate("AdjustmentService", "Member %1 has left the program.").arg(memberId));
        LT_TRY_ASSIGN(
            const qint64 id,
            AdjustmentStore(m_context.db).insert(memberId, points, reason, actor.name(), m_context.clock.nowUtc()));
        LT_TRY(AuditLog(m_context.db, m_context.clock)
                   .record(actor.name(), QStringLiteral("adjustment.request"),
                           QStringLiteral("member:%1").arg(memberId),
                           {{QStringLiteral("adjustment"), id},
                            {QStringLiteral("points"), points},
                            {QStringLiteral("reason"), reason}}));
        PointsChange change;
        change.member = member;
        change.points = 0; // nothing changes until a manager approves
        change.adjustmentId = id;
        change.adjustmentState = AdjustmentState::Pending;
        return change;
    });
}

Result<PointsChange> AdjustmentService::approve(qint64 adjustmentId, const QString& manager, const Actor& actor)
{
    return decide(adjustmentId, manager, actor, true);
}

Result<PointsChange> AdjustmentService::reject(qint64 adjustmentId, const QString& manager, const Actor& actor)
{
    return decide(adjustmentId, manager, actor, false);
}

Result<PointsChange> AdjustmentService::decide(qint64 adjustmentId, const QString& managerName, const Actor& actor,
                                               bool approve)
{
    LT_TRY_ASSIGN(const QString manager, PersonalDataValidator::freeText(managerName, QStringLiteral("manager"), 100));
    if (manager.isEmpty())
        return Error::invalid(QCoreApplication::translate("AdjustmentService", "Name the manager who decides."),
                              QStringLiteral("manager"));
    LT_TRY_ASSIGN(PointsChange change, inTransaction(m_context.db, [&]() -> Result<PointsChange> {
                      return recordDecision(adjustmentId, manager, actor, approve);
                  }));
    LT_TRY_ASSIGN(change.member, MemberDirectory(m_context).byId(change.member.id));
    return change;
}

Result<PointsChange> AdjustmentService::recordDecision(qint64 adjustmentId, const QString& manager, const Actor& actor,
                                                       bool approve)
{
    AdjustmentStore adjustments(m_context.db);
    LT_TRY_ASSIGN(const std::optional<Adjustment> adjustment, adjustments.byId(adjustmentId));
    if (!adjustment)
        return Error::notFound(
            QCoreApplication::translate("AdjustmentService", "There is no adjustment %1.").arg(adjustmentId));
    if (adjustment->state != AdjustmentState::Pending)
        return Error::conflict(QCoreApplication::translate("AdjustmentService", "Adjustment %1 was already %2.")
                                   .arg(adjustmentId)
                                   .arg(toStorage(adjustment->state)));
    const qint64 memberId = adjustment->memberId;
    const qint64 points = adjustment->points;
    PointsChange change;
    change.member.id = memberId;
    change.adjustmentId = adjustmentId;
    const AdjustmentState decision = approve ? AdjustmentState::Approved : AdjustmentState::Rejected;
    change.adjustmentState = decision;
    if (approve) {
        LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(memberId));
        if (member.balance + points < 0)
            return Error::refused(
                QCoreApplication::translate("AdjustmentService",
                                            "Removing %1 points would leave member %2 with a negative balance (%3).")
                    .arg(-points)
                    .arg(memberId)
                    .arg(member.balance));
        LedgerStore::NewEntry entry;
        entry.memberId = memberId;
        entry.kind = LedgerKind::Adjust;
        entry.points = points;
        entry.note = adjustment->reason;
        LT_TRY_ASSIGN(change.ledgerId,
                      LedgerWriter(m_context.db, m_context.clock, actor)
                          .append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), adjustment->reason}}));
        change.points = points;
    }
    LT_TRY(adjustments.decide(adjustmentId, decision, manager, m_context.clock.nowUtc(), change.ledgerId));
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(manager, approve ? QStringLiteral("adjustment.approve") : QStringLiteral("adjustment.reject"),
                       QStringLiteral("member:%1").arg(memberId),
                       {{QStringLiteral("adjustment"), adjustmentId}, {QStringLiteral("points"), points}}));
    qCDebug(lcServices) << "adjustment" << adjustmentId << toStorage(change.adjustmentState);
    return change;
}

Result<QList<Adjustment>> AdjustmentService::pending() const
{
    return AdjustmentStore(m_context.db).pending();
}

} // namespace lt
