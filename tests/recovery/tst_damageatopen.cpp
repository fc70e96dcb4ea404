// A damaged store met at open: bytes overwritten inside a page of a table or an index, a write-ahead log cut short
// mid-frame or at a frame boundary, a zeroed or garbage header. Each is refused by the admin tool's open and by the
// till's (at open, or by its check in the background), with a message that says what to do, and the damaged files
// are never written: their bytes and modification times are the same afterwards.
#include "core/store/Database.h"
#include "core/store/StoreFileCheck.h"
#include "tests/recovery/DamagedStores.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using lt::Database;
using lt::ErrorKind;
using lt::test::DamagedStores;
using lt::test::FileState;
using lt::test::TempStore;

namespace {
enum class Damage { MembersPage, LedgerPage, IndexPage, WalMidFrame, WalFrameBoundary, ZeroedHeader, GarbageHeader };

// Whether the till's fast open already sees it (the file's shape), or only its full check in the background.
bool seenAtTillOpen(Damage damage)
{
    return damage != Damage::MembersPage && damage != Damage::LedgerPage && damage != Damage::IndexPage;
}

bool inWal(Damage damage)
{
    return damage == Damage::WalMidFrame || damage == Damage::WalFrameBoundary;
}

Database::Options tillOptions()
{
    Database::Options options;
    options.quickCheck = false;
    options.checkpointsElsewhere = true;
    return options;
}

Database::Options backgroundCheckOptions()
{
    Database::Options options;
    options.create = false;
    options.migrate = false;
    return options;
}

void copyStoreFiles(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QFile::remove(to + suffix);
        if (QFileInfo::exists(from + suffix))
            QVERIFY(QFile::copy(from + suffix, to + suffix));
    }
}
} // namespace

class TestDamageAtOpen : public QObject
{
    Q_OBJECT

private:
    TempStore m_source;
    QString m_closed; // a whole store, closed: everything in the file
    QString m_crashed; // the same after a till stopped with committed sales still in its log

