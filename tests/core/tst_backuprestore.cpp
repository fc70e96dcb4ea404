#include "core/store/BackupFolder.h"
#include "core/store/Database.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreFileCheck.h"
#include "core/store/StoreRestore.h"
#include "tests/support/FixedClock.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/SqlScript.h"
#include "tests/support/TempStore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <cstdlib>
#include <ctime>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using lt::BackupFile;
using lt::BackupFolder;
using lt::BackupSettings;
using lt::Database;
using lt::ErrorKind;
using lt::StoreBackups;
using lt::StoreFileCheck;
using lt::StoreRestore;
using lt::test::TempStore;

namespace {
QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

qint64 members(const QString& path)
{
    auto count = lt::test::scalarFromFile(path, u"SELECT count(*) FROM members"_s);
    return count ? count->toLongLong() : -1;
}

constexpr QFile::Permissions NotOwner =
    QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
} // namespace

// Backups of a real store into its folder, the one before a schema upgrade, and a store restored from one.
class TestBackupRestore : public QObject
{
    Q_OBJECT

private:
    BackupSettings settingsFor(TempStore& store)
    {
        BackupSettings settings;
        settings.folder = store.filePath(u"backups"_s);
        settings.storeStem = u"store"_s;
        settings.keep = 3;
        return settings;
    }

    // A store of schema 1 with the fixture's members, in its own folder.
    QString loadVersion1(QTemporaryDir& dir)
    {
        const QString path = dir.filePath(u"store.sqlite"_s);
        const auto loaded = lt::test::loadSqlScript(lt::test::fixturePath(u"schema-v1.sql"_s), path);
        return loaded ? path : QString();
    }

private slots:
    void initTestCase()
    {
        // The schedule reads the local clock; the test's days are UTC days.
        qputenv("TZ", "UTC");
        tzset();
    }

