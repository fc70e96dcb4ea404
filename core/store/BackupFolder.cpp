#include "core/store/BackupFolder.h"

#include "core/settings/TillSettings.h"
#include "core/store/FileOwnership.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace lt {

namespace {
QRegularExpression backupName(const QString& stem)
{
    return QRegularExpression(
        QLatin1Char('^') + QRegularExpression::escape(stem)
        + QStringLiteral(R"(-(\d{8}-\d{6})(?:-before-(?:schema-(\d{1,4})|(restore)))?(?:-(\d{1,4}))?\.sqlite$)"));
}
} // namespace

BackupFolder BackupFolder::forStore(const QString& storePath)
{
    const QString configured = TillSettings().value(QStringLiteral("backup.folder"));
    if (!configured.isEmpty())
        return BackupFolder(configured, stemFor(storePath));
    return BackupFolder(QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("backups")), stemFor(storePath))
        .withOldNames();
}

BackupFolder BackupFolder::withOldNames() const
{
    BackupFolder folder = *this;
    folder.m_oldNames = m_stem != QLatin1String("loyaltytill");
    return folder;
}

QString BackupFolder::stemFor(const QString& storePath)
{
    QString name = QFileInfo(storePath).fileName();
    if (name.endsWith(QStringLiteral(".sqlite")))
        name.chop(7);
    for (QChar& c : name) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
            || c == u'_' || c == u'-';
        if (!plain)
            c = u'_';
    }
    return name.isEmpty() ? QStringLiteral("loyaltytill") : name;
}

Result<void> BackupFolder::prepare() const
{
    const QFileInfo info(m_path);
    if (info.exists() && !info.isDir())
        return Error::invalid(
            QCoreApplication::translate("BackupFolder", "The backup folder %1 is a file, not a folder.").arg(m_path),
            QStringLiteral("backup.folder"));
    if (!info.exists()) {
        if (!QDir().mkpath(m_path))
            return Error::storage(
                QCoreApplication::translate("BackupFolder", "Cannot create the backup folder %1.").arg(m_path));
        // Backups hold members' personal data: the folder is the owner's alone.
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        FileOwnership::matchOwner(m_path, QFileInfo(m_path).absolutePath());
    }
    if (!QFileInfo(m_path).isWritable())
        return Error::storage(
            QCoreApplication::translate("BackupFolder", "The backup folder %1 cannot be written.").arg(m_path));
    return {};
}

QString BackupFolder::newPath(const QDateTime& utc, const QString& purpose) const
{
    const QString stem = m_stem + QLatin1Char('-') + utc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"))
        + (purpose.isEmpty() ? QString() : QLatin1Char('-') + purpose);
    const QDir dir(m_path);
    // After the highest number taken in that second, never in a gap: a name freed by pruning would make the newest
    // backup look like the oldest of its second.
    int highest = 0;
    const QRegularExpression sameSecond(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(stem) + QStringLiteral(R"((?:-(\d{1,4}))?\.sqlite(?:\.partial-.*)?)")));
    for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden)) {
        const QRegularExpressionMatch match = sameSecond.match(name);
        if (match.hasMatch())
            highest = qMax(highest, match.hasCaptured(1) ? match.captured(1).toInt() : 1);
    }
    return dir.filePath(highest == 0 ? stem + QStringLiteral(".sqlite")
                                     : stem + QStringLiteral("-%1.sqlite").arg(highest + 1));
}

std::optional<BackupFile> BackupFolder::parse(const QString& path, const QString& storeStem)
{
    const QFileInfo info(path);
    const QRegularExpressionMatch match = backupName(storeStem).match(info.fileName());
    if (!match.hasMatch())
        return std::nullopt;
    BackupFile file;
    file.path = info.absoluteFilePath();
    file.takenUtc = QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
    file.takenUtc.setTimeZone(QTimeZone::utc());
    if (!file.takenUtc.isValid())
        return std::nullopt;
    if (match.hasCaptured(2)) {
        file.kind = BackupFile::Kind::BeforeSchema;
        file.schema = match.captured(2).toInt();
    } else if (match.hasCaptured(3)) {
        file.kind = BackupFile::Kind::BeforeRestore;
    }
    if (match.hasCaptured(4))
        file.sequence = match.captured(4).toInt();
    file.bytes = info.size();
    return file;
}

QList<BackupFile> BackupFolder::list() const
{
    QList<BackupFile> files;
    QStringList stems {m_stem};
    if (m_oldNames)
        stems << QStringLiteral("loyaltytill");
    for (const QString& stem : stems) {
        const QFileInfoList entries =
            QDir(m_path).entryInfoList({stem + QStringLiteral("-*.sqlite")}, QDir::Files | QDir::Hidden);
        for (const QFileInfo& entry : entries) {
            if (std::optional<BackupFile> file = parse(entry.absoluteFilePath(), stem))
                files << *file;
        }
    }
    std::sort(files.begin(), files.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.takenUtc != b.takenUtc ? a.takenUtc > b.takenUtc : a.sequence > b.sequence;
    });
    return files;
}

Result<QStringList> BackupFolder::prune(int keep) const
{
    QStringList deleted;
    int kept = 0;
    for (const BackupFile& file : list()) {
        if (file.kind != BackupFile::Kind::Daily || ++kept <= keep)
            continue;
        if (!QFile::remove(file.path))
            return Error::storage(
                QCoreApplication::translate("BackupFolder", "Cannot delete the old backup %1.").arg(file.path));
        QFile::remove(file.path + QStringLiteral("-wal")); // a copy of a damaged store keeps its log beside it
        deleted << file.path;
    }
    return deleted;
}

} // namespace lt
