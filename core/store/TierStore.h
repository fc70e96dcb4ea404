#pragma once

#include "core/common/Result.h"
#include "core/domain/TierChange.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace lt {

class Database;

// Owns the table tier_changes and the members' tier columns (tier, tier_since, below_tier_since). Reads what
// qualifies a member: purchases' entries in the ledger (points earned, less what refunds and voids took back) or the
// sales' spend less refunds. Writes run inside the caller's
// transaction.
class TierStore
{
public:
    explicit TierStore(Database& db)
        : m_db(db)
    {
    }

    // since invalid: the member's whole history.
    Result<qint64> qualifyingPoints(qint64 memberId, const QDateTime& since) const;
    Result<qint64> qualifyingSpend(qint64 memberId, const QDateTime& since) const;
    // Every member's qualifying total at once (members with none are absent), for the periodic evaluation.
    Result<QHash<qint64, qint64>> allQualifyingPoints(const QDateTime& since) const;
    Result<QHash<qint64, qint64>> allQualifyingSpend(const QDateTime& since) const;

    struct Standing
    {
        qint64 memberId = 0;
        QString tier; // empty: never placed
        QDate belowSince; // invalid: not short of the tier
    };
    // Members still in the program, by id, from `afterId`, at most `limit`.
    Result<QList<Standing>> standings(qint64 afterId, int limit) const;
    Result<Standing> standing(qint64 memberId) const;

    Result<void> setTier(const TierChange& change);
    Result<void> setBelowSince(qint64 memberId, const std::optional<QDate>& since);
    Result<QList<TierChange>> changesOf(qint64 memberId) const;

private:
    Result<qint64> sum(const QString& sql, qint64 memberId, const QDateTime& since) const;
    Result<QHash<qint64, qint64>> sums(const QString& sql, const QDateTime& since) const;

    Database& m_db;
};

} // namespace lt
