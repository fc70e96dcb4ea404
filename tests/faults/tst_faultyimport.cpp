// A member import as `loyaltytill-admin import` runs it (MemberImporter, all or nothing), and the store's daily
// backup as `loyaltytill-admin backup` and the till's BackupRunner write it (StoreBackups), with every write, fsync,
// read, truncate and open failing in turn.
#include "core/domain/Actor.h"
#include "core/exchange/MemberImporter.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreFileCheck.h"
#include "tests/faults/FaultModeRows.h"
#include "tests/faults/FaultWalk.h"
#include "tests/support/ResultChecks.h"

#include <QBuffer>
#include <QDir>
#include <QTest>

using namespace lt;
using namespace lt::test;

namespace {

constexpr int importedMembers = 40;

Result<void> seedMember(TempStore& store)
{
    auto member = store.enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    if (!member)
        return member.error();
    auto points = store.accrue(member->id, QStringLiteral("S-0"), 300000);
    if (!points)
        return points.error();
    return {};
}

Result<void> importMembers(TempStore& store)
{
    QByteArray csv("phone,name,email,balance\n");
    for (int i = 0; i < importedMembers; ++i)
        csv += QStringLiteral("212555%1,Member %2,member%2@example.com,%3\n").arg(1000 + i).arg(i).arg(10 * i).toUtf8();
    QBuffer file(&csv);
    file.open(QIODevice::ReadOnly);
    auto report = MemberImporter(store.engine().context())
                      .importCsv(file, ImportOptions {}, Actor::named(QStringLiteral("admin-cli:dana")));
    if (!report)
        return report.error();
    if (!report->committed || report->imported != importedMembers)
        return Error::internal(QStringLiteral("imported %1 of %2 members").arg(report->imported).arg(importedMembers));
    return {};
}

QString backupFolder(TempStore& store)
{
    return store.filePath(QStringLiteral("backups"));
}

Result<void> backUp(TempStore& store)
{
    BackupSettings settings;
    settings.folder = backupFolder(store);
    settings.storeStem = QStringLiteral("store");
    auto written = StoreBackups(store.db(), settings, store.clock()).backUp();
    if (!written)
        return written.error();
    return {};
}

// What a backup leaves: files in the folder, and how many of them open as whole stores. A half-written file under
// a backup's name would show as a file that does not verify; a partial copy left behind, as an extra file.
void countBackups(TempStore&, StoreFigures& figures, const QString& folder)
{
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
    qint64 verified = 0;
    for (const QFileInfo& file : files)
        if (StoreFileCheck::inspect(file.absoluteFilePath()))
            ++verified;
    figures.values.insert(QStringLiteral("backup files"), files.size());
    figures.values.insert(QStringLiteral("verified backups"), verified);
}

void addImportModes()
{
    addFaultModeColumns();
    addFaultModeRow("disk full on every write from the N-th", FaultCall::Write, FaultCode::DiskFull, true, true);
    addFaultModeRow("write error on the N-th write, no restart", FaultCall::Write, FaultCode::WriteError, false, false);
    addFaultModeRow("fsync error on the N-th sync", FaultCall::Sync, FaultCode::SyncError, false, true);
}

// A full disk during a backup is walked through the real command in tst_adminfaults.
void addBackupModes()
{
    addFaultModeColumns();
    addFaultModeRow("write error on the N-th write, no restart", FaultCall::Write, FaultCode::WriteError, false, false);
    addFaultModeRow("fsync error on the N-th sync", FaultCall::Sync, FaultCode::SyncError, false, true);
    addFaultModeRow("read error on the N-th read", FaultCall::Read, FaultCode::ReadError, false, true);
    addFaultModeRow("cannot open the N-th file", FaultCall::Open, FaultCode::CannotOpen, false, true);
}

} // namespace

class TestFaultyImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(FaultyVfs::install());
        FaultyVfs::skipRealSyncs(true);
    }
    void importIsWholeOrAbsent_data() { addImportModes(); }
    void importIsWholeOrAbsent()
    {
        const FaultMode mode = currentFaultMode();
        FaultWalk walk(seedMember, importMembers, false);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("import"), mode);
    }
    void backupIsVerifiedOrAbsent_data() { addBackupModes(); }
    void backupIsVerifiedOrAbsent()
    {
        const FaultMode mode = currentFaultMode();
        FaultWalk walk(seedMember, backUp, false);
        walk.alsoCount(
            [](TempStore& store, StoreFigures& figures) { countBackups(store, figures, backupFolder(store)); });
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("backup"), mode);
    }
};

QTEST_GUILESS_MAIN(TestFaultyImport)
#include "tst_faultyimport.moc"
