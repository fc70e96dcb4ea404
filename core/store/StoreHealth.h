#pragma once

#include "core/common/Result.h"

#include <QDateTime>

#include <optional>

namespace lt {

class Database;

// What the check-up asks of an open store, without changing it: whether this connection may write, and when the
// store last recorded points (a clock set before that moment is wrong).
class StoreHealth
{
public:
    enum class WriteAccess {
        Writable, // the write lock was taken (and given back at once)
        Busy, // another connection held the write lock for the whole busy timeout
        ReadOnly, // SQLite opened the file read-only: this user may not write it or its folder
    };

    explicit StoreHealth(Database& db)
        : m_db(db)
    {
    }

    // BEGIN IMMEDIATE, then ROLLBACK: nothing is written.
    Result<WriteAccess> writeAccess() const;
    // The latest creation time among the newest ledger entries (by id: entries are appended, a backdated sale's may
    // be earlier); nothing for an empty ledger.
    Result<std::optional<QDateTime>> newestLedgerEntryAt() const;

private:
    Database& m_db;
};

} // namespace lt
