#pragma once

#include "core/common/Result.h"
#include "core/domain/TierChange.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

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
    // Every member's qualifying total at once, for the periodic evaluation: by member id, which SQLite hands out from
    // 1 upwards (a million members take 8 MB; a hash of them was a tenth of the evaluation).
    class Totals
    {
    public:
        qint64 of(qint64 memberId) const
        {
            return memberId >= 0 && std::size_t(memberId) < m_byId.size() ? m_byId[std::size_t(memberId)] : 0;
        }
        qsizetype members() const { return m_members; } // with any qualifying entry

    private:
        friend class TierStore;
        std::vector<qint64> m_byId;
        qsizetype m_members = 0;
    };
    Result<Totals> allQualifyingPoints(const QDateTime& since) const;
    Result<Totals> allQualifyingSpend(const QDateTime& since) const;

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
    // Upgrades and downgrades made in [from, to) (UTC moments), for the reports.
    struct Movements
    {
        qint64 up = 0;
        qint64 down = 0;
    };
    Result<Movements> movements(const QDateTime& from, const QDateTime& to) const;
    // Members still in the program by the tier they hold (empty: never placed).
    Result<QMap<QString, qint64>> membersPerTier() const;

private:
    Result<qint64> sum(const QByteArray& sql, qint64 memberId, const QDateTime& since) const;
    static QByteArray memberSum(const QString& rows); // one member's sum of `rows` since a moment
    Result<Totals> sums(const QString& rows, const QDateTime& since) const;

    Database& m_db;
};

} // namespace lt
