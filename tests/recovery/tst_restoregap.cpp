// Which operations a restore from a backup loses: read from the damaged store without writing to it, those that
// reached Square counted apart (sync's pull brings them back), the rest listed with receipt, time, masked member and
// points; a store that cannot be read at all says so and gives the backup's newest time.
#include "core/store/Database.h"
#include "core/store/RestoreGap.h"
#include "tests/recovery/DamagedStores.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using lt::Database;
using lt::LostOperation;
using lt::RestoreGap;
using lt::test::DamagedStores;
using lt::test::FileState;
using lt::test::TempStore;

namespace {
void copyStoreFiles(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QFile::remove(to + suffix);
        if (QFileInfo::exists(from + suffix))
            QVERIFY(QFile::copy(from + suffix, to + suffix));
    }
}

QStringList references(const lt::RestoreGapReport& report)
{
    QStringList found;
    for (const LostOperation& operation : report.toReenter)
        found << (operation.kind == LostOperation::Kind::Enrolment ? operation.member : operation.reference);
    return found;
}
} // namespace

class TestRestoreGap : public QObject
{
    Q_OBJECT

private:
    TempStore m_store;
    QString m_backup;
    QString m_after; // the store after the backup, closed: everything in the file
    QString m_crashed; // the same with its newest sales still in its log

private slots:
    void initTestCase()
    {
        LT_VERIFY_OK(m_store.open());
        for (int i = 0; i < 300; ++i) {
            auto member = m_store.enroll(u"415 555 %1"_s.arg(1000 + i));
            LT_VERIFY_OK(member);
            LT_VERIFY_OK(m_store.accrue(member->id, u"B-%1"_s.arg(i), 1500));
        }
        m_store.close();
        m_backup = m_store.filePath(u"backup.sqlite"_s);
        QVERIFY(QFile::copy(m_store.path(), m_backup));
        LT_VERIFY_OK(m_store.open());
        // After the backup: two sales Square has (sync sent them), one that never left, and a new member.
        LT_VERIFY_OK(m_store.accrue(3, u"SENT-1"_s, 2000));
        LT_VERIFY_OK(m_store.accrue(4, u"SENT-2"_s, 2000));
        LT_VERIFY_OK(m_store.accrue(5, u"LOCAL-1"_s, 4200));
        auto joined = m_store.enroll(u"415 555 9876"_s);
        LT_VERIFY_OK(joined);
        LT_VERIFY_OK(m_store.db().exec(
            u"UPDATE outbox SET state = 'sent' WHERE ledger_id IN (SELECT l.id FROM ledger l JOIN sales s ON "
            "s.id = l.sale_id WHERE s.reference LIKE 'SENT-%')"_s));
        m_store.close();
        m_after = m_store.filePath(u"after.sqlite"_s);
        QVERIFY(QFile::copy(m_store.path(), m_after));
        Database::Options tillOptions;
        tillOptions.checkpointsElsewhere = true;
        LT_VERIFY_OK(m_store.open(tillOptions));
        LT_VERIFY_OK(m_store.accrue(6, u"LOG-1"_s, 3300));
        m_crashed = m_store.filePath(u"crashed.sqlite"_s);
        copyStoreFiles(m_store.path(), m_crashed);
        m_store.close();
    }

    void listsWhatSquareDoesNotHave()
    {
        const QString path = m_store.filePath(u"damaged.sqlite"_s);
        copyStoreFiles(m_after, path);
        QVERIFY(DamagedStores::overwriteMiddleOfPage(path, DamagedStores::fullLeafPage(path, u"ledger"_s)));
        const FileState before = FileState::of(path);
        const auto report = RestoreGap::compare(path, m_backup);
        QVERIFY2(report.readable, qPrintable(report.problem));
        QCOMPARE(report.comeBackFromSquare, 2);
        QCOMPARE(report.toReenter.size(), 2);
        QCOMPARE(report.toReenter.at(0).reference, u"LOCAL-1"_s);
        QCOMPARE(report.toReenter.at(0).kind, LostOperation::Kind::Sale);
        QVERIFY(report.toReenter.at(0).points > 0);
        QVERIFY(report.toReenter.at(0).member.contains(u"1004"_s));
        QCOMPARE(report.toReenter.at(1).kind, LostOperation::Kind::Enrolment);
        QVERIFY(report.toReenter.at(1).member.contains(u"9876"_s));
        const QString text = report.text();
        QVERIFY2(text.contains(u"LOCAL-1"_s) && !text.contains(u"SENT-1"_s) && !text.contains(u"415 555 9876"_s),
                 qPrintable(text));
        QCOMPARE(FileState::of(path), before);
    }

    // The newest sales are in the log's committed frames, read from a copy.
    void readsTheLog()
    {
        const QString path = m_store.filePath(u"damaged.sqlite"_s);
        copyStoreFiles(m_crashed, path);
        const FileState before = FileState::of(path);
        const auto report = RestoreGap::compare(path, m_backup);
        QVERIFY2(report.readable, qPrintable(report.problem));
        QVERIFY2(references(report).contains(u"LOG-1"_s), qPrintable(report.text()));
        QCOMPARE(FileState::of(path), before);
        QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
    }

    void unreadableStoreGivesTheBackupsTime()
    {
        const QString path = m_store.filePath(u"damaged.sqlite"_s);
        copyStoreFiles(m_after, path);
        QVERIFY(DamagedStores::overwriteHeader(path, '\0'));
        const auto report = RestoreGap::compare(path, m_backup);
        QVERIFY(!report.readable);
        QVERIFY(report.backupNewestUtc.isValid());
        QVERIFY2(report.text().contains(u"could not be read"_s), qPrintable(report.text()));
    }

    void writtenForItsOwnerAlone()
    {
        const auto report = RestoreGap::compare(m_after, m_backup);
        const QString file = m_store.filePath(u"to-re-enter.txt"_s);
        QVERIFY(report.writeTo(file));
        QCOMPARE(QFile(file).permissions()
                     & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
                 QFile::Permissions());
        QFile read(file);
        QVERIFY(read.open(QIODevice::ReadOnly));
        QVERIFY(read.readAll().contains("LOCAL-1"));
    }
};

QTEST_GUILESS_MAIN(TestRestoreGap)
#include "tst_restoregap.moc"
