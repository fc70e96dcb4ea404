#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace lt {

// One backup in the folder, known by its name: STORE-YYYYMMDD-HHMMSS[-before-schema-N|-before-restore][-K].sqlite,
// STORE the store file's name without .sqlite (loyaltytill for the default store), the time in UTC. A file only gets
// such a name once it was verified (see DatabaseBackup::writeVerifiedTo).
struct BackupFile
{
    enum class Kind {
        Daily, // the daily backup, or one an operator asked for: the only kind pruned to backup.keep
        BeforeSchema, // taken before an upgrade to schema `schema`; kept until IT deletes it
        BeforeRestore, // the store as it was before a restore replaced it; kept until IT deletes it
    };
    QString path;
    QDateTime takenUtc;
    Kind kind = Kind::Daily;
    int schema = 0; // for BeforeSchema: the schema the upgrade went to
    int sequence = 1; // 2, 3...: a later backup in the same second
    qint64 bytes = 0;
};

// The backups of one store in their folder: backup.folder, or a `backups` folder beside the store. Created private
// (0700); only files whose names are this store's backups are listed or ever deleted, so that stores sharing a
// folder never see, prune or restore each other's.
class BackupFolder
{
public:
    explicit BackupFolder(QString path, QString storeStem = QStringLiteral("loyaltytill"))
        : m_path(std::move(path))
        , m_stem(std::move(storeStem))
    {
    }
    // The configured folder (backup.folder), else `backups` beside the store.
    static BackupFolder forStore(const QString& storePath);
    // What the store's backups are named after: its file name without .sqlite, any character outside
    // [A-Za-z0-9._-] replaced by '_'.
    static QString stemFor(const QString& storePath);

    const QString& path() const { return m_path; }
    const QString& storeStem() const { return m_stem; }
    // Also lists (and prunes) backups named loyaltytill-…, as every store's were before they were named after its
    // file: forStore() sets it for a store's own `backups` folder, never for a shared backup.folder.
    BackupFolder withOldNames() const;
    bool listsOldNames() const { return m_oldNames; }
    // Creates the folder (mode 0700) when it is missing and checks that it can be written.
    Result<void> prepare() const;
    // A new backup's full path for the moment `utc`; `purpose` ("before-schema-8", "before-restore") or empty for a
    // daily one. A number is added when another backup already took the name in the same second.
    QString newPath(const QDateTime& utc, const QString& purpose = {}) const;
    // Newest first.
    QList<BackupFile> list() const;
    // Deletes the daily backups beyond the newest `keep`; returns the paths deleted.
    Result<QStringList> prune(int keep) const;

    // A backup of the store named `storeStem`, or nothing when the file's name is not one.
    static std::optional<BackupFile> parse(const QString& path,
                                           const QString& storeStem = QStringLiteral("loyaltytill"));

private:
    QString m_path;
    QString m_stem;
    bool m_oldNames = false;
};

} // namespace lt
