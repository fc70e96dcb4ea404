// The store's bulk and hot paths write through SQLite's own API (SqliteConnection), not Qt SQL. A full or failing
// disk under them is reported as such, never as the statement that met it ("COMMIT: disk I/O error").
#include "core/store/SqliteConnection.h"
#include "tests/faults/FaultWalk.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using namespace lt;
using namespace lt::test;

class TestRawStatementFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(FaultyVfs::install());
        FaultyVfs::skipRealSyncs(true);
    }

    void commitOnAFailingDiskSaysSo_data()
    {
        QTest::addColumn<int>("call");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("disk full") << int(FaultCall::Write) << int(FaultCode::DiskFull)
                                   << QStringLiteral("disk is full");
        QTest::newRow("write error") << int(FaultCall::Write) << int(FaultCode::WriteError)
                                     << QStringLiteral("Check the disk");
        QTest::newRow("fsync error") << int(FaultCall::Sync) << int(FaultCode::SyncError)
                                     << QStringLiteral("Check the disk");
    }

    void commitOnAFailingDiskSaysSo()
    {
        QFETCH(int, call);
        QFETCH(int, code);
        QFETCH(QString, says);
        TempStore store;
        LT_VERIFY_OK(store.open());
        auto connection = SqliteConnection::from(store.db());
        LT_VERIFY_OK(connection);
        Result<void> committed;
        {
            const ArmedFault fault(FaultCall(call), 1, true, FaultCode(code));
            LT_VERIFY_OK(connection->exec("BEGIN IMMEDIATE"));
            LT_VERIFY_OK(connection->exec("INSERT INTO settings VALUES ('fault.test', 'written')"));
            committed = connection->exec("COMMIT");
            if (!committed)
                (void)connection->exec("ROLLBACK");
        }
        LT_VERIFY_ERROR(committed, ErrorKind::Storage);
        qInfo().noquote() << committed.error().message;
        QVERIFY2(unclearMessage(committed.error()).isEmpty(), qPrintable(unclearMessage(committed.error())));
        QVERIFY2(!committed.error().message.contains(QLatin1String("COMMIT")), qPrintable(committed.error().message));
        QVERIFY2(committed.error().message.contains(says), qPrintable(committed.error().message));
        QCOMPARE(store.number("SELECT count(*) FROM settings WHERE key = 'fault.test'"), qint64(0));
        LT_VERIFY_OK(connection->exec("INSERT INTO settings VALUES ('fault.test', 'written')"));
        QCOMPARE(store.number("SELECT count(*) FROM settings WHERE key = 'fault.test'"), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestRawStatementFaults)
#include "tst_rawstatementfaults.moc"
