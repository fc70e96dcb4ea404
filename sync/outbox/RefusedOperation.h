#pragma once

#include "core/common/Result.h"
#include "sync/square/SquareError.h"

#include <QJsonObject>
#include <QString>

namespace lt {

class Clock;
class Database;

// An outbox operation Square refused for good, and how it is kept: the row marked as a conflict and the conflict
// recorded with both sides' facts, in one transaction.
struct RefusedOperation
{
    qint64 outboxId = 0;
    qint64 memberId = 0;
    QString operation;
    QString ledgerKind;
    QJsonObject payload;

    qint64 points() const { return payload.value(QLatin1String("points")).toInteger(); }
    // overspend, phone_rejected, account_missing or refused
    QString kind(const SquareError& error, const QJsonObject& squareFacts) const;
    Result<void> record(Database& db, const Clock& clock, const SquareError& error, const QString& message,
                        const QJsonObject& squareFacts) const;
};

} // namespace lt
