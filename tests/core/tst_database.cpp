#include "core/store/Database.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/Transaction.h"
#include "core/store/WalCheckpointer.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/SqlScript.h"
#include "tests/support/TempStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <sys/stat.h>
#include <thread>

using lt::Database;
using lt::ErrorKind;
using lt::SchemaMigrator;
using lt::test::TempStore;

namespace {
int modeOf(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 0777);
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A closed store with enough members to fill several pages, so that cutting it short loses tables.
QByteArray populatedStore(TempStore& store)
{
    if (!store.open())
        return {};
    for (int i = 0; i < 60; ++i) {
        if (!store.enroll(QStringLiteral("+1415555%1").arg(2600 + i), QStringLiteral("Member %1").arg(i)))
            return {};
    }
    store.close();
    return contents(store.path());
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateFileAndFolder();
    void configuresDurableConnection();
    void enforcesForeignKeys();
    void appliesBusyTimeout();
    void waiterTakesTheLockBetweenAnothersTransactions();
    void checkpointsElsewhere_data();
    void checkpointsElsewhere();
    void reopensExistingStore();
    void anotherOpenKeepsTheStoreLocked();
    void refusesEmptyPath();
    void refusesFolder();
    void refusesMissingFileWithoutCreate();
    void refusesWhatIsNotSqlite_data();
    void refusesWhatIsNotSqlite();
    void refusesTruncatedStore_data();
    void refusesTruncatedStore();
    void refusesDamagedPage();
    void refusesNewerSchema();
    void refusesForeignSqliteFile_data();
    void refusesForeignSqliteFile();
    void bindsNullStringAsEmptyText();
    void scalarWithoutRowIsInvalid();
    void cachesPreparedStatements();
    void retriesStatementThatWasNotPreparable();
    void reportsConstraintViolationAsStorage();
};

void TestDatabase::createsPrivateFileAndFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("new/folder/store.sqlite"));
    auto db = Database::open(path);
    LT_VERIFY_OK(db);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(modeOf(path), 0600);
    // The write-ahead log and shared-memory index hold member data too.
    LT_VERIFY_OK((*db)->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('store.name', 'Test')")));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
    QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
    QCOMPARE((*db)->path(), path);
}

void TestDatabase::configuresDurableConnection()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    Database& db = store.db();
    auto journal = db.scalar(QStringLiteral("PRAGMA journal_mode"));
    LT_VERIFY_OK(journal);
    QCOMPARE(journal->toString(), QStringLiteral("wal"));
    QCOMPARE(store.number("PRAGMA synchronous"), qint64(2)); // FULL
    QCOMPARE(store.number("PRAGMA foreign_keys"), qint64(1));
    QCOMPARE(store.number("PRAGMA application_id"), qint64(SchemaMigrator::ApplicationId));
    QCOMPARE(db.schemaVersion(), SchemaMigrator::CurrentVersion);
}

void TestDatabase::enforcesForeignKeys()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    LT_VERIFY_ERROR(store.db().exec(QStringLiteral("INSERT INTO cards (number, member_id, issued_at) VALUES "
                                                   "('2900000000018', 999, '2024-03-01T12:00:00.000Z')")),
                    ErrorKind::Storage);
    QCOMPARE(store.number("SELECT count(*) FROM cards"), qint64(0));
}

void TestDatabase::appliesBusyTimeout()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    lt::Transaction holder(store.db());
    LT_VERIFY_OK(holder.begin());

    Database::Options options;
    options.busyTimeoutMs = 100;
    auto second = Database::open(store.path(), options);
    LT_VERIFY_OK(second);
    QElapsedTimer timer;
    timer.start();
    lt::Transaction waiting(**second);
    const auto begun = waiting.begin();
    LT_VERIFY_ERROR(begun, ErrorKind::Storage);
    QVERIFY2(begun.error().message.contains(QLatin1String("busy")), qPrintable(begun.error().message));
    QVERIFY2(timer.elapsed() >= 90, "gave up before the busy timeout");

    holder.rollback();
    LT_VERIFY_OK(waiting.begin());
}

