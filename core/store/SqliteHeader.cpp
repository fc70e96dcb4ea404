#include "core/store/SqliteHeader.h"

#include <QByteArray>
#include <QIODevice>

namespace lt {

SqliteHeader SqliteHeader::read(QIODevice& file)
{
    file.seek(0);
    const QByteArray page1 = file.read(100);
    SqliteHeader header;
    header.isSqlite = page1.startsWith(QByteArray("SQLite format 3\0", 16));
    if (page1.size() < 100)
        return header;
    const auto bigEndian = [&page1](int offset, int bytes) {
        quint32 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | quint8(page1.at(offset + i));
        return value;
    };
    const quint32 raw = bigEndian(16, 2);
    const qint64 size = raw == 1 ? 65536 : qint64(raw);
    header.pageSize = size >= 512 && (size & (size - 1)) == 0 ? size : 0;
    header.pages = bigEndian(28, 4);
    header.countIsCurrent = bigEndian(92, 4) == bigEndian(24, 4);
    header.applicationId = bigEndian(68, 4);
    return header;
}

} // namespace lt
