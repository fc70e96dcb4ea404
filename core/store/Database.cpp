#include "core/store/Database.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/settings/TillSettings.h"
#include "core/store/FileOwnership.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/SqliteConnection.h"
#include "core/store/SqliteHeader.h"
#include "core/store/StoreBackups.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QStandardPaths>
#include <QStringList>

#include <sqlite3.h>

namespace lt {

namespace {

// The stores this process has open through SQLite, by canonical path. POSIX drops every lock a process holds on a
// file as soon as any descriptor of that file is closed. Reading a store's header, log or index with a file of our
// own while another connection of this process has it open would release that connection's locks; a second process
// (the admin tool, a backup) closing the store would then take itself for the last and remove the index the till
// still reads: the till died of SIGBUS in the soak. So only the first open in a process reads the files directly.
class OpenStores
{
public:
    static void add(const QString& key)
    {
        const QMutexLocker lock(&mutex());
        ++counts()[key];
    }
    static void remove(const QString& key)
    {
        const QMutexLocker lock(&mutex());
        if (--counts()[key] <= 0)
            counts().remove(key);
    }
    static bool contains(const QString& key)
    {
        const QMutexLocker lock(&mutex());
        return counts().contains(key);
    }

private:
    static QMutex& mutex()
    {
        static QMutex m;
        return m;
    }
    static QHash<QString, int>& counts()
    {
        static QHash<QString, int> c;
        return c;
    }
};

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("loyaltytill-%1").arg(counter.fetchAndAddRelaxed(1));
}

// What the person at the till or the admin does about a damaged store; the file itself is left as it is.
QString restoreAdvice()
{
    return QCoreApplication::translate("Database",
                                       "Nothing was written to it. Restore the newest verified backup: the till offers "
                                       "it when it starts, or `loyaltytill-admin backup --list` names the backups and "
                                       "`loyaltytill-admin restore FILE` puts one in place, keeping the damaged file.");
}

Error truncated(const QString& path)
{
    return Error::corrupt(
        QCoreApplication::translate("Database", "The database file %1 is truncated. %2").arg(path, restoreAdvice()));
}

// Refuses anything that is not an SQLite file before SQLite itself gets to misread it.
Result<void> checkHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QCoreApplication::translate("Database", "Cannot read the database file %1: %2")
                                  .arg(path, file.errorString()));
    if (file.size() == 0)
        return {};
    const SqliteHeader header = SqliteHeader::read(file);
    if (header.isDamagedSqlite(file.size()))
        return Error::corrupt(
            QCoreApplication::translate("Database", "The header of the database file %1 is damaged. %2")
                .arg(path, restoreAdvice()));
    if (!header.isSqlite)
        return Error::corrupt(
            QCoreApplication::translate("Database", "%1 is not a LoyaltyTill database (it is not an SQLite file).")
                .arg(path));
    if (file.size() < 512)
        return truncated(path);
    // An SQLite file is a whole number of pages, and at least as many as its header counts (when that count is
    // current and no write-ahead log holds newer pages). quick_check does not notice a short last page.
    if (!header.wholePages(file.size()))
        return truncated(path);
    const QFileInfo walFile(path + QStringLiteral("-wal"));
    if (header.countIsCurrent && header.pages > 0 && file.size() < header.pages * header.pageSize
        && (!walFile.exists() || walFile.size() == 0))
        return truncated(path);
    // SQLite would drop a log's damaged or missing frames in silence, and fold the rest into the file at the next
    // checkpoint: committed sales gone without a word. Read before SQLite opens the file, which resets the -shm.
    const SqliteWal wal = SqliteWal::read(path);
    if (wal.isDamaged())
        return Error::corrupt(QCoreApplication::translate("Database",
                                                          "The write-ahead log of %1 (%1-wal) is damaged: it held %2 "
                                                          "committed pages, %3 of them are whole. %4")
                                  .arg(path)
                                  .arg(wal.indexFrames)
                                  .arg(wal.validFrames)
                                  .arg(restoreAdvice()));
    return {};
}

