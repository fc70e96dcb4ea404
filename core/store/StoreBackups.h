#pragma once

#include "core/common/Result.h"
#include "core/store/BackupFolder.h"
#include "core/store/StoreFileCheck.h"

#include <QTime>

#include <optional>

namespace lt {

class Clock;
class Database;

// backup.folder, backup.time and backup.keep as this machine resolves them (preset, the user's, IT's lock).
struct BackupSettings
{
    QString folder;
    QString storeStem = QStringLiteral("loyaltytill"); // the store's backups are named after its file
    bool oldNames = false; // also the loyaltytill-… backups of its own folder (BackupFolder::withOldNames)
    QTime time = QTime(2, 30);
    int keep = 14;

    static BackupSettings forStore(const QString& storePath);
    BackupFolder backupFolder() const
    {
        const BackupFolder named(folder, storeStem);
        return oldNames ? named.withOldNames() : named;
    }
};

// A backup that was written and verified.
struct WrittenBackup
{
    BackupFile file;
    StoreFileFacts facts;
    QStringList pruned; // older daily backups deleted after it
};

// The store's backups into its backup folder: the daily one (by the admin command, the package's timer or a running
// till when it is due), and the one before a schema upgrade. Every one is verified before it takes its name.
class StoreBackups
{
public:
    StoreBackups(Database& db, BackupSettings settings, const Clock& clock);

    // A daily backup now, then the daily ones beyond backup.keep deleted.
    Result<WrittenBackup> backUp();
    // The same when no backup was taken since the last backup.time; nothing (and no error) when none is due.
    Result<std::optional<WrittenBackup>> backUpIfDue();
    // Before upgrading the store to schema `target`: kept until IT deletes it.
    Result<WrittenBackup> backUpBeforeSchema(int target);

    // For a running till, from a worker thread every hour: opens its own connection to the store (the till's stays
    // free for sales while SQLite copies), and backs up when due.
    static Result<std::optional<WrittenBackup>> backUpStoreIfDue(const QString& storePath, const Clock& clock);

private:
    Result<WrittenBackup> write(const QString& purpose);

    Database& m_db;
    BackupSettings m_settings;
    const Clock& m_clock;
};

} // namespace lt
