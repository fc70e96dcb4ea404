#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::test::TempStore;

class TestAdjustmentService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void requestChangesNothingUntilApproved();
    void approvalApplies();
    void rejectionAppliesNothing();
    void decisionIsFinal();
    void refusesNegativeResult();
    void refusesInvalidRequests_data();
    void refusesInvalidRequests();
    void refusesUnknownMemberOrAdjustment();

private:
    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestAdjustmentService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    m_member = member->id;
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 5000)); // 50 points
}

void TestAdjustmentService::cleanup()
{
    m_store.reset();
}

void TestAdjustmentService::requestChangesNothingUntilApproved()
{
    const qint64 ledger = m_store->number("SELECT count(*) FROM ledger");
    auto requested = m_store->engine().adjustments().request(m_member, 25, QStringLiteral("  Missed   receipt 4411 "),
                                                             TempStore::cashier());
    LT_VERIFY_OK(requested);
    QCOMPARE(lt::toStorage(requested->adjustmentState), QStringLiteral("pending"));
    QCOMPARE(requested->points, qint64(0));
    QVERIFY(requested->adjustmentId > 0);
    QCOMPARE(m_store->balance(m_member), qint64(50));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger"), ledger);
    auto pending = m_store->engine().adjustments().pending();
    LT_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().id, requested->adjustmentId);
    QCOMPARE(pending->first().points, qint64(25));
    QCOMPARE(pending->first().reason, QStringLiteral("Missed receipt 4411"));
    QCOMPARE(pending->first().requestedBy, QStringLiteral("cashier-1"));
    QCOMPARE(lt::toStorage(pending->first().state), QStringLiteral("pending"));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'adjustment.request'"), qint64(1));
}

