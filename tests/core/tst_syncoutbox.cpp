#include "core/exchange/DemoDataGenerator.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QUuid>

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
    void keysAreTimeOrderedUuids();
    void demoMembersAreNeverWaitingToSync();
    void waitingCountFollowsTheOutbox();
    void countsByState();
    void pointsNotAtSquareAreTheUnsentOnes();
    void pushTakesEachMembersFirstDueRow();
    void pushLooksOnlyAtRowsItMaySend();
    void firstAttemptIsRecordedOnce();
    void pushOutcomesAreRecorded();
    void pullRecognisesOurOperations();
    void conflictsNeedOnlyTheStoreAndTheClock();
    void conflictsReadTheirKindsAndAnUnknownOneIsCorrupt();

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

void TestSyncOutbox::keysAreTimeOrderedUuids()
{
    // RFC 9562's version 7: the milliseconds since 1970 in the first 48 bits, then random bits, so keys made later sort
    // later (the outbox's unique index grows at its end) and no two are the same.
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QStringList keys;
    for (int i = 0; i < 5000; ++i)
        keys << SyncOutbox::newIdempotencyKey();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QSet<QString> distinct;
    qint64 previous = before;
    for (const QString& key : keys) {
        const QUuid uuid(key);
        QVERIFY2(!uuid.isNull() && key.size() == 36 && key == key.toLower(), qPrintable(key));
        QCOMPARE(key.at(14), QLatin1Char('7')); // the version (Qt 6.4's QUuid names versions up to 5 only)
        QCOMPARE(uuid.variant(), QUuid::DCE); // the RFC's variant
        bool ok = false;
        const qint64 ms = QString(key.left(8) + key.mid(9, 4)).toLongLong(&ok, 16);
        QVERIFY(ok);
        QVERIFY2(ms >= previous && ms <= after, qPrintable(key));
        previous = ms;
        distinct.insert(key);
    }
    QCOMPARE(distinct.size(), keys.size());
    // The 74 random bits differ even between keys of the same millisecond.
    QVERIFY(keys.first().mid(15) != keys.at(1).mid(15));
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

void TestSyncOutbox::waitingCountFollowsTheOutbox()
{
    // The count the till shows after every operation is kept by triggers; each change below must leave it equal to a
    // count of the rows.
    lt::GenerateOptions options;
    options.members = 3;
    LT_VERIFY_OK(lt::DemoDataGenerator(m_store->engine().context()).generate(options));
    const auto counted = [this] {
        return m_store->number("SELECT count(*) FROM outbox o JOIN members m ON m.id = o.member_id "
                               "WHERE m.origin <> 'generated' AND o.state = 'pending'");
    };
    const auto follows = [&](const char* step) {
        // The training mark the push's index reads follows the member's origin too.
        QVERIFY2(m_store->number("SELECT count(*) FROM outbox o JOIN members m ON m.id = o.member_id "
                                 "WHERE o.training IS NOT (m.origin = 'generated')")
                     == 0,
                 step);
        auto pending = outbox().pendingCount();
        QVERIFY2(pending.ok(), step);
        QVERIFY2(*pending == counted(),
                 qPrintable(
                     QStringLiteral("%1: kept %2, counted %3").arg(QLatin1String(step)).arg(*pending).arg(counted())));
    };
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-1"), 4000));
    LT_VERIFY_OK(m_store->accrue(1, QStringLiteral("TRAINING-1"), 2500));
    follows("enrolled, two sales");
    QCOMPARE(counted(), qint64(2));
    const qint64 enroll = m_store->number("SELECT min(id) FROM outbox");
    const qint64 sale =
        m_store->number("SELECT id FROM outbox WHERE member_id = ? AND operation = 'accrue'", {ana->id});
    const qint64 training = m_store->number("SELECT id FROM outbox WHERE member_id = 1");
    LT_VERIFY_OK(outbox().markSent(enroll));
    follows("sent");
    LT_VERIFY_OK(outbox().markConflict(sale, QStringLiteral("refused")));
    follows("conflict");
    QCOMPARE(counted(), qint64(0));
    LT_VERIFY_OK(outbox().sendAgain(sale, false));
    follows("sent again");
    LT_VERIFY_OK(outbox().sendAgain(training, false)); // a demo member's row pending again: still not counted
    follows("demo row pending again");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET member_id = 2 WHERE id = ?"), {sale}));
    follows("moved to a demo member");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET member_id = ? WHERE id = ?"), {ana->id, sale}));
    follows("moved back");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1")));
    follows("other columns changed");
    auto goodwill = outbox().enqueue(ana->id, 0, OutboxOperation::Adjust, {{QStringLiteral("points"), 5}});
    LT_VERIFY_OK(goodwill);
    follows("queued without a ledger entry");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("DELETE FROM outbox WHERE id = ?"), {*goodwill}));
    follows("deleted");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE members SET origin = 'generated' WHERE id = ?"), {ana->id}));
    follows("member counted as demo");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE members SET origin = 'till' WHERE id = ?"), {ana->id}));
    follows("member counted again");
    QCOMPARE(counted(), qint64(1));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QCOMPARE(report->problems, QStringList());

    // A count edited by hand is what `check` finds, and the row itself cannot be removed.
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox_waiting SET pending = pending + 5")));
    report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QCOMPARE(report->problems.size(), 1);
    QVERIFY2(report->problems.first().contains(QStringLiteral("waiting to sync")),
             qPrintable(report->problems.first()));
    LT_VERIFY_ERROR(m_store->db().exec(QStringLiteral("DELETE FROM outbox_waiting")), lt::ErrorKind::Storage);
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox_waiting SET pending = pending - 5")));

    // A training mark set by hand is put right by the outbox's triggers; with them gone, `check` finds it.
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET training = 1 WHERE id = ?"), {sale}));
    follows("marked as training by hand");
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("DROP TRIGGER outbox_training_moved")));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET training = 1 WHERE id = ?"), {sale}));
    report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QCOMPARE(report->problems.size(), 1);
    QVERIFY2(report->problems.first().contains(QStringLiteral("origin")), qPrintable(report->problems.first()));
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
    auto conflict = lt::SyncConflicts(m_store->db(), m_store->clock(), TempStore::cashier().name())
                        .record({m_store->number("SELECT id FROM outbox WHERE state = 'conflict'"),
                                 member->id,
                                 lt::ConflictKind::Refused,
                                 QString(),
                                 QStringLiteral("refused"),
                                 {},
                                 {}});
    LT_VERIFY_OK(conflict);
    LT_VERIFY_OK(lt::SyncConflicts(m_store->db(), m_store->clock(), TempStore::cashier().name())
                     .resolve(*conflict, lt::ConflictAction::AcceptSquare, QStringLiteral("Dana"), QString()));
    LT_VERIFY_OK(points = outbox().pointsNotAtSquare(member->id));
    QCOMPARE(*points, qint64(15));
}

