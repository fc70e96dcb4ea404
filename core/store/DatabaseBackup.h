#pragma once

#include "core/common/Result.h"
#include "core/store/StoreFileCheck.h"

#include <QString>

namespace lt {

class Database;

// A consistent copy of a live store (VACUUM INTO reads one snapshot while tills keep writing), private to the
// owner like the store itself, and checked before it is reported as good.
class DatabaseBackup
{
public:
    explicit DatabaseBackup(Database& db)
        : m_db(db)
    {
    }
    Result<qint64> writeTo(const QString& path); // bytes written
    // The same, then checked before it takes its name: written beside `path` under a name no backup has, checked
    // with integrity_check and for the store's own schema version, and only then renamed to `path`. So a file
    // that has a backup's name is whole, even after a crash or a full disk; a copy that fails the check is deleted.
    Result<StoreFileFacts> writeVerifiedTo(const QString& path);

private:
    Database& m_db;
};

} // namespace lt
