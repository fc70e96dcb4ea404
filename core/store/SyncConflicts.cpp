#include "core/store/SyncConflicts.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/SyncKinds.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/SyncOutbox.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace lt {

namespace {
QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant& text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

const QString selectColumns =
    QStringLiteral("SELECT c.id, COALESCE(c.outbox_id, 0), COALESCE(c.member_id, 0), c.kind, c.code, c.message, "
                   "COALESCE(o.operation, ''), o.payload, c.local_facts, c.square_facts, c.created_at, c.resolved_at, "
                   "COALESCE(c.resolution, ''), COALESCE(c.resolved_by, ''), COALESCE(c.resolution_note, '') "
                   "FROM sync_conflicts c LEFT JOIN outbox o ON o.id = c.outbox_id ");

bool is(const SyncConflict& conflict, ConflictKind kind)
{
    return conflict.kind == kind;
}

bool is(const SyncConflict& conflict, OutboxOperation operation)
{
    return conflict.operation == operation;
}

// A conflict without an outbox row (a balance mismatch) has no operation.
Result<std::optional<OutboxOperation>> operationFrom(const QString& text)
{
    if (text.isEmpty())
        return std::optional<OutboxOperation>();
    LT_TRY_ASSIGN(const OutboxOperation operation, fromStorage<OutboxOperation>(text));
    return std::optional<OutboxOperation>(operation);
}

Result<SyncConflict> fromRow(const QSqlQuery& query)
{
    LT_TRY_ASSIGN(const ConflictKind kind, fromStorage<ConflictKind>(query.value(3).toString()));
    LT_TRY_ASSIGN(const std::optional<OutboxOperation> operation, operationFrom(query.value(6).toString()));
    SyncConflict c;
    c.id = query.value(0).toLongLong();
    c.outboxId = query.value(1).toLongLong();
    c.memberId = query.value(2).toLongLong();
    c.kind = kind;
    c.code = query.value(4).toString();
    c.message = query.value(5).toString();
    c.operation = operation;
    c.points = object(query.value(7)).value(QLatin1String("points")).toInteger();
    c.localFacts = object(query.value(8));
    c.squareFacts = object(query.value(9));
    c.createdAt = fromStorageTime(query.value(10).toString());
    if (!query.value(11).isNull())
        c.resolvedAt = fromStorageTime(query.value(11).toString());
    c.resolution = query.value(12).toString();
    c.resolvedBy = query.value(13).toString();
    c.resolutionNote = query.value(14).toString();
    return c;
}
} // namespace

SyncConflicts::SyncConflicts(Database& db, const Clock& clock, QString actor)
    : m_db(db)
    , m_clock(clock)
    , m_actor(std::move(actor))
{
}

