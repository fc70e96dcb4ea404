#include "core/logging/JournalStream.h"

#include <QByteArray>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace lt {

bool JournalStream::matches(QByteArrayView value, quint64 device, quint64 inode)
{
    const qsizetype colon = value.indexOf(':');
    if (colon <= 0 || colon != value.lastIndexOf(':'))
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const quint64 givenDevice = value.first(colon).toULongLong(&deviceOk);
    const quint64 givenInode = value.sliced(colon + 1).toULongLong(&inodeOk);
    return deviceOk && inodeOk && givenDevice == device && givenInode == inode;
}

bool JournalStream::isStderr()
{
#ifdef Q_OS_UNIX
    const QByteArray value = qgetenv("JOURNAL_STREAM");
    struct stat status
    {
    };
    if (value.isEmpty() || fstat(STDERR_FILENO, &status) != 0)
        return false;
    return matches(value, static_cast<quint64>(status.st_dev), static_cast<quint64>(status.st_ino));
#else
    return false;
#endif
}

} // namespace lt
