#include "core/services/TillCheckup.h"
#include "core/settings/SystemConfig.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreHealth.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using lt::CheckResult;
using lt::TillCheckup;
using Status = lt::CheckResult::Status;

Q_DECLARE_METATYPE(lt::CheckResult::Status)

namespace {
constexpr qint64 MiB = qint64(1) << 20;
constexpr qint64 GiB = qint64(1) << 30;

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QByteArray describe(const CheckResult& result)
{
    return (CheckResult::statusName(result.status) + u": "_s + result.found + u" | fix: "_s + result.fix + u" | "_s
            + result.details.join(u"; "_s))
        .toUtf8();
}
} // namespace

// The core check-up's verdicts (disk, backups, clock, configuration, scanner) at their thresholds, and its checks on
// a real store file.
class TestTillCheckup : public QObject
{
    Q_OBJECT

private slots:
    void diskThresholds_data()
    {
        QTest::addColumn<qint64>("available");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<Status>("expected");
        QTest::newRow("plenty") << 50 * GiB << 100 * GiB << Status::Ok;
        QTest::newRow("exactly 10 % and over 1 GiB") << 10 * GiB << 100 * GiB << Status::Ok;
        QTest::newRow("just under 10 %") << 10 * GiB - 1 << 100 * GiB << Status::Warning;
        QTest::newRow("under 1 GiB on a small disk") << 1 * GiB - 1 << 4 * GiB << Status::Warning;
        QTest::newRow("exactly 1 GiB of 4") << 1 * GiB << 4 * GiB << Status::Ok;
        QTest::newRow("exactly 200 MiB") << 200 * MiB << 1 * GiB << Status::Warning;
        QTest::newRow("just under 200 MiB") << 200 * MiB - 1 << 100 * GiB << Status::Failed;
        QTest::newRow("nothing left") << qint64(0) << 100 * GiB << Status::Failed;
        QTest::newRow("total unknown") << 2 * GiB << qint64(0) << Status::Ok;
    }

    void diskThresholds()
    {
        QFETCH(qint64, available);
        QFETCH(qint64, total);
        QFETCH(Status, expected);
        QCOMPARE(TillCheckup::diskVerdict(available, total), expected);
        const CheckResult result = TillCheckup::judgeDiskSpace(u"disk.store"_s, u"Disk"_s, u"/srv"_s, available, total);
        QCOMPARE(result.status, expected);
        QVERIFY2(result.found.contains(u"/srv"_s), describe(result).constData());
        QCOMPARE(result.fix.isEmpty(), expected == Status::Ok);
    }

    void backupAges_data()
    {
        QTest::addColumn<QDateTime>("newest"); // invalid: none verifies
        QTest::addColumn<int>("daily");
        QTest::addColumn<int>("other");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<Status>("expected");
        // Now is 2024-03-01 12:00 UTC; backup.time 02:30 UTC.
        QTest::newRow("none at all") << QDateTime() << 0 << 0 << QString() << Status::Failed;
        QTest::newRow("only one before an upgrade") << QDateTime() << 0 << 1 << QString() << Status::Failed;
        QTest::newRow("the daily ones do not verify") << QDateTime() << 2 << 0 << u"not a store"_s << Status::Failed;
        QTest::newRow("this morning's") << utc("2024-03-01T02:35:00Z") << 3 << 0 << QString() << Status::Ok;
        QTest::newRow("yesterday's, a till checks within the hour")
            << utc("2024-02-29T11:00:00Z") << 3 << 0 << QString() << Status::Ok;
        QTest::newRow("due and 26 hours old") << utc("2024-02-29T09:59:00Z") << 3 << 0 << QString() << Status::Warning;
        QTest::newRow("due and a week old") << utc("2024-02-23T11:00:00Z") << 3 << 0 << QString() << Status::Failed;
        QTest::newRow("a newer one does not verify")
            << utc("2024-03-01T02:35:00Z") << 3 << 0 << u"damaged"_s << Status::Warning;
    }

    void backupAges()
    {
        QFETCH(QDateTime, newest);
        QFETCH(int, daily);
        QFETCH(int, other);
        QFETCH(QString, problem);
        QFETCH(Status, expected);
        TillCheckup::BackupFacts facts;
        facts.folder = u"/var/backups/till"_s;
        if (newest.isValid())
            facts.newestGoodDaily = newest;
        facts.dailyCount = daily;
        facts.otherCount = other;
        facts.newestDailyProblem = problem;
        const CheckResult result =
            TillCheckup::judgeBackups(facts, utc("2024-03-01T12:00:00Z"), QTime(2, 30), QTimeZone::utc());
        QVERIFY2(result.status == expected, describe(result).constData());
        QCOMPARE(result.id, u"backups"_s);
        QVERIFY2(result.found.contains(facts.folder), describe(result).constData());
        if (expected == Status::Failed)
            QVERIFY2(result.fix.contains(u"loyaltytill-admin backup"_s), describe(result).constData());
    }

