#include "core/store/LedgerWriter.h"
#include "core/store/Transaction.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::LedgerWriter;
using lt::test::TempStore;

class TestLedgerWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keepsBalanceLifetimeAndOutboxInStep();
    void entryWithoutSquareCounterpartIsNotQueued();
    void unknownMemberIsNotFound();
    void countsLifetimePointsByKind_data();
    void countsLifetimePointsByKind();
    void ledgerIsAppendOnly();
    void auditLogIsAppendOnly();

private:
    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestLedgerWriter::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    m_member = member->id;
}

void TestLedgerWriter::cleanup()
{
    m_store.reset();
}

void TestLedgerWriter::keepsBalanceLifetimeAndOutboxInStep()
{
    LedgerWriter::Entry entry;
    entry.memberId = m_member;
    entry.kind = QStringLiteral("adjust");
    entry.points = 30;
    entry.note = QStringLiteral("Goodwill");
    lt::Transaction transaction(m_store->db());
    LT_VERIFY_OK(transaction.begin());
    auto id = LedgerWriter(m_store->db(), m_store->clock(), TempStore::cashier())
                  .append(entry, QStringLiteral("adjust"), {{QStringLiteral("reason"), QStringLiteral("Goodwill")}});
    LT_VERIFY_OK(id);
    LT_VERIFY_OK(transaction.commit());
    QCOMPARE(m_store->balance(m_member), qint64(30));
    QCOMPARE(m_store->number("SELECT lifetime_points FROM members WHERE id = ?", {m_member}), qint64(30));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE id = ? AND actor = 'cashier-1' AND note = 'Goodwill' "
                             "AND sale_id IS NULL AND reference IS NULL AND reward_tier_id IS NULL AND "
                             "discount_minor IS NULL",
                             {*id}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND operation = 'adjust' AND "
                             "json_extract(payload, '$.points') = 30 AND "
                             "json_extract(payload, '$.reason') = 'Goodwill' AND length(idempotency_key) = 36",
                             {*id}),
             qint64(1));

    // Rolled back, none of the three changes remains.
    const QString before = m_store->rowCounts();
    lt::Transaction abandoned(m_store->db());
    LT_VERIFY_OK(abandoned.begin());
    entry.points = -10;
    LT_VERIFY_OK(
        LedgerWriter(m_store->db(), m_store->clock(), TempStore::cashier()).append(entry, QStringLiteral("adjust")));
    abandoned.rollback();
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->balance(m_member), qint64(30));
}

void TestLedgerWriter::entryWithoutSquareCounterpartIsNotQueued()
{
    LedgerWriter::Entry entry;
    entry.memberId = m_member;
    entry.kind = QStringLiteral("expire");
    entry.points = 0;
    const qint64 outbox = m_store->number("SELECT count(*) FROM outbox");
    auto id = LedgerWriter(m_store->db(), m_store->clock(), TempStore::cashier()).append(entry, QString());
    LT_VERIFY_OK(id);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox"), outbox);
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestLedgerWriter::unknownMemberIsNotFound()
{
    LedgerWriter::Entry entry;
    entry.memberId = 4242;
    entry.kind = QStringLiteral("adjust");
    entry.points = 5;
    lt::Transaction transaction(m_store->db());
    LT_VERIFY_OK(transaction.begin());
    // Foreign keys refuse the ledger row itself; either way nothing is appended for a stranger.
    const auto appended =
        LedgerWriter(m_store->db(), m_store->clock(), TempStore::cashier()).append(entry, QStringLiteral("adjust"));
    QVERIFY(!appended.ok());
    QVERIFY(appended.error().kind == ErrorKind::NotFound || appended.error().kind == ErrorKind::Storage);
    transaction.rollback();
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE member_id = 4242"), qint64(0));
}

void TestLedgerWriter::countsLifetimePointsByKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<qint64>("lifetime");
    QTest::newRow("accrue") << QStringLiteral("accrue") << qint64(10) << qint64(10);
    QTest::newRow("opening") << QStringLiteral("opening") << qint64(300) << qint64(300);
    QTest::newRow("refund takes earned points back") << QStringLiteral("refund") << qint64(-7) << qint64(-7);
    QTest::newRow("void takes earned points back") << QStringLiteral("void") << qint64(-7) << qint64(-7);
    QTest::newRow("adjust up counts") << QStringLiteral("adjust") << qint64(5) << qint64(5);
    QTest::newRow("adjust down does not") << QStringLiteral("adjust") << qint64(-5) << qint64(0);
    QTest::newRow("redeem does not") << QStringLiteral("redeem") << qint64(-100) << qint64(0);
    QTest::newRow("restore does not") << QStringLiteral("restore") << qint64(100) << qint64(0);
    QTest::newRow("expire does not") << QStringLiteral("expire") << qint64(-30) << qint64(0);
}

void TestLedgerWriter::countsLifetimePointsByKind()
{
    QFETCH(QString, kind);
    QFETCH(qint64, points);
    QFETCH(qint64, lifetime);
    QCOMPARE(LedgerWriter::lifetimeDelta(kind, points), lifetime);
    // The integrity check's SQL says the same as the C++ rule.
    auto sql = m_store->db().scalar(QStringLiteral("SELECT ") + LedgerWriter::lifetimeDeltaSql()
                                        + QStringLiteral(" FROM (SELECT ? AS kind, ? AS points)"),
                                    {kind, points});
    LT_VERIFY_OK(sql);
    QCOMPARE(sql->toLongLong(), lifetime);
}

void TestLedgerWriter::ledgerIsAppendOnly()
{
    auto sale = m_store->accrue(m_member, QStringLiteral("S-1"), 5000);
    LT_VERIFY_OK(sale);
    const auto update =
        m_store->db().exec(QStringLiteral("UPDATE ledger SET points = 5000 WHERE id = ?"), {sale->ledgerId});
    LT_VERIFY_ERROR(update, ErrorKind::Storage);
    QVERIFY2(update.error().message.contains(QLatin1String("append-only")), qPrintable(update.error().message));
    const auto remove = m_store->db().exec(QStringLiteral("DELETE FROM ledger"));
    LT_VERIFY_ERROR(remove, ErrorKind::Storage);
    QVERIFY2(remove.error().message.contains(QLatin1String("append-only")), qPrintable(remove.error().message));
    QCOMPARE(m_store->number("SELECT points FROM ledger WHERE id = ?", {sale->ledgerId}), qint64(50));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger"), qint64(1));
}

void TestLedgerWriter::auditLogIsAppendOnly()
{
    const qint64 entries = m_store->number("SELECT count(*) FROM audit_log");
    QVERIFY(entries > 0);
    const auto update = m_store->db().exec(QStringLiteral("UPDATE audit_log SET actor = 'someone else'"));
    LT_VERIFY_ERROR(update, ErrorKind::Storage);
    QVERIFY2(update.error().message.contains(QLatin1String("append-only")), qPrintable(update.error().message));
    LT_VERIFY_ERROR(m_store->db().exec(QStringLiteral("DELETE FROM audit_log")), ErrorKind::Storage);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log"), entries);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE actor = 'someone else'"), qint64(0));
}

QTEST_GUILESS_MAIN(TestLedgerWriter)
#include "tst_ledgerwriter.moc"
