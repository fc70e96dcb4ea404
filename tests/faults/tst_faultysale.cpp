// A sale and a redemption at the till, as LoyaltyEngine records them (the sale with its outbox row for Square), with
// every write, fsync, read and truncate of the store failing in turn.
#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "tests/faults/FaultModeRows.h"
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

// The sale walks every way a write or an fsync can fail; the redemption, which writes through the same ledger and
// outbox code, the two that matter most (a disk that fills, an fsync that fails), to keep the walk short.
void addModes(bool every)
{
    addFaultModeColumns();
    addFaultModeRow("disk full on every write from the N-th", FaultCall::Write, FaultCode::DiskFull, true, true);
    if (every) {
        addFaultModeRow("disk full on the N-th write, no restart", FaultCall::Write, FaultCode::DiskFull, false, false);
        addFaultModeRow("write error on the N-th write", FaultCall::Write, FaultCode::WriteError, false, true);
    }
    addFaultModeRow("fsync error on the N-th sync", FaultCall::Sync, FaultCode::SyncError, false, true);
    addFaultModeRow("fsync error from the N-th sync, no restart", FaultCall::Sync, FaultCode::SyncError, true, false);
}

void addStartModes()
{
    addFaultModeColumns();
    addFaultModeRow("read error on the N-th read", FaultCall::Read, FaultCode::ReadError, false, true);
    addFaultModeRow("cannot open the N-th file", FaultCall::Open, FaultCode::CannotOpen, false, true);
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
    void saleIsWholeOrAbsent_data() { addModes(true); }
    void saleIsWholeOrAbsent()
    {
        const FaultMode mode = currentFaultMode();
        FaultWalk walk(seedMember, sale, true);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("sale"), mode);
    }
    void saleAfterStartIsWholeOrAbsent_data() { addStartModes(); }
    void saleAfterStartIsWholeOrAbsent()
    {
        const FaultMode mode = currentFaultMode();
        FaultWalk walk(seedMember, saleAfterStart, true);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("sale after start"), mode);
    }
    void redemptionIsWholeOrAbsent_data() { addModes(false); }
    void redemptionIsWholeOrAbsent()
    {
        const FaultMode mode = currentFaultMode();
        FaultWalk walk(seedMember, redemption, false);
        const WalkTally tally = walk.walk(mode);
        qInfo().noquote() << tally.summary(QStringLiteral("redemption"), mode);
    }
};

QTEST_GUILESS_MAIN(TestFaultySale)
#include "tst_faultysale.moc"