void TestSyncOutbox::pushTakesEachMembersFirstDueRow()
{
    lt::GenerateOptions options;
    options.members = 3;
    LT_VERIFY_OK(lt::DemoDataGenerator(m_store->engine().context()).generate(options));
    LT_VERIFY_OK(m_store->accrue(1, QStringLiteral("TRAINING-1"), 2500)); // a demo member's: never sent
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    auto ben = m_store->enroll(QStringLiteral("415 555 2672"));
    auto cy = m_store->enroll(QStringLiteral("415 555 2673"));
    auto dee = m_store->enroll(QStringLiteral("415 555 2674"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(ben);
    LT_VERIFY_OK(cy);
    LT_VERIFY_OK(dee);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-1"), 4000));
    // Ben's enrollment waits for its retry time; Cy's phone was rejected and waits for a manager.
    LT_VERIFY_OK(outbox().markDeferred(m_store->number("SELECT id FROM outbox WHERE member_id = ?", {ben->id}),
                                       QStringLiteral("Square is unavailable"), m_store->clock().nowUtc().addSecs(60)));
    LT_VERIFY_OK(lt::SyncConflicts(m_store->db(), m_store->clock())
                     .record({m_store->number("SELECT id FROM outbox WHERE member_id = ?", {cy->id}),
                              cy->id,
                              lt::ConflictKind::PhoneRejected,
                              QStringLiteral("INVALID_PHONE_NUMBER"),
                              QStringLiteral("refused"),
                              {},
                              {}}));

    auto due = outbox().dueForPush(10, {});
    LT_VERIFY_OK(due);
    QCOMPARE(due->size(), 2); // Ana's enrollment (her sale waits behind it) and Dee's
    QCOMPARE(due->at(0).memberId, ana->id);
    QCOMPARE(due->at(0).operation, OutboxOperation::Enroll);
    QVERIFY(!due->at(0).ledgerKind);
    QCOMPARE(due->at(0).phone, QStringLiteral("+14155552671"));
    QCOMPARE(due->at(0).payload.value(QLatin1String("phone")).toString(), QStringLiteral("+14155552671"));
    QVERIFY(!due->at(0).firstAttemptAt.isValid());
    QCOMPARE(due->at(1).memberId, dee->id);
    // A member already in flight is left out; `wanted` caps the answer.
    LT_VERIFY_OK(due = outbox().dueForPush(10, {ana->id}));
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().memberId, dee->id);
    LT_VERIFY_OK(due = outbox().dueForPush(1, {}));
    QCOMPARE(due->size(), 1);

    // Once her enrollment is sent, Ana's sale comes with its ledger kind and points.
    LT_VERIFY_OK(outbox().markSent(m_store->number("SELECT id FROM outbox WHERE member_id = ? AND operation = "
                                                   "'enroll'",
                                                   {ana->id})));
    LT_VERIFY_OK(due = outbox().dueForPush(10, {dee->id}));
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().operation, OutboxOperation::Accrue);
    QCOMPARE(due->first().ledgerKind, std::optional(lt::LedgerKind::Accrue));
    QCOMPARE(due->first().points(), qint64(40));
    // Ben's row is due once its retry time has come.
    m_store->clock().advance(61 * 1000);
    LT_VERIFY_OK(due = outbox().dueForPush(10, {}));
    QCOMPARE(due->size(), 3);
}

