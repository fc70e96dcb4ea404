#include "sync/outbox/RefusedOperation.h"

#include "core/store/Database.h"
#include "core/store/MemberStore.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "core/store/Transaction.h"

namespace lt {

ConflictKind RefusedOperation::kind(const SquareError& error, const QJsonObject& squareFacts) const
{
    if (error.code == QLatin1String("INVALID_PHONE_NUMBER"))
        return ConflictKind::PhoneRejected;
    if (squareFacts.value(QLatin1String("account_found")) == QJsonValue(false))
        return ConflictKind::AccountMissing;
    // Square refuses an overdraw with 400: the points were spent elsewhere meanwhile.
    if (points() < 0 && error.httpStatus == 400
        && (operation == OutboxOperation::Redeem || operation == OutboxOperation::Adjust))
        return ConflictKind::Overspend;
    return ConflictKind::Refused;
}

Result<void> RefusedOperation::record(Database& db, const Clock& clock, const SquareError& error,
                                      const QString& message, const QJsonObject& squareFacts) const
{
    return inTransaction(db, [&]() -> Result<void> {
        LT_TRY_ASSIGN(const qint64 balance, MemberStore(db).balance(memberId));
        LT_TRY(SyncOutbox(db, clock).markConflict(outboxId, message));
        QJsonObject localFacts {{QStringLiteral("operation"), toStorage(operation)},
                                {QStringLiteral("points"), points()},
                                {QStringLiteral("balance"), balance}};
        if (ledgerKind)
            localFacts.insert(QStringLiteral("ledger_kind"), toStorage(*ledgerKind));
        for (const char* key : {"reward_tier_id", "sale", "reason", "phone"}) {
            if (payload.contains(QLatin1String(key)))
                localFacts.insert(QLatin1String(key), payload.value(QLatin1String(key)));
        }
        LT_TRY(SyncConflicts(db, clock).record(
            {outboxId, memberId, kind(error, squareFacts), error.code, message, localFacts, squareFacts}));
        return {};
    });
}

} // namespace lt
