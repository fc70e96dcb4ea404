#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace lt {

class Database;

// Which Square environment and location this store syncs with, kept in the store's settings table so that every
// till on the file agrees. The access token is not here: it lives in the keychain (CredentialStore).
struct SquareConnection
{
    QString environment; // "production", "sandbox" or a base URL
    QString locationId;
    QDateTime lastSyncAt; // the end of the last pass that drained what it could; invalid before the first

    static Result<std::optional<SquareConnection>> load(Database& db);
    Result<void> save(Database& db) const;
    static Result<void> clear(Database& db);
    static Result<void> recordPass(Database& db, const QDateTime& at);
};

} // namespace lt
