#include "core/store/SaleStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

namespace {
const QString SaleColumns = QStringLiteral("id, member_id, reference, amount_minor, currency, points, refunded_minor, "
                                           "points_reversed, created_at, till FROM sales");
const QString RefundColumns =
    QStringLiteral("sale_id, amount_minor, points, id, reference, ledger_id, created_at FROM refunds");

SaleRecord saleFrom(const QSqlQuery& query)
{
    return SaleRecord {query.value(0).toLongLong(), query.value(1).toLongLong(),
                       query.value(2).toString(),   Money(query.value(3).toLongLong(), query.value(4).toString()),
                       query.value(5).toLongLong(), query.value(6).toLongLong(),
                       query.value(7).toLongLong(), fromStorageTime(query.value(8).toString()),
                       query.value(9).toString()};
}

RefundRecord refundFrom(const QSqlQuery& query)
{
    return RefundRecord {query.value(0).toLongLong(),
                         query.value(1).toLongLong(),
                         query.value(2).toLongLong(),
                         query.value(3).toLongLong(),
                         query.value(4).toString(),
                         query.value(5).toLongLong(),
                         fromStorageTime(query.value(6).toString())};
}
} // namespace

Result<std::optional<SaleRecord>> SaleStore::find(const QString& reference) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT ") + SaleColumns + QStringLiteral(" WHERE reference = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {reference}));
    if (!query.next())
        return std::optional<SaleRecord>();
    return std::optional<SaleRecord>(saleFrom(query));
}

Result<std::optional<SaleRecord>> SaleStore::byId(qint64 saleId) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT ") + SaleColumns + QStringLiteral(" WHERE id = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {saleId}));
    if (!query.next())
        return std::optional<SaleRecord>();
    return std::optional<SaleRecord>(saleFrom(query));
}

Result<SaleRecord> SaleStore::require(const QString& reference) const
{
    LT_TRY_ASSIGN(const std::optional<SaleRecord> sale, find(reference));
    if (!sale)
        return Error::notFound(QCoreApplication::translate("SaleRecord", "There is no sale %1.").arg(reference));
    return *sale;
}

Result<qint64> SaleStore::insert(const QString& reference, qint64 memberId, const Money& total, qint64 points,
                                 const QDateTime& at, const QString& till, const QString& staff)
{
    QSqlQuery& insert =
        m_db.prepared(QStringLiteral("INSERT INTO sales (reference, member_id, amount_minor, currency, points, "
                                     "created_at, till, staff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted = m_db.exec(
        insert, {reference, memberId, total.minorUnits(), total.currency(), points, toStorageTime(at), till, staff});
    const qint64 saleId = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return saleId;
}

Result<void> SaleStore::setTakenBack(qint64 saleId, qint64 refundedMinor, qint64 pointsReversed)
{
    return m_db.exec(QStringLiteral("UPDATE sales SET refunded_minor = ?, points_reversed = ? WHERE id = ?"),
                     {refundedMinor, pointsReversed, saleId});
}

Result<void> SaleStore::takeAllBack(qint64 saleId)
{
    return m_db.exec(
        QStringLiteral("UPDATE sales SET refunded_minor = amount_minor, points_reversed = points WHERE id = ?"),
        {saleId});
}

Result<std::optional<RefundRecord>> SaleStore::refund(const QString& refundReference) const
{
    QSqlQuery& query =
        m_db.prepared(QStringLiteral("SELECT ") + RefundColumns + QStringLiteral(" WHERE reference = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {refundReference}));
    if (!query.next())
        return std::optional<RefundRecord>();
    return std::optional<RefundRecord>(refundFrom(query));
}

Result<QList<RefundRecord>> SaleStore::refundsOf(qint64 saleId) const
{
    QSqlQuery& query =
        m_db.prepared(QStringLiteral("SELECT ") + RefundColumns + QStringLiteral(" WHERE sale_id = ? ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {saleId}));
    QList<RefundRecord> refunds;
    while (query.next())
        refunds << refundFrom(query);
    return refunds;
}

Result<qint64> SaleStore::recordRefund(qint64 saleId, const QString& refundReference, qint64 amountMinor, qint64 points,
                                       qint64 ledgerId, const QDateTime& at)
{
    QSqlQuery& insert = m_db.prepared(QStringLiteral("INSERT INTO refunds (sale_id, reference, amount_minor, points, "
                                                     "ledger_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    auto inserted = m_db.exec(insert,
                              {saleId, refundReference.isEmpty() ? QVariant() : QVariant(refundReference), amountMinor,
                               points, ledgerId > 0 ? QVariant(ledgerId) : QVariant(), toStorageTime(at)});
    const qint64 refundId = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return refundId;
}

Result<bool> SaleStore::hasEarlierSaleOfAtLeast(qint64 memberId, qint64 minimumMinor, qint64 beforeSaleId) const
{
    LT_TRY_ASSIGN(const QVariant found,
                  m_db.scalar(QStringLiteral("SELECT 1 FROM sales WHERE member_id = ? AND id < ? AND amount_minor >= ? "
                                             "LIMIT 1"),
                              {memberId, beforeSaleId, minimumMinor}));
    return found.isValid();
}

} // namespace lt
