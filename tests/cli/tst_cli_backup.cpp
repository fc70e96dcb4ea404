// backup and restore through the real binary: backups into the store's backup folder, kept per backup.keep and
// listed; a store restored from one, with a dry run; and bad input (not a store, a truncated copy, a newer schema,
// a missing file, a backup folder that cannot be written, a store in use) refused with nothing changed.
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

namespace {
constexpr QFile::Permissions NotOwner =
    QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
}

class CliBackupTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }
    QString path(const QString& name) const { return m_dir->filePath(name); }
    QString backups() const { return path(u"backups"_s); }

    // IT's preset for this store's machine.
    void preset(const QByteArray& lines)
    {
        const QString etc = path(u"etc-loyaltytill"_s);
        QVERIFY(QDir().mkpath(etc));
        QVERIFY(clitest::writeFileBytes(etc + u"/loyaltytill.conf"_s, lines));
    }

    void enroll(const QString& phone)
    {
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, phone, u"--name"_s, u"Member"_s}));
    }

    // Read from outside, read-only: a backup is never opened as a store by the test.
    static qint64 members(const QString& store)
    {
        static int counter = 0;
        const QString name = u"count-%1"_s.arg(++counter);
        qint64 count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(store);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(u"SELECT count(*) FROM members"_s) && query.next())
                    count = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = path(u"store.sqlite"_s);
        CLI_VERIFY_OK(cli({u"init"_s}));
        enroll(u"2125550142"_s);
    }

    // Run by root (sudo) on a store whose folder another user owns (a kiosk's service user), the admin tool acts as
    // that user: what it creates is the owner's, and it reads only what the owner may, such as a backup to restore
    // that is root's alone. As root, the folder is given to nobody (65534) first; otherwise the owner is this user.
    void rootActsAsTheStoresOwner()
    {
        const bool root = ::geteuid() == 0;
        const uid_t owner = root ? 65534 : ::geteuid();
        // A process that took another user's identity is no longer traceable (the kernel makes it non-dumpable,
        // which is also why it leaves no core), and LeakSanitizer traces the process at exit: off for these runs.
        const QByteArray sanitizer = qgetenv("ASAN_OPTIONS");
        const auto restoreSanitizer = qScopeGuard([sanitizer] { qputenv("ASAN_OPTIONS", sanitizer); });
        qputenv("ASAN_OPTIONS", sanitizer + (sanitizer.isEmpty() ? "" : ":") + "detect_leaks=0");
        QVERIFY(QFile::setPermissions(m_dir->path(),
                                      QFile::permissions(m_dir->path()) | QFile::ReadOther | QFile::ExeOther));
        const QString till = path(u"till"_s);
        QVERIFY(QDir().mkpath(till));
        if (root)
            QCOMPARE(::chown(QFile::encodeName(till).constData(), owner, owner), 0);
        const QString store = QDir(till).filePath(u"till.sqlite"_s);
        CLI_VERIFY_OK(runJson(store, {u"init"_s}));
        CLI_VERIFY_OK(runJson(store, {u"backup"_s}));
        const auto ownerOf = [](const QString& file) {
            struct stat info = {};
            return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? info.st_uid : uid_t(-1);
        };
        QCOMPARE(ownerOf(store), owner);
        QCOMPARE(ownerOf(QDir(till).filePath(u"backups"_s)), owner);
        const QStringList written = QDir(QDir(till).filePath(u"backups"_s)).entryList({u"till-*.sqlite"_s});
        QCOMPARE(written.size(), 1);
        QCOMPARE(ownerOf(QDir(till).filePath(u"backups/"_s + written.first())), owner);
        if (!root)
            return;
        // A copy only root may read (0600 root:root): as the store's owner the tool cannot read it, so it is refused
        // and the store left as it was.
        const QString rootOnly = path(u"root-only.sqlite"_s);
        QVERIFY(QFile::copy(m_db, rootOnly));
        QVERIFY(QFile::setPermissions(rootOnly, QFile::ReadOwner | QFile::WriteOwner));
        const QByteArray before = clitest::readFileBytes(store);
        const CliRun restore = runJson(store, {u"restore"_s, rootOnly});
        QVERIFY2(restore.exitCode != 0, restore.describeUtf8());
        QCOMPARE(clitest::readFileBytes(store), before);
    }

    void backupIntoTheFolder()
    {
        const CliRun run = cli({u"backup"_s});
        CLI_VERIFY_OK(run);
        const QString file = run.json.value(u"file"_s).toString();
        QCOMPARE(QFileInfo(file).absolutePath(), QFileInfo(backups()).absoluteFilePath());
        QVERIFY2(QFileInfo(file).fileName().contains(QRegularExpression(u"^store-\\d{8}-\\d{6}\\.sqlite$"_s)),
                 qPrintable(file));
        QCOMPARE(run.json.value(u"members"_s).toInt(), 1);
        QCOMPARE(run.json.value(u"schema_version"_s).toInt(),
                 cli({u"schema"_s}).json.value(u"schema_version"_s).toInt());
        QCOMPARE(QFileInfo(file).permissions() & NotOwner, QFile::Permissions());
        QCOMPARE(QFileInfo(backups()).permissions() & NotOwner, QFile::Permissions());
        QCOMPARE(members(file), 1);

        const CliRun listed = cli({u"backup"_s, u"--list"_s});
        CLI_VERIFY_OK(listed);
        const QJsonArray list = listed.json.value(u"backups"_s).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.first().toObject();
        QCOMPARE(entry.value(u"file"_s).toString(), file);
        QCOMPARE(entry.value(u"verifies"_s).toBool(), true);
        QCOMPARE(entry.value(u"kind"_s).toString(), u"daily"_s);
        QCOMPARE(entry.value(u"bytes"_s).toInteger(), QFileInfo(file).size());
        QVERIFY(!entry.value(u"taken_at"_s).toString().isEmpty());
        // As text, for people.
        const CliRun text = clitest::runCli({u"backup"_s, u"--list"_s, u"--database"_s, m_db}, m_dir->path());
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("verifies"), text.describeUtf8().constData());
    }

    void keepsTheNewestAndListsDamage()
    {
        preset("backup.keep = 2\n");
        QStringList files;
        for (int i = 0; i < 4; ++i) {
            const CliRun run = cli({u"backup"_s});
            CLI_VERIFY_OK(run);
            files << run.json.value(u"file"_s).toString();
            QCOMPARE(run.json.value(u"pruned"_s).toArray().size(), i < 2 ? 0 : 1);
        }
        QVERIFY(clitest::writeFileBytes(path(u"backups/notes.txt"_s), "mine\n"));
        QVERIFY(!QFileInfo::exists(files.at(0)));
        QVERIFY(!QFileInfo::exists(files.at(1)));
        QVERIFY(QFileInfo::exists(files.at(3)));
        // A backup damaged since is listed as not verifying; other files are not listed.
        const QByteArray bytes = clitest::readFileBytes(files.at(3));
        QVERIFY(clitest::writeFileBytes(files.at(3), bytes.left(bytes.size() / 2)));
        const CliRun listed = cli({u"backup"_s, u"--list"_s});
        CLI_VERIFY_OK(listed);
        const QJsonArray list = listed.json.value(u"backups"_s).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(u"verifies"_s).toBool(), false);
        QVERIFY(!list.at(0).toObject().value(u"problem"_s).toString().isEmpty());
        QCOMPARE(list.at(1).toObject().value(u"verifies"_s).toBool(), true);
        QVERIFY(QFileInfo::exists(path(u"backups/notes.txt"_s)));
    }

    void ifDueBacksUpOnce()
    {
        CliRun run = cli({u"backup"_s, u"--if-due"_s});
        CLI_VERIFY_OK(run);
        QVERIFY(run.json.value(u"file"_s).isString());
        run = cli({u"backup"_s, u"--if-due"_s});
        CLI_VERIFY_OK(run);
        QVERIFY(run.json.value(u"file"_s).isNull());
        QCOMPARE(cli({u"backup"_s, u"--list"_s}).json.value(u"backups"_s).toArray().size(), 1);
    }

    void restoreWithADryRunFirst()
    {
        const CliRun backup = cli({u"backup"_s});
        CLI_VERIFY_OK(backup);
        const QString file = backup.json.value(u"file"_s).toString();
        enroll(u"2125550143"_s);
        const QStringList before = clitest::fingerprint(m_db);

        const CliRun dry = cli({u"restore"_s, file, u"--dry-run"_s});
        CLI_VERIFY_OK(dry);
        QCOMPARE(dry.json.value(u"file"_s).toObject().value(u"members"_s).toInt(), 1);
        QCOMPARE(dry.json.value(u"store"_s).toObject().value(u"members"_s).toInt(), 2);
        QVERIFY(dry.json.value(u"file"_s).toObject().contains(u"ledger_entries"_s));
        QCOMPARE(clitest::fingerprint(m_db), before);
        QCOMPARE(cli({u"backup"_s, u"--list"_s}).json.value(u"backups"_s).toArray().size(), 1);

        const CliRun done = cli({u"restore"_s, file});
        CLI_VERIFY_OK(done);
        QCOMPARE(members(m_db), 1);
        const QString kept = done.json.value(u"store_backup"_s).toString();
        QVERIFY2(kept.endsWith(u"-before-restore.sqlite"_s), qPrintable(kept));
        QCOMPARE(members(kept), 2);
        QCOMPARE(clitest::fingerprint(m_db), clitest::fingerprint(file));
        CLI_VERIFY_OK(cli({u"check"_s}));
    }

    void restoreRefusesBadInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("missing file") << u"missing"_s << 3;
        QTest::newRow("a text file") << u"text"_s << 2;
        QTest::newRow("a truncated copy") << u"truncated"_s << 2;
        QTest::newRow("an SQLite file of another program") << u"foreign"_s << 2;
        QTest::newRow("a newer schema") << u"newer"_s << 4;
        QTest::newRow("the store itself") << u"store"_s << 2;
        QTest::newRow("a backup folder that cannot be written") << u"folder"_s << 1;
        QTest::newRow("the store open in another process") << u"open"_s << 4;
    }

    void restoreRefusesBadInput()
    {
        QFETCH(QString, kind);
        QFETCH(int, exitCode);
        const CliRun backup = cli({u"backup"_s, path(u"good.sqlite"_s)});
        CLI_VERIFY_OK(backup);
        const QByteArray good = clitest::readFileBytes(path(u"good.sqlite"_s));
        QString file = path(u"good.sqlite"_s);
        QSqlDatabase held;
        if (kind == u"missing"_s) {
            file = path(u"missing.sqlite"_s);
        } else if (kind == u"text"_s) {
            file = path(u"notes.txt"_s);
            QVERIFY(clitest::writeFileBytes(file, "members,points\n"));
        } else if (kind == u"truncated"_s) {
            file = path(u"truncated.sqlite"_s);
            QVERIFY(clitest::writeFileBytes(file, good.left(good.size() - 4096)));
        } else if (kind == u"foreign"_s || kind == u"newer"_s) {
            file = path(kind + u".sqlite"_s);
            QVERIFY(clitest::writeFileBytes(file, kind == u"newer"_s ? good : QByteArray()));
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(kind == u"newer"_s ? u"PRAGMA user_version = 99"_s
                                                  : u"CREATE TABLE members (id INTEGER)"_s));
            query.finish();
            db.close();
        } else if (kind == u"store"_s) {
            file = m_db;
        } else if (kind == u"folder"_s) {
            QVERIFY(clitest::writeFileBytes(path(u"a-file"_s), "x"));
            preset("backup.folder = " + path(u"a-file/backups"_s).toUtf8() + "\n");
        } else if (kind == u"open"_s) {
            // A till's connection: in write-ahead logging, open and reading.
            held = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"till"_s);
            held.setDatabaseName(m_db);
            QVERIFY(held.open());
            QSqlQuery query(held);
            QVERIFY(query.exec(u"SELECT count(*) FROM members"_s) && query.next());
        }
        enroll(u"2125550143"_s);
        const QStringList before = clitest::fingerprint(m_db);
        const QStringList folder = QDir(backups()).entryList(QDir::Files | QDir::Hidden);
        const CliRun run = cli({u"restore"_s, file});
        CLI_VERIFY_ERROR(run, exitCode);
        QCOMPARE(clitest::fingerprint(m_db), before);
        QCOMPARE(QDir(backups()).entryList(QDir::Files | QDir::Hidden), folder);
        QCOMPARE(QDir(m_dir->path()).entryList({u".*restore*"_s}, QDir::Files | QDir::Hidden), QStringList());
        if (held.isValid()) {
            held.close();
            held = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"till"_s);
            CLI_VERIFY_OK(cli({u"restore"_s, file})); // once the till has closed it
        }
        QSqlDatabase::removeDatabase(u"edit"_s);
    }

    void backupFolderThatCannotBeWritten()
    {
        QVERIFY(clitest::writeFileBytes(path(u"a-file"_s), "x"));
        preset("backup.folder = " + path(u"a-file/backups"_s).toUtf8() + "\n");
        const QStringList before = clitest::fingerprint(m_db);
        CLI_VERIFY_ERROR(cli({u"backup"_s}), 1);
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    void badArguments()
    {
        CLI_VERIFY_ERROR(cli({u"backup"_s, path(u"a.sqlite"_s), path(u"b.sqlite"_s)}), 2);
        CLI_VERIFY_ERROR(cli({u"backup"_s, u"--list"_s, path(u"a.sqlite"_s)}), 2);
        CLI_VERIFY_ERROR(cli({u"restore"_s}), 2);
        CLI_VERIFY_ERROR(cli({u"restore"_s, QString()}), 2);
        QVERIFY(!QFileInfo::exists(path(u"a.sqlite"_s)));
    }
};

QTEST_GUILESS_MAIN(CliBackupTest)
#include "tst_cli_backup.moc"