    void clock_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("newestEntry");
        QTest::addColumn<Status>("expected");
        QTest::newRow("sane, empty ledger") << utc("2024-06-01T12:00:00Z") << QDateTime() << Status::Ok;
        QTest::newRow("after the newest entry")
            << utc("2024-06-01T12:00:00Z") << utc("2024-06-01T11:00:00Z") << Status::Ok;
        QTest::newRow("a few minutes behind another till")
            << utc("2024-06-01T12:00:00Z") << utc("2024-06-01T12:05:00Z") << Status::Ok;
        QTest::newRow("an hour before the newest entry")
            << utc("2024-06-01T12:00:00Z") << utc("2024-06-01T13:00:00Z") << Status::Failed;
        QTest::newRow("before the build") << utc("2023-12-01T12:00:00Z") << QDateTime() << Status::Failed;
        QTest::newRow("years ahead") << utc("2031-01-01T12:00:00Z") << QDateTime() << Status::Warning;
    }

    void clock()
    {
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, newestEntry);
        QFETCH(Status, expected);
        const std::optional<QDateTime> newest = newestEntry.isValid() ? std::optional(newestEntry) : std::nullopt;
        const CheckResult result = TillCheckup::judgeClock(now, newest, QDate(2024, 1, 15));
        QVERIFY2(result.status == expected, describe(result).constData());
        if (expected == Status::Failed)
            QVERIFY2(result.fix.contains(u"timedatectl"_s), describe(result).constData());
    }

    void buildDateIsKnown()
    {
        QVERIFY(TillCheckup::buildDate().isValid());
        QVERIFY(TillCheckup::buildDate() <= QDate::currentDate().addDays(1));
    }

    // Each problem of IT's files is reported with its file and line.
    void configurationProblems()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"conf.d"_s));
        QFile file(dir.filePath(u"conf.d/10-till.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("till.name = Front\nbackup.keep = lots\n");
        file.close();
        const CheckResult broken = TillCheckup::judgeConfiguration(lt::SystemConfig::load(dir.path(), ::geteuid()));
        QCOMPARE(broken.status, Status::Failed);
        QCOMPARE(broken.details.size(), 1);
        QVERIFY2(broken.details.first().startsWith(file.fileName() + u":2: "_s), describe(broken).constData());

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("till.name = Front\n");
        file.close();
        const CheckResult fine = TillCheckup::judgeConfiguration(lt::SystemConfig::load(dir.path(), ::geteuid()));
        QVERIFY2(fine.status == Status::Ok, describe(fine).constData());
    }

    void scannerPort()
    {
        QCOMPARE(TillCheckup::judgeScannerPort(QString()).status, Status::Ok);
        const CheckResult missing = TillCheckup::judgeScannerPort(u"/dev/ttyLOYALTYTILL-NONE"_s);
        QCOMPARE(missing.status, Status::Failed);
        QVERIFY(missing.found.contains(u"/dev/ttyLOYALTYTILL-NONE"_s));
        QTemporaryDir dir;
        const QString device = dir.filePath(u"ttyFAKE"_s);
        QFile file(device);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY2(TillCheckup::judgeScannerPort(device).status == Status::Ok,
                 describe(TillCheckup::judgeScannerPort(device)).constData());
        if (::geteuid() == 0)
            return; // root may open any file: the dialout case needs an ordinary user
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner));
        const CheckResult denied = TillCheckup::judgeScannerPort(device);
        QCOMPARE(denied.status, Status::Failed);
        QVERIFY(denied.fix.contains(u"dialout"_s));
    }

    // The checks on a real store: missing, healthy, damaged; and its backups as StoreBackups writes them.
    void onARealStore()
    {
        lt::test::TempStore store;
        const TillCheckup before(store.path(), store.clock());
        const CheckResult missing = before.database();
        QCOMPARE(missing.status, Status::Failed);
        QVERIFY(missing.fix.contains(u"setup"_s));
        QCOMPARE(before.backups().status, Status::Failed);

        LT_VERIFY_OK(store.open());
        store.clock().set(QDateTime::currentDateTimeUtc()); // after the build, as a till's clock is
        auto member = store.enroll(u"+14155552671"_s);
        LT_VERIFY_OK(member);
        LT_VERIFY_OK(store.accrue(member->id, u"R-1"_s, 4250));
        auto newest = lt::StoreHealth(store.db()).newestLedgerEntryAt();
        LT_VERIFY_OK(newest);
        QVERIFY(newest->has_value());
        QVERIFY(**newest <= store.clock().nowUtc() && **newest > store.clock().nowUtc().addSecs(-60));
        auto access = lt::StoreHealth(store.db()).writeAccess();
        LT_VERIFY_OK(access);
        QCOMPARE(*access, lt::StoreHealth::WriteAccess::Writable);

        const TillCheckup checkup(store.path(), store.clock());
        const CheckResult healthy = checkup.database();
        QVERIFY2(healthy.status == Status::Ok, describe(healthy).constData());
        QCOMPARE(checkup.clock().status, Status::Ok);
        LT_VERIFY_OK(lt::StoreBackups(store.db(), lt::BackupSettings::forStore(store.path()), store.clock()).backUp());
        const CheckResult backedUp = checkup.backups();
        QVERIFY2(backedUp.status == Status::Ok, describe(backedUp).constData());
        QCOMPARE(checkup.runAll().size(), 7);

        // A till whose clock reads a day earlier than the store's newest entry is wrong.
        lt::test::FixedClock behind(store.clock().nowUtc().addDays(-1));
        QCOMPARE(TillCheckup(store.path(), behind).clock().status, Status::Failed);

        store.close();
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4096));
        QVERIFY(file.write(QByteArray(4096, '\x5a')) == 4096);
        file.close();
        const CheckResult damaged = checkup.database();
        QVERIFY2(damaged.status == Status::Failed, describe(damaged).constData());
        QVERIFY2(damaged.fix.contains(u"restore"_s), describe(damaged).constData());
    }
};

QTEST_GUILESS_MAIN(TestTillCheckup)
#include "tst_tillcheckup.moc"
