#include "sync/outbox/RefusedOperation.h"

#include "core/services/EngineContext.h"
#include "core/store/Database.h"
#include "core/store/SyncConflicts.h"
#include "core/store/Transaction.h"

namespace lt {

QString RefusedOperation::kind(const SquareError& error, const QJsonObject& squareFacts) const
{
    if (error.code == QLatin1String("INVALID_PHONE_NUMBER"))
        return QStringLiteral("phone_rejected");
    if (squareFacts.value(QLatin1String("account_found")) == QJsonValue(false))
        return QStringLiteral("account_missing");
    // Square refuses an overdraw with 400: the points were spent elsewhere meanwhile.
    if (points() < 0 && error.httpStatus == 400
        && (operation == QLatin1String("redeem") || operation == QLatin1String("adjust")))
        return QStringLiteral("overspend");
    return QStringLiteral("refused");
}

Result<void> RefusedOperation::record(Database& db, const Clock& clock, const SquareError& error,
                                      const QString& message, const QJsonObject& squareFacts) const
{
    EngineContext context {db, clock, {}, PhoneNumberNormalizer(), QStringLiteral("Square")};
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto balance = db.scalar(QStringLiteral("SELECT balance FROM members WHERE id = ?"), {memberId});
    if (!balance)
        return balance.error();
    if (auto done = db.exec(QStringLiteral("UPDATE outbox SET state = 'conflict', attempts = attempts + 1, "
                                           "last_error = ?, next_attempt_at = NULL WHERE id = ?"),
                            {message, outboxId});
        !done)
        return done.error();
    QJsonObject localFacts {{QStringLiteral("operation"), operation},
                            {QStringLiteral("points"), points()},
                            {QStringLiteral("balance"), balance->toLongLong()}};
    if (!ledgerKind.isEmpty())
        localFacts.insert(QStringLiteral("ledger_kind"), ledgerKind);
    for (const char* key : {"reward_tier_id", "sale", "reason", "phone"}) {
        if (payload.contains(QLatin1String(key)))
            localFacts.insert(QLatin1String(key), payload.value(QLatin1String(key)));
    }
    if (auto recorded = SyncConflicts(context).record(
            {outboxId, memberId, kind(error, squareFacts), error.code, message, localFacts, squareFacts});
        !recorded)
        return recorded.error();
    return transaction.commit();
}

} // namespace lt
