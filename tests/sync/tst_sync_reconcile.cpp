// Reconciliation with Square through the whole sync pass (program, push, pull): events made elsewhere come into
// the ledger once, tills that worked offline on the same members agree afterwards, overspends become conflicts,
// and an operation of unknown outcome is never counted twice, even after Square forgot its idempotency key.
// Real SQLite stores, real HTTP on 127.0.0.1 against the stateful fake Square.
#include "core/services/RedemptionService.h"
#include "core/services/RefundService.h"
#include "core/store/ProgramRepository.h"
#include "core/store/SyncConflicts.h"
#include "sync/SyncEngine.h"
#include "sync/square/SquareClient.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/QuickRetries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using lt::test::FakeSquareServer;
using lt::test::TempStore;
using namespace lt;

namespace {
const QString Location = QStringLiteral("L-FAKE-0001");
const QString Ana = QStringLiteral("+14155552671");
const QString Ben = QStringLiteral("+14155552672");
const QString Cy = QStringLiteral("+14155552673");

// One till: its own store file and its own sync engine, talking to the shared fake Square.
struct Till
{
    Till(FakeSquareServer& server, QNetworkAccessManager& network)
    {
        if (!store.open())
            qFatal("cannot open a store");
        client = std::make_unique<SquareClient>(network, *SquareEnvironment::parse(server.baseUrl()),
                                                QStringLiteral("token"), test::quickRetries(2));
        engine = std::make_unique<SyncEngine>(store.db(), store.clock(), *client, Location);
        QObject::connect(engine.get(), &SyncEngine::programChanged, [this] { (void)store.engine().reload(); });
    }

    SyncReport sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        engine->runOnce();
        if (finished.isEmpty() && !finished.wait(60000))
            qWarning("the sync pass did not finish");
        return finished.isEmpty() ? SyncReport {} : finished.first().first().value<SyncReport>();
    }

    qint64 member(const QString& phone) { return store.number("SELECT id FROM members WHERE phone = ?", {phone}); }
    qint64 balance(const QString& phone) { return store.balance(member(phone)); }

    TempStore store;
    std::unique_ptr<SquareClient> client;
    std::unique_ptr<SyncEngine> engine;
};
} // namespace

Q_DECLARE_METATYPE(lt::SyncReport)

class TestReconcile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void programComesFromSquare();
    void rewardRedeemedThroughSquareRewards();
    void eventsMadeElsewhereArePulledOnce();
    void accountsMadeElsewhereBecomeMembers();
    void existingAccountHistoryIsRead();
    void threeTillsAgreeAndOverspendIsAConflict();
    void forcedOverspendReachesSquare();
    void acceptingSquareCancelsTheRedemption();
    void eventsWaitWhileAnOperationIsInDoubt();
    void adjustmentWithTheLongestReasonIsKnownAsOurs();
    void longOutageChecksEventsBeforeResending_data();
    void longOutageChecksEventsBeforeResending();
    void balanceThatDisagreesBecomesAConflict();
    void deletedAccountIsAConflict();
    void rejectedPhoneIsCorrectedAndRetried();
    void hostileAnswersChangeNothing();

private:
    std::unique_ptr<Till> till();
    void verifyAgrees(Till& till, const QStringList& phones);

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestReconcile::initTestCase()
{
    qRegisterMetaType<lt::SyncReport>();
}

void TestReconcile::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestReconcile::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_network.reset();
    m_server.reset();
}

std::unique_ptr<Till> TestReconcile::till()
{
    return std::make_unique<Till>(*m_server, *m_network);
}