// The advice for a store that could not be read or written: a disk's or a permission's problem, not damage. A
// restore would discard every sale since the backup, so the message says not to.
QString noRestoreAdvice()
{
    return QCoreApplication::translate("Database",
                                       "The store is not known to be damaged: do not restore a backup, which would "
                                       "discard every sale since it.");
}

Error unreadable(const QString& path, const QString& detail)
{
    return Error::storage(QCoreApplication::translate("Database",
                                                      "The disk or the file could not be read while opening the "
                                                      "database %1 (%2). Check that the disk is attached and not "
                                                      "failing (the system log names disk errors) and that this user "
                                                      "may read and write the file and its folder, then start again. "
                                                      "%3")
                              .arg(path, detail, noRestoreAdvice()));
}

// SQLite opens a file it may not write read-only and says so only at the first write ("attempt to write a readonly
// database", naming no file); a -wal or -shm left read-only by such an open keeps the store unwritable after the
// store file itself is fixed. So each is checked here, and the one at fault is named.
Result<void> checkWritable(const QString& path)
{
    for (const QString& file : QStringList {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        const QFileInfo info(file);
        if (info.exists() && !info.isWritable())
            return Error::storage(
                QCoreApplication::translate("Database",
                                            "The file %1 cannot be written by this user (%2), so no sale could be "
                                            "recorded. Give it back its write permission for the user the till runs "
                                            "as (chmod u+w, and chown when another user created it), then start "
                                            "again. %3")
                    .arg(file, qEnvironmentVariable("USER", QStringLiteral("?")), noRestoreAdvice()));
    }
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!QFileInfo::exists(path + QStringLiteral("-wal")) && !folder.isWritable())
        return Error::storage(
            QCoreApplication::translate("Database",
                                        "The folder %1 cannot be written by this user, so the "
                                        "database's write-ahead log (%2-wal) cannot be created in it. "
                                        "Give the folder back its write permission for the user the "
                                        "till runs as, then start again. %3")
                .arg(folder.absoluteFilePath(), path, noRestoreAdvice()));
    return {};
}

// PRAGMA quick_check through SQLite's own API, for its result code: a check that could not read the file (an I/O
// error, a file or a log that cannot be opened) has found no damage. Empty when the store is whole.
struct QuickCheck
{
    int code = SQLITE_OK; // of the check's run, not of what it found
    QString finding; // "ok", or the first problem it found
    QString error; // SQLite's message when it did not run to the end
};

QuickCheck runQuickCheck(sqlite3* handle)
{
    QuickCheck check;
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(handle, "PRAGMA quick_check", -1, &statement, nullptr);
    // A page it could not read is one of its findings ("unable to get the page. error code=266"), not a failed run.
    // A page of the free list or an overflow chain it could not read says only "failed to get page N". A page number
    // out of the file's range is "invalid page number" instead, so this one is a read that failed (or, rarely, a
    // damaged list naming the lock page, which `check`'s full pass still reports).
    static const QRegularExpression unreadPage(QStringLiteral("error code=(\\d+)"));
    static const QRegularExpression unreadListPage(QStringLiteral("failed to get page \\d+"));
    while (code == SQLITE_OK || code == SQLITE_ROW) {
        code = sqlite3_step(statement);
        if (code != SQLITE_ROW)
            break;
        const QString row = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        if (check.finding.isEmpty())
            check.finding = row;
        const QRegularExpressionMatch unread = unreadPage.match(row);
        int unreadCode = unread.hasMatch() ? unread.captured(1).toInt() & 0xff : SQLITE_CORRUPT;
        if (!unread.hasMatch() && unreadListPage.match(row).hasMatch())
            unreadCode = SQLITE_IOERR;
        if (unreadCode != SQLITE_CORRUPT && unreadCode != SQLITE_NOTADB && check.error.isEmpty()) {
            check.code = unreadCode;
            check.error = row;
        }
    }
    if (check.error.isEmpty()) {
        check.code = code == SQLITE_DONE ? SQLITE_OK : code;
        if (check.code != SQLITE_OK)
            check.error = QString::fromUtf8(sqlite3_errmsg(handle));
    }
    sqlite3_finalize(statement);
    return check;
}