// Work beside the till (the automation pass) writes in short transactions and leaves the lock free for a moment
// after each: a connection waiting for it takes it in one of the first such moments, not after the whole run.
void TestDatabase::waiterTakesTheLockBetweenAnothersTransactions()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    constexpr int Transactions = 12;
    std::atomic<int> committed {0};
    std::atomic<bool> holding {false};
    std::thread worker([&]() {
        auto db = Database::open(store.path());
        if (!db)
            return;
        for (int i = 0; i < Transactions; ++i) {
            (void)lt::inBackgroundTransaction(**db, [&]() -> lt::Result<void> {
                holding = true;
                QThread::msleep(40);
                return {};
            });
            ++committed;
        }
    });
    while (!holding)
        QThread::usleep(100);
    lt::Transaction waiting(store.db());
    LT_VERIFY_OK(waiting.begin());
    const int passed = committed;
    waiting.rollback();
    worker.join();
    QCOMPARE(committed.load(), Transactions);
    QVERIFY2(passed <= 3, qPrintable(QStringLiteral("took the lock after %1 of the other's transactions").arg(passed)));
}

void TestDatabase::checkpointsElsewhere_data()
{
    QTest::addColumn<bool>("elsewhere");
    QTest::newRow("SQLite's own checkpoints, in the commit") << false;
    QTest::newRow("the till's: a WalCheckpointer's") << true;
}

// About 12 MB written in small transactions: the till's connection leaves them in the write-ahead log for the
// checkpointer to copy into the file; a connection without the option copies them itself at commit.
void TestDatabase::checkpointsElsewhere()
{
    QFETCH(bool, elsewhere);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    Database::Options options;
    options.checkpointsElsewhere = elsewhere;
    auto db = Database::open(path, options);
    LT_VERIFY_OK(db);
    LT_VERIFY_OK((*db)->exec(QStringLiteral("CREATE TABLE filler (bytes BLOB)")));
    const qint64 before = QFileInfo(path).size();
    for (int i = 0; i < 100; ++i) {
        LT_VERIFY_OK(lt::inTransaction(**db, [&]() -> lt::Result<void> {
            for (int row = 0; row < 30; ++row)
                LT_TRY((*db)->exec(QStringLiteral("INSERT INTO filler VALUES (randomblob(4000))")));
            return {};
        }));
    }
    constexpr qint64 Written = 100 * 30 * 4000;
    const qint64 copied = QFileInfo(path).size() - before;
    if (!elsewhere) {
        QVERIFY2(copied > Written / 2, qPrintable(QString::number(copied)));
        return;
    }
    QVERIFY2(copied < Written / 10, qPrintable(QString::number(copied)));
    lt::WalCheckpointer checkpointer(path, 20);
    checkpointer.start();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() - before > Written, 10000);
    // Counted on the checkpointer's thread once its checkpoint returns, which can be after the file grew.
    QTRY_VERIFY_WITH_TIMEOUT(checkpointer.checkpoints() > 0, 10000);
}

void TestDatabase::reopensExistingStore()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto member = store.enroll(QStringLiteral("(415) 555-2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    store.close();
    lt::Database::Options options;
    options.create = false;
    LT_VERIFY_OK(store.open(options));
    QCOMPARE(store.number("SELECT count(*) FROM members WHERE phone = '+14155552671'"), qint64(1));
}

void TestDatabase::anotherOpenKeepsTheStoreLocked()
{
    // The till opens one store several times (sync's worker, the checkpointer, the check in the background). Had a
    // later open read the files behind SQLite's back, closing them would drop the locks POSIX gives per process; a
    // second process (here sqlite3, as the admin tool or a backup would) closing the store would then take itself
    // for the last one, fold the log in and remove it and its index while the first connection still read them.
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    QVERIFY2(!sqlite3.isEmpty(), "sqlite3 (Debian package sqlite3) is needed");
    TempStore store;
    LT_VERIFY_OK(store.open());
    LT_VERIFY_OK(store.enroll(QStringLiteral("(415) 555-2671"), QStringLiteral("Ana")));
    const QString wal = store.path() + QStringLiteral("-wal");
    QVERIFY(QFileInfo(wal).size() > 0);
    {
        auto second = Database::open(store.path());
        LT_VERIFY_OK(second);
        LT_VERIFY_OK((*second)->scalar(QStringLiteral("SELECT count(*) FROM members")));
    }
    QProcess other;
    other.start(sqlite3, {store.path(), QStringLiteral("SELECT count(*) FROM members")});
    QVERIFY(other.waitForFinished(30000));
    QCOMPARE(other.exitCode(), 0);
    QCOMPARE(other.readAllStandardOutput().trimmed(), QByteArray("1"));
    // Still open here: the log and its index stay, and this connection goes on reading and writing.
    QVERIFY2(QFileInfo::exists(wal), "the other process removed the log of a store this one has open");
    QVERIFY(QFileInfo::exists(store.path() + QStringLiteral("-shm")));
    LT_VERIFY_OK(store.enroll(QStringLiteral("(415) 555-2672"), QStringLiteral("Ben")));
    QCOMPARE(store.number("SELECT count(*) FROM members"), qint64(2));
}

void TestDatabase::refusesEmptyPath()
{
    const auto db = Database::open(QString());
    LT_VERIFY_ERROR(db, ErrorKind::InvalidInput);
    QCOMPARE(db.error().field, QStringLiteral("database"));
}

void TestDatabase::refusesFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LT_VERIFY_ERROR(Database::open(dir.path()), ErrorKind::InvalidInput);
}

