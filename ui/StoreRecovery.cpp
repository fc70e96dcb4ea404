#include "ui/StoreRecovery.h"

#include "core/common/Clock.h"
#include "core/store/BackupFolder.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreRestore.h"

#include <QLocale>
#include <QMessageBox>

namespace lt::ui {

namespace {
int ask(QMessageBox::Icon icon, const QString& name, const QString& text, const QString& details,
        QMessageBox::StandardButtons buttons)
{
    QMessageBox box(icon, StoreRecovery::tr("LoyaltyTill"), text, buttons);
    box.setObjectName(name);
    box.setInformativeText(details);
    // The store cannot be used until it is restored: agreeing is the way on (the damaged file is kept).
    if (buttons.testFlag(QMessageBox::Yes))
        box.setDefaultButton(QMessageBox::Yes);
    return box.exec();
}
} // namespace

Result<std::unique_ptr<Database>> StoreRecovery::open(const QString& storePath, const Database::Options& options)
{
    auto db = Database::open(storePath, options);
    if (db || db.error().kind != ErrorKind::Corrupt || !StoreRestore::mayReplaceWithBackup(storePath))
        return db;
    if (!StoreRestore::newestGoodBackup(storePath))
        return Error::corrupt(db.error().message + QLatin1Char('\n')
                              + tr("No backup in %1 verifies: ask for help before anything else is done with the "
                                   "store.")
                                    .arg(BackupFolder::forStore(storePath).path()));
    if (offerNewestBackup(storePath, db.error()))
        return Database::open(storePath, options);
    return db;
}

bool StoreRecovery::offerNewestBackup(const QString& storePath, const Error& damage)
{
    const std::optional<BackupFile> good = StoreRestore::newestGoodBackup(storePath);
    if (!good)
        return false;
    auto plan = StoreRestore::plan(good->path, storePath);
    if (!plan) {
        QMessageBox::critical(nullptr, tr("LoyaltyTill"), plan.error().message);
        return false;
    }
    const QString taken = QLocale().toString(good->takenUtc.toLocalTime(), QLocale::ShortFormat);
    const QString lost = plan->gap ? plan->gap->text() : QString();
    const int answer = ask(QMessageBox::Warning, QStringLiteral("storeRecoveryOffer"),
                           tr("%1\n\nRestore the backup of %2? The damaged store is kept in the backup folder.")
                               .arg(damage.message, taken),
                           lost, QMessageBox::Yes | QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    const SystemClock clock;
    auto restored = StoreRestore::apply(*plan, BackupSettings::forStore(storePath), clock);
    if (!restored) {
        QMessageBox::critical(nullptr, tr("LoyaltyTill"), restored.error().message);
        return false;
    }
    QString summary = lost;
    if (!restored->gapFile.isEmpty())
        summary += QStringLiteral("\n\n") + tr("This list is kept in %1.").arg(restored->gapFile);
    ask(QMessageBox::Information, QStringLiteral("storeRecoveryDone"),
        tr("The backup of %1 is in place; the damaged store is kept as %2.").arg(taken, restored->storeBackup), summary,
        QMessageBox::Ok);
    return true;
}

} // namespace lt::ui
