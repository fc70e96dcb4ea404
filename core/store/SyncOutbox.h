#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QString>

namespace lt {

class Database;
class Clock;

// Operations Square must learn, queued in the same transaction as the ledger entry they mirror, each with the
// idempotency key it will carry on every attempt. The sync module drains it.
class SyncOutbox
{
public:
    SyncOutbox(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    Result<qint64> enqueue(qint64 memberId, qint64 ledgerId, const QString& operation, const QJsonObject& payload);
    Result<qint64> pendingCount() const;
    Result<qint64> pendingCountFor(qint64 memberId) const;
    static QString newIdempotencyKey();

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
