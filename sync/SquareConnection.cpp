#include "sync/SquareConnection.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

namespace lt {

namespace {
const QString EnvironmentKey = QStringLiteral("square.environment");
const QString LocationKey = QStringLiteral("square.location_id");
const QString LastSyncKey = QStringLiteral("square.last_sync_at");
} // namespace

Result<std::optional<SquareConnection>> SquareConnection::load(Database& db)
{
    auto environment = db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {EnvironmentKey});
    if (!environment)
        return environment.error();
    auto location = db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {LocationKey});
    if (!location)
        return location.error();
    if (!environment->isValid() || !location->isValid())
        return std::optional<SquareConnection> {};
    auto last = db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {LastSyncKey});
    if (!last)
        return last.error();
    return std::optional<SquareConnection> {
        SquareConnection {environment->toString(), location->toString(), fromStorageTime(last->toString())}};
}

Result<void> SquareConnection::save(Database& db) const
{
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    for (const auto& [key, value] : {std::pair {EnvironmentKey, environment}, std::pair {LocationKey, locationId}}) {
        if (auto done =
                db.exec(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"), {key, value});
            !done)
            return done.error();
    }
    return transaction.commit();
}

Result<void> SquareConnection::clear(Database& db)
{
    return db.exec(QStringLiteral("DELETE FROM settings WHERE key IN (?, ?, ?)"),
                   {EnvironmentKey, LocationKey, LastSyncKey});
}

Result<void> SquareConnection::recordPass(Database& db, const QDateTime& at)
{
    return db.exec(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
                   {LastSyncKey, toStorageTime(at)});
}

} // namespace lt
