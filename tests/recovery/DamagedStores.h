#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace lt::test {

// What a test compares before and after touching a damaged store: the file and its write-ahead log, to the byte and
// to the modification time.
struct FileState
{
    QByteArray storeSha256;
    QByteArray walSha256; // empty when there is no log
    QDateTime storeModified;
    QDateTime walModified;
    bool operator==(const FileState&) const = default;
    QString describe() const;
    static FileState of(const QString& storePath);
};

// Makes the damage a till meets: bytes overwritten inside a page, a write-ahead log cut short, a header zeroed. Every
// function works on the closed files, as a disk, a power cut or a careless copy leaves them.
class DamagedStores
{
public:
    // A page of the b-tree of `table` (a table or an index) that holds rows: a leaf that is not the last one, so
    // that its middle holds records rather than free space. 0 when the file cannot be read.
    static qint64 fullLeafPage(const QString& storePath, const QString& table);
    static qint64 pageSize(const QString& storePath);
    // Overwrites `count` bytes in the middle of `page` (1-based) with a fixed garbage pattern: a quarter of a page
    // by default, so that it crosses records' headers. Bytes changed inside one text value alone leave a well-formed
    // record that no check without page checksums can tell from the real one (see the README).
    static bool overwriteMiddleOfPage(const QString& storePath, qint64 page, int count = 1024);
    // Frames in the write-ahead log (0 without one) and its size in bytes.
    static qint64 walFrames(const QString& storePath);
    static bool truncateWal(const QString& storePath, qint64 bytes);
    static bool overwriteHeader(const QString& storePath, char fill);
    static bool writeBytes(const QString& path, qint64 offset, const QByteArray& bytes);
};

} // namespace lt::test