void TestReconcile::verifyAgrees(Till& t, const QStringList& phones)
{
    for (const QString& phone : phones) {
        const QString account = m_server->accountIdForPhone(phone);
        QVERIFY2(!account.isEmpty(), qPrintable(phone));
        QCOMPARE(t.balance(phone), m_server->balance(account));
    }
    QCOMPARE(t.store.number("SELECT count(*) FROM outbox WHERE state = 'pending'"), 0);
    QCOMPARE(t.store.number("SELECT count(*) FROM square_events WHERE state = 'held'"), 0);
    auto report = t.store.checkIntegrity();
    QVERIFY(report.ok());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

void TestReconcile::programComesFromSquare()
{
    auto t = till();
    const SyncReport report = t->sync();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QVERIFY(report.programUpdated);
    const LoyaltyProgram& program = t->store.engine().program();
    QCOMPARE(program.squareProgramId, m_server->programId());
    const RewardTier* five = program.tier(QStringLiteral("tier-100"));
    QVERIFY(five);
    QCOMPARE(five->points, 100);
    QCOMPARE(five->amountMinor, 500); // read from the tier's name, "$5 off"
    QVERIFY(!program.tier(QStringLiteral("five-off"))); // the local default tiers are gone
    QVERIFY(program.tier(QStringLiteral("points-as-cash"))); // the local partial reward stays
    // Unchanged the next time: no rewrite, no second audit entry.
    const qint64 audits = t->store.number("SELECT count(*) FROM audit_log WHERE action = 'program.pull'");
    t->engine = std::make_unique<SyncEngine>(t->store.db(), t->store.clock(), *t->client, Location);
    QVERIFY(!t->sync().programUpdated);
    QCOMPARE(t->store.number("SELECT count(*) FROM audit_log WHERE action = 'program.pull'"), audits);
}

void TestReconcile::rewardRedeemedThroughSquareRewards()
{
    auto t = till();
    QVERIFY(!t->sync().stopped); // the program first
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 15000));
    LT_VERIFY_OK(
        t->store.engine().redemption().redeem({member->id, QStringLiteral("tier-100"), {}, {}}, TempStore::cashier()));
    const SyncReport report = t->sync();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QCOMPARE(report.push.sent, 3);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/loyalty/rewards")), 2); // create, then redeem
    QCOMPARE(m_server->requestCount(QStringLiteral("/adjust")), 0);
    verifyAgrees(*t, {Ana});
    QCOMPARE(t->balance(Ana), 50);
    // The CREATE_REWARD event is recognised as ours on the next pull, never mirrored again.
    QVERIFY(!t->sync().stopped);
    QCOMPARE(t->store.number("SELECT count(*) FROM square_events WHERE state = 'applied'"), 0);
    verifyAgrees(*t, {Ana});
}

void TestReconcile::eventsMadeElsewhereArePulledOnce()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 2500));
    QVERIFY(!t->sync().stopped);
    const QString account = m_server->accountIdForPhone(Ana);
    m_server->accumulateElsewhere(account, 40);
    m_server->adjustElsewhere(account, -5, QStringLiteral("Goodwill correction"));
    m_server->expirePoints(account, 3);
    const SyncReport report = t->sync();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QCOMPARE(report.eventsApplied, 3);
    QCOMPARE(t->balance(Ana), 25 + 40 - 5 - 3);
    verifyAgrees(*t, {Ana});
    // Pages read again (the overlap) change nothing.
    const SyncReport again = t->sync();
    QCOMPARE(again.eventsApplied, 0);
    QVERIFY(again.eventsPulled > 0);
    QCOMPARE(t->balance(Ana), 57);
    QCOMPARE(t->store.number("SELECT count(*) FROM ledger WHERE member_id = ? AND kind = 'expire'", {member->id}), 1);
    // Mirrors are never queued back to Square.
    QCOMPARE(t->store.number("SELECT count(*) FROM outbox WHERE state = 'pending'"), 0);
}

void TestReconcile::accountsMadeElsewhereBecomeMembers()
{
    auto t = till();
    QVERIFY(!t->sync().stopped);
    const QString account = m_server->enrollElsewhere(Ben);
    m_server->accumulateElsewhere(account, 70);
    const SyncReport report = t->sync();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QCOMPARE(report.accountsDiscovered, 1);
    QVERIFY(t->member(Ben) > 0);
    QCOMPARE(t->balance(Ben), 70);
    QCOMPARE(t->store.number("SELECT count(*) FROM outbox WHERE member_id = ?", {t->member(Ben)}), 0);
    QCOMPARE(t->store.number("SELECT count(*) FROM members WHERE square_account_id = ?", {account}), 1);
    verifyAgrees(*t, {Ben});
}

void TestReconcile::existingAccountHistoryIsRead()
{
    // The customer has 120 points from Square's POS; the till enrolls the same phone offline and sells.
    const QString account = m_server->enrollElsewhere(Cy);
    m_server->accumulateElsewhere(account, 120);
    auto t = till();
    auto member = t->store.enroll(Cy);
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 3000));
    const SyncReport report = t->sync();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QCOMPARE(m_server->accountCount(), 1); // linked, not created twice
    QCOMPARE(t->balance(Cy), 150);
    verifyAgrees(*t, {Cy});
}

