#include "core/common/ProcessHardening.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/stat.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

// AddressSanitizer (GCC's and Clang's spelling) brings LeakSanitizer, which needs the process dumpable.
#if defined(__SANITIZE_ADDRESS__)
#define LOYALTYTILL_KEEPS_DUMPABLE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define LOYALTYTILL_KEEPS_DUMPABLE 1
#endif
#endif
#ifndef LOYALTYTILL_KEEPS_DUMPABLE
#define LOYALTYTILL_KEEPS_DUMPABLE 0
#endif

namespace lt {

void ProcessHardening::apply()
{
#ifdef Q_OS_UNIX
    ::umask(S_IRWXG | S_IRWXO);
    const rlimit none = {0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
#endif
#ifdef Q_OS_LINUX
    if (!keepsDumpable())
        ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    // Windows: Windows Error Reporting keeps no dump unless IT turns LocalDumps on (the Windows recipe says so); files
    // there are made in the user's own profile folders, whose ACLs are the user's.
}

bool ProcessHardening::coreDumpsDisabled()
{
#ifdef Q_OS_UNIX
    rlimit limit = {};
    return ::getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0 && limit.rlim_max == 0;
#else
    return false;
#endif
}

bool ProcessHardening::dumpable()
{
#ifdef Q_OS_LINUX
    return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
#else
    return true;
#endif
}

bool ProcessHardening::keepsDumpable()
{
    return LOYALTYTILL_KEEPS_DUMPABLE != 0;
}

unsigned ProcessHardening::fileCreationMask()
{
#ifdef Q_OS_UNIX
    const mode_t mask = ::umask(0); // umask has no read-only form: read it and put it back
    ::umask(mask);
    return mask;
#else
    return 0;
#endif
}

} // namespace lt
