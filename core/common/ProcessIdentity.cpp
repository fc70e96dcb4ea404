#include "core/common/ProcessIdentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace lt {

QString ProcessIdentity::actAsOwnerOf([[maybe_unused]] const QString& storePath)
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0 || storePath.isEmpty())
        return {};
    QString folder = QFileInfo(storePath).absolutePath();
    while (!QFileInfo::exists(folder) && !QDir(folder).isRoot())
        folder = QFileInfo(folder).absolutePath();
    struct stat info = {};
    if (::stat(QFile::encodeName(folder).constData(), &info) != 0 || info.st_uid == 0)
        return {};
    const passwd* user = ::getpwuid(info.st_uid);
    const gid_t group = user ? user->pw_gid : info.st_gid;
    // Groups first, while still root; then the group; the user last. The real and saved ids stay root's (AsRoot).
    const bool groups = user ? ::initgroups(user->pw_name, group) == 0 : ::setgroups(1, &group) == 0;
    if (!groups || ::setegid(group) != 0 || ::seteuid(info.st_uid) != 0)
        return {};
    return user ? QString::fromLocal8Bit(user->pw_name) : QString::number(info.st_uid);
#else
    return {};
#endif
}

bool ProcessIdentity::startedAsRoot()
{
#ifdef Q_OS_UNIX
    return ::getuid() == 0;
#else
    return false;
#endif
}

ProcessIdentity::AsRoot::AsRoot()
{
#ifdef Q_OS_UNIX
    if (::getuid() != 0 || ::geteuid() == 0)
        return;
    m_user = ::geteuid();
    m_group = ::getegid();
    m_switched = ::seteuid(0) == 0 && ::setegid(0) == 0;
#endif
}

ProcessIdentity::AsRoot::~AsRoot()
{
#ifdef Q_OS_UNIX
    if (!m_switched)
        return;
    // The group while still root, then the user.
    if (::setegid(m_group) != 0 || ::seteuid(m_user) != 0)
        ::_exit(70); // never go on as root where the owner was meant
#endif
}

} // namespace lt
