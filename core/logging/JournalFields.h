#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace lt {

// One message as the journal's fields ("NAME=value"): MESSAGE, PRIORITY (syslog's, from Qt's message type),
// SYSLOG_IDENTIFIER (what `journalctl -t` selects), QT_CATEGORY, and CODE_FILE, CODE_LINE and CODE_FUNC when Qt knows
// them (debug builds). Built apart from sending so that tests read it.
class JournalFields
{
public:
    static int priority(QtMsgType type);
    static QList<QByteArray> build(QtMsgType type, const QMessageLogContext& context, const QString& message,
                                   const QByteArray& identifier);
    // Hands the fields to journald (sd_journal_sendv): 0 when taken, a negative errno when not (no journal here, or
    // a build without libsystemd: -ENOSYS).
    static int send(const QList<QByteArray>& fields);
};

} // namespace lt
