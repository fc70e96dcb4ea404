#include "core/store/IntegrityChecker.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::IntegrityChecker;
using lt::test::TempStore;

class TestIntegrityChecker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void passesOnSoundStore();
    void detectsTampering_data();
    void detectsTampering();
    void ignoresGeneratedDemoMembersInTheOutbox();

private:
    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestIntegrityChecker::init()
{
    // A store with every kind of entry: opening balance, sales, a refund, a void, a redemption, an adjustment.
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    lt::EnrollmentRequest imported;
    imported.phone = QStringLiteral("415 555 2671");
    imported.openingBalance = 40;
    auto member = m_store->engine().enrollment().enroll(imported, TempStore::cashier());
    LT_VERIFY_OK(member);
    m_member = member->member.id;
    auto other = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(other);
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 12345));
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-2"), 3000));
    LT_VERIFY_OK(m_store->accrue(other->id, QStringLiteral("S-3"), 7000));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-1");
    refund.amount = lt::Money(5000, QStringLiteral("USD"));
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    LT_VERIFY_OK(m_store->engine().accrual().voidSale(QStringLiteral("S-2"), QStringLiteral("Wrong member"),
                                                      TempStore::cashier()));
    lt::RedemptionRequest redeem;
    redeem.memberId = m_member;
    redeem.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    auto adjustment =
        m_store->engine().adjustments().request(m_member, 7, QStringLiteral("Goodwill"), TempStore::cashier());
    LT_VERIFY_OK(adjustment);
    LT_VERIFY_OK(m_store->engine().adjustments().approve(adjustment->adjustmentId, QStringLiteral("Dana"),
                                                         TempStore::cashier()));
}

void TestIntegrityChecker::cleanup()
{
    m_store.reset();
}

void TestIntegrityChecker::passesOnSoundStore()
{
    auto report = IntegrityChecker(m_store->db()).check();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->members, qint64(2));
    QCOMPARE(report->sales, qint64(3));
    QCOMPARE(report->ledgerEntries, m_store->number("SELECT count(*) FROM ledger"));
    QVERIFY(report->ledgerEntries >= 7);
    QCOMPARE(report->pendingSync, m_store->number("SELECT count(*) FROM outbox"));
    // 40 + 123 - 49 + 30 - 30 - 100 + 7
    QCOMPARE(m_store->balance(m_member), qint64(21));
    // The check leaves no transaction open: writing still works.
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-4"), 100));
}

void TestIntegrityChecker::detectsTampering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("problem");
    QTest::newRow("balance") << QStringLiteral("UPDATE members SET balance = balance + 1 WHERE phone = '+14155552671'")
                             << QStringLiteral("Balance differs");
    QTest::newRow("lifetime points") << QStringLiteral(
        "UPDATE members SET lifetime_points = lifetime_points - 5 WHERE phone = '+14155552672'")
                                     << QStringLiteral("Lifetime points differ");
    QTest::newRow("sale points") << QStringLiteral("UPDATE sales SET points = points + 1 WHERE reference = 'S-3'")
                                 << QStringLiteral("Sale points differ");
    QTest::newRow("reversed points") << QStringLiteral("UPDATE sales SET points_reversed = 0 WHERE reference = 'S-1'")
                                     << QStringLiteral("Reversed points differ");
    QTest::newRow("lost outbox entry") << QStringLiteral(
        "DELETE FROM outbox WHERE ledger_id = (SELECT max(id) FROM ledger)")
                                       << QStringLiteral("never queued");
    QTest::newRow("dangling card") << QStringLiteral("PRAGMA foreign_keys = OFF; INSERT INTO cards (number, member_id, "
                                                     "issued_at) VALUES ('2900000000995', 999, 'x')")
                                   << QStringLiteral("missing row");
}

void TestIntegrityChecker::detectsTampering()
{
    QFETCH(QString, sql);
    QFETCH(QString, problem);
    for (const QString& statement : sql.split(QStringLiteral("; ")))
        LT_VERIFY_OK(m_store->db().exec(statement));
    auto report = IntegrityChecker(m_store->db()).check();
    LT_VERIFY_OK(report);
    QVERIFY(!report->ok());
    QCOMPARE(report->problems.size(), 1);
    QVERIFY2(report->problems.first().contains(problem), qPrintable(report->problems.first()));
}

void TestIntegrityChecker::ignoresGeneratedDemoMembersInTheOutbox()
{
    // Demo members never reach Square, so their entries have no outbox rows and that is fine.
    LT_VERIFY_OK(
        m_store->db().exec(QStringLiteral("UPDATE members SET origin = 'generated' WHERE id = ?"), {m_member}));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("DELETE FROM outbox WHERE member_id = ?"), {m_member}));
    auto report = IntegrityChecker(m_store->db()).check();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestIntegrityChecker)
#include "tst_integritychecker.moc"
