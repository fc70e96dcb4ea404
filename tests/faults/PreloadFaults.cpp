// The fault-injecting VFS as a library to preload into a real process (loyaltytill-admin), configured by the
// environment, so that a test runs the command exactly as an operator does, with the N-th call failing:
//   LD_PRELOAD=libloyaltytill-faultyvfs.so
//   LOYALTYTILL_FAULT_CALL=open|read|write|truncate|sync   LOYALTYTILL_FAULT_NTH=N   LOYALTYTILL_FAULT_PERSISTENT=1
//   LOYALTYTILL_FAULT_CODE=full|write|fsync|read|truncate|cantopen
//   LOYALTYTILL_FAULT_COUNTS=FILE   (at exit: "write 37" and so on, one call kind a line, for the dry run)
//   LOYALTYTILL_FAULT_SKIP_SYNCS=1  (see FaultyVfs::skipRealSyncs)
#include "tests/faults/FaultyVfs.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using lt::test::FaultCall;
using lt::test::FaultCode;
using lt::test::FaultyVfs;

struct Named
{
    const char* name;
    int value;
};

constexpr Named calls[] = {{"open", int(FaultCall::Open)},
                           {"read", int(FaultCall::Read)},
                           {"write", int(FaultCall::Write)},
                           {"truncate", int(FaultCall::Truncate)},
                           {"sync", int(FaultCall::Sync)}};
constexpr Named codes[] = {{"full", int(FaultCode::DiskFull)},          {"write", int(FaultCode::WriteError)},
                           {"fsync", int(FaultCode::SyncError)},        {"read", int(FaultCode::ReadError)},
                           {"truncate", int(FaultCode::TruncateError)}, {"cantopen", int(FaultCode::CannotOpen)}};

template<size_t Size>
int lookUp(const Named (&names)[Size], const char* variable, int fallback)
{
    const char* value = std::getenv(variable);
    if (!value)
        return fallback;
    for (const Named& named : names)
        if (std::strcmp(named.name, value) == 0)
            return named.value;
    return fallback;
}

bool isSet(const char* variable)
{
    const char* value = std::getenv(variable);
    return value && std::strcmp(value, "1") == 0;
}

__attribute__((constructor)) void armFromEnvironment()
{
    if (!FaultyVfs::install())
        return;
    FaultyVfs::skipRealSyncs(isSet("LOYALTYTILL_FAULT_SKIP_SYNCS"));
    const char* nth = std::getenv("LOYALTYTILL_FAULT_NTH");
    const int call = lookUp(calls, "LOYALTYTILL_FAULT_CALL", -1);
    if (!nth || call < 0)
        return;
    FaultyVfs::arm(FaultCall(call), std::atoi(nth), isSet("LOYALTYTILL_FAULT_PERSISTENT"),
                   FaultCode(lookUp(codes, "LOYALTYTILL_FAULT_CODE", int(FaultCode::DiskFull))));
}

__attribute__((destructor)) void writeCounts()
{
    const char* path = std::getenv("LOYALTYTILL_FAULT_COUNTS");
    if (!path)
        return;
    if (FILE* file = std::fopen(path, "w")) {
        for (const Named& named : calls)
            std::fprintf(file, "%s %d\n", named.name, FaultyVfs::callsSeen(FaultCall(named.value)));
        std::fprintf(file, "injected %d\n", FaultyVfs::faultsInjected());
        std::fclose(file);
    }
}

} // namespace
