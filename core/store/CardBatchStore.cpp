#include "core/store/CardBatchStore.h"

#include "core/common/Clock.h"
#include "core/domain/CardNumber.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

namespace lt {

namespace {

CardBatch batchFrom(const QSqlQuery& query)
{
    CardBatch batch;
    batch.id = query.value(0).toLongLong();
    batch.firstSerial = query.value(1).toLongLong();
    batch.count = query.value(2).toInt();
    batch.reservedBy = query.value(3).toString();
    batch.reservedAt = fromStorageTime(query.value(4).toString());
    return batch;
}

const QString BatchColumns = QStringLiteral("id, first_serial, count, reserved_by, reserved_at");

} // namespace

QStringList CardBatch::numbers() const
{
    QStringList numbers;
    numbers.reserve(count);
    for (qint64 serial = firstSerial; serial <= lastSerial(); ++serial)
        numbers << CardNumber::fromSerial(serial);
    return numbers;
}

Result<qint64> CardBatchStore::insert(const CardBatch& batch)
{
    QSqlQuery& insert = m_db.prepared(
        QStringLiteral("INSERT INTO card_batches (first_serial, count, reserved_by, reserved_at) VALUES (?, ?, ?, ?)"));
    StatementScope scope(insert);
    LT_TRY(m_db.exec(insert, {batch.firstSerial, batch.count, batch.reservedBy, toStorageTime(batch.reservedAt)}));
    return insert.lastInsertId().toLongLong();
}

Result<qint64> CardBatchStore::highestSerial() const
{
    LT_TRY_ASSIGN(const QVariant highest,
                  m_db.scalar(QStringLiteral("SELECT COALESCE(max(first_serial + count - 1), 0) FROM card_batches")));
    return highest.toLongLong();
}

Result<std::optional<CardBatch>> CardBatchStore::byId(qint64 id) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT %1 FROM card_batches WHERE id = ?").arg(BatchColumns));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {id}));
    if (!query.next())
        return std::optional<CardBatch>();
    return std::optional<CardBatch>(batchFrom(query));
}

Result<QList<CardBatch>> CardBatchStore::all() const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT %1 FROM card_batches ORDER BY id DESC").arg(BatchColumns));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    QList<CardBatch> batches;
    while (query.next())
        batches << batchFrom(query);
    return batches;
}

} // namespace lt
