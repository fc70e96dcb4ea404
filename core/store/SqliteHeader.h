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

    static SqliteHeader read(QIODevice& file); // from the file's start
    // A whole number of pages: what a copy cut short by a full disk or an interrupted transfer is not.
    bool wholePages(qint64 size) const { return pageSize > 0 && size % pageSize == 0; }
};

} // namespace lt
