#pragma once

#include "core/common/Result.h"

#include <QIODevice>
#include <QStringList>

namespace lt {

// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) from UTF-8, one record at a time,
// so that a million-row import never holds the file in memory.
class CsvReader
{
public:
    static constexpr int MaximumFieldLength = 4096;

    explicit CsvReader(QIODevice& device);

    // The next record, or an empty list at the end. Errors name the line.
    Result<QStringList> next();
    bool atEnd() const;
    // The line the last record started on (1-based).
    qint64 recordLine() const { return m_recordLine; }

private:
    bool fill();

    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    bool m_first = true;
};

} // namespace lt
