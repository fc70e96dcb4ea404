#include "core/store/LedgerWriter.h"

#include "core/common/Clock.h"
#include "core/domain/PointsRules.h"
#include "core/services/EngineContext.h"
#include "core/store/Database.h"
#include "core/store/SyncOutbox.h"

#include <QCoreApplication>

namespace lt {

qint64 LedgerWriter::lifetimeDelta(const QString& kind, qint64 points)
{
    auto known = fromStorage<LedgerKind>(kind);
    return known ? PointsRules::lifetimeDelta(*known, points) : 0;
}

QString LedgerWriter::lifetimeDeltaSql()
{
    // Written from the rule itself, so the integrity check never disagrees with it.
    QStringList all;
    QStringList gains;
    for (LedgerKind kind : AllLedgerKinds) {
        const QString quoted = QStringLiteral("'%1'").arg(toStorage(kind));
        if (PointsRules::lifetimeEffect(kind) == PointsRules::LifetimeEffect::All)
            all << quoted;
        else if (PointsRules::lifetimeEffect(kind) == PointsRules::LifetimeEffect::GainsOnly)
            gains << quoted;
    }
    return QStringLiteral("CASE WHEN kind IN (%1) THEN points WHEN kind IN (%2) AND points > 0 THEN points ELSE 0 END")
        .arg(all.join(QStringLiteral(", ")), gains.join(QStringLiteral(", ")));
}

Result<qint64> LedgerWriter::append(const Entry& entry, const QString& outboxOperation, QJsonObject payload)
{
    Database& db = m_context.db;
    QSqlQuery& insert =
        db.prepared(QStringLiteral("INSERT INTO ledger (member_id, kind, points, sale_id, reference, reward_tier_id, "
                                   "discount_minor, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted =
        db.exec(insert,
                {entry.memberId, entry.kind, entry.points, entry.saleId > 0 ? QVariant(entry.saleId) : QVariant(),
                 entry.reference.isEmpty() ? QVariant() : QVariant(entry.reference),
                 entry.rewardTierId.isEmpty() ? QVariant() : QVariant(entry.rewardTierId),
                 entry.discountMinor > 0 ? QVariant(entry.discountMinor) : QVariant(), entry.note, m_context.actor,
                 toStorageTime(m_context.clock.nowUtc())});
    const qint64 ledgerId = insert.lastInsertId().toLongLong();
    insert.finish();
    if (!inserted)
        return inserted.error();

    QSqlQuery& update = db.prepared(
        QStringLiteral("UPDATE members SET balance = balance + ?, lifetime_points = lifetime_points + ? WHERE id = ?"));
    auto updated = db.exec(update, {entry.points, lifetimeDelta(entry.kind, entry.points), entry.memberId});
    const int rows = update.numRowsAffected();
    update.finish();
    if (!updated)
        return updated.error();
    if (rows != 1)
        return Error::notFound(
            QCoreApplication::translate("LedgerWriter", "There is no member %1.").arg(entry.memberId));

    if (!outboxOperation.isEmpty()) {
        payload.insert(QStringLiteral("points"), entry.points);
        if (auto queued = SyncOutbox(db, m_context.clock).enqueue(entry.memberId, ledgerId, outboxOperation, payload);
            !queued)
            return queued.error();
    }
    return ledgerId;
}

} // namespace lt
