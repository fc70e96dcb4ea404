#include "bench/SoakProbe.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>

#include "bench/ProcessMemory.h"

namespace lt::bench {

namespace {

int threadCount()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("Threads:"))
            return line.mid(8).trimmed().toInt();
    }
    return -1;
}

int openFileDescriptors()
{
    // Listing the folder holds one descriptor of its own: it is counted every time, so the count stays comparable.
    return int(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
}

} // namespace

ResourceUse readResourceUse()
{
    ResourceUse use;
    use.rssMb = processMemoryMb("VmRSS");
    use.fds = openFileDescriptors();
    use.connections = int(QSqlDatabase::connectionNames().size());
    use.threads = threadCount();
    return use;
}

} // namespace lt::bench
