#pragma once

#include "core/logging/JournalFields.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace lt {

// Where the process's messages go: Qt's message handler, installed once by main() (Qt has one handler per process,
// so this is the one piece of global state of the log). Messages come from every thread; each target takes them
// whole: journald and Qt's own stderr writer are safe across threads, and the file takes one line at a time.
class LogSink
{
public:
    enum class Target {
        Stderr, // as Qt writes them (QT_MESSAGE_PATTERN applies)
        Journal, // one journal entry per message with its fields (JournalFields); stderr when journald refuses
        File, // a RotatingLogFile in folder; warnings and worse to stderr as well, so that an operator sees them
    };

    struct Options
    {
        Target target = Target::Stderr;
        QByteArray identifier; // SYSLOG_IDENTIFIER, and the log file's name: loyaltytill, loyaltytill-admin
        QString folder; // the log files' folder, for Target::File
        qint64 fileBytes = 2 * 1024 * 1024;
        int filesKept = 5;
        // How the journal takes an entry: 0 taken, negative refused (tests put their own here).
        int (*sendToJournal)(const QList<QByteArray>& fields) = &JournalFields::send;
    };

    static void install(const Options& options);
    static Target target(); // as installed; Stderr before install()
    // A line of the log file: "2024-05-01T09:30:00.123Z warning loyaltytill.sync: message", the time in UTC.
    static QByteArray fileLine(QtMsgType type, const char* category, const QString& message, const QDateTime& when);
};

} // namespace lt