Result<qint64> SyncConflicts::record(const NewConflict& conflict)
{
    Database& db = m_db;
    QSqlQuery& insert = db.prepared(QStringLiteral(
        "INSERT INTO sync_conflicts (outbox_id, member_id, kind, code, message, local_facts, square_facts, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    StatementScope scope(insert);
    LT_TRY(db.exec(insert,
                   {conflict.outboxId > 0 ? QVariant(conflict.outboxId) : QVariant(),
                    conflict.memberId > 0 ? QVariant(conflict.memberId) : QVariant(), toStorage(conflict.kind),
                    conflict.code, conflict.message, json(conflict.localFacts), json(conflict.squareFacts),
                    toStorageTime(m_clock.nowUtc())}));
    const qint64 id = insert.lastInsertId().toLongLong();
    qCDebug(lcStore) << "sync conflict" << id << "of kind" << toStorage(conflict.kind) << "for member"
                     << conflict.memberId;
    return id;
}

Result<QList<SyncConflict>> SyncConflicts::list(bool includeResolved, int limit) const
{
    return select(includeResolved ? QString() : QStringLiteral("WHERE c.resolved_at IS NULL "), {}, limit);
}

Result<SyncConflict> SyncConflicts::byId(qint64 id) const
{
    LT_TRY_ASSIGN(const QList<SyncConflict> found, select(QStringLiteral("WHERE c.id = ? "), {id}, 1));
    if (found.isEmpty())
        return Error::notFound(QCoreApplication::translate("SyncConflicts", "There is no conflict %1.").arg(id));
    return found.first();
}

Result<QList<SyncConflict>> SyncConflicts::select(const QString& where, const QVariantList& values, int limit) const
{
    QSqlQuery query(m_db.connection());
    if (!query.prepare(selectColumns + where + QStringLiteral("ORDER BY c.id LIMIT ?")))
        return Database::errorFrom(query);
    for (const QVariant& value : values)
        query.addBindValue(value);
    query.addBindValue(limit);
    if (!query.exec())
        return Database::errorFrom(query);
    QList<SyncConflict> conflicts;
    while (query.next()) {
        LT_TRY_ASSIGN(const SyncConflict conflict, fromRow(query));
        conflicts.append(conflict);
    }
    return conflicts;
}

Result<qint64> SyncConflicts::openCount() const
{
    LT_TRY_ASSIGN(const QVariant count,
                  m_db.scalar(QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL")));
    return count.toLongLong();
}

Result<qint64> SyncConflicts::openCountFor(qint64 memberId) const
{
    LT_TRY_ASSIGN(
        const QVariant count,
        m_db.scalar(QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL AND member_id = ?"),
                    {memberId}));
    return count.toLongLong();
}

Result<bool> SyncConflicts::balanceMismatchKnown(qint64 memberId, qint64 difference) const
{
    LT_TRY_ASSIGN(const QVariant known,
                  m_db.scalar(QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE member_id = ? AND kind = "
                                             "'balance_mismatch' AND (resolved_at IS NULL OR (resolution = 'dismiss' "
                                             "AND json_extract(square_facts, '$.difference') = ?))"),
                              {memberId, difference}));
    return known.toLongLong() > 0;
}

QList<ConflictAction> SyncConflicts::actionsFor(const SyncConflict& conflict)
{
    if (!conflict.isOpen())
        return {};
    if (is(conflict, ConflictKind::BalanceMismatch))
        return {ConflictAction::AcceptSquare, ConflictAction::Dismiss};
    QList<ConflictAction> actions {ConflictAction::Retry};
    const bool takesPoints =
        conflict.points < 0 && (is(conflict, OutboxOperation::Redeem) || is(conflict, OutboxOperation::Adjust));
    if (takesPoints)
        actions << ConflictAction::Force;
    if (conflict.outboxId > 0 && !is(conflict, OutboxOperation::Enroll) && conflict.points != 0)
        actions << ConflictAction::AcceptSquare;
    actions << ConflictAction::Dismiss;
    return actions;
}

QString SyncConflicts::actionName(ConflictAction action)
{
    switch (action) {
    case ConflictAction::Retry:
        return QStringLiteral("retry");
    case ConflictAction::Force:
        return QStringLiteral("force");
    case ConflictAction::AcceptSquare:
        return QStringLiteral("accept-square");
    case ConflictAction::Dismiss:
        return QStringLiteral("dismiss");
    }
    return {};
}

std::optional<ConflictAction> SyncConflicts::actionFromName(const QString& name)
{
    for (ConflictAction action :
         {ConflictAction::Retry, ConflictAction::Force, ConflictAction::AcceptSquare, ConflictAction::Dismiss}) {
        if (actionName(action) == name)
            return action;
    }
    return std::nullopt;
}

QString SyncConflicts::describeKind(ConflictKind kind)
{
    switch (kind) {
    case ConflictKind::Overspend:
        return QCoreApplication::translate("SyncConflicts", "Points already spent elsewhere");
    case ConflictKind::PhoneRejected:
        return QCoreApplication::translate("SyncConflicts", "Square rejected the phone number");
    case ConflictKind::AccountMissing:
        return QCoreApplication::translate("SyncConflicts", "The Square account is gone (merged or deleted)");
    case ConflictKind::BalanceMismatch:
        return QCoreApplication::translate("SyncConflicts", "Balances disagree");
    case ConflictKind::Refused:
        break;
    }
    return QCoreApplication::translate("SyncConflicts", "Square refused the operation");
}

QString SyncConflicts::describeAction(ConflictAction action)
{
    switch (action) {
    case ConflictAction::Retry:
        return QCoreApplication::translate("SyncConflicts", "Send again");
    case ConflictAction::Force:
        return QCoreApplication::translate("SyncConflicts", "Send anyway (Square balance may go below zero)");
    case ConflictAction::AcceptSquare:
        return QCoreApplication::translate("SyncConflicts", "Accept Square's balance");
    case ConflictAction::Dismiss:
        return QCoreApplication::translate("SyncConflicts", "Dismiss");
    }
    return {};
}

Result<SyncConflict> SyncConflicts::resolve(qint64 id, ConflictAction action, const QString& manager,
                                            const QString& note)
{
    if (manager.trimmed().isEmpty())
        return Error::invalid(QCoreApplication::translate("SyncConflicts", "Name the manager who resolves it."),
                              QStringLiteral("manager"));
    const auto settle = [&]() -> Result<void> {
        return settleConflict(id, action, manager.trimmed(), note.trimmed());
    };
    LT_TRY(inTransaction(m_db, settle));
    return byId(id);
}

Result<void> SyncConflicts::settleConflict(qint64 id, ConflictAction action, const QString& manager,
                                           const QString& note)
{
    Database& db = m_db;
    LT_TRY_ASSIGN(const SyncConflict conflict, byId(id));
    if (!conflict.isOpen())
        return Error::conflict(
            QCoreApplication::translate("SyncConflicts", "Conflict %1 was already resolved (%2 by %3).")
                .arg(id)
                .arg(conflict.resolution, conflict.resolvedBy));
    if (!actionsFor(conflict).contains(action))
        return Error::refused(QCoreApplication::translate("SyncConflicts", "\"%1\" does not apply to conflict %2.")
                                  .arg(actionName(action))
                                  .arg(id));

    qint64 ledgerId = 0;
    if (action == ConflictAction::Retry || action == ConflictAction::Force) {
        // A new key: the refused request left nothing at Square, and a forced one is a different request.
        LT_TRY(SyncOutbox(db, m_clock).sendAgain(conflict.outboxId, action == ConflictAction::Force));
        // Link the member again by phone: Square may have merged the account into another one.
        if (is(conflict, ConflictKind::AccountMissing))
            LT_TRY(MemberStore(db).unlinkSquareAccount(conflict.memberId));
    } else if (action == ConflictAction::AcceptSquare) {
        const qint64 points = is(conflict, ConflictKind::BalanceMismatch)
            ? conflict.squareFacts.value(QLatin1String("difference")).toInteger()
            : -conflict.points;
        if (points != 0) {
            LedgerStore::NewEntry entry;
            entry.memberId = conflict.memberId;
            entry.kind = points > 0 ? LedgerKind::Restore : LedgerKind::Adjust;
            entry.points = points;
            entry.note =
                QCoreApplication::translate("SyncConflicts", "Square's balance accepted (conflict %1)").arg(id);
            // Not queued: Square never had the operation this cancels.
            LT_TRY_ASSIGN(
                ledgerId,
                LedgerWriter(m_db, m_clock, m_actor.isEmpty() ? manager : m_actor).append(entry, std::nullopt));
        }
    }
    LT_TRY(db.exec(QStringLiteral("UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, resolved_by = ?, "
                                  "resolution_note = ?, ledger_id = ? WHERE id = ?"),
                   {toStorageTime(m_clock.nowUtc()), actionName(action), manager, note,
                    ledgerId > 0 ? QVariant(ledgerId) : QVariant(), id}));
    return AuditLog(db, m_clock)
        .record(manager, QStringLiteral("sync.conflict.resolve"), QStringLiteral("member:%1").arg(conflict.memberId),
                {{QStringLiteral("conflict"), id},
                 {QStringLiteral("kind"), toStorage(conflict.kind)},
                 {QStringLiteral("action"), actionName(action)}});
}

} // namespace lt
