#include "core/store/StoreFileCheck.h"

#include "core/store/SchemaMigrator.h"
#include "core/store/SqliteHeader.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace lt {

namespace {

// The same rules as the store's own check at open: an SQLite header, whole pages, and at least as many pages as
// the header counts. A copy cut short by a full disk or an interrupted transfer fails here, before SQLite reads it.
Result<qint64> checkShape(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(
            QCoreApplication::translate("StoreFileCheck", "Cannot read %1: %2").arg(path, file.errorString()));
    const SqliteHeader header = SqliteHeader::read(file);
    if (!header.isSqlite)
        return Error::corrupt(
            QCoreApplication::translate("StoreFileCheck", "%1 is not a LoyaltyTill store (it is not an SQLite file).")
                .arg(path));
    const qint64 size = file.size();
    if (size < 512 || !header.wholePages(size) || (header.countIsCurrent && size < header.pages * header.pageSize))
        return Error::corrupt(
            QCoreApplication::translate("StoreFileCheck", "%1 is truncated: it is not a whole SQLite file.").arg(path));
    return size;
}

class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString& path)
        : m_name(QStringLiteral("loyaltytill-check-%1").arg(counter().fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        // immutable: no lock, no -shm and no -wal is created or read, so that checking never changes the folder.
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
                           + QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~ReadOnlyConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    ReadOnlyConnection(const ReadOnlyConnection&) = delete;
    ReadOnlyConnection& operator=(const ReadOnlyConnection&) = delete;

    bool isOpen() const { return m_open; }
    const QString& error() const { return m_error; }
    // The first column of the first row; invalid on any error, with the error in `problem`.
    QVariant scalar(const QString& sql, QString& problem) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            problem = query.lastError().text();
            return {};
        }
        return query.value(0);
    }

private:
    static QAtomicInteger<quint64>& counter()
    {
        static QAtomicInteger<quint64> value;
        return value;
    }
    QString m_name;
    bool m_open = false;
    QString m_error;
};

} // namespace

Result<StoreFileFacts> StoreFileCheck::inspect(const QString& path, Depth depth)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(QCoreApplication::translate("StoreFileCheck", "There is no file at %1.").arg(path));
    if (!info.isFile())
        return Error::invalid(QCoreApplication::translate("StoreFileCheck", "%1 is not a file.").arg(path),
                              QStringLiteral("file"));
    StoreFileFacts facts;
    LT_TRY_ASSIGN(facts.bytes, checkShape(path));
    ReadOnlyConnection db(path);
    if (!db.isOpen())
        return Error::corrupt(
            QCoreApplication::translate("StoreFileCheck", "Cannot open %1: %2").arg(path, db.error()));
    QString problem;
    const QVariant appId = db.scalar(QStringLiteral("PRAGMA application_id"), problem);
    const QVariant version = db.scalar(QStringLiteral("PRAGMA user_version"), problem);
    const QVariant tables = db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                                                     "name IN ('members', 'ledger')"),
                                      problem);
    if (!appId.isValid() || !version.isValid() || !tables.isValid())
        return Error::corrupt(QCoreApplication::translate("StoreFileCheck", "%1 is damaged (%2).").arg(path, problem));
    if (appId.toInt() != SchemaMigrator::ApplicationId || version.toInt() < 1 || tables.toInt() != 2)
        return Error::corrupt(
            QCoreApplication::translate("StoreFileCheck", "%1 is an SQLite file but not a LoyaltyTill store.")
                .arg(path));
    facts.schemaVersion = version.toInt();
    if (facts.schemaVersion > SchemaMigrator::CurrentVersion)
        return Error::refused(
            QCoreApplication::translate(
                "StoreFileCheck", "%1 was written by a newer LoyaltyTill (schema %2; this version reads up to %3).")
                .arg(path)
                .arg(facts.schemaVersion)
                .arg(SchemaMigrator::CurrentVersion));
    const QVariant check = db.scalar(depth == Depth::Full ? QStringLiteral("PRAGMA integrity_check(1)")
                                                          : QStringLiteral("PRAGMA quick_check(1)"),
                                     problem);
    if (check.toString() != QLatin1String("ok"))
        return Error::corrupt(QCoreApplication::translate("StoreFileCheck", "%1 is damaged (%2).")
                                  .arg(path, check.isValid() ? check.toString() : problem));
    const QVariant members = db.scalar(QStringLiteral("SELECT count(*) FROM members"), problem);
    const QVariant ledger = db.scalar(QStringLiteral("SELECT count(*) FROM ledger"), problem);
    if (!members.isValid() || !ledger.isValid())
        return Error::corrupt(QCoreApplication::translate("StoreFileCheck", "%1 is damaged (%2).").arg(path, problem));
    facts.members = members.toLongLong();
    facts.ledgerEntries = ledger.toLongLong();
    return facts;
}

} // namespace lt