void TestReconcile::threeTillsAgreeAndOverspendIsAConflict()
{
    auto a = till();
    auto b = till();
    auto c = till();
    // Ana and Ben shop at every till; each till enrolls them offline on its own.
    for (Till* t : {a.get(), b.get(), c.get()}) {
        for (const QString& phone : {Ana, Ben})
            LT_VERIFY_OK(t->store.enroll(phone));
    }
    LT_VERIFY_OK(a->store.accrue(a->member(Ana), QStringLiteral("A-1"), 12000));
    LT_VERIFY_OK(b->store.accrue(b->member(Ben), QStringLiteral("B-1"), 4000));
    LT_VERIFY_OK(c->store.accrue(c->member(Ana), QStringLiteral("C-1"), 1000));
    for (Till* t : {a.get(), b.get(), c.get()})
        QVERIFY(!t->sync().stopped);
    for (Till* t : {a.get(), b.get(), c.get()})
        QVERIFY(!t->sync().stopped);
    for (Till* t : {a.get(), b.get(), c.get()})
        verifyAgrees(*t, {Ana, Ben});
    QCOMPARE(a->balance(Ana), 130);
    QCOMPARE(m_server->accountCount(), 2);

    // Offline again: Ana spends her 100-point reward at A and again at B; C sells to Ben.
    LT_VERIFY_OK(a->store.engine().redemption().redeem({a->member(Ana), QStringLiteral("tier-100"), {}, {}},
                                                       TempStore::cashier()));
    LT_VERIFY_OK(b->store.engine().redemption().redeem({b->member(Ana), QStringLiteral("tier-100"), {}, {}},
                                                       TempStore::cashier()));
    LT_VERIFY_OK(c->store.accrue(c->member(Ben), QStringLiteral("C-2"), 700));
    for (Till* t : {a.get(), b.get(), c.get()})
        QVERIFY(!t->sync().stopped);
    for (Till* t : {a.get(), b.get(), c.get()})
        QVERIFY(!t->sync().stopped);

    // Square has A's redemption; B's was refused and is a conflict with both sides' facts, never clamped.
    QCOMPARE(m_server->balance(m_server->accountIdForPhone(Ana)), 30);
    SyncConflicts conflicts(b->store.db(), b->store.clock(), TempStore::cashier().name());
    auto open = conflicts.list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(toStorage(open->first().kind), QStringLiteral("overspend"));
    QVERIFY(open->first().operation);
    QCOMPARE(toStorage(*open->first().operation), QStringLiteral("redeem"));
    QCOMPARE(open->first().points, -100);
    QCOMPARE(open->first().squareFacts.value(QLatin1String("balance")).toInteger(), 30);
    for (Till* t : {a.get(), c.get()}) {
        QCOMPARE(SyncConflicts(t->store.db(), t->store.clock()).openCount().value(), 0);
        verifyAgrees(*t, {Ana, Ben});
    }
    // B shows what it gave away: Square's balance less the refused redemption.
    QCOMPARE(b->balance(Ana), 30 - 100);
    QCOMPARE(b->balance(Ben), a->balance(Ben));
}

void TestReconcile::forcedOverspendReachesSquare()
{
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()}) {
        LT_VERIFY_OK(t->store.enroll(Ana));
        QVERIFY(!t->sync().stopped);
    }
    LT_VERIFY_OK(a->store.accrue(a->member(Ana), QStringLiteral("A-1"), 10000));
    QVERIFY(!a->sync().stopped);
    QVERIFY(!b->sync().stopped);
    QCOMPARE(b->balance(Ana), 100);
    for (Till* t : {a.get(), b.get()})
        LT_VERIFY_OK(t->store.engine().redemption().redeem({t->member(Ana), QStringLiteral("tier-100"), {}, {}},
                                                           TempStore::cashier()));
    QVERIFY(!a->sync().stopped);
    QVERIFY(!b->sync().stopped);
    SyncConflicts conflicts(b->store.db(), b->store.clock(), TempStore::cashier().name());
    auto open = conflicts.list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QVERIFY(SyncConflicts::actionsFor(open->first()).contains(ConflictAction::Force));
    LT_VERIFY_OK(conflicts.resolve(open->first().id, ConflictAction::Force, QStringLiteral("Maria"), {}));
    QVERIFY(!b->sync().stopped);
    QVERIFY(!a->sync().stopped);
    QCOMPARE(m_server->balance(m_server->accountIdForPhone(Ana)), -100);
    verifyAgrees(*a, {Ana});
    verifyAgrees(*b, {Ana});
    QCOMPARE(b->store.number("SELECT count(*) FROM audit_log WHERE action = 'sync.conflict.resolve'"), 1);
}

