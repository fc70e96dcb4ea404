// A store that cannot be read or written is not a damaged one: its messages name the disk or the file at fault and
// say what to do, and never advise a restore, which would discard every sale since the backup.
#include "core/store/Database.h"
#include "tests/support/TempStore.h"
#include "tests/support/Unprivileged.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lt;

class TestStoreOpenErrors : public QObject
{
    Q_OBJECT

private slots:
    // A full disk met by a statement of the Qt SQL path reads as SqliteConnection's raw path says it.
    void fullDiskSaysSo()
    {
        test::TempStore store;
        QVERIFY(store.open().ok());
        Database& db = store.db();
        const QVariant pages = db.scalar(QStringLiteral("PRAGMA page_count")).value();
        QVERIFY(db.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages.toLongLong())).ok());
        Result<void> written = db.exec(QStringLiteral("CREATE TABLE filler(x)"));
        for (int i = 0; written && i < 2000; ++i)
            written = db.exec(QStringLiteral("INSERT INTO filler VALUES (zeroblob(4000))"));
        QVERIFY(!written);
        QCOMPARE(written.error().kind, ErrorKind::Storage);
        QVERIFY2(written.error().message.startsWith(QStringLiteral("The disk is full, so the change was not recorded")),
                 qPrintable(written.error().message));
    }

    // A -wal or -shm left read-only by an earlier open of a read-only store keeps every write failing with SQLite's
    // "attempt to write a readonly database": the open refuses and names it. As nobody when run as root, who writes a
    // 0400 file.
    void readOnlyLogIsNamed_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("store") << QString();
        QTest::newRow("-wal") << QStringLiteral("-wal");
        QTest::newRow("-shm") << QStringLiteral("-shm");
    }
    void readOnlyLogIsNamed()
    {
        if (test::Unprivileged::asRoot()) {
            test::Unprivileged::runCurrentAsNobody();
            return;
        }
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        QVERIFY(Database::open(path).ok());
        const QString file = path + suffix;
        if (!suffix.isEmpty()) {
            QFile made(file);
            QVERIFY(made.open(QIODevice::WriteOnly));
        }
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner));
        const auto opened = Database::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Storage);
        QVERIFY2(opened.error().message.contains(file + QStringLiteral(" cannot be written")),
                 qPrintable(opened.error().message));
        QVERIFY2(!opened.error().message.contains(QStringLiteral("Restore the newest")),
                 qPrintable(opened.error().message));
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(Database::open(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestStoreOpenErrors)
#include "tst_storeopenerrors.moc"
