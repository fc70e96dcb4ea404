#pragma once

namespace lt {

// What the till and the admin tool do to their own process before anything else, because they hold the Square access
// token and the wallet keys in memory and write the store's members to disk:
// - no core dump: a crash must not leave the token, the keys or members' data in a core file (RLIMIT_CORE 0, soft and
//   hard, and on Linux not dumpable, which also keeps other processes of the same user from reading its memory);
// - umask 077: every file and folder the process creates is its owner's alone (0600, 0700), whatever umask IT's
//   session or service gave it; the places that create files also set their mode, for what was made before.
// Sanitizer builds stay dumpable: LeakSanitizer reads the process through ptrace and /proc, which that forbids.
class ProcessHardening
{
public:
    // main()'s first call, before any thread starts and any file is opened.
    static void apply();

    // What apply() leaves, read back from the process (tests, doctor): false where it cannot be known.
    static bool coreDumpsDisabled(); // RLIMIT_CORE is 0, soft and hard
    static bool dumpable(); // Linux's dumpable flag (true elsewhere)
    static bool keepsDumpable(); // a sanitizer build, where apply() leaves the flag as it is
    static unsigned fileCreationMask(); // the umask, e.g. 077
};

} // namespace lt
