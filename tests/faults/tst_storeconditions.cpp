// The store as the machine may leave it: locked by another process for longer than the busy timeout, a read-only
// file or folder, and a disk that fails a read while the till starts.
#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "tests/faults/FaultWalk.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/Unprivileged.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <sqlite3.h>

using namespace lt;
using namespace lt::test;

namespace {

Result<void> sale(TempStore& store, const QString& reference)
{
    auto change = store.accrue(store.number("SELECT min(id) FROM members"), reference, 12345);
    if (!change)
        return change.error();
    return {};
}

// Another process holding the store's write lock: the sqlite3 shell in BEGIN EXCLUSIVE, or, where the shell is not
// installed, a second connection of this process (the lock is the same file lock either way).
class WriteLockHolder
{
public:
    explicit WriteLockHolder(const QString& path)
    {
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (!shell.isEmpty()) {
            m_shell.start(shell, {path});
            if (m_shell.waitForStarted(5000)) {
                m_shell.write("BEGIN EXCLUSIVE;\nINSERT INTO settings VALUES ('held', 'by the shell');\n"
                              "SELECT 'locked';\n");
                QElapsedTimer waited;
                waited.start();
                while (!m_shell.readAllStandardOutput().contains("locked") && waited.elapsed() < 10000)
                    m_shell.waitForReadyRead(100);
                m_held = waited.elapsed() < 10000;
                m_byShell = true;
                return;
            }
        }
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_connection, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
            m_held =
                sqlite3_exec(m_connection, "BEGIN EXCLUSIVE; INSERT INTO settings VALUES ('held', 'by a connection');",
                             nullptr, nullptr, nullptr)
                == SQLITE_OK;
    }
    ~WriteLockHolder() { release(); }
    WriteLockHolder(const WriteLockHolder&) = delete;
    WriteLockHolder& operator=(const WriteLockHolder&) = delete;

