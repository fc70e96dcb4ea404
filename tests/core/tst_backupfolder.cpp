#include "core/store/BackupFolder.h"
#include "core/store/BackupSchedule.h"
#include "tests/support/ResultChecks.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lt::BackupFile;
using lt::BackupFolder;
using lt::BackupSchedule;

namespace {
QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

bool touch(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
}
} // namespace

// When the daily backup is due, and which files of the backup folder are backups, listed and pruned.
class TestBackupFolder : public QObject
{
    Q_OBJECT

private slots:
    void lastBoundary_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("boundary");
        QTest::newRow("after today's time") << u"UTC"_s << utc("2024-03-01T12:00:00Z") << utc("2024-03-01T02:30:00Z");
        QTest::newRow("before today's time: yesterday's")
            << u"UTC"_s << utc("2024-03-01T01:00:00Z") << utc("2024-02-29T02:30:00Z");
        QTest::newRow("exactly at the time") << u"UTC"_s << utc("2024-03-01T02:30:00Z") << utc("2024-03-01T02:30:00Z");
        // 02:30 in Berlin is 01:30 UTC in winter.
        QTest::newRow("local time, not UTC")
            << u"Europe/Berlin"_s << utc("2024-01-10T01:45:00Z") << utc("2024-01-10T01:30:00Z");
        QTest::newRow("local day differs from the UTC day")
            << u"America/New_York"_s << utc("2024-01-10T03:00:00Z") << utc("2024-01-09T07:30:00Z");
    }

    void lastBoundary()
    {
        QFETCH(QString, zone);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, boundary);
        const BackupSchedule schedule(QTime(2, 30), QTimeZone(zone.toLatin1()));
        QCOMPARE(schedule.lastBoundary(now), boundary);
    }

    // On the night clocks go forward, 02:30 does not exist in Berlin: the backup is still due once that day.
    void skippedTimeStillComesOnce()
    {
        const BackupSchedule schedule(QTime(2, 30), QTimeZone("Europe/Berlin"));
        const QDateTime boundary = schedule.lastBoundary(utc("2024-03-31T10:00:00Z"));
        QCOMPARE(boundary.toTimeZone(QTimeZone("Europe/Berlin")).date(), QDate(2024, 3, 31));
        QVERIFY(boundary <= utc("2024-03-31T10:00:00Z"));
        QVERIFY(boundary > utc("2024-03-30T10:00:00Z"));
    }

    void isDue()
    {
        const BackupSchedule schedule(QTime(2, 30), QTimeZone::utc());
        const QDateTime now = utc("2024-03-01T12:00:00Z");
        QVERIFY(schedule.isDue(now, std::nullopt));
        QVERIFY(schedule.isDue(now, utc("2024-03-01T02:29:59Z")));
        QVERIFY(!schedule.isDue(now, utc("2024-03-01T02:30:00Z")));
        QVERIFY(!schedule.isDue(now, utc("2024-03-01T11:00:00Z")));
        // A till that was off for days backs up at once when it starts.
        QVERIFY(schedule.isDue(now, utc("2024-02-25T03:00:00Z")));
    }

    void namesAreParsed()
    {
        const auto daily = BackupFolder::parse(u"/b/loyaltytill-20240301-023000.sqlite"_s);
        QVERIFY(daily);
        QCOMPARE(daily->kind, BackupFile::Kind::Daily);
        QCOMPARE(daily->takenUtc, utc("2024-03-01T02:30:00Z"));
        const auto schema = BackupFolder::parse(u"/b/loyaltytill-20240301-023000-before-schema-8-3.sqlite"_s);
        QVERIFY(schema);
        QCOMPARE(schema->kind, BackupFile::Kind::BeforeSchema);
        QCOMPARE(schema->schema, 8);
        QCOMPARE(schema->sequence, 3);
        const auto restore = BackupFolder::parse(u"/b/loyaltytill-20240301-023000-before-restore.sqlite"_s);
        QVERIFY(restore);
        QCOMPARE(restore->kind, BackupFile::Kind::BeforeRestore);
        for (const QString& other :
             {u"/b/loyaltytill.sqlite"_s, u"/b/loyaltytill-20240301-023000.sqlite.partial-12"_s,
              u"/b/loyaltytill-20240301-023000.sqlite-wal"_s, u"/b/loyaltytill-2024-03-01.sqlite"_s,
              u"/b/mine-20240301-023000.sqlite"_s, u"/b/loyaltytill-20241301-023000.sqlite"_s,
              u"/b/loyaltytill-20240301-023000-before-lunch.sqlite"_s})
            QVERIFY2(!BackupFolder::parse(other), qPrintable(other));
    }

    void newNamesNeverCollide()
    {
        QTemporaryDir dir;
        const BackupFolder folder(dir.path());
        const QDateTime at = utc("2024-03-01T02:30:00Z");
        const QString first = folder.newPath(at);
        QCOMPARE(QFileInfo(first).fileName(), u"loyaltytill-20240301-023000.sqlite"_s);
        QVERIFY(touch(first));
        const QString second = folder.newPath(at);
        QCOMPARE(QFileInfo(second).fileName(), u"loyaltytill-20240301-023000-2.sqlite"_s);
        QVERIFY(touch(second));
        QCOMPARE(QFileInfo(folder.newPath(at, u"before-schema-8"_s)).fileName(),
                 u"loyaltytill-20240301-023000-before-schema-8.sqlite"_s);
        // The later of two in the same second is listed first.
        const QList<BackupFile> listed = folder.list();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).path, QFileInfo(second).absoluteFilePath());
        // A name pruning freed is not taken again in that second: the newest would then sort as the oldest.
        QVERIFY(QFile::remove(first));
        const QString third = folder.newPath(at);
        QCOMPARE(QFileInfo(third).fileName(), u"loyaltytill-20240301-023000-3.sqlite"_s);
        QVERIFY(touch(third));
        QCOMPARE(folder.list().first().path, QFileInfo(third).absoluteFilePath());
    }

    // Only daily backups beyond the newest `keep` are deleted; nothing else in the folder is touched.
    void pruneKeepsTheNewestDailyOnes()
    {
        QTemporaryDir dir;
        const BackupFolder folder(dir.path());
        const QDateTime start = utc("2024-03-01T02:30:00Z");
        for (int day = 0; day < 5; ++day)
            QVERIFY(touch(folder.newPath(start.addDays(day))));
        const QString beforeSchema = folder.newPath(start.addDays(-10), u"before-schema-8"_s);
        const QString beforeRestore = folder.newPath(start.addDays(-9), u"before-restore"_s);
        const QStringList others = {dir.filePath(u"notes.txt"_s), dir.filePath(u"loyaltytill-old.sqlite"_s),
                                    dir.filePath(u"loyaltytill-20200101-000000.sqlite.partial-7"_s)};
        for (const QString& path : QStringList {beforeSchema, beforeRestore} + others)
            QVERIFY(touch(path));

        const auto pruned = folder.prune(2);
        LT_VERIFY_OK(pruned);
        QCOMPARE(pruned->size(), 3);
        const QList<BackupFile> left = folder.list();
        QCOMPARE(left.size(), 4);
        QCOMPARE(left.at(0).takenUtc, start.addDays(4));
        QCOMPARE(left.at(1).takenUtc, start.addDays(3));
        for (const QString& path : QStringList {beforeSchema, beforeRestore} + others)
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    }

    // Two stores backing up into one shared folder (backup.folder set for the machine): each lists, prunes and would
    // restore only its own backups.
    void storesSharingAFolderKeepTheirBackupsApart()
    {
        QTemporaryDir dir;
        const BackupFolder shop(dir.path(), BackupFolder::stemFor(u"/srv/a/shop.sqlite"_s));
        const BackupFolder cafe(dir.path(), BackupFolder::stemFor(u"/srv/b/cafe.sqlite"_s));
        QCOMPARE(BackupFolder::forStore(u"/srv/a/shop.sqlite"_s).storeStem(), u"shop"_s);
        QCOMPARE(BackupFolder::stemFor(u"/srv/c/caf\u00e9 2.sqlite"_s), u"caf__2"_s);
        QCOMPARE(BackupFolder::stemFor(u"/srv/d/.sqlite"_s), u"loyaltytill"_s);
        const QDateTime start = utc("2024-03-01T02:30:00Z");
        for (int day = 0; day < 3; ++day) {
            QVERIFY(touch(shop.newPath(start.addDays(day))));
            QVERIFY(touch(cafe.newPath(start.addDays(day).addSecs(60))));
        }
        QCOMPARE(QFileInfo(shop.list().first().path).fileName(), u"shop-20240303-023000.sqlite"_s);
        QCOMPARE(cafe.list().size(), 3);
        LT_VERIFY_OK(shop.prune(1));
        QCOMPARE(shop.list().size(), 1);
        QCOMPARE(cafe.list().size(), 3);
        QVERIFY(!BackupFolder::parse(dir.filePath(u"cafe-20240301-023100.sqlite"_s), u"shop"_s));
        QVERIFY(BackupFolder::parse(dir.filePath(u"cafe-20240301-023100.sqlite"_s), u"cafe"_s));
    }

    // Before backups were named after the store's file every store's were loyaltytill-…: a store of another name
    // still finds (and prunes) those in its own backups folder, never in a shared one.
    void ownFolderStillListsOldNames()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"till.sqlite"_s);
        const BackupFolder own = BackupFolder::forStore(store);
        QCOMPARE(own.path(), dir.filePath(u"backups"_s));
        const QDateTime start = utc("2024-03-01T02:30:00Z");
        QVERIFY(QDir().mkpath(own.path()));
        QVERIFY(touch(BackupFolder(own.path()).newPath(start)));
        QVERIFY(touch(own.newPath(start.addDays(1))));
        QCOMPARE(own.list().size(), 2);
        QCOMPARE(QFileInfo(own.list().last().path).fileName(), u"loyaltytill-20240301-023000.sqlite"_s);
        QCOMPARE(BackupFolder(own.path(), u"till"_s).list().size(), 1); // a shared folder: its own names only
        LT_VERIFY_OK(own.prune(1));
        QCOMPARE(own.list().size(), 1);
        QCOMPARE(QFileInfo(own.list().first().path).fileName(), u"till-20240302-023000.sqlite"_s);
    }

    void prepareCreatesAPrivateFolder()
    {
        QTemporaryDir dir;
        const BackupFolder folder(dir.filePath(u"a/backups"_s));
        LT_VERIFY_OK(folder.prepare());
        QCOMPARE(QFileInfo(folder.path()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther),
                 QFile::Permissions());
        QVERIFY(touch(dir.filePath(u"file"_s)));
        LT_VERIFY_ERROR(BackupFolder(dir.filePath(u"file"_s)).prepare(), lt::ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(BackupFolder(dir.filePath(u"file/backups"_s)).prepare(), lt::ErrorKind::Storage);
    }
};

QTEST_GUILESS_MAIN(TestBackupFolder)
#include "tst_backupfolder.moc"
