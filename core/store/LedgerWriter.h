#pragma once

#include "core/common/Result.h"
#include "core/domain/SyncKinds.h"
#include "core/store/LedgerStore.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lt {

class Clock;
class Database;
class Actor;

// Posts a change of points: appends it to the ledger (LedgerStore), keeps the member's cached balance and lifetime
// points in step (MemberStore) and queues the operation for Square (SyncOutbox), all inside the caller's
// transaction so that the three never disagree.
class LedgerWriter
{
public:
    // An entry with its kind as stored text, as the sync module writes Square's events.
    struct Entry
    {
        qint64 memberId = 0;
        QString kind;
        qint64 points = 0;
        qint64 saleId = 0;
        QString reference;
        QString rewardTierId;
        qint64 discountMinor = 0;
        QString note;
    };

    // actor: who the entries are written for (a staff member, or "Square").
    LedgerWriter(Database& db, const Clock& clock, const Actor& actor);
    LedgerWriter(Database& db, const Clock& clock, QString actor);

    // operation std::nullopt: Square has no counterpart for this entry (it mirrors an event made at Square, or
    // cancels an operation Square never had). The payload gets the entry's points. idempotencyKey: the key the
    // operation reaches Square with, when it must be the same on every till (a grant's natural key); empty: a new
    // one. A purchase (Accrue) also records the member's visit.
    Result<qint64> append(const LedgerStore::NewEntry& entry, std::optional<OutboxOperation> operation,
                          QJsonObject payload = {}, const QString& idempotencyKey = {});
    // Entries Square has no counterpart for, many at once (the automation pass's expiry: hundreds of thousands),
    // through SQLite's own API: the rows append() writes, without Qt SQL's cost for every value. No purchases.
    Result<void> appendMany(const QList<LedgerStore::NewEntry>& entries);
    // outboxOperation empty: Square has no counterpart for this entry.
    Result<qint64> append(const Entry& entry, const QString& outboxOperation, QJsonObject payload = {});
    // How an entry of this kind changes lifetime points (PointsRules::lifetimeDelta); 0 for an unknown kind.
    static qint64 lifetimeDelta(const QString& kind, qint64 points);
    // The same rule in SQL, for the integrity check.
    static QString lifetimeDeltaSql();

private:
    Database& m_db;
    const Clock& m_clock;
    QString m_actor;
};

} // namespace lt
