#pragma once

#include <QtGlobal>

class QIODevice;

namespace lt {

// The first 100 bytes of an SQLite file, as the store's own check at open and a backup's check read them.
struct SqliteHeader
{
    bool isSqlite = false; // "SQLite format 3\0"
    qint64 pageSize = 0; // 0 unless a power of two of at least 512
    qint64 pages = 0; // the page count the header records
    bool countIsCurrent = false; // that count is valid (written by the same change as the header)
    quint32 applicationId = 0; // PRAGMA application_id: LoyaltyTill's stores carry SchemaMigrator::ApplicationId
    // Page 1 holds the schema's b-tree after the 100-byte header: an SQLite file whose header alone was overwritten
    // (zeroed by a disk, garbage from a careless write) still shows it, where another program's file does not.
    bool schemaPageFollows = false;

    static SqliteHeader read(QIODevice& file); // from the file's start
    // A whole number of pages: what a copy cut short by a full disk or an interrupted transfer is not.
    bool wholePages(qint64 size) const { return pageSize > 0 && size % pageSize == 0; }
    // An SQLite file with its header overwritten: damaged, not another program's.
    bool isDamagedSqlite(qint64 size) const
    {
        return !isSqlite && schemaPageFollows && size >= 1024 && size % 512 == 0;
    }
};

} // namespace lt

#include "core/common/Result.h"

#include <QString>

namespace lt {

// What a store's write-ahead log holds, read without SQLite (which drops a log's torn or damaged tail in silence and
// then folds the rest into the file): the frames that verify from the start, and whether the log is whole.
struct SqliteWal
{
    enum class State {
        Absent, // no log, or an empty one
        Whole, // every frame the log claims is there and verifies
        Stale, // a header SQLite would not use (it rewrites the log from the start): nothing committed is in it
        CutMidFrame, // the file ends inside a frame: it was cut short
        Truncated, // the log's index (-shm) counts committed frames the file no longer has
        Damaged, // a frame of the current log (its salts) fails its checksum before the last committed one
    };

    State state = State::Absent;
    qint64 frames = 0; // whole frames in the file
    qint64 validFrames = 0; // frames of the current log that verify, from the first
    qint64 committedFrames = 0; // of those, up to the last that ends a transaction
    qint64 indexFrames = -1; // what the -shm says the log holds, or -1 when it is absent or out of date

    // Reads `storePath`-wal and, when it is current, `storePath`-shm. Never opens either for writing.
    static SqliteWal read(const QString& storePath);
    bool isDamaged() const
    {
        return state == State::CutMidFrame || state == State::Truncated || state == State::Damaged;
    }
};

} // namespace lt