void TestSyncOutbox::pushLooksOnlyAtRowsItMaySend()
{
    // A training store's cashiers queue thousands of rows for generated members ahead of a real one's: the push
    // reads its candidates from an index that holds none of them (it is named in the statement, so a plan that
    // walked them would be refused).
    lt::GenerateOptions options;
    options.members = 400;
    LT_VERIFY_OK(lt::DemoDataGenerator(m_store->engine().context()).generate(options));
    for (qint64 member = 1; member <= options.members; ++member)
        LT_VERIFY_OK(m_store->accrue(member, QStringLiteral("TRAINING-%1").arg(member), 1000));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE state = 'pending' AND training = 1"),
             qint64(options.members));
    auto real = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(real);
    auto due = outbox().dueForPush(10, {});
    LT_VERIFY_OK(due);
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().memberId, real->id);
    QCOMPARE(m_store->number("SELECT count(*) FROM pragma_index_list('outbox') WHERE name = 'outbox_sendable' "
                             "AND partial = 1"),
             qint64(1));
}

void TestSyncOutbox::firstAttemptIsRecordedOnce()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    auto ben = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(ben);
    const qint64 first = m_store->number("SELECT id FROM outbox WHERE member_id = ?", {ana->id});
    const qint64 second = m_store->number("SELECT id FROM outbox WHERE member_id = ?", {ben->id});
    const QDateTime before = m_store->clock().nowUtc();
    LT_VERIFY_OK(outbox().markFirstAttempt({first}, before));
    LT_VERIFY_OK(outbox().markFirstAttempt({first, second}, before.addSecs(30)));
    LT_VERIFY_OK(outbox().markFirstAttempt({}, before.addSecs(60)));
    auto due = outbox().dueForPush(10, {});
    LT_VERIFY_OK(due);
    QCOMPARE(due->size(), 2);
    QCOMPARE(due->at(0).firstAttemptAt, before);
    QCOMPARE(due->at(1).firstAttemptAt, before.addSecs(30));
}

