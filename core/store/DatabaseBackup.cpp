#include "core/store/DatabaseBackup.h"

#include "core/store/Database.h"
#include "core/store/FileOwnership.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace lt {

Result<qint64> DatabaseBackup::writeTo(const QString& path)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(QCoreApplication::translate("DatabaseBackup", "Name the backup file."),
                              QStringLiteral("file"));
    const QFileInfo info(path);
    if (info.exists())
        return Error::refused(
            QCoreApplication::translate("DatabaseBackup", "%1 already exists; choose a new file name.").arg(path));
    if (!QDir().mkpath(info.absolutePath()))
        return Error::storage(
            QCoreApplication::translate("DatabaseBackup", "Cannot create the folder %1.").arg(info.absolutePath()));
    // Create the file first, private, so the copy of members' personal data is never readable by others.
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::storage(
                QCoreApplication::translate("DatabaseBackup", "Cannot create %1: %2").arg(path, file.errorString()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        FileOwnership::matchOwner(path, info.absolutePath());
    }
    QFile::remove(path + QStringLiteral("-journal"));
    // VACUUM INTO refuses an existing non-empty file; an empty one it overwrites in place.
    QSqlQuery query(m_db.connection());
    if (!query.prepare(QStringLiteral("VACUUM INTO ?"))) {
        QFile::remove(path);
        return Database::errorFrom(query);
    }
    query.bindValue(0, info.absoluteFilePath());
    if (!query.exec()) {
        const Error error = Database::errorFrom(query);
        QFile::remove(path);
        return error;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return QFileInfo(path).size();
}

Result<StoreFileFacts> DatabaseBackup::writeVerifiedTo(const QString& path)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(QCoreApplication::translate("DatabaseBackup", "Name the backup file."),
                              QStringLiteral("file"));
    if (QFileInfo::exists(path))
        return Error::refused(
            QCoreApplication::translate("DatabaseBackup", "%1 already exists; choose a new file name.").arg(path));
    // Per attempt: two tills (or two threads) upgrading the same store at once each write their own.
    static QAtomicInteger<quint64> attempts;
    const QString partial = path
        + QStringLiteral(".partial-%1-%2").arg(QCoreApplication::applicationPid()).arg(attempts.fetchAndAddRelaxed(1));
    // The copy is one snapshot taken between these two reads: another process may upgrade the store meanwhile.
    const int versionBefore = m_db.schemaVersion();
    LT_TRY(writeTo(partial));
    const int versionAfter = m_db.schemaVersion();
    auto checked = StoreFileCheck::inspect(partial);
    if (checked && (checked->schemaVersion < versionBefore || checked->schemaVersion > versionAfter))
        checked =
            Error::corrupt(QCoreApplication::translate("DatabaseBackup", "The backup has schema %1, the store %2.")
                               .arg(checked->schemaVersion)
                               .arg(versionAfter));
    if (!checked) {
        QFile::remove(partial);
        return Error {checked.error().kind == ErrorKind::NotFound ? ErrorKind::Storage : ErrorKind::Corrupt,
                      QCoreApplication::translate("DatabaseBackup", "The backup did not verify, and was deleted: %1")
                          .arg(checked.error().message)};
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        if (QFileInfo::exists(path)) // another backup took the name meanwhile
            return Error::conflict(
                QCoreApplication::translate("DatabaseBackup", "%1 already exists; choose a new file name.").arg(path));
        return Error::storage(QCoreApplication::translate("DatabaseBackup", "Cannot name the backup %1.").arg(path));
    }
    return checked;
}

} // namespace lt
