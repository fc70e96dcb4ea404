#include "core/services/MemberErasure.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/services/CardNumberAllocator.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/CardBatchStore.h"
#include "core/store/MemberStore.h"
#include "core/store/MemberSyncTraces.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "core/store/Transaction.h"

namespace lt {

namespace {
// The conflict code of an operation dropped because its member was erased before Square heard of them.
const QString ErasedCode = QStringLiteral("MEMBER_ERASED");
} // namespace

Result<StaffMember> MemberErasure::manager(const QString& name) const
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return Error::invalid(tr("Name the manager who answers for the erasure: --manager NAME."),
                              QStringLiteral("manager"));
    LT_TRY_ASSIGN(const QList<StaffMember> staff, StaffDirectory(m_context.db, m_context.clock).list());
    for (const StaffMember& member : staff) {
        if (member.name.compare(wanted, Qt::CaseInsensitive) != 0 || !member.active)
            continue;
        if (!member.isManager())
            return Error::refused(tr("%1 is a cashier; a manager answers for an erasure.").arg(member.name));
        return member;
    }
    return Error::notFound(tr("No active manager is named %1 (see `staff list`).").arg(wanted));
}

Result<Erasure> MemberErasure::erase(qint64 memberId, const QString& managerName, const Actor& actor)
{
    LT_TRY_ASSIGN(const StaffMember approver, manager(managerName));
    LT_TRY_ASSIGN(const Erasure done,
                  inTransaction(m_context.db, [&]() -> Result<Erasure> { return record(memberId, approver, actor); }));
    qCInfo(lcServices) << "erased the personal data of member" << memberId;
    return done;
}

Result<Erasure> MemberErasure::record(qint64 memberId, const StaffMember& approver, const Actor& actor)
{
    MemberStore members(m_context.db);
    LT_TRY_ASSIGN(const std::optional<Member> member, members.byId(memberId));
    if (!member)
        return Error::notFound(tr("There is no member %1.").arg(memberId));
    if (member->erased)
        return Error::conflict(tr("Member %1's personal data was erased already; nothing was changed.").arg(memberId));

    Erasure done;
    done.memberId = memberId;
    done.erasedAt = m_context.clock.nowUtc();
    done.linkedToSquare = !member->squareAccountId.isEmpty();
    LT_TRY_ASSIGN(const QStringList cards, members.cards(memberId));
    done.cardsRemoved = int(cards.size());
    LT_TRY_ASSIGN(const qint64 nextSerial, CardNumberAllocator(m_context.db, m_context.clock).nextSerial());

    // A member Square never knew can be told to Square by phone alone: what waits is dropped, not sent.
    MemberSyncTraces traces(m_context.db);
    if (!done.linkedToSquare) {
        LT_TRY_ASSIGN(const QList<qint64> pending, traces.pendingOutbox(memberId));
        SyncOutbox outbox(m_context.db, m_context.clock);
        SyncConflicts conflicts(m_context.db, m_context.clock);
        const QString why = tr("Not sent: the member's personal data was erased before Square heard of them. If "
                               "their enrollment was under way, Square may hold an account for the number; remove it "
                               "in Square Dashboard if the member asks.");
        for (const qint64 id : pending) {
            LT_TRY(outbox.markConflict(id, why));
            SyncConflicts::NewConflict conflict;
            conflict.outboxId = id;
            conflict.memberId = memberId;
            conflict.kind = ConflictKind::Refused;
            conflict.code = ErasedCode;
            conflict.message = why;
            LT_TRY(conflicts.record(conflict));
        }
        done.outboxDropped = int(pending.size());
    }
    QStringList phones;
    if (!member->phone.isEmpty())
        phones << member->phone << member->phone.mid(1);
    LT_TRY(traces.forgetPhone(memberId, phones));
    LT_TRY_ASSIGN(const bool erased, members.erasePersonalData(memberId, done.erasedAt));
    if (!erased)
        return Error::conflict(tr("Member %1's personal data was erased already; nothing was changed.").arg(memberId));
    LT_TRY(retireCardNumbers(nextSerial));
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(approver.name, QStringLiteral("member.erase"), QStringLiteral("member:%1").arg(memberId),
                       {{QStringLiteral("by"), actor.name()},
                        {QStringLiteral("cards"), done.cardsRemoved},
                        {QStringLiteral("square_linked"), done.linkedToSquare},
                        {QStringLiteral("outbox_dropped"), done.outboxDropped}}));
    return done;
}

Result<void> MemberErasure::retireCardNumbers(qint64 nextSerialBefore)
{
    CardNumberAllocator allocator(m_context.db, m_context.clock);
    LT_TRY_ASSIGN(const qint64 nextSerialNow, allocator.nextSerial());
    if (nextSerialNow >= nextSerialBefore)
        return {};
    // The erased card held the highest number: reserved alone, new cards are numbered after it (cards are only ever
    // numbered upwards, so the member's lower cards are never reached again).
    CardBatch retired;
    retired.firstSerial = nextSerialBefore - 1;
    retired.count = 1;
    retired.reservedBy = QStringLiteral("erasure");
    retired.reservedAt = m_context.clock.nowUtc();
    LT_TRY(CardBatchStore(m_context.db).insert(retired));
    return {};
}

} // namespace lt