void TestDatabase::refusesMissingFileWithoutCreate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
    Database::Options options;
    options.create = false;
    LT_VERIFY_ERROR(Database::open(path, options), ErrorKind::NotFound);
    QVERIFY(!QFileInfo::exists(path));
}

void TestDatabase::refusesWhatIsNotSqlite_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("shopping list") << QByteArray("milk\neggs\nbread\n").repeated(200);
    QTest::newRow("a few bytes") << QByteArray("hello");
    QByteArray noise(8192, '\0');
    QRandomGenerator random(20240301);
    for (char& c : noise)
        c = static_cast<char>(random.bounded(256));
    QTest::newRow("random bytes") << noise;
    QTest::newRow("only the header") << QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\x01');
}

void TestDatabase::refusesWhatIsNotSqlite()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QVERIFY(write(path, bytes));
    const auto db = Database::open(path);
    LT_VERIFY_ERROR(db, ErrorKind::Corrupt);
    QVERIFY(db.error().message.contains(path));
    QCOMPARE(contents(path), bytes);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
}

void TestDatabase::refusesTruncatedStore_data()
{
    QTest::addColumn<int>("keepPercent");
    QTest::addColumn<int>("keepBytes");
    QTest::newRow("first page only") << 0 << 4096;
    QTest::newRow("half") << 50 << 0;
    QTest::newRow("all but one page") << 0 << -4096;
    QTest::newRow("cut inside a page") << 0 << -1000;
    QTest::newRow("cut inside the first page") << 0 << 1000;
}

void TestDatabase::refusesTruncatedStore()
{
    QFETCH(int, keepPercent);
    QFETCH(int, keepBytes);
    TempStore original;
    const QByteArray whole = populatedStore(original);
    QVERIFY(whole.size() > 4 * 4096);
    const qsizetype keep = keepPercent > 0 ? whole.size() * keepPercent / 100
        : keepBytes > 0                    ? qsizetype(keepBytes)
                                           : whole.size() + keepBytes;
    const QByteArray truncated = whole.left(keep);

    const QString path = original.filePath(QStringLiteral("truncated.sqlite"));
    QVERIFY(write(path, truncated));
    const auto db = Database::open(path);
    LT_VERIFY_ERROR(db, ErrorKind::Corrupt);
    QCOMPARE(contents(path), truncated);
}

void TestDatabase::refusesDamagedPage()
{
    TempStore original;
    LT_VERIFY_OK(original.open());
    const qint64 root = original.number("SELECT rootpage FROM sqlite_schema WHERE name = 'members'");
    QVERIFY(root > 1);
    original.close();
    QByteArray bytes = populatedStore(original);
    QVERIFY(!bytes.isEmpty());
    const qsizetype offset = (root - 1) * 4096;
    QVERIFY(offset + 16 < bytes.size());
    for (qsizetype i = 0; i < 16; ++i)
        bytes[offset + i] = '\xFF';
    const QString path = original.filePath(QStringLiteral("damaged.sqlite"));
    QVERIFY(write(path, bytes));
    const auto db = Database::open(path);
    LT_VERIFY_ERROR(db, ErrorKind::Corrupt);
    QCOMPARE(contents(path), bytes);
}

