#include "core/store/FileOwnership.h"

#include "core/common/Logging.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace lt {

bool FileOwnership::matchOwner(const QString& path, const QString& like)
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        return true;
    struct stat reference = {};
    struct stat current = {};
    const QByteArray target = QFile::encodeName(path);
    if (::stat(QFile::encodeName(like).constData(), &reference) != 0 || ::lstat(target.constData(), &current) != 0)
        return false;
    if (current.st_uid == reference.st_uid && current.st_gid == reference.st_gid)
        return true;
    // lchown: never follow a link someone placed where the file was to be.
    if (::lchown(target.constData(), reference.st_uid, reference.st_gid) != 0) {
        qCWarning(lcStore) << "cannot give" << path << "the owner of" << like;
        return false;
    }
    return true;
#else
    Q_UNUSED(path)
    Q_UNUSED(like)
    return true;
#endif
}

} // namespace lt