    void backUpWritesAVerifiedPrivateCopy()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.enroll(u"+12125550142"_s, u"Ann"_s));
        const auto written = StoreBackups(store.db(), settingsFor(store), store.clock()).backUp();
        LT_VERIFY_OK(written);
        QCOMPARE(QFileInfo(written->file.path).fileName(), u"store-20240301-120000.sqlite"_s);
        QCOMPARE(written->facts.members, 1);
        QCOMPARE(written->facts.schemaVersion, lt::SchemaMigrator::CurrentVersion);
        QCOMPARE(QFileInfo(written->file.path).permissions() & NotOwner, QFile::Permissions());
        QCOMPARE(QFileInfo(settingsFor(store).folder).permissions() & NotOwner, QFile::Permissions());
        // Only the backup is in the folder: no partial copy, no log, no shared memory.
        QCOMPARE(QDir(settingsFor(store).folder).entryList(QDir::Files | QDir::Hidden),
                 QStringList {QFileInfo(written->file.path).fileName()});
        QCOMPARE(members(written->file.path), 1);
    }

    void backUpKeepsTheNewest()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        StoreBackups backups(store.db(), settingsFor(store), store.clock());
        for (int day = 0; day < 5; ++day) {
            const auto written = backups.backUp();
            LT_VERIFY_OK(written);
            QCOMPARE(written->pruned.size(), day < 3 ? 0 : 1);
            store.clock().advance(24 * 3600 * 1000LL);
        }
        QCOMPARE(settingsFor(store).backupFolder().list().size(), 3);
    }

    void backUpIfDueOncePerDay()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        BackupSettings settings = settingsFor(store);
        settings.time = QTime(2, 30);
        StoreBackups backups(store.db(), settings, store.clock()); // the clock reads 12:00 UTC
        auto first = backups.backUpIfDue();
        LT_VERIFY_OK(first);
        QVERIFY(first->has_value());
        auto second = backups.backUpIfDue();
        LT_VERIFY_OK(second);
        QVERIFY(!second->has_value());
        store.clock().advance(14 * 3600 * 1000LL); // 02:00 the next day: not yet
        QVERIFY(!backups.backUpIfDue()->has_value());
        store.clock().advance(3600 * 1000LL); // 03:00
        auto third = backups.backUpIfDue();
        LT_VERIFY_OK(third);
        QVERIFY(third->has_value());
        QCOMPARE(settings.backupFolder().list().size(), 2);
    }

    // What a running till calls every hour, from a worker thread: a connection of its own, a backup when due.
    void tillBacksUpWhenDue()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        auto first = StoreBackups::backUpStoreIfDue(store.path(), store.clock());
        LT_VERIFY_OK(first);
        QVERIFY(first->has_value());
        QCOMPARE(QFileInfo((*first)->file.path).absolutePath(),
                 QFileInfo(store.filePath(u"backups"_s)).absoluteFilePath());
        auto second = StoreBackups::backUpStoreIfDue(store.path(), store.clock());
        LT_VERIFY_OK(second);
        QVERIFY(!second->has_value());
        LT_VERIFY_ERROR(StoreBackups::backUpStoreIfDue(store.filePath(u"missing.sqlite"_s), store.clock()),
                        ErrorKind::NotFound);
    }

    void backupFolderThatCannotBeWritten()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        QVERIFY(writeBytes(store.filePath(u"file"_s), "x"));
        BackupSettings settings = settingsFor(store);
        settings.folder = store.filePath(u"file/backups"_s);
        LT_VERIFY_ERROR(StoreBackups(store.db(), settings, store.clock()).backUp(), ErrorKind::Storage);
    }

    // Opening a store of an older schema backs it up, verified, before the upgrade touches it.
    void upgradeBacksUpFirst()
    {
        QTemporaryDir dir;
        const QString path = loadVersion1(dir);
        QVERIFY(!path.isEmpty());
        const qint64 before = members(path);
        auto db = Database::open(path);
        LT_VERIFY_OK(db);
        QCOMPARE((*db)->schemaVersion(), lt::SchemaMigrator::CurrentVersion);
        const QList<BackupFile> backups = BackupFolder(dir.filePath(u"backups"_s), u"store"_s).list();
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().kind, BackupFile::Kind::BeforeSchema);
        QCOMPARE(backups.first().schema, lt::SchemaMigrator::CurrentVersion);
        QVERIFY(backups.first().path.endsWith(u"-before-schema-%1.sqlite"_s.arg(lt::SchemaMigrator::CurrentVersion)));
        const auto facts = StoreFileCheck::inspect(backups.first().path);
        LT_VERIFY_OK(facts);
        QCOMPARE(facts->schemaVersion, 1);
        QCOMPARE(facts->members, before);
        // A store already current is not backed up again when opened.
        db->reset();
        LT_VERIFY_OK(Database::open(path));
        QCOMPARE(BackupFolder(dir.filePath(u"backups"_s), u"store"_s).list().size(), 1);
    }

    // Without its backup, the upgrade is refused and the file is left as it was.
    void upgradeRefusedWhenTheBackupFails()
    {
        QTemporaryDir dir;
        const QString path = loadVersion1(dir);
        QVERIFY(!path.isEmpty());
        QVERIFY(writeBytes(dir.filePath(u"backups"_s), "a file where the folder would be"));
        const QByteArray before = bytesOf(path);
        auto db = Database::open(path);
        LT_VERIFY_ERROR(db, ErrorKind::Refused);
        QVERIFY2(db.error().message.contains(u"backup"_s), qPrintable(db.error().message));
        QCOMPARE(bytesOf(path), before);
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
        auto version = lt::test::scalarFromFile(path, u"PRAGMA user_version"_s);
        LT_VERIFY_OK(version);
        QCOMPARE(version->toInt(), 1);
    }

    void planRefusesWhatIsNotAWholeStore()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.enroll(u"+12125550142"_s, u"Ann"_s));
        const auto written = StoreBackups(store.db(), settingsFor(store), store.clock()).backUp();
        LT_VERIFY_OK(written);
        const QByteArray good = bytesOf(written->file.path);
        const QString text = store.filePath(u"notes.txt"_s);
        QVERIFY(writeBytes(text, "not a store\n"));
        const QString truncated = store.filePath(u"truncated.sqlite"_s);
        QVERIFY(writeBytes(truncated, good.left(good.size() - 4096)));
        const QString cut = store.filePath(u"cut.sqlite"_s);
        QVERIFY(writeBytes(cut, good.left(good.size() - 100)));
        const QString newer = store.filePath(u"newer.sqlite"_s);
        QVERIFY(writeBytes(newer, good));
        LT_VERIFY_OK(lt::test::execOnFile(newer, {u"PRAGMA user_version = 99"_s}));
        const QString foreign = store.filePath(u"foreign.sqlite"_s);
        LT_VERIFY_OK(lt::test::execOnFile(foreign, {u"CREATE TABLE members (id INTEGER)"_s}));

        LT_VERIFY_ERROR(StoreRestore::plan(store.filePath(u"missing.sqlite"_s), store.path()), ErrorKind::NotFound);
        LT_VERIFY_ERROR(StoreRestore::plan(text, store.path()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(StoreRestore::plan(truncated, store.path()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(StoreRestore::plan(cut, store.path()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(StoreRestore::plan(foreign, store.path()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(StoreRestore::plan(newer, store.path()), ErrorKind::Refused);
        LT_VERIFY_ERROR(StoreRestore::plan(store.path(), store.path()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(StoreRestore::plan(QString(), store.path()), ErrorKind::InvalidInput);
        // Checking writes nothing beside the files checked.
        QVERIFY(!QFileInfo::exists(written->file.path + u"-wal"_s));
        QVERIFY(!QFileInfo::exists(written->file.path + u"-shm"_s));
    }

    void restorePutsTheBackupBackAndKeepsTheStore()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.enroll(u"+12125550142"_s, u"Ann"_s));
        const auto written = StoreBackups(store.db(), settingsFor(store), store.clock()).backUp();
        LT_VERIFY_OK(written);
        LT_VERIFY_OK(store.enroll(u"+12125550143"_s, u"Bob"_s));
        store.close();

        const auto plan = StoreRestore::plan(written->file.path, store.path());
        LT_VERIFY_OK(plan);
        QVERIFY(plan->current);
        QCOMPARE(plan->current->members, 2);
        QCOMPARE(plan->incoming.members, 1);
        store.clock().advance(60'000);
        const auto done = StoreRestore::apply(*plan, settingsFor(store), store.clock());
        LT_VERIFY_OK(done);
        QCOMPARE(done->restored.members, 1);
        QCOMPARE(members(store.path()), 1);
        QCOMPARE(members(done->storeBackup), 2);
        QVERIFY(done->storeBackup.endsWith(u"-before-restore.sqlite"_s));
        QCOMPARE(QFileInfo(store.path()).permissions() & NotOwner, QFile::Permissions());
        QCOMPARE(QFileInfo(done->storeBackup).permissions() & NotOwner, QFile::Permissions());
        for (const QString& suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s})
            QVERIFY2(!QFileInfo::exists(store.path() + suffix), qPrintable(suffix));
        LT_VERIFY_OK(store.open());
        QCOMPARE(store.number("SELECT count(*) FROM members"), 1);
    }

    // IT runs the admin tool as root on a store that is the till user's (a kiosk's service user): the store it
    // creates, the backup folder and backups, and a restored store all stay that user's, or the till could no longer
    // open or prune them. Run as root (as CI does), the folder is given to nobody (65534) first.
    void rootKeepsTheTillUsersOwnership()
    {
        QTemporaryDir dir;
        const QString till = dir.filePath(u"till"_s);
        QVERIFY(QDir().mkpath(till));
        const bool root = ::geteuid() == 0;
        const uid_t owner = root ? 65534 : ::geteuid();
        if (root)
            QCOMPARE(::chown(QFile::encodeName(till).constData(), owner, owner), 0);
        const QString path = QDir(till).filePath(u"store.sqlite"_s);
        lt::test::FixedClock clock(QDateTime(QDate(2024, 3, 1), QTime(12, 0), QTimeZone::utc()));
        QString written;
        {
            auto db = Database::open(path);
            LT_VERIFY_OK(db);
            const auto backup = StoreBackups(**db, BackupSettings::forStore(path), clock).backUp();
            LT_VERIFY_OK(backup);
            written = backup->file.path;
        }
        const auto ownerOf = [](const QString& file) {
            struct stat info = {};
            return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? info.st_uid : uid_t(-1);
        };
        QCOMPARE(ownerOf(path), owner);
        QCOMPARE(ownerOf(QFileInfo(written).absolutePath()), owner);
        QCOMPARE(ownerOf(written), owner);
        const auto plan = StoreRestore::plan(written, path);
        LT_VERIFY_OK(plan);
        clock.advance(60'000);
        const auto done = StoreRestore::apply(*plan, BackupSettings::forStore(path), clock);
        LT_VERIFY_OK(done);
        QCOMPARE(ownerOf(path), owner);
        QCOMPARE(ownerOf(done->storeBackup), owner);
    }

    // The till offers a backup in place of a store that is LoyaltyTill's and damaged, never of a file that is
    // another program's or not SQLite at all (a wrong path).
    void onlyADamagedStoreIsOfferedABackup()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        store.close();
        QVERIFY(StoreRestore::mayReplaceWithBackup(store.path()));
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() / 2));
        QVERIFY(file.write(QByteArray(4096, '\xff')) == 4096);
        file.close();
        LT_VERIFY_ERROR(Database::open(store.path()), ErrorKind::Corrupt);
        QVERIFY(StoreRestore::mayReplaceWithBackup(store.path()));
        const QString foreign = store.filePath(u"foreign.sqlite"_s);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            other.setDatabaseName(foreign);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(u"CREATE TABLE notes (body TEXT)"_s));
            other.close();
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
        QVERIFY(!StoreRestore::mayReplaceWithBackup(foreign));
        const QString text = store.filePath(u"notes.txt"_s);
        QVERIFY(writeBytes(text, QByteArray(4096, 'x')));
        QVERIFY(!StoreRestore::mayReplaceWithBackup(text));
        const QString cut = store.filePath(u"cut.sqlite"_s);
        QVERIFY(writeBytes(cut, QByteArray("SQLite format 3\0", 16)));
        QVERIFY(StoreRestore::mayReplaceWithBackup(cut));
        QVERIFY(!StoreRestore::mayReplaceWithBackup(store.filePath(u"missing.sqlite"_s)));
    }

    void restoreRefusedWhileTheStoreIsOpen()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.enroll(u"+12125550142"_s, u"Ann"_s));
        const auto written = StoreBackups(store.db(), settingsFor(store), store.clock()).backUp();
        LT_VERIFY_OK(written);
        LT_VERIFY_OK(store.enroll(u"+12125550143"_s, u"Bob"_s));
        const auto plan = StoreRestore::plan(written->file.path, store.path());
        LT_VERIFY_OK(plan);
        const auto done = StoreRestore::apply(*plan, settingsFor(store), store.clock());
        LT_VERIFY_ERROR(done, ErrorKind::Refused);
        // The open store goes on as it was, still in write-ahead logging.
        QCOMPARE(store.number("SELECT count(*) FROM members"), 2);
        LT_VERIFY_OK(store.enroll(u"+12125550144"_s, u"Cy"_s));
        QCOMPARE(store.db().scalar(u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
        QCOMPARE(settingsFor(store).backupFolder().list().size(), 1);
    }

    // A store SQLite cannot read is copied as it is, then replaced.
    void restoreOverADamagedStore()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.enroll(u"+12125550142"_s, u"Ann"_s));
        const auto written = StoreBackups(store.db(), settingsFor(store), store.clock()).backUp();
        LT_VERIFY_OK(written);
        store.close();
        QByteArray damaged = bytesOf(store.path());
        damaged.replace(0, 100, QByteArray(100, 'z'));
        QVERIFY(writeBytes(store.path(), damaged));
        LT_VERIFY_ERROR(Database::open(store.path()), ErrorKind::Corrupt);

        const std::optional<BackupFile> offered = StoreRestore::newestGoodBackup(store.path());
        QVERIFY(offered);
        QCOMPARE(offered->path, written->file.path);
        const auto plan = StoreRestore::plan(offered->path, store.path());
        LT_VERIFY_OK(plan);
        QVERIFY(!plan->current);
        QVERIFY(!plan->currentProblem.isEmpty());
        const auto done = StoreRestore::apply(*plan, settingsFor(store), store.clock());
        LT_VERIFY_OK(done);
        QCOMPARE(bytesOf(done->storeBackup), damaged);
        LT_VERIFY_OK(store.open());
        QCOMPARE(store.number("SELECT count(*) FROM members"), 1);
    }

    void newestGoodBackupPassesOverDamagedOnes()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        StoreBackups backups(store.db(), settingsFor(store), store.clock());
        const auto older = backups.backUp();
        LT_VERIFY_OK(older);
        store.clock().advance(3600'000);
        const auto newer = backups.backUp();
        LT_VERIFY_OK(newer);
        const QByteArray bytes = bytesOf(newer->file.path);
        QVERIFY(writeBytes(newer->file.path, bytes.left(bytes.size() / 2)));
        const std::optional<BackupFile> offered = StoreRestore::newestGoodBackup(store.path());
        QVERIFY(offered);
        QCOMPARE(offered->path, older->file.path);
        QVERIFY(QFile::remove(older->file.path));
        QVERIFY(!StoreRestore::newestGoodBackup(store.path()));
    }

    void restoreIntoAPlaceWithoutAStore()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.enroll(u"+12125550142"_s, u"Ann"_s));
        const auto written = StoreBackups(store.db(), settingsFor(store), store.clock()).backUp();
        LT_VERIFY_OK(written);
        const QString fresh = store.filePath(u"new/loyaltytill.sqlite"_s);
        const auto plan = StoreRestore::plan(written->file.path, fresh);
        LT_VERIFY_OK(plan);
        QVERIFY(!plan->storeExists);
        const auto done = StoreRestore::apply(*plan, settingsFor(store), store.clock());
        LT_VERIFY_OK(done);
        QVERIFY(done->storeBackup.isEmpty());
        QCOMPARE(members(fresh), 1);
    }
};

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
