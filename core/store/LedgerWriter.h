#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QString>

namespace lt {

struct EngineContext;

// Appends to the ledger, keeps the member's cached balance and lifetime points in step and queues the operation
// for Square, all inside the caller's transaction so that the three never disagree.
class LedgerWriter
{
public:
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

    explicit LedgerWriter(EngineContext& context)
        : m_context(context)
    {
    }

    // outboxOperation empty: Square has no counterpart for this entry.
    Result<qint64> append(const Entry& entry, const QString& outboxOperation, QJsonObject payload = {});
    // How an entry of this kind changes lifetime points (earned points only).
    static qint64 lifetimeDelta(const QString& kind, qint64 points);
    // The same rule in SQL, for the integrity check.
    static QString lifetimeDeltaSql();

private:
    EngineContext& m_context;
};

} // namespace lt
