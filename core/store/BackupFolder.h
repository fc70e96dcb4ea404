#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace lt {

// One backup in the folder, known by its name:
// loyaltytill-YYYYMMDD-HHMMSS[-before-schema-N|-before-restore][-K].sqlite, the time in UTC. A file only gets such a
// name once it was verified (see DatabaseBackup::writeVerifiedTo).
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

// The folder the backups of one store go to: backup.folder, or a `backups` folder beside the store. Created private
// (0700); only files whose names are a backup's are listed or ever deleted.
class BackupFolder
{
public:
    explicit BackupFolder(QString path)
        : m_path(std::move(path))
    {
    }
    // The configured folder (backup.folder), else `backups` beside the store.
    static BackupFolder forStore(const QString& storePath);

    const QString& path() const { return m_path; }
    // Creates the folder (mode 0700) when it is missing and checks that it can be written.
    Result<void> prepare() const;
    // A new backup's full path for the moment `utc`; `purpose` ("before-schema-8", "before-restore") or empty for a
    // daily one. A number is added when another backup already took the name in the same second.
    QString newPath(const QDateTime& utc, const QString& purpose = {}) const;
    // Newest first.
    QList<BackupFile> list() const;
    // Deletes the daily backups beyond the newest `keep`; returns the paths deleted.
    Result<QStringList> prune(int keep) const;

    static std::optional<BackupFile> parse(const QString& path);

private:
    QString m_path;
};

} // namespace lt