    bool held() const { return m_held; }
    bool byShell() const { return m_byShell; }
    // Rolls back what it wrote: the holder gives up, leaving the store as it was.
    void release()
    {
        if (m_shell.state() != QProcess::NotRunning) {
            m_shell.write("ROLLBACK;\n.quit\n");
            m_shell.closeWriteChannel();
            if (!m_shell.waitForFinished(10000))
                m_shell.kill();
        }
        if (m_connection) {
            sqlite3_exec(m_connection, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(m_connection);
            m_connection = nullptr;
        }
    }

private:
    QProcess m_shell;
    sqlite3* m_connection = nullptr;
    bool m_held = false;
    bool m_byShell = false;
};

} // namespace

class TestStoreConditions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(FaultyVfs::install()); }
    void init()
    {
        m_store = std::make_unique<TempStore>();
        LT_VERIFY_OK(m_store->open());
        LT_VERIFY_OK(m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana")));
    }
    void cleanup()
    {
        FaultyVfs::openStoresReadOnly(false);
        FaultyVfs::disarm();
        m_store.reset();
    }

    void lockedStoreIsBusyThenWorks()
    {
        Database::Options options;
        options.busyTimeoutMs = 300;
        LT_VERIFY_OK(m_store->open(options));
        const StoreFigures before = StoreFigures::of(m_store->db());
        WriteLockHolder holder(m_store->path());
        QVERIFY(holder.held());
        qInfo() << "write lock held by" << (holder.byShell() ? "the sqlite3 shell, another process" : "a connection");

        QElapsedTimer waited;
        waited.start();
        const auto refused = sale(*m_store, QStringLiteral("S-locked"));
        LT_VERIFY_ERROR(refused, ErrorKind::Storage);
        QVERIFY2(unclearMessage(refused.error()).isEmpty(), qPrintable(unclearMessage(refused.error())));
        QVERIFY2(refused.error().message.contains(QLatin1String("busy")), qPrintable(refused.error().message));
        QVERIFY2(waited.elapsed() >= 250 && waited.elapsed() < 5000, qPrintable(QString::number(waited.elapsed())));
        QCOMPARE(StoreFigures::of(m_store->db()).differenceFrom(before), QStringLiteral("(no difference)"));

        holder.release();
        LT_VERIFY_OK(sale(*m_store, QStringLiteral("S-locked")));
        QCOMPARE(m_store->number("SELECT count(*) FROM sales WHERE reference = 'S-locked'"), qint64(1));
        QCOMPARE(m_store->number("SELECT count(*) FROM settings WHERE key = 'held'"), qint64(0));
        auto report = m_store->checkIntegrity();
        LT_VERIFY_OK(report);
        QVERIFY2(report->ok(), qPrintable(report->problems.join(QStringLiteral("; "))));
    }

    // Read-only as SQLite sees a 0400 file (for root too), then a real chmod of the file (as nobody when run as root,
    // who writes a 0400 file).
    void readOnlyStoreIsRefusedThenWorks_data()
    {
        QTest::addColumn<bool>("chmod");
        QTest::newRow("opened read-only by the VFS") << false;
        QTest::newRow("file mode 0400") << true;
    }
    void readOnlyStoreIsRefusedThenWorks()
    {
        QFETCH(bool, chmod);
        if (chmod && Unprivileged::asRoot()) {
            Unprivileged::runCurrentAsNobody();
            return;
        }
        const StoreFigures before = StoreFigures::of(m_store->db());
        m_store->close();
        if (chmod)
            QVERIFY(QFile::setPermissions(m_store->path(), QFileDevice::ReadOwner));
        else
            FaultyVfs::openStoresReadOnly(true);

        const auto opened = m_store->open();
        if (opened) {
            const auto refused = sale(*m_store, QStringLiteral("S-readonly"));
            QVERIFY(!refused);
            QVERIFY2(unclearMessage(refused.error()).isEmpty(), qPrintable(unclearMessage(refused.error())));
            qInfo().noquote() << "opens, and a sale says:" << refused.error().message;
            QCOMPARE(StoreFigures::of(m_store->db()).differenceFrom(before), QStringLiteral("(no difference)"));
            m_store->close();
        } else {
            QVERIFY2(!opened.error().message.trimmed().isEmpty(), "no message");
            qInfo().noquote() << "refused at open:" << opened.error().message;
        }

        FaultyVfs::openStoresReadOnly(false);
        const auto writable = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QVERIFY(QFile::setPermissions(m_store->path(), writable));
        if (chmod) {
            // The operator makes the store's file writable again; SQLite made its -wal and -shm files 0400 like it.
            LT_VERIFY_OK(m_store->open());
            const auto again = sale(*m_store, QStringLiteral("S-readonly"));
            m_store->close();
            if (!again)
                qInfo().noquote() << "with the file writable again, its -wal and -shm still 0400:"
                                  << again.error().message;
            QVERIFY(again.ok());
            for (const char* suffix : {"-wal", "-shm"})
                QFile::setPermissions(m_store->path() + QLatin1String(suffix), writable);
            return; // the sale is recorded now, once
        }
        LT_VERIFY_OK(m_store->open());
        QCOMPARE(StoreFigures::of(m_store->db()).differenceFrom(before), QStringLiteral("(no difference)"));
        LT_VERIFY_OK(sale(*m_store, QStringLiteral("S-readonly")));
    }

    // As nobody when run as root, who writes into a 0500 folder.
    void readOnlyFolderIsRefusedThenWorks()
    {
        if (Unprivileged::asRoot()) {
            Unprivileged::runCurrentAsNobody();
            return;
        }
        const QString folder = QFileInfo(m_store->path()).absolutePath();
        m_store->close();
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const auto opened = m_store->open();
        QVERIFY(
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        if (opened) {
            const auto refused = sale(*m_store, QStringLiteral("S-folder"));
            QVERIFY(!refused);
            QVERIFY2(unclearMessage(refused.error()).isEmpty(), qPrintable(unclearMessage(refused.error())));
            m_store->close();
        } else {
            QVERIFY2(!opened.error().message.trimmed().isEmpty(), "no message");
            qInfo().noquote() << "refused at open:" << opened.error().message;
            QVERIFY2(opened.error().kind != ErrorKind::Corrupt, qPrintable(opened.error().message));
        }
        LT_VERIFY_OK(m_store->open());
        LT_VERIFY_OK(sale(*m_store, QStringLiteral("S-folder")));
    }

    // A disk that fails one read while the till opens its store has not damaged the store: telling the operator
    // to restore a backup would throw away every sale since it.
    void readErrorAtOpenIsNotCalledDamage()
    {
        m_store->close();
        FaultyVfs::resetCounts();
        LT_VERIFY_OK(m_store->open());
        const int reads = FaultyVfs::callsSeen(FaultCall::Read);
        m_store->close();
        QStringList calledDamage;
        for (int nth = 1; nth <= reads; ++nth) {
            Result<void> opened;
            {
                const ArmedFault fault(FaultCall::Read, nth, false, FaultCode::ReadError);
                opened = m_store->open();
            }
            if (!opened && opened.error().kind == ErrorKind::Corrupt)
                calledDamage << QString::number(nth) + QStringLiteral(": ") + opened.error().message;
            m_store->close();
        }
        LT_VERIFY_OK(m_store->open());
        qInfo().noquote() << reads << "read fault points at open; called damage at" << calledDamage.size();
        QVERIFY2(calledDamage.isEmpty(),
                 qPrintable(QStringLiteral("read fault points reported as damage: ") + calledDamage.join(u',')));
    }

private:
    std::unique_ptr<TempStore> m_store;
};

QTEST_GUILESS_MAIN(TestStoreConditions)
#include "tst_storeconditions.moc"
