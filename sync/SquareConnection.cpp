#include "sync/SquareConnection.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

namespace lt {

namespace {
const QString EnvironmentKey = QStringLiteral("square.environment");
const QString LocationKey = QStringLiteral("square.location_id");
const QString LastSyncKey = QStringLiteral("square.last_sync_at");
} // namespace

Result<std::optional<SquareConnection>> SquareConnection::load(Database& db)
{
    const StoreSettings settings(db);
    LT_TRY_ASSIGN(const std::optional<QString> environment, settings.state(EnvironmentKey));
    LT_TRY_ASSIGN(const std::optional<QString> location, settings.state(LocationKey));
    if (!environment || !location)
        return std::optional<SquareConnection> {};
    LT_TRY_ASSIGN(const std::optional<QString> last, settings.state(LastSyncKey));
    return std::optional<SquareConnection> {
        SquareConnection {*environment, *location, last ? fromStorageTime(*last) : QDateTime()}};
}

Result<void> SquareConnection::save(Database& db) const
{
    return inTransaction(db, [&]() -> Result<void> {
        StoreSettings settings(db);
        LT_TRY(settings.setState(EnvironmentKey, environment));
        return settings.setState(LocationKey, locationId);
    });
}

Result<void> SquareConnection::clear(Database& db)
{
    return inTransaction(db, [&]() -> Result<void> {
        return StoreSettings(db).clearState({EnvironmentKey, LocationKey, LastSyncKey});
    });
}

Result<void> SquareConnection::recordPass(Database& db, const QDateTime& at)
{
    return StoreSettings(db).setState(LastSyncKey, toStorageTime(at));
}

} // namespace lt