void TestSyncOutbox::pushOutcomesAreRecorded()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-1"), 4000));
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-2"), 4000));
    const qint64 enroll = m_store->number("SELECT min(id) FROM outbox");
    const qint64 sale = enroll + 1;
    const qint64 refused = enroll + 2;
    LT_VERIFY_OK(outbox().markDeferred(enroll, QStringLiteral("timeout"), m_store->clock().nowUtc().addSecs(60)));
    LT_VERIFY_OK(outbox().markSent(enroll));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE id = ? AND state = 'sent' AND attempts = 2 AND "
                             "last_error IS NULL AND next_attempt_at IS NULL AND sent_at IS NOT NULL",
                             {enroll}),
             qint64(1));
    LT_VERIFY_OK(outbox().setSquareRef(sale, QStringLiteral("R-1")));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE id = ? AND square_ref = 'R-1'", {sale}), qint64(1));
    LT_VERIFY_OK(outbox().markConflict(refused, QStringLiteral("refused")));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE id = ? AND state = 'conflict' AND attempts = 1 AND "
                             "last_error = 'refused'",
                             {refused}),
             qint64(1));
}

void TestSyncOutbox::pullRecognisesOurOperations()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-1"), 4000));
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-2"), 1500));
    const qint64 enroll = m_store->number("SELECT min(id) FROM outbox");
    const qint64 first = enroll + 1;
    const qint64 second = enroll + 2;
    LT_VERIFY_OK(outbox().setSquareRef(first, QStringLiteral("R-1")));
    auto id = outbox().idBySquareRef(ana->id, QStringLiteral("R-1"));
    LT_VERIFY_OK(id);
    QCOMPARE(*id, first);
    LT_VERIFY_OK(id = outbox().idBySquareRef(ana->id + 1, QStringLiteral("R-1")));
    QCOMPARE(*id, qint64(0));
    auto due = outbox().dueForPush(10, {});
    LT_VERIFY_OK(due);
    LT_VERIFY_OK(id = outbox().idByIdempotencyKey(ana->id, due->first().idempotencyKey));
    QCOMPARE(*id, enroll);
    LT_VERIFY_OK(id = outbox().idByIdempotencyKey(ana->id, QStringLiteral("not-a-key")));
    QCOMPARE(*id, qint64(0));

    // An operation whose first request left has an unknown outcome; an enrollment never counts as one.
    auto doubt = outbox().hasUnknownOutcome(ana->id);
    LT_VERIFY_OK(doubt);
    QVERIFY(!*doubt);
    LT_VERIFY_OK(outbox().markFirstAttempt({enroll}, m_store->clock().nowUtc()));
    LT_VERIFY_OK(doubt = outbox().hasUnknownOutcome(ana->id));
    QVERIFY(!*doubt);
    LT_VERIFY_OK(outbox().markFirstAttempt({first}, m_store->clock().nowUtc()));
    LT_VERIFY_OK(doubt = outbox().hasUnknownOutcome(ana->id));
    QVERIFY(*doubt);
    // Found among Square's events: settled as sent, once.
    LT_VERIFY_OK(outbox().markSentFromEvent(first));
    LT_VERIFY_OK(doubt = outbox().hasUnknownOutcome(ana->id));
    QVERIFY(!*doubt);
    QCOMPARE(m_store->number("SELECT attempts FROM outbox WHERE id = ? AND state = 'sent'", {first}), qint64(0));
    LT_VERIFY_OK(outbox().markConflict(second, QStringLiteral("refused")));
    LT_VERIFY_OK(outbox().markSentFromEvent(second));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE id = ? AND state = 'conflict'", {second}), qint64(1));

    // A sent accrual of these points no kept event claims yet is the one an event from our location matches.
    LT_VERIFY_OK(id = outbox().unclaimedSentAccrual(ana->id, 40));
    QCOMPARE(*id, first);
    LT_VERIFY_OK(id = outbox().unclaimedSentAccrual(ana->id, 15));
    QCOMPARE(*id, qint64(0)); // refused, not sent
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral(
            "INSERT INTO square_events (event_id, account_id, type, points, created_at, state, outbox_id, pulled_at) "
            "VALUES ('E-1', 'A-1', 'ACCUMULATE_POINTS', 40, '2024-03-01T10:00:00Z', 'ours', ?, "
            "'2024-03-01T10:00:00Z')"),
        {first}));
    LT_VERIFY_OK(id = outbox().unclaimedSentAccrual(ana->id, 40));
    QCOMPARE(*id, qint64(0));
}

