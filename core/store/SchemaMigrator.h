#pragma once

#include "core/common/Result.h"

#include <QStringList>

namespace lt {

class Database;

// Numbered schema versions kept in PRAGMA user_version. Each step runs in its own transaction and is never
// edited once released; a database newer than this build is refused rather than guessed at.
class SchemaMigrator
{
public:
    static constexpr int CurrentVersion = 12;
    // 'LTIL': marks a file as a LoyaltyTill store.
    static constexpr int ApplicationId = 0x4C54494C;

    explicit SchemaMigrator(Database& db);

    Result<void> checkCompatible();
    Result<void> migrate();
    // Upgrades only to the given version: tests build fixtures of earlier schemas with it.
    Result<void> migrateTo(int version);

    static QStringList statementsFor(int version);

private:
    Database& m_db;
};

} // namespace lt
