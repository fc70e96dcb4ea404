#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerEntry.h"
#include "core/domain/LedgerKind.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

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

    // An entry as arithmetic over a member's whole history (expiry) reads it.
    struct Movement
    {
        LedgerKind kind = LedgerKind::Accrue;
        qint64 points = 0;
        QDateTime createdAt; // UTC
    };
    // One member's entries, oldest first, as read up to the entry readUpTo of the store: every entry of theirs up to
    // that id is here and none after it (movedAfter tells whose ledger moved since).
    struct MemberLedger
    {
        qint64 memberId = 0;
        qint64 readUpTo = 0;
        QList<Movement> entries;
    };
    // Returns false to end a scan after this member.
    using MemberLedgerVisitor = std::function<bool(const MemberLedger& ledger)>;

    explicit LedgerStore(Database& db)
        : m_db(db)
    {
    }

    // Inside the caller's transaction; returns the entry's id.
    Result<qint64> append(const NewEntry& entry, const QString& actor, const QDateTime& at);
    // The rows append() writes, many at once through SQLite's own API (no Qt SQL value per column), in the caller's
    // transaction.
    Result<void> appendMany(const QList<NewEntry>& entries, const QString& actor, const QDateTime& at);
    // Newest first, each with whether Square has confirmed it. An entry of a kind this version does not know is a
    // Corrupt error.
    Result<QList<LedgerEntry>> history(qint64 memberId, int limit) const;
    // What the member's entries of this kind tied to this sale reference add up to.
    Result<qint64> pointsFor(qint64 memberId, const QString& reference, LedgerKind kind) const;

    // What a reprinted slip reads back. One entry, or nothing.
    Result<std::optional<LedgerEntry>> entry(qint64 entryId) const;
    // The entries tied to a recorded sale (its accrual, the bonuses it brought, its refunds and voids), oldest first.
    Result<QList<LedgerEntry>> ofSale(qint64 saleId) const;
    // The entries of this kind that name a sale's reference (redemptions, restored rewards), oldest first.
    Result<QList<LedgerEntry>> ofReference(const QString& reference, LedgerKind kind) const;
    // The member's balance right after the entry entryId, and how many of their entries it adds up.
    struct Through
    {
        qint64 entries = 0;
        qint64 balance = 0;
    };
    Result<Through> through(qint64 memberId, qint64 entryId) const;
    // The member's newest entry written at or before `at`; 0 when there is none.
    Result<qint64> lastEntryAt(qint64 memberId, const QDateTime& at) const;

    // The member's entries, oldest first (none for no member).
    Result<MemberLedger> memberLedger(qint64 memberId) const;
    // Whose points moved after the entry entryId: the members with a newer entry, and the newest entry's id
    // (entryId when there is none).
    struct MovedMembers
    {
        QSet<qint64> memberIds;
        qint64 upTo = 0;
    };
    Result<MovedMembers> movedAfter(qint64 entryId) const;
    // Every member whose cached balance is positive, in id order, with their ledger: one ordered pass over millions
    // of rows. Walking ledger_member would fetch each row from a random page (15 s for 5,000,000 rows), so the
    // table is read once in storage order, through SQLite's own API, into a compact buffer grouped by member (16
    // bytes an entry and 24 a member: about 105 MB for 5,000,000 entries of 1,000,000 members, freed on return).
    // All of it is read in one snapshot before `visit` is first called, so `visit` may write; every ledger is then
    // read up to the newest entry of that snapshot.
    Result<void> scanPositiveBalances(const MemberLedgerVisitor& visit) const;

    // The lifetime points rule (PointsRules::lifetimeEffect) as an SQL expression over `kind` and `points`, for
    // the integrity check.
    static QString lifetimeDeltaSql();

private:
    Database& m_db;
};

} // namespace lt
