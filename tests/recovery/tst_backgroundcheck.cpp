// The till opens fast and checks its store in the background: damage found there stops the till's writes (nothing
// more reaches the damaged file) and leaves the note that makes the next start offer the backup; a whole store lets
// what writes on its own (checkpointer, automations) start.
#include "core/store/BackgroundStoreCheck.h"
#include "core/store/Database.h"
#include "tests/recovery/DamagedStores.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace lt;
using lt::test::DamagedStores;
using lt::test::FileState;
using lt::test::TempStore;

namespace {
Database::Options tillOptions() // as app/till/main.cpp opens the store
{
    Database::Options options;
    options.quickCheck = false;
    options.checkpointsElsewhere = true;
    return options;
}
} // namespace

class TestBackgroundCheck : public QObject
{
    Q_OBJECT

private:
    TempStore m_store;

private slots:
    void initTestCase()
    {
        LT_VERIFY_OK(m_store.open());
        for (int i = 0; i < 600; ++i) {
            auto member =
                m_store.enroll(QStringLiteral("415 555 %1").arg(1000 + i), QStringLiteral("Member %1").arg(i));
            LT_VERIFY_OK(member);
            LT_VERIFY_OK(m_store.accrue(member->id, QStringLiteral("R-%1").arg(i), 1000 + i));
        }
        m_store.close();
    }

    void wholeStorePasses()
    {
        LT_VERIFY_OK(m_store.open(tillOptions()));
        BackgroundStoreCheck check(m_store.path());
        QSignalSpy passed(&check, &BackgroundStoreCheck::passed);
        QSignalSpy damaged(&check, &BackgroundStoreCheck::damaged);
        check.start();
        QVERIFY(passed.wait(30000));
        QCOMPARE(damaged.count(), 0);
        LT_VERIFY_OK(m_store.accrue(1, QStringLiteral("S-whole"), 500));
        m_store.close();
    }

    // A page damaged in the middle: the fast open takes it, the check finds it, and from then on the till's
    // connection writes nothing, not even the log into the file when it closes.
    void damageStopsWrites()
    {
        const QString path = m_store.path();
        QVERIFY(
            DamagedStores::overwriteMiddleOfPage(path, DamagedStores::fullLeafPage(path, QStringLiteral("members"))));
        LT_VERIFY_OK(m_store.open(tillOptions()));
        BackgroundStoreCheck check(path);
        QSignalSpy passed(&check, &BackgroundStoreCheck::passed);
        QSignalSpy damaged(&check, &BackgroundStoreCheck::damaged);
        check.start();
        QVERIFY(damaged.wait(30000));
        QCOMPARE(passed.count(), 0);
        QVERIFY(QFileInfo::exists(Database::damageMarker(path))); // the next start refuses the store, offers the backup
        const QString message = damaged.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("Restore the newest verified backup")), qPrintable(message));

        LT_VERIFY_OK(BackgroundStoreCheck::refuseWrites(m_store.db()));
        const FileState before = FileState::of(path);
        const qint64 members = m_store.number("SELECT COUNT(*) FROM members");
        QVERIFY(!m_store.enroll(QStringLiteral("415 555 9999"), QStringLiteral("After the damage")));
        QVERIFY(!m_store.accrue(2, QStringLiteral("S-damaged"), 500));
        QCOMPARE(m_store.number("SELECT COUNT(*) FROM members"), members);
        m_store.close();
        QVERIFY2(FileState::of(path) == before,
                 qPrintable(FileState::of(path).describe() + QStringLiteral(" / ") + before.describe()));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundCheck)
#include "tst_backgroundcheck.moc"
