#pragma once

#include <QString>
#include <QStringList>

namespace lt::test {

// Root writes a 0400 file and is never refused what only root may do, so what a test checks of file modes or of
// root's rights runs as the user nobody when the test runs as root (as CI does): the test binary runs again, for the
// current function and data row alone, through setpriv as nobody. The binary and the programs the row starts are
// copied into a folder nobody reaches (the build may sit in a 0700 home); the copy gets a home and a temporary
// folder of nobody's own, and the rest of the environment as it is (QT_QPA_PLATFORM, LOYALTYTILL_TEST_DATA,
// ASAN_OPTIONS). Our libraries are static: the copies need nothing of the build tree. Needs setpriv (util-linux).
//
//     if (Unprivileged::asRoot()) {
//         Unprivileged::runCurrentAsNobody({QStringLiteral(LOYALTYTILL_ADMIN)});
//         return;
//     }
//     ... the row as it runs for any other user, starting Unprivileged::program(LOYALTYTILL_ADMIN)
class Unprivileged
{
public:
    // Run as root, and not as the copy run as nobody: the row goes through runCurrentAsNobody().
    static bool asRoot();
    // This process is the copy run as nobody (marked by its environment, so that it never runs itself again).
    static bool isCopy();

    // Runs the current test function and data row as nobody, after copying `programs` beside the test binary; fails
    // the current test, with the copy's output, unless the row ran and passed there (a skip does not pass).
    static void runCurrentAsNobody(const QStringList& programs = {});

    // The program to start: in the copy run as nobody, its copy beside the test binary; the program itself otherwise.
    static QString program(const QString& path);

    // A copy of a program in a folder nobody reaches, made once per test run; empty (and a warning) when it
    // cannot be made. For tests that start a program as nobody themselves.
    static QString reachableCopy(const QString& path);
    // setpriv and its arguments that run what follows as nobody, in nobody's group and no other.
    static QStringList asNobodyCommand();
    static unsigned nobodyUid();
    static unsigned nobodyGid();
};

} // namespace lt::test
