#include "tests/faults/FaultyVfs.h"

#include <array>
#include <atomic>
#include <cstring>
#include <mutex>
#include <sqlite3.h>

namespace lt::test {

namespace {

constexpr int callKinds = 5;

struct FaultState
{
    std::array<std::atomic<int>, callKinds> seen {};
    std::atomic<int> injected {0};
    std::atomic<bool> armed {false};
    std::atomic<int> call {0};
    std::atomic<int> nth {0};
    std::atomic<bool> persistent {false};
    std::atomic<int> code {SQLITE_OK};
    std::atomic<bool> skipSyncs {false};
    std::atomic<bool> readOnlyStores {false};
};

FaultState& state()
{
    static FaultState s;
    return s;
}

int sqliteCode(FaultCode code)
{
    switch (code) {
    case FaultCode::DiskFull:
        return SQLITE_FULL;
    case FaultCode::WriteError:
        return SQLITE_IOERR_WRITE;
    case FaultCode::SyncError:
        return SQLITE_IOERR_FSYNC;
    case FaultCode::ReadError:
        return SQLITE_IOERR_READ;
    case FaultCode::TruncateError:
        return SQLITE_IOERR_TRUNCATE;
    case FaultCode::CannotOpen:
        return SQLITE_CANTOPEN;
    }
    return SQLITE_IOERR;
}

// Counts the call and says what it returns: SQLITE_OK to go on to the real VFS, or the injected error.
int countCall(FaultCall call)
{
    FaultState& s = state();
    const int index = static_cast<int>(call);
    const int seen = ++s.seen[static_cast<size_t>(index)];
    if (!s.armed.load() || s.call.load() != index)
        return SQLITE_OK;
    const int nth = s.nth.load();
    if (seen == nth || (s.persistent.load() && seen > nth)) {
        ++s.injected;
        return s.code.load();
    }
    return SQLITE_OK;
}

sqlite3_vfs* realVfs = nullptr;
sqlite3_vfs shimVfs;

// Our file: the io methods below, then the real VFS's file object right after it.
struct FaultyFile
{
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* realOf(sqlite3_file* file)
{
    return reinterpret_cast<FaultyFile*>(file)->real;
}

int faultyClose(sqlite3_file* file)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xClose(real);
}

int faultyRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    if (const int fault = countCall(FaultCall::Read); fault != SQLITE_OK)
        return fault;
    sqlite3_file* real = realOf(file);
    return real->pMethods->xRead(real, buffer, amount, offset);
}

int faultyWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    if (const int fault = countCall(FaultCall::Write); fault != SQLITE_OK)
        return fault;
    sqlite3_file* real = realOf(file);
    return real->pMethods->xWrite(real, buffer, amount, offset);
}

int faultyTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    if (const int fault = countCall(FaultCall::Truncate); fault != SQLITE_OK)
        return fault;
    sqlite3_file* real = realOf(file);
    return real->pMethods->xTruncate(real, size);
}

int faultySync(sqlite3_file* file, int flags)
{
    if (const int fault = countCall(FaultCall::Sync); fault != SQLITE_OK)
        return fault;
    if (state().skipSyncs.load())
        return SQLITE_OK;
    sqlite3_file* real = realOf(file);
    return real->pMethods->xSync(real, flags);
}

int faultyFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xFileSize(real, size);
}

int faultyLock(sqlite3_file* file, int level)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xLock(real, level);
}

int faultyUnlock(sqlite3_file* file, int level)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xUnlock(real, level);
}

int faultyCheckReservedLock(sqlite3_file* file, int* reserved)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xCheckReservedLock(real, reserved);
}

int faultyFileControl(sqlite3_file* file, int op, void* arg)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xFileControl(real, op, arg);
}

int faultySectorSize(sqlite3_file* file)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xSectorSize(real);
}

int faultyDeviceCharacteristics(sqlite3_file* file)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xDeviceCharacteristics(real);
}

