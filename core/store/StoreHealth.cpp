#include "core/store/StoreHealth.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace lt {

namespace {
// SQLite's primary result codes (the low byte of an extended one).
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
} // namespace

Result<StoreHealth::WriteAccess> StoreHealth::writeAccess() const
{
    QSqlQuery query(m_db.connection());
    if (query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        query.finish();
        LT_TRY(m_db.exec(QStringLiteral("ROLLBACK")));
        return WriteAccess::Writable;
    }
    const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
    if (code == SqliteBusy || code == SqliteLocked)
        return WriteAccess::Busy;
    if (code == SqliteReadOnly)
        return WriteAccess::ReadOnly;
    return Database::errorFrom(query);
}

Result<std::optional<QDateTime>> StoreHealth::newestLedgerEntryAt() const
{
    LT_TRY_ASSIGN(const QVariant newest,
                  m_db.scalar(QStringLiteral("SELECT MAX(created_at) FROM "
                                             "(SELECT created_at FROM ledger ORDER BY id DESC LIMIT 100)")));
    if (newest.isNull() || !newest.isValid())
        return std::optional<QDateTime>();
    const QDateTime at = fromStorageTime(newest.toString());
    return at.isValid() ? std::optional<QDateTime>(at) : std::optional<QDateTime>();
}

} // namespace lt
