#include "bench/ThreadCpuTime.h"

#include <ctime>

namespace lt::bench {

std::chrono::nanoseconds threadCpuTime()
{
    std::timespec now {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
        return std::chrono::nanoseconds(0);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

} // namespace lt::bench