void TestReconcile::acceptingSquareCancelsTheRedemption()
{
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()}) {
        LT_VERIFY_OK(t->store.enroll(Ana));
        QVERIFY(!t->sync().stopped);
    }
    LT_VERIFY_OK(a->store.accrue(a->member(Ana), QStringLiteral("A-1"), 10000));
    QVERIFY(!a->sync().stopped);
    QVERIFY(!b->sync().stopped);
    for (Till* t : {a.get(), b.get()})
        LT_VERIFY_OK(t->store.engine().redemption().redeem({t->member(Ana), QStringLiteral("tier-100"), {}, {}},
                                                           TempStore::cashier()));
    QVERIFY(!a->sync().stopped);
    QVERIFY(!b->sync().stopped);
    SyncConflicts conflicts(b->store.db(), b->store.clock(), TempStore::cashier().name());
    const qint64 id = conflicts.list().value().first().id;
    LT_VERIFY_OK(conflicts.resolve(id, ConflictAction::AcceptSquare, QStringLiteral("Maria"), QStringLiteral("paid")));
    QCOMPARE(b->balance(Ana), 0);
    QVERIFY(!b->sync().stopped);
    verifyAgrees(*b, {Ana});
    QCOMPARE(m_server->balance(m_server->accountIdForPhone(Ana)), 0);
    // Resolved once only.
    LT_VERIFY_ERROR(conflicts.resolve(id, ConflictAction::Dismiss, QStringLiteral("Maria"), {}), ErrorKind::Conflict);
}

void TestReconcile::eventsWaitWhileAnOperationIsInDoubt()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    QVERIFY(!t->sync().stopped);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 2000));
    // Square applies the accumulation but the answer is lost: the row's outcome is unknown.
    m_server->addFault({FakeSquareServer::Fault::DropAfterCommit, 4, QStringLiteral("accumulate")});
    QVERIFY(t->sync().stopped);
    QCOMPARE(m_server->balanceForPhone(Ana), 20);
    // The row waits for its retry time; meanwhile a pass pulls Square's events, including ours.
    m_server->accumulateElsewhere(m_server->accountIdForPhone(Ana), 5);
    const SyncReport pulled = t->sync();
    QVERIFY2(!pulled.stopped, qPrintable(pulled.error));
    QCOMPARE(t->store.number("SELECT count(*) FROM square_events WHERE state = 'held'"), 2);
    QCOMPARE(t->balance(Ana), 20); // neither ours (already counted) nor the other one yet
    t->store.clock().advance(3600LL * 1000);
    const SyncReport settled = t->sync();
    QVERIFY2(!settled.stopped, qPrintable(settled.error));
    QCOMPARE(m_server->balanceForPhone(Ana), 25);
    verifyAgrees(*t, {Ana});
}

void TestReconcile::adjustmentWithTheLongestReasonIsKnownAsOurs()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    QVERIFY(!t->sync().stopped);
    // A manager's reason may be 500 characters long, the reference sync appends to it comes after them.
    auto requested = t->store.engine().adjustments().request(member->id, 25, QString(500, u'x'), TempStore::cashier());
    LT_VERIFY_OK(requested);
    LT_VERIFY_OK(
        t->store.engine().adjustments().approve(requested->adjustmentId, QStringLiteral("Dana"), TempStore::cashier()));
    // Square applies the adjustment but the answer is lost: the row's outcome is unknown.
    m_server->addFault({FakeSquareServer::Fault::DropAfterCommit, 4, QStringLiteral("adjust")});
    QVERIFY(t->sync().stopped);
    QCOMPARE(m_server->balanceForPhone(Ana), 25);
    // The row waits for its retry time; the pull reads the adjustment and knows it by the reference in its reason.
    const SyncReport pulled = t->sync();
    QVERIFY2(!pulled.stopped, qPrintable(pulled.error));
    QCOMPARE(t->store.number("SELECT count(*) FROM square_events WHERE type = 'ADJUST_POINTS' AND state = 'ours' "
                             "AND outbox_id IS NOT NULL"),
             1);
    QCOMPARE(t->balance(Ana), 25);
    verifyAgrees(*t, {Ana});
}