// The WAL index lives in shared memory; SQLite maps it, it is never written through xWrite.
int faultyShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** mapped)
{
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmMap)
        return SQLITE_IOERR_SHMMAP;
    return real->pMethods->xShmMap(real, page, pageSize, extend, mapped);
}

int faultyShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void faultyShmBarrier(sqlite3_file* file)
{
    sqlite3_file* real = realOf(file);
    real->pMethods->xShmBarrier(real);
}

int faultyShmUnmap(sqlite3_file* file, int deleteFlag)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int faultyFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** page)
{
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 3 || !real->pMethods->xFetch) {
        *page = nullptr;
        return SQLITE_OK;
    }
    return real->pMethods->xFetch(real, offset, amount, page);
}

int faultyUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page)
{
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 3 || !real->pMethods->xUnfetch)
        return SQLITE_OK;
    return real->pMethods->xUnfetch(real, offset, page);
}

const sqlite3_io_methods faultyMethods = {
    3,
    faultyClose,
    faultyRead,
    faultyWrite,
    faultyTruncate,
    faultySync,
    faultyFileSize,
    faultyLock,
    faultyUnlock,
    faultyCheckReservedLock,
    faultyFileControl,
    faultySectorSize,
    faultyDeviceCharacteristics,
    faultyShmMap,
    faultyShmLock,
    faultyShmBarrier,
    faultyShmUnmap,
    faultyFetch,
    faultyUnfetch,
};

int faultyOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* faulty = reinterpret_cast<FaultyFile*>(file);
    faulty->base.pMethods = nullptr;
    faulty->real = reinterpret_cast<sqlite3_file*>(faulty + 1);
    if (const int fault = countCall(FaultCall::Open); fault != SQLITE_OK)
        return fault;
    if (state().readOnlyStores.load() && (flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READWRITE))
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    const int rc = realVfs->xOpen(realVfs, name, faulty->real, flags, outFlags);
    // As test_vfs.c: our methods only when the real file has its own (else SQLite must not call xClose).
    if (faulty->real->pMethods)
        faulty->base.pMethods = &faultyMethods;
    return rc;
}

int faultyDelete(sqlite3_vfs*, const char* name, int syncDirectory)
{
    return realVfs->xDelete(realVfs, name, syncDirectory);
}

int faultyAccess(sqlite3_vfs*, const char* name, int flags, int* result)
{
    return realVfs->xAccess(realVfs, name, flags, result);
}

int faultyFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return realVfs->xFullPathname(realVfs, name, size, out);
}

void* faultyDlOpen(sqlite3_vfs*, const char* name)
{
    return realVfs->xDlOpen(realVfs, name);
}

void faultyDlError(sqlite3_vfs*, int size, char* message)
{
    realVfs->xDlError(realVfs, size, message);
}

void (*faultyDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return realVfs->xDlSym(realVfs, handle, symbol);
}

void faultyDlClose(sqlite3_vfs*, void* handle)
{
    realVfs->xDlClose(realVfs, handle);
}

int faultyRandomness(sqlite3_vfs*, int size, char* out)
{
    return realVfs->xRandomness(realVfs, size, out);
}

int faultySleep(sqlite3_vfs*, int microseconds)
{
    return realVfs->xSleep(realVfs, microseconds);
}

int faultyCurrentTime(sqlite3_vfs*, double* now)
{
    return realVfs->xCurrentTime(realVfs, now);
}

int faultyGetLastError(sqlite3_vfs*, int size, char* message)
{
    return realVfs->xGetLastError(realVfs, size, message);
}

int faultyCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* now)
{
    return realVfs->xCurrentTimeInt64(realVfs, now);
}

int faultySetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call)
{
    return realVfs->xSetSystemCall(realVfs, name, call);
}

sqlite3_syscall_ptr faultyGetSystemCall(sqlite3_vfs*, const char* name)
{
    return realVfs->xGetSystemCall(realVfs, name);
}

const char* faultyNextSystemCall(sqlite3_vfs*, const char* name)
{
    return realVfs->xNextSystemCall(realVfs, name);
}

} // namespace

