#include "core/services/TillCheckup.h"

#include "core/common/Clock.h"
#include "core/settings/SystemConfig.h"
#include "core/settings/TillSettings.h"
#include "core/store/BackupFolder.h"
#include "core/store/Database.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreFileCheck.h"
#include "core/store/StoreHealth.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace lt {

namespace {

constexpr int BackupsVerifiedAtMost = 3; // a quick_check each: enough to step over a damaged newest one

// The folder itself, or the nearest one above it that exists: a backup folder is only made by the first backup.
QString existingFolder(const QString& folder)
{
    QDir dir(folder);
    while (!dir.exists() && !dir.isRoot()) {
        if (!dir.cdUp())
            break;
    }
    return dir.absolutePath();
}

Database::Options readingOptions(bool quickCheck)
{
    Database::Options options;
    options.create = false;
    options.migrate = false; // the check-up changes nothing; the till or `init` upgrade after a backup
    options.quickCheck = quickCheck;
    options.busyTimeoutMs = 2000;
    return options;
}

} // namespace

TillCheckup::TillCheckup(QString storePath, const Clock& clock)
    : m_storePath(std::move(storePath))
    , m_clock(clock)
{
}

QList<CheckResult> TillCheckup::runAll() const
{
    return {database(), storeDiskSpace(), backupDiskSpace(), backups(), clock(), configuration(), scannerPort()};
}

CheckResult TillCheckup::database() const
{
    const QString id = QStringLiteral("database");
    const QString title = tr("Database");
    if (!QFileInfo::exists(m_storePath))
        return CheckResult::failed(id, title, tr("There is no store at %1.").arg(m_storePath),
                                   tr("Create it with `loyaltytill-admin setup`."));
    auto db = Database::open(m_storePath, readingOptions(true));
    if (!db) {
        switch (db.error().kind) {
        case ErrorKind::Corrupt:
            return CheckResult::failed(id, title, db.error().message,
                                       tr("Restore the newest good backup with `loyaltytill-admin restore FILE` "
                                          "(`loyaltytill-admin backup --list` shows which verify)."));
        case ErrorKind::Refused:
            return CheckResult::failed(id, title, db.error().message,
                                       tr("Install the LoyaltyTill version that wrote this store, or a newer one."));
        default:
            return CheckResult::failed(
                id, title, db.error().message,
                tr("Check that this user may read and write %1 and its folder.").arg(m_storePath));
        }
    }
    const int schema = (*db)->schemaVersion();
    auto access = StoreHealth(**db).writeAccess();
    if (!access)
        return CheckResult::failed(id, title, access.error().message,
                                   tr("Check that this user may read and write %1 and its folder.").arg(m_storePath));
    if (*access == StoreHealth::WriteAccess::ReadOnly)
        return CheckResult::failed(id, title, tr("%1 can be read but not written by this user.").arg(m_storePath),
                                   tr("Give the till's user write access to the store file and its folder (SQLite "
                                      "writes its -wal and -shm files beside it)."));
    if (schema < SchemaMigrator::CurrentVersion)
        return CheckResult::warning(id, title,
                                    tr("%1 is on schema %2; this program uses schema %3.")
                                        .arg(m_storePath)
                                        .arg(schema)
                                        .arg(SchemaMigrator::CurrentVersion),
                                    tr("Run `loyaltytill-admin init` (or start the till): it backs the store up, "
                                       "then upgrades it."));
    if (*access == StoreHealth::WriteAccess::Busy)
        return CheckResult::warning(
            id, title, tr("%1 is undamaged, but another program held its write lock for seconds.").arg(m_storePath),
            tr("Run the check again; if it stays busy, look for a stuck program using the store (`fuser %1`).")
                .arg(m_storePath));
    return CheckResult::ok(id, title,
                           tr("%1: schema %2, undamaged (quick_check), writable.").arg(m_storePath).arg(schema));
}

CheckResult TillCheckup::diskSpace(const QString& id, const QString& title, const QString& folder) const
{
    const QString existing = existingFolder(folder);
    const QStorageInfo storage(existing);
    if (!storage.isValid() || !storage.isReady())
        return CheckResult::warning(id, title, tr("The free space at %1 cannot be read.").arg(existing),
                                    tr("Check that %1 is on a mounted disk.").arg(existing));
    return judgeDiskSpace(id, title, folder, storage.bytesAvailable(), storage.bytesTotal());
}

CheckResult TillCheckup::storeDiskSpace() const
{
    return diskSpace(QStringLiteral("disk.store"), tr("Disk space (store)"), QFileInfo(m_storePath).absolutePath());
}

CheckResult TillCheckup::backupDiskSpace() const
{
    return diskSpace(QStringLiteral("disk.backups"), tr("Disk space (backups)"),
                     BackupFolder::forStore(m_storePath).path());
}

TillCheckup::BackupFacts TillCheckup::backupFacts() const
{
    BackupFacts facts;
    const BackupFolder folder = BackupFolder::forStore(m_storePath);
    facts.folder = folder.path();
    int verified = 0;
    for (const BackupFile& file : folder.list()) { // newest first
        if (file.kind != BackupFile::Kind::Daily) {
            ++facts.otherCount;
            continue;
        }
        ++facts.dailyCount;
        if (facts.newestGoodDaily || verified >= BackupsVerifiedAtMost)
            continue;
        ++verified;
        auto inspected = StoreFileCheck::inspect(file.path, StoreFileCheck::Depth::Quick);
        if (inspected)
            facts.newestGoodDaily = file.takenUtc;
        else if (facts.newestDailyProblem.isEmpty())
            facts.newestDailyProblem = inspected.error().message;
    }
    return facts;
}

CheckResult TillCheckup::backups() const
{
    return judgeBackups(backupFacts(), m_clock.nowUtc(), BackupSettings::forStore(m_storePath).time);
}

CheckResult TillCheckup::clock() const
{
    std::optional<QDateTime> newest;
    if (QFileInfo::exists(m_storePath)) {
        if (auto db = Database::open(m_storePath, readingOptions(false))) {
            if (auto read = StoreHealth(**db).newestLedgerEntryAt())
                newest = *read;
        }
    }
    return judgeClock(m_clock.nowUtc(), newest, buildDate());
}

CheckResult TillCheckup::configuration() const
{
    return judgeConfiguration(*SystemConfig::global());
}

CheckResult TillCheckup::scannerPort() const
{
    return judgeScannerPort(TillSettings().value(QStringLiteral("scanner.serial_port")));
}

QDate TillCheckup::buildDate()
{
    return QDate::fromString(QStringLiteral(LOYALTYTILL_BUILD_DATE), Qt::ISODate);
}

} // namespace lt