void TestReconcile::longOutageChecksEventsBeforeResending_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("diedMidRequest");
    QTest::newRow("accumulate") << QStringLiteral("accumulate") << false;
    QTest::newRow("refund as adjustment") << QStringLiteral("adjust") << false;
    QTest::newRow("reward") << QStringLiteral("rewards") << false;
    QTest::newRow("accumulate, process died mid-request") << QStringLiteral("accumulate") << true;
}

void TestReconcile::longOutageChecksEventsBeforeResending()
{
    QFETCH(QString, operation);
    QFETCH(bool, diedMidRequest);
    auto t = till();
    QVERIFY(!t->sync().stopped);
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 20000));
    QVERIFY(!t->sync().stopped);
    if (operation == QLatin1String("accumulate")) {
        LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-2"), 3300));
    } else if (operation == QLatin1String("adjust")) {
        RefundRequest refund;
        refund.saleReference = QStringLiteral("S-1");
        refund.amount = Money(5000, QStringLiteral("USD"));
        LT_VERIFY_OK(t->store.engine().refunds().refund(refund, TempStore::cashier()));
    } else {
        LT_VERIFY_OK(t->store.engine().redemption().redeem({member->id, QStringLiteral("tier-100"), {}, {}},
                                                           TempStore::cashier()));
    }
    const qint64 expected = t->balance(Ana);
    // The answer is lost after Square applied it; then the store stays offline for two days and Square forgets.
    m_server->addFault({FakeSquareServer::Fault::DropAfterCommit, 4, operation});
    QVERIFY(t->sync().stopped);
    if (diedMidRequest) {
        // As if the process had died with the request in flight: only the first attempt's time was recorded.
        LT_VERIFY_OK(t->store.db().exec(QStringLiteral("UPDATE outbox SET attempts = 0, last_error = NULL, "
                                                       "next_attempt_at = NULL WHERE state = 'pending'")));
    }
    m_server->forgetIdempotencyKeys();
    t->store.clock().advance(48LL * 3600 * 1000);
    SyncReport report = t->sync();
    if (operation == QLatin1String("rewards")) {
        // The redeem call may lose its answers too; each later pass checks the events again.
        for (int pass = 0; pass < 3 && report.stopped; ++pass) {
            m_server->forgetIdempotencyKeys();
            t->store.clock().advance(48LL * 3600 * 1000);
            report = t->sync();
        }
    }
    QVERIFY2(!report.stopped, qPrintable(report.error));
    if (operation == QLatin1String("rewards")) {
        // The reward Square created is found and redeemed; no second reward locks the points again.
        int created = 0;
        for (const QJsonValue& event : m_server->events())
            created += event.toObject().value(QLatin1String("type")).toString() == QLatin1String("CREATE_REWARD");
        QCOMPARE(created, 1);
    } else {
        QCOMPARE(report.push.confirmedFromEvents, 1);
    }
    QCOMPARE(m_server->balanceForPhone(Ana), expected);
    verifyAgrees(*t, {Ana});
}

void TestReconcile::balanceThatDisagreesBecomesAConflict()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 5000));
    QVERIFY(!t->sync().stopped);
    // Square's balance moves without an event this store can read (as a points expiry Square reports late would).
    LT_VERIFY_OK(
        t->store.db().exec(QStringLiteral("UPDATE members SET balance = balance + 7 WHERE id = ?"), {member->id}));
    m_server->accumulateElsewhere(m_server->accountIdForPhone(Ana), 1);
    const SyncReport report = t->sync();
    QVERIFY2(!report.stopped, qPrintable(report.error));
    QCOMPARE(report.conflictsFound, 1);
    SyncConflicts conflicts(t->store.db(), t->store.clock(), TempStore::cashier().name());
    auto open = conflicts.list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(toStorage(open->first().kind), QStringLiteral("balance_mismatch"));
    QCOMPARE(open->first().squareFacts.value(QLatin1String("difference")).toInteger(), -7);
    // Seen again: not recorded twice.
    m_server->accumulateElsewhere(m_server->accountIdForPhone(Ana), 1);
    QCOMPARE(t->sync().conflictsFound, 0);
    LT_VERIFY_OK(conflicts.resolve(open->first().id, ConflictAction::AcceptSquare, QStringLiteral("Maria"), {}));
    QCOMPARE(t->balance(Ana), m_server->balanceForPhone(Ana));
}