void TestDatabase::refusesNewerSchema()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    store.close();
    const int newer = SchemaMigrator::CurrentVersion + 1;
    LT_VERIFY_OK(lt::test::execOnFile(store.path(), {QStringLiteral("PRAGMA user_version = %1").arg(newer)}));
    const QByteArray before = contents(store.path());

    const auto db = Database::open(store.path());
    LT_VERIFY_ERROR(db, ErrorKind::Refused);
    QVERIFY2(db.error().message.contains(QLatin1String("newer")), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(QString::number(newer)), qPrintable(db.error().message));
    QCOMPARE(contents(store.path()), before);
    auto version = lt::test::scalarFromFile(store.path(), QStringLiteral("PRAGMA user_version"));
    LT_VERIFY_OK(version);
    QCOMPARE(version->toInt(), newer);
}

void TestDatabase::refusesForeignSqliteFile_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("tables of another application")
        << QStringList {QStringLiteral("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)"),
                        QStringLiteral("INSERT INTO recipes (title) VALUES ('Pancakes')")};
    QTest::newRow("another application's id")
        << QStringList {QStringLiteral("PRAGMA application_id = 1179407693"), QStringLiteral("CREATE TABLE t (x)"),
                        QStringLiteral("DROP TABLE t")};
    QTest::newRow("another application's id and tables")
        << QStringList {QStringLiteral("PRAGMA application_id = 1179407693"),
                        QStringLiteral("CREATE TABLE members (id INTEGER PRIMARY KEY)")};
}

void TestDatabase::refusesForeignSqliteFile()
{
    QFETCH(QStringList, statements);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    LT_VERIFY_OK(lt::test::execOnFile(path, statements));
    const QByteArray before = contents(path);
    QVERIFY(before.startsWith("SQLite format 3"));

    const auto db = Database::open(path);
    LT_VERIFY_ERROR(db, ErrorKind::Corrupt);
    QVERIFY2(db.error().message.contains(QLatin1String("another application")), qPrintable(db.error().message));
    // Refusing a file must not change it: not even to switch it to write-ahead logging.
    QCOMPARE(contents(path), before);
    auto mode = lt::test::scalarFromFile(path, QStringLiteral("PRAGMA journal_mode"));
    LT_VERIFY_OK(mode);
    QCOMPARE(mode->toString(), QStringLiteral("delete"));
}

void TestDatabase::bindsNullStringAsEmptyText()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    LT_VERIFY_OK(store.db().exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                                 {QStringLiteral("store.name"), QString()}));
    auto value = store.db().scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'store.name'"));
    LT_VERIFY_OK(value);
    QVERIFY(!value->isNull());
    QCOMPARE(value->toString(), QString());
    // An invalid QVariant is SQL NULL, which the column refuses.
    LT_VERIFY_ERROR(store.db().exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                                    {QStringLiteral("consent.text"), QVariant()}),
                    ErrorKind::Storage);
}

void TestDatabase::scalarWithoutRowIsInvalid()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto missing =
        store.db().scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {QStringLiteral("no.such.key")});
    LT_VERIFY_OK(missing);
    QVERIFY(!missing->isValid());
    auto count = store.db().scalar(QStringLiteral("SELECT count(*) FROM settings"));
    LT_VERIFY_OK(count);
    QVERIFY(count->isValid());
    QCOMPARE(count->toInt(), 0);
}

void TestDatabase::cachesPreparedStatements()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    const QString sql = QStringLiteral("SELECT count(*) FROM members WHERE id > ?");
    QSqlQuery* first = &store.db().prepared(sql);
    QSqlQuery* second = &store.db().prepared(sql);
    QCOMPARE(first, second);
    QVERIFY(&store.db().prepared(QStringLiteral("SELECT count(*) FROM cards")) != first);
}

void TestDatabase::retriesStatementThatWasNotPreparable()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    const QString sql = QStringLiteral("SELECT count(*) FROM later_table");
    LT_VERIFY_ERROR(store.db().scalar(sql), ErrorKind::Storage);
    LT_VERIFY_OK(store.db().exec(QStringLiteral("CREATE TEMP TABLE later_table (x)")));
    auto count = store.db().scalar(sql);
    LT_VERIFY_OK(count);
    QCOMPARE(count->toInt(), 0);
}

void TestDatabase::reportsConstraintViolationAsStorage()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    const QString insert = QStringLiteral("INSERT INTO settings (key, value) VALUES ('store.name', 'A')");
    LT_VERIFY_OK(store.db().exec(insert));
    const auto again = store.db().exec(insert);
    LT_VERIFY_ERROR(again, ErrorKind::Storage);
    QVERIFY(!again.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