// An upgrade rewrites tables, and a faulty or interrupted one must be undoable: a verified copy of the store as it
// was comes first, into the backup folder, and when it cannot be made the upgrade does not run and the file stays as
// it was. A new, empty store has nothing to lose.
Result<void> backUpBeforeMigration(Database& db)
{
    const int version = db.schemaVersion();
    if (version <= 0 || version >= SchemaMigrator::CurrentVersion)
        return {};
    const SystemClock clock;
    auto written =
        StoreBackups(db, BackupSettings::forStore(db.path()), clock).backUpBeforeSchema(SchemaMigrator::CurrentVersion);
    if (!written)
        return Error::refused(QCoreApplication::translate("Database",
                                                          "The store %1 needs an upgrade from schema %2 to %3, and "
                                                          "its backup must come first, but it failed: %4 Nothing was "
                                                          "changed. Make room or fix the backup folder (backup.folder) "
                                                          "and open the store again.")
                                  .arg(db.path())
                                  .arg(version)
                                  .arg(SchemaMigrator::CurrentVersion)
                                  .arg(written.error().message));
    qCDebug(lcBackup) << "backed up before the upgrade to schema" << SchemaMigrator::CurrentVersion << "at"
                      << written->file.path;
    return {};
}
} // namespace

QString Database::damageMarker(const QString& path)
{
    return path + QStringLiteral(".damaged");
}

QString Database::defaultPath()
{
    QString env = qEnvironmentVariable("LOYALTYTILL_DATABASE");
    if (!env.isEmpty())
        return env;
    if (QString configured = TillSettings().value(QStringLiteral("store.database")); !configured.isEmpty())
        return configured;
    // The machine's own data folder, never a roaming profile (%LOCALAPPDATA% on Windows; the same as AppDataLocation
    // on Linux).
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/loyaltytill.sqlite");
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    m_rawStatements.clear(); // finalized before the connection closes
    m_raw.reset();
    qDeleteAll(m_statements);
    m_statements.clear();
    m_unprepared.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_openKey.isEmpty())
        OpenStores::remove(m_openKey);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options)
{
    if (path.isEmpty())
        return Error::invalid(QCoreApplication::translate("Database", "No database path was given."),
                              QStringLiteral("database"));
    const QFileInfo info(path);
    const bool existed = info.exists();
    if (existed) {
        if (!info.isFile())
            return Error::invalid(QCoreApplication::translate("Database", "%1 is not a file.").arg(path),
                                  QStringLiteral("database"));
        if (!OpenStores::contains(info.canonicalFilePath()))
            LT_TRY(checkHeader(path));
        LT_TRY(checkWritable(path));
    } else {
        if (!options.create)
            return Error::notFound(QCoreApplication::translate("Database", "There is no database at %1.").arg(path));
        if (!QDir().mkpath(info.absolutePath()))
            return Error::storage(
                QCoreApplication::translate("Database", "Cannot create the folder %1.").arg(info.absolutePath()));
        // Create the file ourselves so that it is private before SQLite writes a byte; its WAL and shared-memory
        // files inherit the mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::storage(QCoreApplication::translate("Database", "Cannot create the database file %1: %2")
                                      .arg(path, file.errorString()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        FileOwnership::matchOwner(path, info.absolutePath()); // root setting up a store in the till user's folder
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error::storage(
            QCoreApplication::translate("Database", "The SQLite driver for Qt (QSQLITE) is not installed."));

    // What SQLite creates beside the store on open, to be removed again when the store is refused.
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(wal);
    const bool hadShm = QFileInfo::exists(shm);
    std::unique_ptr<Database> db(new Database(path, nextConnectionName()));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        connection.setDatabaseName(path);
        connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!connection.open())
            return Error::storage(QCoreApplication::translate("Database", "Cannot open the database %1: %2")
                                      .arg(path, connection.lastError().text()));
    }
    if (auto configured = db->configure(options); !configured) {
        db.reset();
        // Opening a store in WAL mode creates an empty log and its index (-shm), which closing it without a
        // checkpoint leaves behind: a refused store keeps no new file beside it.
        if (!hadWal && QFileInfo(wal).size() == 0)
            QFile::remove(wal);
        if (!hadShm) // rebuilt from the log by the next open; nobody else had the store open when it was missing
            QFile::remove(shm);
        return configured.error();
    }
    db->m_openKey = QFileInfo(path).canonicalFilePath();
    OpenStores::add(db->m_openKey);
    return db;
}

