#pragma once

#include <QString>

namespace lt::test {

// The file operations a fault can be injected into, counted across every file SQLite opens in this process.
enum class FaultCall {
    Open, // xOpen of any file: the store, its WAL, a journal, a backup's target
    Read, // xRead
    Write, // xWrite
    Truncate, // xTruncate
    Sync, // xSync (fsync)
};

// What the failing call returns to SQLite.
enum class FaultCode {
    DiskFull, // SQLITE_FULL: no space left on the device
    WriteError, // SQLITE_IOERR_WRITE: the device refused the write
    SyncError, // SQLITE_IOERR_FSYNC: the device could not flush
    ReadError, // SQLITE_IOERR_READ
    TruncateError, // SQLITE_IOERR_TRUNCATE
    CannotOpen, // SQLITE_CANTOPEN
};

// A SQLite VFS in the manner of SQLite's own test_vfs.c and test_devsym.c: it wraps the default ("unix") VFS and
// its file methods, counts the calls of each kind and fails the N-th one with a chosen code, once (a transient
// error) or that one and every later one of its kind (a disk that stays full). Installed as the default VFS, it
// governs every connection of the process, Qt SQL's QSQLITE driver included (both link the system libsqlite3).
// The counters are atomic: a backup on a worker thread counts with the rest.
class FaultyVfs
{
public:
    // Registers the shim as the default VFS (once; later calls do nothing). Before the store is opened: a
    // connection keeps the VFS it was opened with.
    static bool install();
    // Starts counting afresh and fails the nth call (1-based) of `call`; with `persistent`, every later one too.
    static void arm(FaultCall call, int nth, bool persistent, FaultCode code);
    // No more faults; the counters keep counting.
    static void disarm();
    // Zeroes the counters (arm does it too), for a dry run that counts an operation's calls.
    static void resetCounts();
    static int callsSeen(FaultCall call);
    static int faultsInjected(); // since the last arm() or resetCounts()

    // Counts and faults every xSync as before but, unless it is failed, does not pass it on: the walks test what the
    // product does with the answer, not the disk's flush, and a thousand fault points run in seconds, not minutes.
    static void skipRealSyncs(bool skip);

    // Opens every database file read-only, as SQLite does when the OS refuses O_RDWR on a file whose mode is 0400:
    // a read-only store even for root, who may write any file.
    static void openStoresReadOnly(bool readOnly);

    static QString callName(FaultCall call);
    static QString codeName(FaultCode code);
};

// Arms a fault for a scope: disarmed however the scope ends, so a failed QVERIFY never leaves the next test faulty.
class ArmedFault
{
public:
    ArmedFault(FaultCall call, int nth, bool persistent, FaultCode code)
    {
        FaultyVfs::arm(call, nth, persistent, code);
    }
    ~ArmedFault() { FaultyVfs::disarm(); }
    ArmedFault(const ArmedFault&) = delete;
    ArmedFault& operator=(const ArmedFault&) = delete;
};

} // namespace lt::test
