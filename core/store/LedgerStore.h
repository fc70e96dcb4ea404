#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerEntry.h"
#include "core/domain/LedgerKind.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace lt {

class Database;

// Owns the ledger table: every change to a member's points, append-only (triggers refuse updates and deletes).
// A member's balance is the sum of their entries; MemberStore caches it and LedgerWriter keeps the two in step.
class LedgerStore
{
public:
    struct NewEntry
    {
        qint64 memberId = 0;
        LedgerKind kind = LedgerKind::Adjust;
        qint64 points = 0;
        qint64 saleId = 0; // 0: not tied to a recorded sale
        QString reference; // the sale a redemption or a restore belongs to
        QString rewardTierId;
        qint64 discountMinor = 0;
        QString note;
    };

    // An entry as the arithmetic over a member's history (expiry) reads it.
    struct Movement
    {
        qint64 id = 0;
        LedgerKind kind = LedgerKind::Accrue;
        qint64 points = 0;
        QDateTime createdAt; // UTC
    };
    // Called once per member with their entries, oldest first; returns false to end the scan after this member.
    using MemberMovements = std::function<bool(qint64 memberId, const QList<Movement>& entries)>;

    explicit LedgerStore(Database& db)
        : m_db(db)
    {
    }

    // Inside the caller's transaction; returns the entry's id.
    Result<qint64> append(const NewEntry& entry, const QString& actor, const QDateTime& at);
    // Newest first, each with whether Square has confirmed it. An entry of a kind this version does not know is a
    // Corrupt error.
    Result<QList<LedgerEntry>> history(qint64 memberId, int limit) const;
    // What the member's entries of this kind tied to this sale reference add up to.
    Result<qint64> pointsFor(qint64 memberId, const QString& reference, LedgerKind kind) const;

    // The member's entries, oldest first (empty for no member).
    Result<QList<Movement>> movements(qint64 memberId) const;
    // The id of the member's newest entry, 0 when they have none: whether their ledger moved since it was read.
    Result<qint64> lastEntryId(qint64 memberId) const;
    // Every member whose balance is positive and whose id is above afterMemberId, in id order, each with their
    // entries oldest first: one ordered pass, read with SQLite's own API because it covers millions of rows. The
    // statement is reset when `visit` returns false, so a caller that writes between slices holds no read open.
    Result<void> scanPositiveBalances(qint64 afterMemberId, const MemberMovements& visit) const;

    // The lifetime points rule (PointsRules::lifetimeEffect) as an SQL expression over `kind` and `points`, for
    // the integrity check.
    static QString lifetimeDeltaSql();

private:
    Database& m_db;
};

} // namespace lt
