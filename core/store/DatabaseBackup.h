#pragma once

#include "core/common/Result.h"

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

private:
    Database& m_db;
};

} // namespace lt
