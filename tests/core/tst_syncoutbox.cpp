#include "core/exchange/DemoDataGenerator.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::OutboxOperation;
using lt::SyncOutbox;
using lt::test::TempStore;

class TestSyncOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queuesWithAKeyPerOperation();
    void demoMembersAreNeverWaitingToSync();
    void countsByState();
    void pointsNotAtSquareAreTheUnsentOnes();

private:
    SyncOutbox outbox() { return SyncOutbox(m_store->db(), m_store->clock()); }

    std::unique_ptr<TempStore> m_store;
};

void TestSyncOutbox::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestSyncOutbox::cleanup()
{
    m_store.reset();
}

void TestSyncOutbox::queuesWithAKeyPerOperation()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    auto id = outbox().enqueue(member->id, 0, OutboxOperation::Adjust, {{QStringLiteral("points"), 5}});
    LT_VERIFY_OK(id);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE id = ? AND operation = 'adjust' AND state = 'pending' "
                             "AND ledger_id IS NULL AND json_extract(payload, '$.points') = 5",
                             {*id}),
             qint64(1));
    // Every operation carries its own idempotency key.
    QCOMPARE(m_store->number("SELECT count(DISTINCT idempotency_key) FROM outbox"),
             m_store->number("SELECT count(*) FROM outbox"));
    // An operation Square has no name for is a bug, refused before it reaches the table.
    LT_VERIFY_ERROR(outbox().enqueue(member->id, 0, QStringLiteral("gift"), {}), lt::ErrorKind::Internal);
}

void TestSyncOutbox::demoMembersAreNeverWaitingToSync()
{
    // A cashier trains on generated members: their operations are queued like any other, but never sent.
    lt::GenerateOptions options;
    options.members = 20;
    LT_VERIFY_OK(lt::DemoDataGenerator(m_store->engine().context()).generate(options));
    LT_VERIFY_OK(m_store->accrue(1, QStringLiteral("TRAINING-1"), 2500));
    LT_VERIFY_OK(m_store->accrue(2, QStringLiteral("TRAINING-2"), 1200));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state = 'pending'"), qint64(2));
    // A real member's enrollment and sale are waiting.
    auto real = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(real);
    LT_VERIFY_OK(m_store->accrue(real->id, QStringLiteral("REAL-1"), 4000));

    auto pending = outbox().pendingCount();
    LT_VERIFY_OK(pending);
    QCOMPARE(*pending, qint64(2));
    auto demo = outbox().pendingCountFor(1);
    LT_VERIFY_OK(demo);
    QCOMPARE(*demo, qint64(0));
    auto mine = outbox().pendingCountFor(real->id);
    LT_VERIFY_OK(mine);
    QCOMPARE(*mine, qint64(2));
    // `check` and `sync status` say the same.
    auto counts = outbox().stateCounts();
    LT_VERIFY_OK(counts);
    QCOMPARE(counts->pending, qint64(2));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QCOMPARE(report->pendingSync, qint64(2));
}

void TestSyncOutbox::countsByState()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(m_store->accrue(member->id, QStringLiteral("S-1"), 4000));
    LT_VERIFY_OK(m_store->accrue(member->id, QStringLiteral("S-2"), 4000));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE operation = 'enroll'")));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral(
        "UPDATE outbox SET next_attempt_at = '2024-03-01T12:05:00.000Z' WHERE id = (SELECT max(id) FROM outbox)")));
    auto counts = outbox().stateCounts();
    LT_VERIFY_OK(counts);
    QCOMPARE(counts->pending, qint64(2));
    QCOMPARE(counts->sent, qint64(1));
    QCOMPARE(counts->conflict, qint64(0));
    QCOMPARE(counts->nextRetryAt, QDateTime(QDate(2024, 3, 1), QTime(12, 5), Qt::UTC));
}

void TestSyncOutbox::pointsNotAtSquareAreTheUnsentOnes()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(m_store->accrue(member->id, QStringLiteral("S-1"), 4000)); // 40, sent below
    LT_VERIFY_OK(m_store->accrue(member->id, QStringLiteral("S-2"), 1500)); // 15, pending
    LT_VERIFY_OK(m_store->accrue(member->id, QStringLiteral("S-3"), 700)); // 7, refused
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral(
        "UPDATE outbox SET state = 'sent' WHERE json_extract(payload, '$.sale') = 'S-1' OR operation = 'enroll'")));
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE outbox SET state = 'conflict' WHERE json_extract(payload, '$.sale') = 'S-3'")));
    auto points = outbox().pointsNotAtSquare(member->id);
    LT_VERIFY_OK(points);
    QCOMPARE(*points, qint64(22));
    // Once a manager accepts Square's side, the refused operation is settled.
    auto conflict = lt::SyncConflicts(m_store->engine().context())
                        .record({m_store->number("SELECT id FROM outbox WHERE state = 'conflict'"),
                                 member->id,
                                 QStringLiteral("refused"),
                                 QString(),
                                 QStringLiteral("refused"),
                                 {},
                                 {}});
    LT_VERIFY_OK(conflict);
    LT_VERIFY_OK(lt::SyncConflicts(m_store->engine().context())
                     .resolve(*conflict, lt::ConflictAction::AcceptSquare, QStringLiteral("Dana"), QString()));
    LT_VERIFY_OK(points = outbox().pointsNotAtSquare(member->id));
    QCOMPARE(*points, qint64(15));
}

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"
