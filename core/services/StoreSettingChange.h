#pragma once

#include "core/common/Result.h"

#include <QString>

namespace lt {

class Actor;
class Clock;
class Database;

// A manager's change of one of the store's settings, from the admin tool or the till: validated, refused when IT
// locked it, and written with its audit entry in one transaction.
class StoreSettingChange
{
public:
    StoreSettingChange(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    Result<void> set(const QString& key, const QString& value, const Actor& actor);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
