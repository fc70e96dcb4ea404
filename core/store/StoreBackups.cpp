#include "core/store/StoreBackups.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/settings/TillSettings.h"
#include "core/store/BackupSchedule.h"
#include "core/store/Database.h"
#include "core/store/DatabaseBackup.h"

namespace lt {

BackupSettings BackupSettings::forStore(const QString& storePath)
{
    const TillSettings settings;
    BackupSettings resolved;
    const BackupFolder folder = BackupFolder::forStore(storePath);
    resolved.folder = folder.path();
    resolved.storeStem = folder.storeStem();
    resolved.oldNames = folder.listsOldNames();
    const QTime time = QTime::fromString(settings.value(QStringLiteral("backup.time")), QStringLiteral("HH:mm"));
    if (time.isValid())
        resolved.time = time;
    resolved.keep = qMax(1, settings.value(QStringLiteral("backup.keep")).toInt());
    return resolved;
}

StoreBackups::StoreBackups(Database& db, BackupSettings settings, const Clock& clock)
    : m_db(db)
    , m_settings(std::move(settings))
    , m_clock(clock)
{
}

Result<WrittenBackup> StoreBackups::write(const QString& purpose)
{
    const BackupFolder folder = m_settings.backupFolder();
    LT_TRY(folder.prepare());
    QString path;
    Result<StoreFileFacts> facts = Error::internal(QString());
    // Two backups in the same second (two tills opening a store to upgrade) may pick the same name: the one that
    // finds it taken (refused before it writes, a conflict after) takes the next.
    for (int attempt = 0; attempt < 5; ++attempt) {
        path = folder.newPath(m_clock.nowUtc(), purpose);
        facts = DatabaseBackup(m_db).writeVerifiedTo(path);
        if (facts || (facts.error().kind != ErrorKind::Conflict && facts.error().kind != ErrorKind::Refused))
            break;
    }
    LT_TRY(facts);
    WrittenBackup written;
    written.facts = *facts;
    const std::optional<BackupFile> file = BackupFolder::parse(path, folder.storeStem());
    if (!file)
        return Error::internal(
            QStringLiteral("A backup was written under a name that is not a backup's: %1").arg(path));
    written.file = *file;
    qCDebug(lcBackup) << "backup written:" << written.file.path << written.facts.bytes << "bytes";
    return written;
}

Result<WrittenBackup> StoreBackups::backUp()
{
    LT_TRY_ASSIGN(WrittenBackup written, write(QString()));
    LT_TRY_ASSIGN(written.pruned, m_settings.backupFolder().prune(m_settings.keep));
    return written;
}

Result<std::optional<WrittenBackup>> StoreBackups::backUpIfDue()
{
    // Only a daily backup counts: a copy taken before a restore (maybe of a damaged store) or an upgrade is no
    // substitute for the day's.
    std::optional<QDateTime> newest;
    for (const BackupFile& backup : m_settings.backupFolder().list()) {
        if (backup.kind == BackupFile::Kind::Daily && (!newest || backup.takenUtc > *newest))
            newest = backup.takenUtc;
    }
    if (!BackupSchedule(m_settings.time).isDue(m_clock.nowUtc(), newest))
        return std::optional<WrittenBackup>();
    LT_TRY_ASSIGN(WrittenBackup written, backUp());
    return std::optional<WrittenBackup>(std::move(written));
}

Result<WrittenBackup> StoreBackups::backUpBeforeSchema(int target)
{
    return write(QStringLiteral("before-schema-%1").arg(target));
}

Result<std::optional<WrittenBackup>> StoreBackups::backUpStoreIfDue(const QString& storePath, const Clock& clock)
{
    Database::Options options;
    options.create = false;
    options.migrate = false; // the till's own connection did that
    options.quickCheck = false; // the copy is checked
    LT_TRY_ASSIGN(const std::unique_ptr<Database> db, Database::open(storePath, options));
    return StoreBackups(*db, BackupSettings::forStore(storePath), clock).backUpIfDue();
}

} // namespace lt