bool FaultyVfs::install()
{
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] {
        if (sqlite3_initialize() != SQLITE_OK)
            return;
        realVfs = sqlite3_vfs_find(nullptr);
        if (!realVfs || realVfs->iVersion < 3)
            return;
        std::memset(&shimVfs, 0, sizeof shimVfs);
        shimVfs.iVersion = 3;
        shimVfs.szOsFile = static_cast<int>(sizeof(FaultyFile)) + realVfs->szOsFile;
        shimVfs.mxPathname = realVfs->mxPathname;
        shimVfs.zName = "loyaltytill-faulty";
        shimVfs.xOpen = faultyOpen;
        shimVfs.xDelete = faultyDelete;
        shimVfs.xAccess = faultyAccess;
        shimVfs.xFullPathname = faultyFullPathname;
        shimVfs.xDlOpen = faultyDlOpen;
        shimVfs.xDlError = faultyDlError;
        shimVfs.xDlSym = faultyDlSym;
        shimVfs.xDlClose = faultyDlClose;
        shimVfs.xRandomness = faultyRandomness;
        shimVfs.xSleep = faultySleep;
        shimVfs.xCurrentTime = faultyCurrentTime;
        shimVfs.xGetLastError = faultyGetLastError;
        shimVfs.xCurrentTimeInt64 = faultyCurrentTimeInt64;
        shimVfs.xSetSystemCall = faultySetSystemCall;
        shimVfs.xGetSystemCall = faultyGetSystemCall;
        shimVfs.xNextSystemCall = faultyNextSystemCall;
        installed = sqlite3_vfs_register(&shimVfs, 1) == SQLITE_OK;
    });
    return installed;
}

void FaultyVfs::arm(FaultCall call, int nth, bool persistent, FaultCode code)
{
    FaultState& s = state();
    s.armed = false;
    resetCounts();
    s.call = static_cast<int>(call);
    s.nth = nth;
    s.persistent = persistent;
    s.code = sqliteCode(code);
    s.armed = true;
}

void FaultyVfs::skipRealSyncs(bool skip)
{
    state().skipSyncs = skip;
}

void FaultyVfs::openStoresReadOnly(bool readOnly)
{
    state().readOnlyStores = readOnly;
}

void FaultyVfs::disarm()
{
    state().armed = false;
}

void FaultyVfs::resetCounts()
{
    FaultState& s = state();
    for (auto& count : s.seen)
        count = 0;
    s.injected = 0;
}

int FaultyVfs::callsSeen(FaultCall call)
{
    return state().seen[static_cast<size_t>(call)].load();
}

int FaultyVfs::faultsInjected()
{
    return state().injected.load();
}

QString FaultyVfs::callName(FaultCall call)
{
    switch (call) {
    case FaultCall::Open:
        return QStringLiteral("xOpen");
    case FaultCall::Read:
        return QStringLiteral("xRead");
    case FaultCall::Write:
        return QStringLiteral("xWrite");
    case FaultCall::Truncate:
        return QStringLiteral("xTruncate");
    case FaultCall::Sync:
        return QStringLiteral("xSync");
    }
    return QStringLiteral("?");
}

QString FaultyVfs::codeName(FaultCode code)
{
    switch (code) {
    case FaultCode::DiskFull:
        return QStringLiteral("SQLITE_FULL");
    case FaultCode::WriteError:
        return QStringLiteral("SQLITE_IOERR_WRITE");
    case FaultCode::SyncError:
        return QStringLiteral("SQLITE_IOERR_FSYNC");
    case FaultCode::ReadError:
        return QStringLiteral("SQLITE_IOERR_READ");
    case FaultCode::TruncateError:
        return QStringLiteral("SQLITE_IOERR_TRUNCATE");
    case FaultCode::CannotOpen:
        return QStringLiteral("SQLITE_CANTOPEN");
    }
    return QStringLiteral("?");
}

} // namespace lt::test