Result<void> Database::configure(const Options& options)
{
    m_busyWait = std::make_unique<BusyWait>(options.busyTimeoutMs);
    LT_TRY_ASSIGN(SqliteConnection raw, SqliteConnection::from(*this));
    raw.waitWhenBusy(*m_busyWait);
    // Until the file has passed its checks, closing this connection must not copy the log into it (SQLite's last
    // connection does): a damaged store is refused without a byte written.
    sqlite3_db_config(raw.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // A store found damaged before (by the till's check in the background) is checked at every open until it is
    // restored, so that the till's fast open refuses it and offers the backup.
    const QString marker = damageMarker(m_path);
    if (options.quickCheck || QFileInfo::exists(marker)) {
        const QuickCheck quickCheck = runQuickCheck(raw.handle());
        const int failed = quickCheck.code & 0xff;
        if (failed == SQLITE_BUSY || failed == SQLITE_LOCKED)
            return Error::storage(QCoreApplication::translate("Database", "The database is busy; try again."));
        if (failed != SQLITE_OK && failed != SQLITE_CORRUPT && failed != SQLITE_NOTADB)
            return unreadable(m_path, quickCheck.error);
        if (failed != SQLITE_OK || quickCheck.finding != QLatin1String("ok")) {
            const QString detail = failed != SQLITE_OK ? quickCheck.error : quickCheck.finding;
            const Error damaged =
                Error::corrupt(QCoreApplication::translate("Database", "The database %1 is damaged (%2). %3")
                                   .arg(m_path, detail, restoreAdvice()));
            QSaveFile note(marker); // beside the store, never in it
            if (note.open(QIODevice::WriteOnly)) {
                note.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                note.write(damaged.message.toUtf8() + '\n');
                note.commit();
            }
            return damaged;
        }
        QFile::remove(marker); // the store was replaced or repaired by other means
    }
    // Before anything that writes (journal_mode does): a file this store refuses is left as it was.
    SchemaMigrator migrator(*this);
    LT_TRY(migrator.checkCompatible());
    if (options.migrate)
        LT_TRY(backUpBeforeMigration(*this));
    LT_TRY_ASSIGN(const QVariant mode, scalar(QStringLiteral("PRAGMA journal_mode = WAL")));
    if (mode.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error::storage(QCoreApplication::translate(
                                  "Database", "The database %1 cannot use write-ahead logging (journal mode is %2).")
                                  .arg(m_path, mode.toString()));
    for (const char* pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY"})
        LT_TRY(exec(QString::fromLatin1(pragma)));
    if (options.checkpointsElsewhere)
        LT_TRY(exec(QStringLiteral("PRAGMA wal_autocheckpoint = 10000")));
    if (options.migrate)
        LT_TRY(migrator.migrate());
    sqlite3_db_config(raw.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QSqlQuery& Database::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(connection());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            // Not cached: the statement may become valid later (a table the next migration creates).
            qCWarning(lcStore) << "cannot prepare statement:" << query->lastError().text();
            m_unprepared = std::move(query);
            return *m_unprepared;
        }
        it = m_statements.insert(sql, query.release());
    }
    return **it;
}

Result<SqliteStatement*> Database::statement(const char* sql)
{
    if (!m_raw) {
        LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(*this));
        m_raw = std::make_unique<SqliteConnection>(connection);
    }
    const QByteArray key(sql);
    auto it = m_rawStatements.find(key);
    if (it == m_rawStatements.end()) {
        auto statement = std::make_unique<SqliteStatement>(*m_raw, sql);
        if (!statement->isValid()) // not kept: a later migration may create what it names
            return m_raw->lastError(QStringLiteral("prepare"));
        it = m_rawStatements.emplace(key, std::move(statement)).first;
    }
    return it->second.get();
}

Error Database::errorFrom(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    const QString native = error.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another till or process holds the write lock for too long.
    if (native == QLatin1String("5") || native == QLatin1String("6"))
        return Error::storage(QCoreApplication::translate("Database", "The database is busy; try again."));
    if (native == QLatin1String("11") || native == QLatin1String("26"))
        return Error::corrupt(
            QCoreApplication::translate("Database", "The database file is damaged: %1").arg(error.databaseText()));
    // As SqliteConnection::lastError: a full or failing disk says what to do (extended codes keep the primary one
    // in their low byte).
    switch (native.toInt() & 0xff) {
    case SQLITE_FULL:
        return Error::storage(QCoreApplication::translate(
            "Database", "The disk is full, so the change was not recorded. Make room on the disk and try again."));
    case SQLITE_IOERR:
        return Error::storage(QCoreApplication::translate("Database",
                                                          "The disk failed to read or write the database (%1), so the "
                                                          "change was not recorded. Check the disk and try again.")
                                  .arg(error.databaseText()));
    default:
        break;
    }
    return Error::storage(
        QCoreApplication::translate("Database", "The database refused the change: %1").arg(error.databaseText()));
}

namespace {
template<typename Values>
void bindAll(QSqlQuery& query, const Values& values)
{
    int i = 0;
    for (const QVariant& value : values) {
        // A null QString would bind as SQL NULL; only an invalid QVariant means NULL here.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i++, QString(QLatin1String("")));
        else
            query.bindValue(i++, value);
    }
}
} // namespace

Result<void> Database::exec(QSqlQuery& query, std::initializer_list<QVariant> values)
{
    bindAll(query, values);
    return exec(query, QVariantList());
}

Result<void> Database::exec(QSqlQuery& query, const QVariantList& values)
{
    bindAll(query, values);
    if (!query.exec()) {
        qCDebug(lcStore) << "statement failed:" << query.lastError().text();
        // A statement that could not be prepared (the schema could not be read) fails as "No query", without
        // SQLite's code: the connection still holds it.
        if (query.lastError().nativeErrorCode().isEmpty())
            if (auto raw = SqliteConnection::from(*this); raw && sqlite3_errcode(raw->handle()) != SQLITE_OK)
                return raw->lastError(QCoreApplication::translate("Database", "The database refused the change"));
        return errorFrom(query);
    }
    return {};
}

Result<void> Database::exec(const QString& sql, std::initializer_list<QVariant> values)
{
    QSqlQuery& query = prepared(sql);
    auto result = exec(query, values);
    query.finish();
    return result;
}

Result<QVariant> Database::scalar(const QString& sql, std::initializer_list<QVariant> values)
{
    QSqlQuery& query = prepared(sql);
    auto done = exec(query, values);
    QVariant value = done && query.next() ? query.value(0) : QVariant();
    query.finish();
    LT_TRY(done);
    return value;
}

Result<void> Database::widenCache(int mebibytes)
{
    return exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(mebibytes) * 1024));
}

} // namespace lt
