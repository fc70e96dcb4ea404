#include "tests/recovery/DamagedStores.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>

namespace lt::test {

namespace {
QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QByteArray readAt(const QString& path, qint64 offset, qint64 count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.read(count);
}

// Where a b-tree starts, read by SQLite itself through an immutable read-only connection that writes nothing.
qint64 rootPageOf(const QString& storePath, const QString& table)
{
    const QString name = QStringLiteral("damaged-stores-schema");
    qint64 root = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(storePath).absoluteFilePath()).toString(QUrl::FullyEncoded)
                           + QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = ?"));
            query.addBindValue(table);
            if (query.exec() && query.next())
                root = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return root;
}

quint32 bigEndian(const QByteArray& bytes, int offset, int count)
{
    quint32 value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | quint8(bytes.at(offset + i));
    return value;
}
} // namespace

FileState FileState::of(const QString& storePath)
{
    const QString wal = storePath + QStringLiteral("-wal");
    FileState state;
    state.storeSha256 = sha256(storePath);
    state.storeModified = QFileInfo(storePath).lastModified();
    if (QFileInfo::exists(wal)) {
        state.walSha256 = sha256(wal);
        state.walModified = QFileInfo(wal).lastModified();
    }
    return state;
}

QString FileState::describe() const
{
    return QStringLiteral("store %1 at %2, log %3 at %4")
        .arg(QString::fromLatin1(storeSha256.left(12)), storeModified.toString(Qt::ISODateWithMs),
             QString::fromLatin1(walSha256.left(12)), walModified.toString(Qt::ISODateWithMs));
}

qint64 DamagedStores::pageSize(const QString& storePath)
{
    const QByteArray header = readAt(storePath, 0, 100);
    if (header.size() < 100)
        return 0;
    const quint32 raw = bigEndian(header, 16, 2);
    return raw == 1 ? 65536 : qint64(raw);
}

qint64 DamagedStores::fullLeafPage(const QString& storePath, const QString& table)
{
    const qint64 size = pageSize(storePath);
    if (size == 0)
        return 0;
    qint64 page = rootPageOf(storePath, table);
    // Down the left-most child of each interior page (0x02 index, 0x05 table) to a leaf (0x0a, 0x0d); the left-most
    // leaf is full, the right-most one may not be.
    for (int depth = 0; page > 0 && depth < 10; ++depth) {
        const QByteArray bytes = readAt(storePath, (page - 1) * size, size);
        if (bytes.size() != size)
            return 0;
        const int base = page == 1 ? 100 : 0;
        const quint8 type = quint8(bytes.at(base));
        if (type == 0x0a || type == 0x0d)
            return depth == 0 ? 0 : page; // a root that is a leaf: the table is too small
        if (type != 0x02 && type != 0x05)
            return 0;
        const quint32 firstCell = bigEndian(bytes, base + 12, 2);
        page = bigEndian(bytes, int(firstCell), 4);
    }
    return 0;
}

bool DamagedStores::writeBytes(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(offset) && file.write(bytes) == bytes.size();
}

bool DamagedStores::overwriteMiddleOfPage(const QString& storePath, qint64 page, int count)
{
    const qint64 size = pageSize(storePath);
    if (size == 0 || page < 1)
        return false;
    QByteArray garbage;
    for (int i = 0; i < count; ++i)
        garbage.append(char((i * 37 + 0xa5) & 0xff));
    return writeBytes(storePath, (page - 1) * size + size / 2 - count / 2, garbage);
}

qint64 DamagedStores::walFrames(const QString& storePath)
{
    const QString wal = storePath + QStringLiteral("-wal");
    const QByteArray header = readAt(wal, 0, 32);
    if (header.size() < 32)
        return 0;
    const qint64 size = bigEndian(header, 8, 4);
    return (QFileInfo(wal).size() - 32) / (24 + size);
}

bool DamagedStores::truncateWal(const QString& storePath, qint64 bytes)
{
    return QFile::resize(storePath + QStringLiteral("-wal"), bytes);
}

bool DamagedStores::overwriteHeader(const QString& storePath, char fill)
{
    return writeBytes(storePath, 0, QByteArray(100, fill));
}

} // namespace lt::test
