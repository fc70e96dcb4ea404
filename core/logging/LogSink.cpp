#include "core/logging/LogSink.h"

#include "core/logging/RotatingLogFile.h"

#include <QDir>

#include <atomic>
#include <memory>

namespace lt {

namespace {

struct InstalledSink
{
    LogSink::Options options;
    std::unique_ptr<RotatingLogFile> file;
    QtMessageHandler qtHandler = nullptr; // Qt's own, which writes to stderr
    const InstalledSink* replaced = nullptr; // kept, since a thread may still be in it
};

// Set once by install(), before the program starts its threads, and never freed: messages may come until exit.
std::atomic<InstalledSink*> installed {nullptr};
// A message logged while this thread is inside the handler (say, by QFile) goes straight to Qt's writer instead
// of into the handler again.
thread_local bool handling = false;

const char* typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        break;
    }
    return "fatal";
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    InstalledSink* sink = installed.load(std::memory_order_acquire);
    if (!sink || handling) {
        if (sink && sink->qtHandler)
            sink->qtHandler(type, context, message);
        return;
    }
    handling = true;
    bool toStderr = true;
    switch (sink->options.target) {
    case LogSink::Target::Journal:
        toStderr =
            sink->options.sendToJournal(JournalFields::build(type, context, message, sink->options.identifier)) < 0;
        break;
    case LogSink::Target::File: {
        const bool written =
            sink->file->append(LogSink::fileLine(type, context.category, message, QDateTime::currentDateTimeUtc()));
        toStderr = !written || (type != QtDebugMsg && type != QtInfoMsg);
        break;
    }
    case LogSink::Target::Stderr:
        break;
    }
    if (toStderr)
        sink->qtHandler(type, context, message);
    handling = false;
}

} // namespace

void LogSink::install(const Options& options)
{
    auto sink = std::make_unique<InstalledSink>();
    sink->options = options;
    if (options.target == Target::File) {
        const QString name = QString::fromUtf8(options.identifier) + QStringLiteral(".log");
        sink->file = std::make_unique<RotatingLogFile>(QDir(options.folder).filePath(name), options.fileBytes,
                                                       options.filesKept);
    }
    // Qt's writer (or a test's handler), never this handler again: a second install replaces the first. Qt's
    // default writer takes the messages while the sink is swapped.
    InstalledSink* previous = installed.load(std::memory_order_acquire);
    const QtMessageHandler current = qInstallMessageHandler(nullptr);
    sink->qtHandler = current == handleMessage && previous ? previous->qtHandler : current;
    sink->replaced = previous;
    installed.store(sink.release(), std::memory_order_release);
    qInstallMessageHandler(handleMessage);
}

LogSink::Target LogSink::target()
{
    const InstalledSink* sink = installed.load(std::memory_order_acquire);
    return sink ? sink->options.target : Target::Stderr;
}

QByteArray LogSink::fileLine(QtMsgType type, const char* category, const QString& message, const QDateTime& when)
{
    QByteArray line = when.toUTC().toString(Qt::ISODateWithMs).toUtf8() + ' ' + typeName(type) + ' ';
    if (category && *category)
        line += QByteArray(category) + ": ";
    // One message, one line: a line break inside it would make the next line look like a message of its own.
    line += message.toUtf8().replace('\n', "\\n");
    return line;
}

} // namespace lt