void TestAdjustmentService::approvalApplies()
{
    auto requested =
        m_store->engine().adjustments().request(m_member, 25, QStringLiteral("Missed receipt"), TempStore::cashier());
    LT_VERIFY_OK(requested);
    auto approved =
        m_store->engine().adjustments().approve(requested->adjustmentId, QStringLiteral("Dana"), TempStore::cashier());
    LT_VERIFY_OK(approved);
    QCOMPARE(lt::toStorage(approved->adjustmentState), QStringLiteral("approved"));
    QCOMPARE(approved->points, qint64(25));
    QCOMPARE(approved->member.balance, qint64(75));
    QCOMPARE(approved->member.lifetimePoints, qint64(75));
    QCOMPARE(m_store->number("SELECT count(*) FROM adjustments WHERE id = ? AND state = 'approved' AND "
                             "decided_by = 'Dana' AND ledger_id = ?",
                             {requested->adjustmentId, approved->ledgerId}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE id = ? AND kind = 'adjust' AND points = 25 AND "
                             "note = 'Missed receipt'",
                             {approved->ledgerId}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND operation = 'adjust'",
                             {approved->ledgerId}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'adjustment.approve' AND actor = 'Dana'"),
             qint64(1));
    auto pending = m_store->engine().adjustments().pending();
    LT_VERIFY_OK(pending);
    QVERIFY(pending->isEmpty());

    // Removing points does not lower lifetime points.
    auto removal =
        m_store->engine().adjustments().request(m_member, -30, QStringLiteral("Duplicate scan"), TempStore::cashier());
    LT_VERIFY_OK(removal);
    auto removed =
        m_store->engine().adjustments().approve(removal->adjustmentId, QStringLiteral("Dana"), TempStore::cashier());
    LT_VERIFY_OK(removed);
    QCOMPARE(removed->member.balance, qint64(45));
    QCOMPARE(removed->member.lifetimePoints, qint64(75));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestAdjustmentService::rejectionAppliesNothing()
{
    auto requested =
        m_store->engine().adjustments().request(m_member, 1000, QStringLiteral("Birthday bonus"), TempStore::cashier());
    LT_VERIFY_OK(requested);
    const qint64 ledger = m_store->number("SELECT count(*) FROM ledger");
    auto rejected =
        m_store->engine().adjustments().reject(requested->adjustmentId, QStringLiteral("Dana"), TempStore::cashier());
    LT_VERIFY_OK(rejected);
    QCOMPARE(lt::toStorage(rejected->adjustmentState), QStringLiteral("rejected"));
    QCOMPARE(rejected->points, qint64(0));
    QCOMPARE(rejected->member.balance, qint64(50));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger"), ledger);
    QCOMPARE(m_store->number("SELECT count(*) FROM adjustments WHERE state = 'rejected' AND ledger_id IS NULL AND "
                             "decided_by = 'Dana'"),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'adjustment.reject'"), qint64(1));
}

void TestAdjustmentService::decisionIsFinal()
{
    auto first =
        m_store->engine().adjustments().request(m_member, 10, QStringLiteral("Reason one"), TempStore::cashier());
    auto second =
        m_store->engine().adjustments().request(m_member, 20, QStringLiteral("Reason two"), TempStore::cashier());
    LT_VERIFY_OK(first);
    LT_VERIFY_OK(second);
    LT_VERIFY_OK(
        m_store->engine().adjustments().approve(first->adjustmentId, QStringLiteral("Dana"), TempStore::cashier()));
    LT_VERIFY_OK(
        m_store->engine().adjustments().reject(second->adjustmentId, QStringLiteral("Dana"), TempStore::cashier()));
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(
        m_store->engine().adjustments().approve(first->adjustmentId, QStringLiteral("Eve"), TempStore::cashier()),
        ErrorKind::Conflict);
    LT_VERIFY_ERROR(
        m_store->engine().adjustments().reject(first->adjustmentId, QStringLiteral("Eve"), TempStore::cashier()),
        ErrorKind::Conflict);
    LT_VERIFY_ERROR(
        m_store->engine().adjustments().approve(second->adjustmentId, QStringLiteral("Eve"), TempStore::cashier()),
        ErrorKind::Conflict);
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->balance(m_member), qint64(60));
}

void TestAdjustmentService::refusesNegativeResult()
{
    auto requested =
        m_store->engine().adjustments().request(m_member, -51, QStringLiteral("Fraud"), TempStore::cashier());
    LT_VERIFY_OK(requested);
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(
        m_store->engine().adjustments().approve(requested->adjustmentId, QStringLiteral("Dana"), TempStore::cashier()),
        ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->balance(m_member), qint64(50));
    auto pending = m_store->engine().adjustments().pending();
    LT_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1); // still waiting for a decision
    // Exactly to zero is allowed.
    auto toZero = m_store->engine().adjustments().request(m_member, -50, QStringLiteral("Fraud"), TempStore::cashier());
    LT_VERIFY_OK(toZero);
    auto applied =
        m_store->engine().adjustments().approve(toZero->adjustmentId, QStringLiteral("Dana"), TempStore::cashier());
    LT_VERIFY_OK(applied);
    QCOMPARE(applied->member.balance, qint64(0));
}

void TestAdjustmentService::refusesInvalidRequests_data()
{
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::newRow("no reason") << qint64(10) << QString() << QStringLiteral("reason");
    QTest::newRow("blank reason") << qint64(10) << QStringLiteral(" \t ") << QStringLiteral("reason");
    QTest::newRow("control character in reason")
        << qint64(10) << QStringLiteral("ok\u0007") << QStringLiteral("reason");
    QTest::newRow("reason over 500") << qint64(10) << QStringLiteral("r").repeated(501) << QStringLiteral("reason");
    QTest::newRow("zero points") << qint64(0) << QStringLiteral("Reason") << QStringLiteral("points");
    QTest::newRow("too many points") << qint64(1'000'001) << QStringLiteral("Reason") << QStringLiteral("points");
    QTest::newRow("too many removed") << qint64(-1'000'001) << QStringLiteral("Reason") << QStringLiteral("points");
}

void TestAdjustmentService::refusesInvalidRequests()
{
    QFETCH(qint64, points);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    const QString before = m_store->rowCounts();
    const auto requested = m_store->engine().adjustments().request(m_member, points, reason, TempStore::cashier());
    LT_VERIFY_ERROR(requested, ErrorKind::InvalidInput);
    QCOMPARE(requested.error().field, field);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestAdjustmentService::refusesUnknownMemberOrAdjustment()
{
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->engine().adjustments().request(4242, 10, QStringLiteral("Reason"), TempStore::cashier()),
                    ErrorKind::NotFound);
    LT_VERIFY_ERROR(m_store->engine().adjustments().approve(4242, QStringLiteral("Dana"), TempStore::cashier()),
                    ErrorKind::NotFound);
    LT_VERIFY_ERROR(m_store->engine().adjustments().reject(4242, QStringLiteral("Dana"), TempStore::cashier()),
                    ErrorKind::NotFound);
    auto requested =
        m_store->engine().adjustments().request(m_member, 10, QStringLiteral("Reason"), TempStore::cashier());
    LT_VERIFY_OK(requested);
    const auto anonymous =
        m_store->engine().adjustments().approve(requested->adjustmentId, QStringLiteral("  "), TempStore::cashier());
    LT_VERIFY_ERROR(anonymous, ErrorKind::InvalidInput);
    QCOMPARE(anonymous.error().field, QStringLiteral("manager"));
    QCOMPARE(m_store->balance(m_member), qint64(50));
    QVERIFY(m_store->rowCounts() != before); // only the request itself was written
}

QTEST_GUILESS_MAIN(TestAdjustmentService)
#include "tst_adjustmentservice.moc"
