#include "core/store/StoreRestore.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/store/Database.h"
#include "core/store/FileOwnership.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/SqliteHeader.h"
#include "core/store/StoreBackups.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <filesystem>
#include <sqlite3.h>
#include <system_error>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace lt {

namespace {

// The store's SQLite companions: a log, the log's index and a rollback journal belong to the file they were
// written for, and would be read into the restored one.
const QStringList& companions()
{
    static const QStringList suffixes = {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};
    return suffixes;
}

void syncFolder([[maybe_unused]] const QString& folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

// A byte copy that is the owner's alone from its first byte and on disk before it is reported.
Result<void> copyPrivately(const QString& from, const QString& to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return Error::storage(
            QCoreApplication::translate("StoreRestore", "Cannot read %1: %2").arg(from, source.errorString()));
    QFile target(to);
    if (!target.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::storage(
            QCoreApplication::translate("StoreRestore", "Cannot create %1: %2").arg(to, target.errorString()));
    target.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Restored by root, the store (and its copy) stays the till user's: the owner of the folder it lands in.
    FileOwnership::matchOwner(to, QFileInfo(to).absolutePath());
    bool written = true;
    while (written && !source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        written = !chunk.isEmpty() && target.write(chunk) == chunk.size();
    }
    written = written && target.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(target.handle()) == 0;
#endif
    if (!written) {
        const QString reason = target.errorString();
        target.close();
        QFile::remove(to);
        return Error::storage(QCoreApplication::translate("StoreRestore", "Cannot write %1: %2").arg(to, reason));
    }
    return {};
}

// SQLite's exclusive lock on the store, held from the check that no one else has it open to the rename. In
// exclusive locking mode a connection to a WAL store must hold the file's exclusive lock, which every other open
// connection's shared lock refuses at once; leaving WAL mode then folds the log into the file, so that a byte copy
// of it is the whole store.
class ExclusiveStoreLock
{
public:
    enum class State {
        Held, // no one else has the store open, and no one can open it until the lock is released
        Unreadable, // the store is too damaged for SQLite to lock it: it is copied as bytes
        HeldAsIs, // a damaged store, locked without folding its log in: it is copied as bytes with its log
    };

    ExclusiveStoreLock()
        : m_name(QStringLiteral("loyaltytill-restore-%1").arg(counter().fetchAndAddRelaxed(1)))
    {
    }
    ~ExclusiveStoreLock() { release(); }
    ExclusiveStoreLock(const ExclusiveStoreLock&) = delete;
    ExclusiveStoreLock& operator=(const ExclusiveStoreLock&) = delete;

    // A damaged store is locked as it is: its log is not folded in (SQLite would drop a damaged log's frames and
    // write over the file), and closing the lock leaves both alone; their bytes are copied.
    Result<State> acquire(const QString& store, bool damaged)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(store);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        if (!db.open())
            return State::Unreadable;
        QSqlQuery query(db);
        if (damaged) {
            const QVariant handle = db.driver()->handle();
            if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
                sqlite3_db_config(*static_cast<sqlite3* const*>(handle.constData()), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                                  1, nullptr);
            query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"));
            // In exclusive locking mode the first read of a WAL store takes the file's exclusive lock, which any
            // other connection's shared lock refuses at once.
            if (query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) && query.next()) {
                query.finish();
                return State::HeldAsIs;
            }
            const QString code = query.lastError().nativeErrorCode();
            if (code != QLatin1String("5") && code != QLatin1String("6"))
                return State::Unreadable;
            return Error::refused(QCoreApplication::translate("StoreRestore",
                                                              "The store %1 is open in another program (a till or a "
                                                              "command); close it and restore again.")
                                      .arg(store));
        }
        query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"));
        const bool changed = query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && query.next();
        const QString mode = changed ? query.value(0).toString() : QString();
        const QString code = query.lastError().nativeErrorCode();
        query.finish();
        if (changed && mode.compare(QLatin1String("delete"), Qt::CaseInsensitive) == 0) {
            m_wasWal = true;
            if (query.exec(QStringLiteral("BEGIN EXCLUSIVE")))
                return State::Held;
            keepStore();
        } else if (!changed && code != QLatin1String("5") && code != QLatin1String("6")) {
            return State::Unreadable;
        }
        return Error::refused(QCoreApplication::translate("StoreRestore",
                                                          "The store %1 is open in another program (a till or a "
                                                          "command); close it and restore again.")
                                  .arg(store));
    }

    // When the store was not replaced: back to write-ahead logging, as every till opens it.
    void keepStore()
    {
        if (!m_wasWal)
            return;
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.exec(QStringLiteral("ROLLBACK"));
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        m_wasWal = false;
    }

    void release()
    {
        if (!QSqlDatabase::contains(m_name))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

private:
    static QAtomicInteger<quint64>& counter()
    {
        static QAtomicInteger<quint64> value;
        return value;
    }
    QString m_name;
    bool m_wasWal = false;
};

Error asBadInput(const Error& error)
{
    if (error.kind == ErrorKind::Corrupt || error.kind == ErrorKind::Storage)
        return Error::invalid(error.message, QStringLiteral("file"));
    return error;
}

} // namespace

Result<RestorePlan> StoreRestore::plan(const QString& file, const QString& storePath)
{
    if (file.trimmed().isEmpty())
        return Error::invalid(QCoreApplication::translate("StoreRestore", "Name the backup FILE to restore."),
                              QStringLiteral("file"));
    RestorePlan plan;
    plan.file = QFileInfo(file).absoluteFilePath();
    plan.store = QFileInfo(storePath).absoluteFilePath();
    const QFileInfo store(plan.store);
    plan.storeExists = store.exists();
    if (plan.storeExists && QFileInfo(plan.file).canonicalFilePath() == store.canonicalFilePath())
        return Error::invalid(
            QCoreApplication::translate("StoreRestore", "%1 is the store itself; name a backup.").arg(file),
            QStringLiteral("file"));
    auto incoming = StoreFileCheck::inspect(plan.file);
    if (!incoming)
        return asBadInput(incoming.error());
    plan.incoming = *incoming;
    // Only the file is copied: changes still in its log would be lost.
    if (QFileInfo(plan.file + QStringLiteral("-wal")).size() > 0)
        return Error::refused(QCoreApplication::translate("StoreRestore",
                                                          "%1 has a write-ahead log beside it: it is open in a program "
                                                          "or was not closed. Back it up with `loyaltytill-admin "
                                                          "--database %1 backup COPY` and restore the copy.")
                                  .arg(file));
    if (plan.storeExists) {
        // The check reads the file alone (immutable): a damaged log beside it is the store's damage too.
        auto current = StoreFileCheck::inspect(plan.store, StoreFileCheck::Depth::Quick);
        if (current && SqliteWal::read(plan.store).isDamaged())
            current = Error::corrupt(
                QCoreApplication::translate("StoreRestore", "the write-ahead log of %1 is damaged").arg(plan.store));
        if (current)
            plan.current = *current;
        else
            plan.currentProblem = current.error().message;
        plan.gap = RestoreGap::compare(plan.store, plan.file);
    }
    return plan;
}

Result<RestoreOutcome> StoreRestore::apply(const RestorePlan& plan, const BackupSettings& settings, const Clock& clock)
{
    const BackupFolder folder = settings.backupFolder();
    LT_TRY(folder.prepare());
    const QFileInfo store(plan.store);
    if (!plan.storeExists)
        QDir().mkpath(store.absolutePath()); // a till set up from a backup
    if (!QFileInfo(store.absolutePath()).isWritable())
        return Error::storage(QCoreApplication::translate("StoreRestore", "The store's folder %1 cannot be written.")
                                  .arg(store.absolutePath()));
    RestoreOutcome outcome;
    ExclusiveStoreLock lock;
    if (plan.storeExists) {
        LT_TRY_ASSIGN(const ExclusiveStoreLock::State state, lock.acquire(plan.store, !plan.currentProblem.isEmpty()));
        // The store as it is, whatever it is: with the lock held and the log folded in, its bytes are the store.
        const QString copy = folder.newPath(clock.nowUtc(), QStringLiteral("before-restore"));
        const QString partial = copy + QStringLiteral(".partial-%1").arg(QCoreApplication::applicationPid());
        QFile::remove(partial);
        Result<void> copied = copyPrivately(plan.store, partial);
        const QString log = plan.store + QStringLiteral("-wal");
        if (copied && state != ExclusiveStoreLock::State::Held && QFileInfo(log).size() > 0)
            copied = copyPrivately(log, copy + QStringLiteral("-wal"));
        if (copied && !QFile::rename(partial, copy))
            copied = Error::storage(
                QCoreApplication::translate("StoreRestore", "Cannot name the store's backup %1.").arg(copy));
        if (!copied) {
            QFile::remove(partial);
            lock.keepStore();
            return Error {copied.error().kind,
                          QCoreApplication::translate("StoreRestore",
                                                      "The store could not be backed up first, so it was left as it "
                                                      "was: %1")
                              .arg(copied.error().message)};
        }
        syncFolder(folder.path());
        outcome.storeBackup = copy;
    }
    const QString incoming = store.absoluteDir().filePath(
        QStringLiteral(".%1.restore-%2").arg(store.fileName()).arg(QCoreApplication::applicationPid()));
    QFile::remove(incoming);
    if (auto copied = copyPrivately(plan.file, incoming); !copied) {
        lock.keepStore();
        return copied.error();
    }
    if (plan.storeExists)
        FileOwnership::matchOwner(incoming, plan.store);
    // The old store's companions are moved aside, not deleted, until the restored store is in place: if that fails
    // they go back, and the store is as it was.
    QStringList aside;
    for (const QString& suffix : companions()) {
        const QString parked = incoming + suffix + QStringLiteral(".old");
        QFile::remove(parked);
        if (QFileInfo::exists(plan.store + suffix) && QFile::rename(plan.store + suffix, parked))
            aside << suffix;
    }
    // rename() replaces the store in one step (POSIX); Windows refuses to replace an open file, which the lock
    // holds there, so a Windows build must release it first.
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(incoming).toStdString()),
                            std::filesystem::path(QFile::encodeName(plan.store).toStdString()), error);
    for (const QString& suffix : aside) {
        const QString parked = incoming + suffix + QStringLiteral(".old");
        if (error)
            QFile::rename(parked, plan.store + suffix);
        else
            QFile::remove(parked);
    }
    if (error) {
        QFile::remove(incoming);
        lock.keepStore();
        return Error::storage(QCoreApplication::translate("StoreRestore", "Cannot replace the store %1: %2")
                                  .arg(plan.store, QString::fromLocal8Bit(error.message())));
    }
    syncFolder(store.absolutePath());
    lock.release();
    QFile::remove(Database::damageMarker(plan.store));
    qCDebug(lcBackup) << "store restored from" << plan.file;
    if (plan.gap && !outcome.storeBackup.isEmpty()) {
        const QString gapFile = outcome.storeBackup + QStringLiteral(".to-re-enter.txt");
        if (plan.gap->writeTo(gapFile))
            outcome.gapFile = gapFile;
    }
    auto restored = StoreFileCheck::inspect(plan.store);
    if (!restored)
        return restored.error();
    outcome.restored = *restored;
    return outcome;
}

std::optional<BackupFile> StoreRestore::newestGoodBackup(const QString& storePath)
{
    for (const BackupFile& file : BackupFolder::forStore(storePath).list()) {
        if (StoreFileCheck::inspect(file.path))
            return file;
    }
    return std::nullopt;
}

bool StoreRestore::mayReplaceWithBackup(const QString& storePath)
{
    QFile file(storePath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() < 512)
        return true;
    const SqliteHeader header = SqliteHeader::read(file);
    return (header.isSqlite && header.applicationId == quint32(SchemaMigrator::ApplicationId))
        || header.isDamagedSqlite(file.size());
}

} // namespace lt
