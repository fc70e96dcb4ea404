#include "core/store/TierStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QSqlQuery>

namespace lt {

namespace {
// What purchases earned: accruals (here or at another till, pulled from Square), less what refunds and voids took
// back; an opening balance brought from an earlier program is no purchase. Redemptions never lower it. A refund or void
// counts on the day of its sale, as spend does: taking back a sale the window no longer holds must not lower the
// window. %3 takes NOT INDEXED for the whole store's sums (see sums()).
const QString PointsSql =
    QStringLiteral("SELECT %1 COALESCE(SUM(points), 0) FROM (SELECT l.member_id AS member_id, l.points AS points, "
                   "COALESCE(s.created_at, l.created_at) AS created_at FROM ledger l %3 LEFT JOIN sales s "
                   "ON l.kind IN ('refund', 'void') AND s.id = l.sale_id "
                   "WHERE l.kind IN ('accrue', 'refund', 'void')) WHERE 1 = 1 %2");
const QString SpendSql = QStringLiteral("SELECT %1 COALESCE(SUM(amount_minor - refunded_minor), 0) FROM sales "
                                        "%3 WHERE 1 = 1 %2");

QString sinceText(const QDateTime& since)
{
    return since.isValid() ? toStorageTime(since) : QString();
}
} // namespace

Result<qint64> TierStore::sum(const QString& sql, qint64 memberId, const QDateTime& since) const
{
    QSqlQuery& query =
        m_db.prepared(sql.arg(QString(), QStringLiteral("AND member_id = ? AND created_at >= ?"), QString()));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId, sinceText(since)}));
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<QHash<qint64, qint64>> TierStore::sums(const QString& sql, const QDateTime& since) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // Left to itself SQLite walks the member index to group without sorting, and fetches each row from the table
    // by id: one random page read per row, 30 s for 5,000,000 ledger rows. Reading the table in order and sorting
    // the groups takes 4 s.
    query.prepare(sql.arg(QStringLiteral("member_id,"), QStringLiteral("AND created_at >= ? GROUP BY member_id"),
                          QStringLiteral("NOT INDEXED")));
    LT_TRY(m_db.exec(query, {sinceText(since)}));
    QHash<qint64, qint64> totals;
    while (query.next())
        totals.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    return totals;
}

Result<qint64> TierStore::qualifyingPoints(qint64 memberId, const QDateTime& since) const
{
    return sum(PointsSql, memberId, since);
}

Result<qint64> TierStore::qualifyingSpend(qint64 memberId, const QDateTime& since) const
{
    return sum(SpendSql, memberId, since);
}

Result<QHash<qint64, qint64>> TierStore::allQualifyingPoints(const QDateTime& since) const
{
    return sums(PointsSql, since);
}

Result<QHash<qint64, qint64>> TierStore::allQualifyingSpend(const QDateTime& since) const
{
    return sums(SpendSql, since);
}

Result<QList<TierStore::Standing>> TierStore::standings(qint64 afterId, int limit) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT id, COALESCE(tier, ''), below_tier_since FROM members "
                                                    "WHERE id > ? AND erased_at IS NULL ORDER BY id LIMIT ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {afterId, limit}));
    QList<Standing> list;
    while (query.next())
        list << Standing {query.value(0).toLongLong(), query.value(1).toString(),
                          QDate::fromString(query.value(2).toString(), Qt::ISODate)};
    return list;
}

Result<TierStore::Standing> TierStore::standing(qint64 memberId) const
{
    QSqlQuery& query =
        m_db.prepared(QStringLiteral("SELECT id, COALESCE(tier, ''), below_tier_since FROM members WHERE id = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    if (!query.next())
        return Standing {memberId, QString(), QDate()};
    return Standing {query.value(0).toLongLong(), query.value(1).toString(),
                     QDate::fromString(query.value(2).toString(), Qt::ISODate)};
}

Result<void> TierStore::setTier(const TierChange& change)
{
    const QString at = toStorageTime(change.at);
    LT_TRY(m_db.exec(m_db.prepared(QStringLiteral(
                         "UPDATE members SET tier = ?, tier_since = ?, below_tier_since = NULL WHERE id = ?")),
                     {change.toTier, at, change.memberId}));
    QSqlQuery& insert = m_db.prepared(
        QStringLiteral("INSERT INTO tier_changes (member_id, from_tier, to_tier, direction, reason, qualifying, "
                       "sale_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    StatementScope scope(insert);
    return m_db.exec(insert,
                     {change.memberId, change.fromTier, change.toTier,
                      change.up ? QStringLiteral("up") : QStringLiteral("down"), change.reason, change.qualifying,
                      change.saleId > 0 ? QVariant(change.saleId) : QVariant(), at});
}

Result<void> TierStore::setBelowSince(qint64 memberId, const std::optional<QDate>& since)
{
    return m_db.exec(m_db.prepared(QStringLiteral("UPDATE members SET below_tier_since = ? WHERE id = ?")),
                     {since ? QVariant(since->toString(Qt::ISODate)) : QVariant(), memberId});
}

Result<QList<TierChange>> TierStore::changesOf(qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT member_id, from_tier, to_tier, direction, reason, qualifying, COALESCE(sale_id, 0), "
                       "created_at FROM tier_changes WHERE member_id = ? ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    QList<TierChange> changes;
    while (query.next())
        changes << TierChange {query.value(0).toLongLong(), query.value(1).toString(),
                               query.value(2).toString(),   query.value(3).toString() == QLatin1String("up"),
                               query.value(4).toString(),   query.value(5).toLongLong(),
                               query.value(6).toLongLong(), fromStorageTime(query.value(7).toString())};
    return changes;
}

} // namespace lt
