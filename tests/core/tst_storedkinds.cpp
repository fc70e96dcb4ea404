#include "core/domain/AdjustmentState.h"
#include "core/domain/LedgerKind.h"
#include "core/domain/SyncKinds.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::AdjustmentState;
using lt::ConflictKind;
using lt::ErrorKind;
using lt::LedgerKind;
using lt::OutboxOperation;
using lt::OutboxState;

namespace {
// Every value converts to the text the schema's CHECK constraints allow, and back.
template<typename Kind>
void roundTrips(std::initializer_list<std::pair<Kind, const char*>> expected)
{
    for (const auto& [kind, text] : expected) {
        QCOMPARE(lt::toStorage(kind), QString::fromLatin1(text));
        auto back = lt::fromStorage<Kind>(QString::fromLatin1(text));
        LT_VERIFY_OK(back);
        QVERIFY(*back == kind);
    }
}
} // namespace

class TestStoredKinds : public QObject
{
    Q_OBJECT

private slots:
    void ledgerKinds();
    void outboxOperationsAndStates();
    void conflictKinds();
    void adjustmentStates();
    void unknownTextIsCorrupt_data();
    void unknownTextIsCorrupt();
};

void TestStoredKinds::ledgerKinds()
{
    roundTrips<LedgerKind>({{LedgerKind::Opening, "opening"},
                            {LedgerKind::Accrue, "accrue"},
                            {LedgerKind::Redeem, "redeem"},
                            {LedgerKind::Refund, "refund"},
                            {LedgerKind::Adjust, "adjust"},
                            {LedgerKind::Restore, "restore"},
                            {LedgerKind::Expire, "expire"},
                            {LedgerKind::Void, "void"}});
    QCOMPARE(std::size(lt::AllLedgerKinds), size_t(8));
}

void TestStoredKinds::outboxOperationsAndStates()
{
    roundTrips<OutboxOperation>({{OutboxOperation::Enroll, "enroll"},
                                 {OutboxOperation::Accrue, "accrue"},
                                 {OutboxOperation::Redeem, "redeem"},
                                 {OutboxOperation::Refund, "refund"},
                                 {OutboxOperation::Adjust, "adjust"}});
    roundTrips<OutboxState>(
        {{OutboxState::Pending, "pending"}, {OutboxState::Sent, "sent"}, {OutboxState::Conflict, "conflict"}});
}

void TestStoredKinds::conflictKinds()
{
    roundTrips<ConflictKind>({{ConflictKind::Overspend, "overspend"},
                              {ConflictKind::PhoneRejected, "phone_rejected"},
                              {ConflictKind::AccountMissing, "account_missing"},
                              {ConflictKind::Refused, "refused"},
                              {ConflictKind::BalanceMismatch, "balance_mismatch"}});
}

void TestStoredKinds::adjustmentStates()
{
    roundTrips<AdjustmentState>({{AdjustmentState::Pending, "pending"},
                                 {AdjustmentState::Approved, "approved"},
                                 {AdjustmentState::Rejected, "rejected"}});
}

void TestStoredKinds::unknownTextIsCorrupt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("another case") << QStringLiteral("Accrue");
    QTest::newRow("padded") << QStringLiteral(" accrue");
    QTest::newRow("made up") << QStringLiteral("gift");
}

void TestStoredKinds::unknownTextIsCorrupt()
{
    QFETCH(QString, text);
    // Text the database holds that this version does not know is a damaged or foreign file, never a crash.
    LT_VERIFY_ERROR(lt::fromStorage<LedgerKind>(text), ErrorKind::Corrupt);
    LT_VERIFY_ERROR(lt::fromStorage<OutboxOperation>(text), ErrorKind::Corrupt);
    LT_VERIFY_ERROR(lt::fromStorage<OutboxState>(text), ErrorKind::Corrupt);
    LT_VERIFY_ERROR(lt::fromStorage<ConflictKind>(text), ErrorKind::Corrupt);
    LT_VERIFY_ERROR(lt::fromStorage<AdjustmentState>(text), ErrorKind::Corrupt);
    QVERIFY(lt::fromStorage<LedgerKind>(text).error().message.contains(QLatin1String("ledger kind")));
}

QTEST_GUILESS_MAIN(TestStoredKinds)
#include "tst_storedkinds.moc"