void TestSyncOutbox::conflictsNeedOnlyTheStoreAndTheClock()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-1"), 4000));
    lt::SyncConflicts conflicts(m_store->db(), m_store->clock());
    auto known = conflicts.balanceMismatchKnown(ana->id, 5);
    LT_VERIFY_OK(known);
    QVERIFY(!*known);
    auto id = conflicts.record({0,
                                ana->id,
                                lt::ConflictKind::BalanceMismatch,
                                QString(),
                                QStringLiteral("disagree"),
                                {},
                                {{QStringLiteral("difference"), 5}}});
    LT_VERIFY_OK(id);
    LT_VERIFY_OK(known = conflicts.balanceMismatchKnown(ana->id, 7));
    QVERIFY(*known); // open: whatever the difference
    auto open = conflicts.openCount();
    LT_VERIFY_OK(open);
    QCOMPARE(*open, qint64(1));
    // Accepting Square's side writes the entry for the manager who resolved it.
    LT_VERIFY_OK(conflicts.resolve(*id, lt::ConflictAction::AcceptSquare, QStringLiteral("Dana"), QString()));
    QCOMPARE(m_store->balance(ana->id), qint64(45));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE member_id = ? AND kind = 'restore' AND points = 5 "
                             "AND actor = 'Dana'",
                             {ana->id}),
             qint64(1));
    LT_VERIFY_OK(known = conflicts.balanceMismatchKnown(ana->id, 5));
    QVERIFY(!*known); // resolved, and not by dismissing it
}

void TestSyncOutbox::conflictsReadTheirKindsAndAnUnknownOneIsCorrupt()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("S-1"), 4000));
    lt::SyncConflicts conflicts(m_store->db(), m_store->clock());
    const qint64 accrual = m_store->number("SELECT id FROM outbox WHERE operation = 'accrue'");
    LT_VERIFY_OK(conflicts.record({accrual, ana->id, lt::ConflictKind::Refused, QString(), QString(), {}, {}}));
    LT_VERIFY_OK(conflicts.record({0, ana->id, lt::ConflictKind::BalanceMismatch, QString(), QString(), {}, {}}));
    auto open = conflicts.list();
    LT_VERIFY_OK(open);
    QCOMPARE(open->size(), 2);
    QCOMPARE(open->at(0).kind, lt::ConflictKind::Refused);
    QCOMPARE(open->at(0).operation, std::optional(OutboxOperation::Accrue));
    QCOMPARE(open->at(1).kind, lt::ConflictKind::BalanceMismatch);
    QVERIFY(!open->at(1).operation); // no operation to blame
    // Text no version stores (the schema's checks forbid it): a file written by something else, or damaged.
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("PRAGMA ignore_check_constraints = ON")));
    LT_VERIFY_OK(
        m_store->db().exec(QStringLiteral("UPDATE outbox SET operation = 'teleport' WHERE id = ?"), {accrual}));
    LT_VERIFY_ERROR(conflicts.list(), lt::ErrorKind::Corrupt);
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET operation = 'accrue' WHERE id = ?"), {accrual}));
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE sync_conflicts SET kind = 'lost' WHERE outbox_id IS NULL")));
    LT_VERIFY_ERROR(conflicts.list(), lt::ErrorKind::Corrupt);
}

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"
