#include "core/store/SyncOutbox.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace lt {

QString SyncOutbox::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Result<qint64> SyncOutbox::enqueue(qint64 memberId, qint64 ledgerId, const QString& operation,
                                   const QJsonObject& payload)
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("INSERT INTO outbox (member_id, ledger_id, operation, payload, idempotency_key, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    StatementScope scope(query);
    if (auto done = m_db.exec(query,
                              {memberId, ledgerId > 0 ? QVariant(ledgerId) : QVariant(), operation,
                               QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                               newIdempotencyKey(), toStorageTime(m_clock.nowUtc())});
        !done)
        return done.error();
    return query.lastInsertId().toLongLong();
}

Result<qint64> SyncOutbox::pendingCount() const
{
    auto count = m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
    if (!count)
        return count.error();
    return count->toLongLong();
}

Result<qint64> SyncOutbox::pendingCountFor(qint64 memberId) const
{
    auto count = m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND member_id = ?"),
                             {memberId});
    if (!count)
        return count.error();
    return count->toLongLong();
}

} // namespace lt
