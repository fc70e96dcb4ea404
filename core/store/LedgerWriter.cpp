#include "core/store/LedgerWriter.h"

#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/domain/PointsRules.h"
#include "core/store/MemberStore.h"
#include "core/store/SyncOutbox.h"

#include <QCoreApplication>

namespace lt {

LedgerWriter::LedgerWriter(Database& db, const Clock& clock, const Actor& actor)
    : LedgerWriter(db, clock, actor.name())
{
}

LedgerWriter::LedgerWriter(Database& db, const Clock& clock, QString actor)
    : m_db(db)
    , m_clock(clock)
    , m_actor(std::move(actor))
{
}

qint64 LedgerWriter::lifetimeDelta(const QString& kind, qint64 points)
{
    auto known = fromStorage<LedgerKind>(kind);
    return known ? PointsRules::lifetimeDelta(*known, points) : 0;
}

QString LedgerWriter::lifetimeDeltaSql()
{
    return LedgerStore::lifetimeDeltaSql();
}

Result<qint64> LedgerWriter::append(const LedgerStore::NewEntry& entry, std::optional<OutboxOperation> operation,
                                    QJsonObject payload, const QString& idempotencyKey)
{
    const QDateTime now = m_clock.nowUtc();
    LT_TRY_ASSIGN(const qint64 ledgerId, LedgerStore(m_db).append(entry, m_actor, now));
    if (entry.kind == LedgerKind::Accrue)
        LT_TRY(MemberStore(m_db).recordVisit(entry.memberId, now));
    LT_TRY_ASSIGN(const bool updated,
                  MemberStore(m_db).addPoints(entry.memberId, entry.points,
                                              PointsRules::lifetimeDelta(entry.kind, entry.points)));
    if (!updated)
        return Error::notFound(
            QCoreApplication::translate("LedgerWriter", "There is no member %1.").arg(entry.memberId));
    if (operation) {
        payload.insert(QStringLiteral("points"), entry.points);
        LT_TRY(SyncOutbox(m_db, m_clock).enqueue(entry.memberId, ledgerId, *operation, payload, idempotencyKey));
    }
    return ledgerId;
}

Result<void> LedgerWriter::appendMany(const QList<LedgerStore::NewEntry>& entries)
{
    QList<MemberStore::PointsChange> changes;
    changes.reserve(entries.size());
    for (const LedgerStore::NewEntry& entry : entries) {
        if (entry.kind == LedgerKind::Accrue)
            return Error::internal(QStringLiteral("A purchase is posted one at a time, with its visit."));
        changes << MemberStore::PointsChange {entry.memberId, entry.points,
                                              PointsRules::lifetimeDelta(entry.kind, entry.points)};
    }
    // The members first: an entry for a member who is not there is refused before the ledger is written.
    LT_TRY(MemberStore(m_db).addPointsToMany(changes));
    return LedgerStore(m_db).appendMany(entries, m_actor, m_clock.nowUtc());
}

Result<qint64> LedgerWriter::append(const Entry& entry, const QString& outboxOperation, QJsonObject payload)
{
    auto kind = fromStorage<LedgerKind>(entry.kind);
    if (!kind)
        return Error::internal(QStringLiteral("There is no ledger kind '%1'.").arg(entry.kind));
    std::optional<OutboxOperation> operation;
    if (!outboxOperation.isEmpty()) {
        auto known = fromStorage<OutboxOperation>(outboxOperation);
        if (!known)
            return Error::internal(QStringLiteral("There is no outbox operation '%1'.").arg(outboxOperation));
        operation = *known;
    }
    const LedgerStore::NewEntry typed {entry.memberId,      *kind,           entry.points,
                                       entry.saleId,        entry.reference, entry.rewardTierId,
                                       entry.discountMinor, entry.note};
    return append(typed, operation, std::move(payload));
}

} // namespace lt
