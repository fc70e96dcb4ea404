#include "core/store/DatabaseBackup.h"

#include "core/store/Database.h"

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

} // namespace lt
