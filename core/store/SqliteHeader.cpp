#include "core/store/SqliteHeader.h"

#include <QByteArray>
#include <QFile>
#include <QIODevice>

#include <cstring>

namespace lt {

SqliteHeader SqliteHeader::read(QIODevice& file)
{
    file.seek(0);
    const QByteArray page1 = file.read(101);
    SqliteHeader header;
    header.isSqlite = page1.startsWith(QByteArray("SQLite format 3\0", 16));
    if (page1.size() < 101)
        return header;
    header.schemaPageFollows = page1.at(100) == 0x0d || page1.at(100) == 0x05; // a table's leaf or interior page
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

namespace lt {

namespace {

constexpr qint64 WalHeaderBytes = 32;
constexpr qint64 FrameHeaderBytes = 24;
constexpr int ShmHeaderBytes = 48; // one copy of the log index's header; two follow each other

quint32 bigEndian32(const char* bytes)
{
    return (quint32(quint8(bytes[0])) << 24) | (quint32(quint8(bytes[1])) << 16) | (quint32(quint8(bytes[2])) << 8)
        | quint32(quint8(bytes[3]));
}

quint32 littleEndian32(const char* bytes)
{
    return quint32(quint8(bytes[0])) | (quint32(quint8(bytes[1])) << 8) | (quint32(quint8(bytes[2])) << 16)
        | (quint32(quint8(bytes[3])) << 24);
}

// SQLite's log checksum: two running sums over pairs of 32-bit words, read big-endian or little-endian as the log's
// magic number says (walChecksumBytes in wal.c).
struct WalChecksum
{
    bool bigEndianWords = true;
    quint32 s1 = 0;
    quint32 s2 = 0;

    void add(const char* data, qint64 bytes)
    {
        for (qint64 i = 0; i + 8 <= bytes; i += 8) {
            const char* word = data + i;
            s1 += (bigEndianWords ? bigEndian32(word) : littleEndian32(word)) + s2;
            s2 += (bigEndianWords ? bigEndian32(word + 4) : littleEndian32(word + 4)) + s1;
        }
    }
    bool matches(const char* stored) const { return bigEndian32(stored) == s1 && bigEndian32(stored + 4) == s2; }
};

// The log index's header (two equal copies in native byte order at the start of -shm) as SQLite last left it: how
// many frames of the log it counts as committed, and the salts of the log it describes.
struct WalIndexHeader
{
    bool valid = false;
    quint32 frames = 0;
    QByteArray salts;

    static WalIndexHeader read(const QString& path)
    {
        WalIndexHeader index;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return index;
        const QByteArray bytes = file.read(2 * ShmHeaderBytes);
        if (bytes.size() != 2 * ShmHeaderBytes || bytes.left(ShmHeaderBytes) != bytes.mid(ShmHeaderBytes))
            return index;
        const char* header = bytes.constData();
        quint32 version = 0;
        std::memcpy(&version, header, 4);
        if (version != 3007000 || header[12] != 1) // not initialised
            return index;
        // The header's own checksum, over its first 40 bytes in native order.
        quint32 s1 = 0;
        quint32 s2 = 0;
        for (int i = 0; i < 40; i += 8) {
            quint32 a = 0;
            quint32 b = 0;
            std::memcpy(&a, header + i, 4);
            std::memcpy(&b, header + i + 4, 4);
            s1 += a + s2;
            s2 += b + s1;
        }
        quint32 stored1 = 0;
        quint32 stored2 = 0;
        std::memcpy(&stored1, header + 40, 4);
        std::memcpy(&stored2, header + 44, 4);
        if (stored1 != s1 || stored2 != s2)
            return index;
        std::memcpy(&index.frames, header + 16, 4);
        index.salts = bytes.mid(32, 8);
        index.valid = true;
        return index;
    }
};

SqliteWal readOnce(const QString& storePath)
{
    SqliteWal wal;
    // The index first: a till writing now appends frames before it counts them, so that the log read after it holds
    // at least what it counts.
    const WalIndexHeader index = WalIndexHeader::read(storePath + QStringLiteral("-shm"));
    QFile file(storePath + QStringLiteral("-wal"));
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return wal;
    const QByteArray header = file.read(WalHeaderBytes);
    const quint32 magic = header.size() == WalHeaderBytes ? bigEndian32(header.constData()) : 0;
    const qint64 pageSize = header.size() == WalHeaderBytes ? bigEndian32(header.constData() + 8) : 0;
    WalChecksum sum;
    sum.bigEndianWords = (magic & 1) != 0;
    sum.add(header.constData(), 24);
    const bool headerValid = (magic & ~quint32(1)) == 0x377f0682 && bigEndian32(header.constData() + 4) == 3007000
        && pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0
        && sum.matches(header.constData() + 24);
    const bool indexIsCurrent = headerValid && index.valid && index.salts == header.mid(16, 8);
    wal.indexFrames = indexIsCurrent ? qint64(index.frames) : -1;
    if (!headerValid) {
        // SQLite ignores a log whose header does not verify: what the index counted in it is lost.
        wal.state = index.valid && index.frames > 0 ? SqliteWal::State::Damaged : SqliteWal::State::Stale;
        return wal;
    }
    const qint64 frameBytes = FrameHeaderBytes + pageSize;
    wal.frames = (file.size() - WalHeaderBytes) / frameBytes;
    const bool endsMidFrame = (file.size() - WalHeaderBytes) % frameBytes != 0;
    // Frames of the current log verify in a chain from the header's checksum; the first that does not ends it.
    bool chainBroken = false;
    bool committedAfterBreak = false;
    for (qint64 i = 0; i < wal.frames; ++i) {
        const QByteArray frame = file.read(frameBytes);
        if (frame.size() != frameBytes)
            break;
        const bool current = frame.mid(8, 8) == header.mid(16, 8);
        if (chainBroken) {
            // A frame of this log that ends a transaction after a broken one: committed work SQLite would drop.
            committedAfterBreak = committedAfterBreak || (current && bigEndian32(frame.constData() + 4) != 0);
            continue;
        }
        sum.add(frame.constData(), 8);
        sum.add(frame.constData() + FrameHeaderBytes, pageSize);
        if (!current || bigEndian32(frame.constData()) == 0 || !sum.matches(frame.constData() + 16)) {
            chainBroken = true;
            continue;
        }
        wal.validFrames = i + 1;
        if (bigEndian32(frame.constData() + 4) != 0)
            wal.committedFrames = i + 1;
    }
    if (wal.indexFrames > wal.frames)
        wal.state = endsMidFrame ? SqliteWal::State::CutMidFrame : SqliteWal::State::Truncated;
    else if (wal.indexFrames > wal.committedFrames || committedAfterBreak)
        wal.state = SqliteWal::State::Damaged;
    else
        wal.state = SqliteWal::State::Whole;
    return wal;
}

} // namespace

SqliteWal SqliteWal::read(const QString& storePath)
{
    SqliteWal wal = readOnce(storePath);
    // A till may restart its log while it is read here (new salts over old frames): damage seen twice is damage.
    if (wal.isDamaged())
        wal = readOnce(storePath);
    return wal;
}

} // namespace lt
