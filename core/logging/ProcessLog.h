#pragma once

#include "core/logging/LogLevels.h"
#include "core/logging/LogSink.h"

namespace lt {

// The log of a program: main()'s one call, after SystemConfig::installForProcess() has read IT's files.
// Messages go to the journal when stderr is connected to it (a systemd unit, a desktop session) or when
// LOYALTYTILL_LOG=journal asks for it, to stderr when LOYALTYTILL_LOG=stderr or otherwise, and on Windows to a
// rotated file in the program's data folder. How much is logged comes from log.level and log.rules.
class ProcessLog
{
public:
    enum class Program {
        Till, // SYSLOG_IDENTIFIER loyaltytill
        Admin, // loyaltytill-admin: beside a command's answer on a terminal or in a pipe, info stays out (LogLevels)
    };

    static void start(Program program);

    // What start() decides, apart so that tests check it. requested: $LOYALTYTILL_LOG.
    static LogSink::Target target(const QByteArray& requested, bool stderrIsJournal);
    static LogLevels::Output output(Program program, LogSink::Target target);
    static QByteArray identifier(Program program);
};

} // namespace lt
