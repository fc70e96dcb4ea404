#include "ui/StoreRecovery.h"

#include "core/common/Clock.h"
#include "core/store/BackupFolder.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreRestore.h"

#include <QLocale>
#include <QMessageBox>

namespace lt::ui {

Result<std::unique_ptr<Database>> StoreRecovery::open(const QString& storePath, const Database::Options& options)
{
    auto db = Database::open(storePath, options);
    if (!db && db.error().kind == ErrorKind::Corrupt && StoreRestore::mayReplaceWithBackup(storePath)
        && offerNewestBackup(storePath, db.error()))
        return Database::open(storePath, options);
    return db;
}

bool StoreRecovery::offerNewestBackup(const QString& storePath, const Error& damage)
{
    const std::optional<BackupFile> good = StoreRestore::newestGoodBackup(storePath);
    if (!good)
        return false;
    const auto answer = QMessageBox::question(
        nullptr, tr("LoyaltyTill"),
        tr("%1\n\nRestore the backup of %2? The damaged store is kept in the backup folder.")
            .arg(damage.message, QLocale().toString(good->takenUtc.toLocalTime(), QLocale::ShortFormat)));
    if (answer != QMessageBox::Yes)
        return false;
    const SystemClock clock;
    auto plan = StoreRestore::plan(good->path, storePath);
    auto restored = plan ? StoreRestore::apply(*plan, BackupSettings::forStore(storePath), clock)
                         : Result<RestoreOutcome>(plan.error());
    if (!restored) {
        QMessageBox::critical(nullptr, tr("LoyaltyTill"), restored.error().message);
        return false;
    }
    return true;
}

} // namespace lt::ui
