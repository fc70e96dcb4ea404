#include "core/store/TierStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"
#include "core/store/Transaction.h"

#include <QSqlQuery>

#include <sqlite3.h>

namespace lt {

namespace {
// The rows that qualify, as (member_id, value, created_at): what purchases earned, that is accruals (here or at another
// till, pulled from Square) less what refunds and voids took back; an opening balance brought from an earlier program
// is no purchase, and redemptions never lower it. A refund or void counts on the day of its sale, as spend does:
// taking back a sale the window no longer holds must not lower the window. %1 takes NOT INDEXED for the whole store's
// sums (see sums()).
// The sale's day is looked up for refunds and voids alone: a join would seek the sales table for every entry.
const QString PointsRows = QStringLiteral(
    "SELECT l.member_id AS member_id, l.points AS value, CASE WHEN l.kind = 'accrue' THEN l.created_at ELSE "
    "COALESCE((SELECT s.created_at FROM sales s WHERE s.id = l.sale_id), l.created_at) END AS created_at "
    "FROM ledger l %1 WHERE l.kind IN ('accrue', 'refund', 'void')");
const QString SpendRows =
    QStringLiteral("SELECT member_id, amount_minor - refunded_minor AS value, created_at FROM sales %1");

QString sinceText(const QDateTime& since)
{
    return since.isValid() ? toStorageTime(since) : QString();
}
} // namespace

Result<qint64> TierStore::sum(const QByteArray& sql, qint64 memberId, const QDateTime& since) const
{
    LT_TRY_ASSIGN(SqliteStatement * query, m_db.statement(sql.constData())); // read on every sale
    query->bind(1, memberId).bind(2, QByteArray(sinceText(since).toUtf8().constData()));
    qint64 total = 0;
    LT_TRY(query->forEachRow(QStringLiteral("qualifying total"), [&](sqlite3_stmt* row) -> Result<void> {
        total = sqlite3_column_int64(row, 0);
        return {};
    }));
    return total;
}

QByteArray TierStore::memberSum(const QString& rows)
{
    return QStringLiteral("SELECT COALESCE(SUM(value), 0) FROM (%1) WHERE member_id = ? AND created_at >= ?")
        .arg(rows.arg(QString()))
        .toUtf8();
}

Result<TierStore::Totals> TierStore::sums(const QString& rows, const QDateTime& since) const
{
    // Left to itself SQLite walks the member index to group without sorting, and fetches each row from the table by
    // id: one random page read per row, 30 s for 5,000,000 ledger rows; grouped after reading the table in order, the
    // sort takes 3 s. Read in order and added up here, through SQLite's own API, it takes about one.
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    Totals totals;
    SqliteStatement newest(connection, "SELECT COALESCE(max(id), 0) FROM members");
    LT_TRY(newest.forEachRow(QStringLiteral("qualifying totals"), [&](sqlite3_stmt* row) -> Result<void> {
        totals.m_byId.assign(std::size_t(sqlite3_column_int64(row, 0)) + 1, 0);
        return {};
    }));
    SqliteStatement query(connection,
                          QStringLiteral("SELECT member_id, value FROM (%1) WHERE created_at >= ?")
                              .arg(rows.arg(QStringLiteral("NOT INDEXED")))
                              .toUtf8()
                              .constData());
    query.bind(1, QByteArray(sinceText(since).toUtf8().constData())); // never NULL: '' when there is no window start
    std::vector<bool> seen(totals.m_byId.size(), false);
    LT_TRY(query.forEachRow(QStringLiteral("qualifying totals"), [&](sqlite3_stmt* row) -> Result<void> {
        const qint64 memberId = sqlite3_column_int64(row, 0);
        if (memberId <= 0 || std::size_t(memberId) >= totals.m_byId.size())
            return Error::corrupt(
                QStringLiteral("A qualifying entry names member %1, who is not there.").arg(memberId));
        totals.m_byId[std::size_t(memberId)] += sqlite3_column_int64(row, 1);
        if (!seen[std::size_t(memberId)]) {
            seen[std::size_t(memberId)] = true;
            ++totals.m_members;
        }
        return {};
    }));
    return totals;
}

Result<qint64> TierStore::qualifyingPoints(qint64 memberId, const QDateTime& since) const
{
    static const QByteArray sql = memberSum(PointsRows);
    return sum(sql, memberId, since);
}

Result<qint64> TierStore::qualifyingSpend(qint64 memberId, const QDateTime& since) const
{
    static const QByteArray sql = memberSum(SpendRows);
    return sum(sql, memberId, since);
}

Result<TierStore::Totals> TierStore::allQualifyingPoints(const QDateTime& since) const
{
    return sums(PointsRows, since);
}

Result<TierStore::Totals> TierStore::allQualifyingSpend(const QDateTime& since) const
{
    return sums(SpendRows, since);
}

Result<QList<TierStore::Standing>> TierStore::standings(qint64 afterId, int limit) const
{
    // SQLite's own API: the evaluation reads every member, and Qt SQL's values cost more than the reading.
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement query(connection,
                          "SELECT id, tier, below_tier_since FROM members WHERE id > ? AND erased_at IS "
                          "NULL ORDER BY id LIMIT ?");
    query.bind(1, afterId).bind(2, qint64(limit));
    QList<Standing> list;
    list.reserve(limit);
    LT_TRY(query.forEachRow(QStringLiteral("tier standings"), [&](sqlite3_stmt* row) -> Result<void> {
        Standing standing {sqlite3_column_int64(row, 0), QString(), QDate()};
        if (sqlite3_column_type(row, 1) != SQLITE_NULL)
            standing.tier = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(row, 1)));
        if (sqlite3_column_type(row, 2) != SQLITE_NULL)
            standing.belowSince = QDate::fromString(
                QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(row, 2))), Qt::ISODate);
        list << standing;
        return {};
    }));
    return list;
}

Result<TierStore::Standing> TierStore::standing(qint64 memberId) const
{
    LT_TRY_ASSIGN(SqliteStatement * query,
                  m_db.statement("SELECT COALESCE(tier, ''), below_tier_since FROM members WHERE id = ?"));
    Standing standing {memberId, QString(), QDate()};
    LT_TRY(query->bind(1, memberId).forEachRow(QStringLiteral("tier"), [&](sqlite3_stmt* row) -> Result<void> {
        standing.tier = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(row, 0)));
        standing.belowSince = QDate::fromString(
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(row, 1))), Qt::ISODate);
        return {};
    }));
    return standing;
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

Result<TierStore::Movements> TierStore::movements(const QDateTime& from, const QDateTime& to) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT COALESCE(sum(direction = 'up'), 0), "
                                                    "COALESCE(sum(direction = 'down'), 0) FROM tier_changes "
                                                    "WHERE created_at >= ? AND created_at < ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {toStorageTime(from), toStorageTime(to)}));
    Movements movements;
    if (query.next())
        movements = Movements {query.value(0).toLongLong(), query.value(1).toLongLong()};
    return movements;
}

Result<QMap<QString, qint64>> TierStore::membersPerTier() const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT COALESCE(tier, ''), count(*) FROM members WHERE erased_at IS NULL GROUP BY tier"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    // Grouped as the index members_tier is ordered, so that no sort is needed; NULL and '' both read as no tier.
    QMap<QString, qint64> perTier;
    while (query.next())
        perTier[query.value(0).toString()] += query.value(1).toLongLong();
    return perTier;
}

} // namespace lt
