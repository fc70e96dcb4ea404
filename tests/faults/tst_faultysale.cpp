// A sale and a redemption at the till, as LoyaltyEngine records them (the sale with its outbox row for Square), with
// every write, fsync, read and truncate of the store failing in turn.
#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "tests/faults/FaultWalk.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using namespace lt;
using namespace lt::test;

namespace {

Result<void> seedMember(TempStore& store)
{
    auto member = store.enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    if (!member)
        return member.error();
    auto points = store.accrue(member->id, QStringLiteral("S-0"), 300000); // 3000 points to redeem from
    if (!points)
        return points.error();
    return {};
}

qint64 memberId(TempStore& store)
{
    return store.number("SELECT min(id) FROM members");
}

Result<void> sale(TempStore& store)
{
    auto change = store.accrue(memberId(store), QStringLiteral("S-1"), 12345);
    if (!change)
        return change.error();
    return {};
}

// The till starting and making its first sale: every read of the store comes from the disk.
Result<void> saleAfterStart(TempStore& store)
{
    store.close();
    if (auto opened = store.open(); !opened)
        return opened.error();
    return sale(store);
}

Result<void> redemption(TempStore& store)
{
    RedemptionRequest request;
    request.memberId = memberId(store);
    request.rewardTierId = QStringLiteral("five-off");
    auto change = store.engine().redemption().redeem(request, TempStore::cashier());
    if (!change)
        return change.error();
    return {};
}

void addModes()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("persistent");
    QTest::addColumn<bool>("restart");
    const auto row = [](const char* name, FaultCall call, FaultCode code, bool persistent, bool restart) {
        QTest::newRow(name) << int(call) << int(code) << persistent << restart;
    };
    row("disk full on every write from the N-th", FaultCall::Write, FaultCode::DiskFull, true, true);
    row("disk full on the N-th write, no restart", FaultCall::Write, FaultCode::DiskFull, false, false);
    row("write error on the N-th write", FaultCall::Write, FaultCode::WriteError, false, true);
    row("fsync error on the N-th sync", FaultCall::Sync, FaultCode::SyncError, false, true);
    row("fsync error from the N-th sync, no restart", FaultCall::Sync, FaultCode::SyncError, true, false);
}

void addStartModes()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("persistent");
    QTest::addColumn<bool>("restart");
    QTest::newRow("read error on the N-th read") << int(FaultCall::Read) << int(FaultCode::ReadError) << false << true;
    QTest::newRow("read error from the N-th read") << int(FaultCall::Read) << int(FaultCode::ReadError) << true << true;
    QTest::newRow("cannot open the N-th file") << int(FaultCall::Open) << int(FaultCode::CannotOpen) << false << true;
    QTest::newRow("disk full from the N-th write")
        << int(FaultCall::Write) << int(FaultCode::DiskFull) << true << false;
}

FaultMode currentMode()
{
    QFETCH(int, call);
    QFETCH(int, code);
    QFETCH(bool, persistent);
    QFETCH(bool, restart);
    return {FaultCall(call), FaultCode(code), persistent, restart};
}

} // namespace

class TestFaultySale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(FaultyVfs::install());
        FaultyVfs::skipRealSyncs(true);
    }
    void saleIsWholeOrAbsent_data() { addModes(); }
    void saleIsWholeOrAbsent()
    {
        const FaultMode mode = currentMode();
        FaultWalk walk(seedMember, sale, true);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("sale"), mode);
    }
    void saleAfterStartIsWholeOrAbsent_data() { addStartModes(); }
    void saleAfterStartIsWholeOrAbsent()
    {
        const FaultMode mode = currentMode();
        FaultWalk walk(seedMember, saleAfterStart, true);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("sale after start"), mode);
    }
    void redemptionIsWholeOrAbsent_data() { addModes(); }
    void redemptionIsWholeOrAbsent()
    {
        const FaultMode mode = currentMode();
        FaultWalk walk(seedMember, redemption, false);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("redemption"), mode);
    }
};

QTEST_GUILESS_MAIN(TestFaultySale)
#include "tst_faultysale.moc"
