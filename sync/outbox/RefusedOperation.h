#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerKind.h"
#include "core/domain/SyncKinds.h"
#include "sync/square/SquareError.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lt {

class Clock;
class Database;

// An outbox operation Square refused for good, and how it is kept: the row marked as a conflict and the conflict
// recorded with both sides' facts, in one transaction.
struct RefusedOperation
{
    qint64 outboxId = 0;
    qint64 memberId = 0;
    OutboxOperation operation = OutboxOperation::Adjust;
    std::optional<LedgerKind> ledgerKind;
    QJsonObject payload;

    qint64 points() const { return payload.value(QLatin1String("points")).toInteger(); }
    ConflictKind kind(const SquareError& error, const QJsonObject& squareFacts) const;
    Result<void> record(Database& db, const Clock& clock, const SquareError& error, const QString& message,
                        const QJsonObject& squareFacts) const;
};

} // namespace lt
