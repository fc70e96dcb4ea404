#pragma once

#include "core/common/Result.h"

#include <QString>

namespace lt {

// What a store file holds, read without writing a byte to it or beside it: a backup to list or verify, a file to
// restore from, the store a restore would replace.
struct StoreFileFacts
{
    int schemaVersion = 0;
    qint64 members = 0;
    qint64 ledgerEntries = 0;
    qint64 bytes = 0;
};

// Checks that a file is a whole, undamaged LoyaltyTill store this program can read: an SQLite file of full pages,
// marked as LoyaltyTill's, with the store's tables, a schema not newer than this build's, and PRAGMA
// integrity_check (or quick_check, for a quick look) finding nothing. Opened read-only and immutable, so that no
// write-ahead log or shared-memory file is created next to a backup; the file's own -wal is not read.
class StoreFileCheck
{
public:
    enum class Depth {
        Full, // integrity_check: every page, index and constraint
        Quick, // quick_check: pages and records, not the indexes' agreement with their tables
    };

    // Not found when the file does not exist, corrupt when it is damaged or not a store, refused when its schema
    // is newer than this program's.
    static Result<StoreFileFacts> inspect(const QString& path, Depth depth = Depth::Full);
};

} // namespace lt