    QString damaged(Damage damage)
    {
        const QString path = m_source.filePath(u"damaged.sqlite"_s);
        QFile::remove(Database::damageMarker(path)); // left by the previous case's refusal
        copyStoreFiles(inWal(damage) ? m_crashed : m_closed, path);
        switch (damage) {
        case Damage::MembersPage:
            return DamagedStores::overwriteMiddleOfPage(path, DamagedStores::fullLeafPage(path, u"members"_s))
                ? path
                : QString();
        case Damage::LedgerPage:
            return DamagedStores::overwriteMiddleOfPage(path, DamagedStores::fullLeafPage(path, u"ledger"_s))
                ? path
                : QString();
        case Damage::IndexPage:
            return DamagedStores::overwriteMiddleOfPage(path, DamagedStores::fullLeafPage(path, u"ledger_member"_s))
                ? path
                : QString();
        case Damage::WalMidFrame:
        case Damage::WalFrameBoundary: {
            const qint64 frame = 24 + DamagedStores::pageSize(path);
            const qint64 frames = DamagedStores::walFrames(path);
            const qint64 kept = 32 + frames / 2 * frame + (damage == Damage::WalMidFrame ? frame / 2 : 0);
            return frames > 4 && DamagedStores::truncateWal(path, kept) ? path : QString();
        }
        case Damage::ZeroedHeader:
            return DamagedStores::overwriteHeader(path, '\0') ? path : QString();
        case Damage::GarbageHeader:
            return DamagedStores::overwriteHeader(path, 'Z') ? path : QString();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        LT_VERIFY_OK(m_source.open());
        for (int i = 0; i < 600; ++i) {
            auto member = m_source.enroll(u"415 555 %1"_s.arg(1000 + i), u"Member %1"_s.arg(i));
            LT_VERIFY_OK(member);
            LT_VERIFY_OK(m_source.accrue(member->id, u"R-%1"_s.arg(i), 1000 + i));
        }
        m_source.close();
        m_closed = m_source.filePath(u"closed.sqlite"_s);
        QVERIFY(QFile::copy(m_source.path(), m_closed));
        // Sales committed to the log only: the store's checkpoints are left to a checkpointer that is not running.
        LT_VERIFY_OK(m_source.open(tillOptions()));
        for (int i = 0; i < 40; ++i)
            LT_VERIFY_OK(m_source.accrue(1 + i, u"W-%1"_s.arg(i), 2000 + i));
        m_crashed = m_source.filePath(u"crashed.sqlite"_s);
        copyStoreFiles(m_source.path(), m_crashed);
        m_source.close();
        QVERIFY(DamagedStores::walFrames(m_crashed) > 40);
    }

    void refused_data()
    {
        QTest::addColumn<Damage>("damage");
        QTest::newRow("members page") << Damage::MembersPage;
        QTest::newRow("ledger page") << Damage::LedgerPage;
        QTest::newRow("index page") << Damage::IndexPage;
        QTest::newRow("log cut mid-frame") << Damage::WalMidFrame;
        QTest::newRow("log cut at a frame") << Damage::WalFrameBoundary;
        QTest::newRow("zeroed header") << Damage::ZeroedHeader;
        QTest::newRow("garbage header") << Damage::GarbageHeader;
    }

    // The admin tool's open: the full quick_check, and the file's shape before it.
    void refused()
    {
        QFETCH(Damage, damage);
        const QString path = damaged(damage);
        QVERIFY(!path.isEmpty());
        const FileState before = FileState::of(path);
        QThread::msleep(20); // a write would show in the modification time
        {
            auto db = Database::open(path);
            QVERIFY(!db);
            QCOMPARE(db.error().kind, ErrorKind::Corrupt);
            QVERIFY2(db.error().message.contains(u"backup"_s), qPrintable(db.error().message));
        }
        const FileState after = FileState::of(path);
        QVERIFY2(after == before, qPrintable(before.describe() + u" / "_s + after.describe()));
    }

    void refusedByTill_data() { refused_data(); }

    // The till's open reads the file's shape only; its check in the background finds the rest.
    void refusedByTill()
    {
        QFETCH(Damage, damage);
        const QString path = damaged(damage);
        QVERIFY(!path.isEmpty());
        const FileState before = FileState::of(path);
        QThread::msleep(20);
        {
            auto till = Database::open(path, tillOptions());
            if (seenAtTillOpen(damage)) {
                QVERIFY(!till);
                QCOMPARE(till.error().kind, ErrorKind::Corrupt);
                QVERIFY2(till.error().message.contains(u"backup"_s), qPrintable(till.error().message));
            } else {
                LT_VERIFY_OK(till);
                auto check = Database::open(path, backgroundCheckOptions());
                QVERIFY(!check);
                QCOMPARE(check.error().kind, ErrorKind::Corrupt);
                QVERIFY2(check.error().message.contains(u"backup"_s), qPrintable(check.error().message));
                // The next start of the till checks the file at open, refuses it and so offers the backup.
                QVERIFY(QFileInfo::exists(Database::damageMarker(path)));
                till->reset();
                auto again = Database::open(path, tillOptions());
                QVERIFY(!again);
                QCOMPARE(again.error().kind, ErrorKind::Corrupt);
            }
        }
        const FileState after = FileState::of(path);
        QVERIFY2(after == before, qPrintable(before.describe() + u" / "_s + after.describe()));
    }

    // What a power cut leaves is not damage: a frame half written after the last commit the log's index counts, or
    // a log cut anywhere when the index is gone (a cut log then looks the same: see the README).
    void tornTailIsNotDamage()
    {
        const QString path = m_source.filePath(u"torn.sqlite"_s);
        copyStoreFiles(m_crashed, path);
        const qint64 frame = 24 + DamagedStores::pageSize(path);
        const qint64 end = 32 + DamagedStores::walFrames(path) * frame;
        QVERIFY(DamagedStores::writeBytes(path + u"-wal"_s, end, QByteArray(int(frame / 2), 'x')));
        {
            auto db = Database::open(path);
            LT_VERIFY_OK(db);
            QCOMPARE((*db)->scalar(u"SELECT count(*) FROM sales"_s)->toInt(), 640);
        }
        copyStoreFiles(m_crashed, path);
        QVERIFY(QFile::remove(path + u"-shm"_s));
        QVERIFY(DamagedStores::truncateWal(path, end - frame / 2));
        auto db = Database::open(path);
        LT_VERIFY_OK(db);
    }

    // The undamaged copies open, so that it is the damage that is refused.
    void wholeStoresOpen()
    {
        for (const QString& whole : {m_closed, m_crashed}) {
            const QString path = m_source.filePath(u"whole.sqlite"_s);
            copyStoreFiles(whole, path);
            auto db = Database::open(path);
            LT_VERIFY_OK(db);
            QCOMPARE((*db)->scalar(u"SELECT count(*) FROM sales"_s)->toInt(), whole == m_closed ? 600 : 640);
        }
    }
};

QTEST_GUILESS_MAIN(TestDamageAtOpen)
#include "tst_damageatopen.moc"
