#include "core/store/AdjustmentStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

namespace lt {

namespace {
const QString SelectAdjustment =
    QStringLiteral("SELECT id, member_id, points, reason, requested_by, requested_at, state, "
                   "COALESCE(decided_by, '') FROM adjustments ");

Result<Adjustment> adjustmentFrom(const QSqlQuery& query)
{
    LT_TRY_ASSIGN(const AdjustmentState state, fromStorage<AdjustmentState>(query.value(6).toString()));
    return Adjustment {query.value(0).toLongLong(),
                       query.value(1).toLongLong(),
                       query.value(2).toLongLong(),
                       query.value(3).toString(),
                       query.value(4).toString(),
                       fromStorageTime(query.value(5).toString()),
                       state,
                       query.value(7).toString()};
}
} // namespace

Result<qint64> AdjustmentStore::insert(qint64 memberId, qint64 points, const QString& reason,
                                       const QString& requestedBy, const QDateTime& at)
{
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO adjustments (member_id, points, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)"));
    auto inserted = m_db.exec(insert, {memberId, points, reason, requestedBy, toStorageTime(at)});
    const qint64 id = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return id;
}

Result<std::optional<Adjustment>> AdjustmentStore::byId(qint64 id) const
{
    static const QString sql = SelectAdjustment + QStringLiteral("WHERE id = ?");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {id}));
    if (!query.next())
        return std::optional<Adjustment>();
    LT_TRY_ASSIGN(const Adjustment adjustment, adjustmentFrom(query));
    return std::optional<Adjustment>(adjustment);
}

Result<void> AdjustmentStore::decide(qint64 id, AdjustmentState state, const QString& decidedBy, const QDateTime& at,
                                     qint64 ledgerId)
{
    return m_db.exec(
        QStringLiteral("UPDATE adjustments SET state = ?, decided_by = ?, decided_at = ?, ledger_id = ? "
                       "WHERE id = ?"),
        {toStorage(state), decidedBy, toStorageTime(at), ledgerId > 0 ? QVariant(ledgerId) : QVariant(), id});
}

Result<QList<Adjustment>> AdjustmentStore::pending() const
{
    static const QString sql = SelectAdjustment + QStringLiteral("WHERE state = 'pending' ORDER BY id");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    QList<Adjustment> list;
    while (query.next()) {
        LT_TRY_ASSIGN(const Adjustment adjustment, adjustmentFrom(query));
        list << adjustment;
    }
    return list;
}

} // namespace lt
