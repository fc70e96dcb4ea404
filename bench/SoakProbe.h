#pragma once

#include <QString>

namespace lt::bench {

// What the soak watches for leaks, read from this process at one moment.
struct ResourceUse
{
    double rssMb = 0; // resident memory (/proc/self/status VmRSS)
    int fds = 0; // open file descriptors (/proc/self/fd)
    int connections = 0; // named Qt SQL connections, on every thread (QSqlDatabase::connectionNames)
    int threads = 0; // threads of the process (/proc/self/status Threads)
};

ResourceUse readResourceUse();

// One row of the soak's table: the resources after `operations`, and the scan-to-member latency of the window
// that ended there.
struct SoakSample
{
    qint64 operations = 0;
    double seconds = 0; // since the soak started
    ResourceUse use;
    double scanP50Ms = 0;
    double scanP99Ms = 0;
    qsizetype scans = 0; // timed lookups in the window
    double guiCpuMsPerOperation = 0; // the till's thread's CPU time in the window, per operation
};

} // namespace lt::bench
