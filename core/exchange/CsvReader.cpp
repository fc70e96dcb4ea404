#include "core/exchange/CsvReader.h"

#include <QCoreApplication>

namespace lt {

CsvReader::CsvReader(QIODevice& device)
    : m_device(device)
{
}

bool CsvReader::fill()
{
    if (m_pos < m_buffer.size())
        return true;
    m_buffer = m_device.read(1 << 16);
    m_pos = 0;
    if (m_first && m_buffer.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
    m_first = false;
    return m_pos < m_buffer.size();
}

bool CsvReader::atEnd() const
{
    return m_pos >= m_buffer.size() && m_device.atEnd();
}

Result<QStringList> CsvReader::next()
{
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    bool any = false;
    m_recordLine = m_line;
    auto tooLong = [this]() {
        return Error::invalid(QCoreApplication::translate("CsvReader", "Line %1: a field is longer than %2 characters.")
                                  .arg(m_recordLine)
                                  .arg(MaximumFieldLength));
    };
    while (fill()) {
        const char c = m_buffer.at(m_pos++);
        any = true;
        if (quoted) {
            if (c == '"') {
                if (!fill()) {
                    quoted = false;
                    continue;
                }
                if (m_buffer.at(m_pos) == '"') {
                    field.append('"');
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                field.append(c);
            }
        } else if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
            fieldStarted = false;
        } else if (c == '\n') {
            ++m_line;
            if (field.endsWith('\r'))
                field.chop(1);
            record << QString::fromUtf8(field);
            return record;
        } else {
            field.append(c);
            fieldStarted = true;
        }
        if (field.size() > MaximumFieldLength)
            return tooLong();
    }
    if (quoted)
        return Error::invalid(
            QCoreApplication::translate("CsvReader", "Line %1: a quoted field is never closed.").arg(m_recordLine));
    if (!any)
        return QStringList();
    if (field.endsWith('\r'))
        field.chop(1);
    record << QString::fromUtf8(field);
    return record;
}

} // namespace lt
