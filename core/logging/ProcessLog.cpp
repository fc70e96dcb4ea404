#include "core/logging/ProcessLog.h"

#include "core/logging/JournalStream.h"
#include "core/settings/TillSettings.h"

#include <QLoggingCategory>
#include <QStandardPaths>

namespace lt {

QByteArray ProcessLog::identifier(Program program)
{
    return program == Program::Admin ? QByteArrayLiteral("loyaltytill-admin") : QByteArrayLiteral("loyaltytill");
}

LogSink::Target ProcessLog::target(const QByteArray& requested, bool stderrIsJournal)
{
#ifdef Q_OS_WIN
    Q_UNUSED(requested);
    Q_UNUSED(stderrIsJournal);
    return LogSink::Target::File;
#else
    if (requested == "journal")
        return LogSink::Target::Journal;
    if (requested == "stderr")
        return LogSink::Target::Stderr;
    return stderrIsJournal ? LogSink::Target::Journal : LogSink::Target::Stderr;
#endif
}

LogLevels::Output ProcessLog::output(Program program, LogSink::Target target)
{
    return program == Program::Admin && target != LogSink::Target::Journal ? LogLevels::Output::Operator
                                                                           : LogLevels::Output::Journal;
}

void ProcessLog::start(Program program)
{
    LogSink::Options options;
    options.target = target(qgetenv("LOYALTYTILL_LOG"), JournalStream::isStderr());
    options.identifier = identifier(program);
    options.folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    LogSink::install(options);
    // Till settings: IT's presets and locks, or this user's own file.
    const TillSettings settings;
    QLoggingCategory::setFilterRules(LogLevels::rules(settings.value(QStringLiteral("log.level")),
                                                      settings.value(QStringLiteral("log.rules")),
                                                      output(program, options.target)));
}

} // namespace lt