void TestReconcile::deletedAccountIsAConflict()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    QVERIFY(!t->sync().stopped);
    // Square merged the customer away; the next sale cannot reach the old account.
    m_server->deleteAccount(m_server->accountIdForPhone(Ana));
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 2000));
    QVERIFY(!t->sync().stopped);
    SyncConflicts conflicts(t->store.db(), t->store.clock(), TempStore::cashier().name());
    auto open = conflicts.list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(toStorage(open->first().kind), QStringLiteral("account_missing"));
    // Retry links the member again by phone (a new account here) and sends the sale.
    LT_VERIFY_OK(conflicts.resolve(open->first().id, ConflictAction::Retry, QStringLiteral("Maria"), {}));
    QVERIFY(!t->sync().stopped);
    QCOMPARE(m_server->balanceForPhone(Ana), 20);
    verifyAgrees(*t, {Ana});
}

void TestReconcile::rejectedPhoneIsCorrectedAndRetried()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(t->store.accrue(member->id, QStringLiteral("S-1"), 2000));
    // Square refuses numbers the till accepted (country or length rules): simulated on the queued enrollment.
    LT_VERIFY_OK(t->store.db().exec(QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.phone', "
                                                   "'+1555') WHERE member_id = ? AND operation = 'enroll'"),
                                    {member->id}));
    QVERIFY(!t->sync().stopped);
    SyncConflicts conflicts(t->store.db(), t->store.clock(), TempStore::cashier().name());
    auto open = conflicts.list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(toStorage(open->first().kind), QStringLiteral("phone_rejected"));
    QCOMPARE(m_server->accountCount(), 0);
    // The manager corrects the number, then sends the enrollment again; the sale that waited follows it.
    LT_VERIFY_OK(t->store.engine().enrollment().changePhone(member->id, Ben, TempStore::cashier()));
    LT_VERIFY_OK(conflicts.resolve(open->first().id, ConflictAction::Retry, QStringLiteral("Maria"), {}));
    QVERIFY(!t->sync().stopped);
    QCOMPARE(m_server->accountCount(), 1);
    QCOMPARE(m_server->balanceForPhone(Ben), 20);
    verifyAgrees(*t, {Ben});
}

void TestReconcile::hostileAnswersChangeNothing()
{
    auto t = till();
    auto member = t->store.enroll(Ana);
    LT_VERIFY_OK(member);
    QVERIFY(!t->sync().stopped);
    const QJsonObject program = t->store.engine().program().toJson();
    const QString rows = t->store.rowCounts();
    const qint64 mark = t->store.number("SELECT count(*) FROM settings WHERE key = 'square.events_pulled_until'");
    QCOMPARE(mark, 1);

    // An event whose points no real balance could hold: the page is refused whole.
    m_server->adjustElsewhere(m_server->accountIdForPhone(Ana), 2000000000, QStringLiteral("x"));
    const SyncReport refused = t->sync();
    QVERIFY(refused.stopped);
    QVERIFY2(refused.error.contains(QLatin1String("loyalty event")), qPrintable(refused.error));
    QCOMPARE(t->store.rowCounts(), rows);
    QCOMPARE(t->balance(Ana), 0);

    // A program with a field of the wrong type: refused, the store keeps the program it had.
    QJsonObject broken = m_server->program();
    broken.insert(QStringLiteral("accrual_rules"), QStringLiteral("all"));
    m_server->setProgram(broken);
    t->engine = std::make_unique<SyncEngine>(t->store.db(), t->store.clock(), *t->client, Location);
    const SyncReport report = t->sync();
    QVERIFY(report.stopped);
    QVERIFY2(report.error.contains(QLatin1String("cannot be used")), qPrintable(report.error));
    QCOMPARE(t->store.engine().program().toJson(), program);
    auto stored = ProgramRepository(t->store.db(), t->store.clock()).load();
    LT_VERIFY_OK(stored);
    QCOMPARE(stored->toJson(), program);
}

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_sync_reconcile.moc"
