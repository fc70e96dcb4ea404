#include "core/logging/JournalFields.h"

#include <cerrno>
#include <vector>

#ifdef LOYALTYTILL_HAVE_JOURNAL
#include <sys/uio.h>
#include <systemd/sd-journal.h>
#endif

namespace lt {

int JournalFields::priority(QtMsgType type)
{
    // syslog(3)'s levels, which the journal uses: LOG_CRIT 2, LOG_ERR 3, LOG_WARNING 4, LOG_INFO 6, LOG_DEBUG 7.
    switch (type) {
    case QtFatalMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtWarningMsg:
        return 4;
    case QtInfoMsg:
        return 6;
    case QtDebugMsg:
        break;
    }
    return 7;
}

QList<QByteArray> JournalFields::build(QtMsgType type, const QMessageLogContext& context, const QString& message,
                                       const QByteArray& identifier)
{
    QList<QByteArray> fields {
        "MESSAGE=" + message.toUtf8(),
        "PRIORITY=" + QByteArray::number(priority(type)),
        "SYSLOG_IDENTIFIER=" + identifier,
    };
    if (context.category && *context.category)
        fields << "QT_CATEGORY=" + QByteArray(context.category);
    if (context.file && *context.file) {
        fields << "CODE_FILE=" + QByteArray(context.file);
        if (context.line > 0)
            fields << "CODE_LINE=" + QByteArray::number(context.line);
    }
    if (context.function && *context.function)
        fields << "CODE_FUNC=" + QByteArray(context.function);
    return fields;
}

int JournalFields::send(const QList<QByteArray>& fields)
{
#ifdef LOYALTYTILL_HAVE_JOURNAL
    // sd_journal_sendv rather than sd_journal_send: the fields vary, and it adds no CODE_* of its own (which would
    // name this file instead of the message's).
    std::vector<iovec> vectors;
    vectors.reserve(static_cast<size_t>(fields.size()));
    for (const QByteArray& field : fields)
        vectors.push_back(iovec {const_cast<char*>(field.constData()), static_cast<size_t>(field.size())});
    return sd_journal_sendv(vectors.data(), static_cast<int>(vectors.size()));
#else
    Q_UNUSED(fields);
    return -ENOSYS;
#endif
}

} // namespace lt
