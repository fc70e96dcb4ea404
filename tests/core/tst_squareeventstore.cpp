#include "core/store/MemberStore.h"
#include "core/store/SquareEventStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::SquareEventState;
using lt::SquareEventStore;
using lt::test::TempStore;

class TestSquareEventStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void statesAreStoredByName();
    void keepsEachEventOnce();
    void readsTheMemberLinkedToTheAccount();
    void settlesHeldEvents();
    void oursReplacesOnlyAHeldEvent();
    void ignoresTheHeldEventsOfAGoneAccount();
    void cutsALongReason();

private:
    SquareEventStore store() { return SquareEventStore(m_store->db()); }
    static SquareEventStore::Event event(const QString& id, const QString& account, qint64 points = 10,
                                         const QString& createdAt = QStringLiteral("2024-03-01T10:00:00Z"));
    QDateTime now() { return m_store->clock().nowUtc(); }

    std::unique_ptr<TempStore> m_store;
};

SquareEventStore::Event TestSquareEventStore::event(const QString& id, const QString& account, qint64 points,
                                                    const QString& createdAt)
{
    SquareEventStore::Event e;
    e.id = id;
    e.accountId = account;
    e.type = QStringLiteral("ACCUMULATE_POINTS");
    e.points = points;
    e.locationId = QStringLiteral("L-1");
    e.source = QStringLiteral("SQUARE");
    e.createdAt = createdAt;
    return e;
}

void TestSquareEventStore::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestSquareEventStore::cleanup()
{
    m_store.reset();
}

void TestSquareEventStore::statesAreStoredByName()
{
    for (auto [state, name] :
         {std::pair {SquareEventState::Held, "held"}, std::pair {SquareEventState::Ours, "ours"},
          std::pair {SquareEventState::Applied, "applied"}, std::pair {SquareEventState::Ignored, "ignored"}}) {
        QCOMPARE(lt::toStorage(state), QLatin1String(name));
        auto back = lt::fromStorage<SquareEventState>(QLatin1String(name));
        LT_VERIFY_OK(back);
        QCOMPARE(*back, state);
    }
    LT_VERIFY_ERROR(lt::fromStorage<SquareEventState>(QStringLiteral("lost")), lt::ErrorKind::Corrupt);
}

void TestSquareEventStore::keepsEachEventOnce()
{
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-1"), QStringLiteral("A-1"), 10), now()));
    // A page read twice: the event is kept as first read.
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-1"), QStringLiteral("A-1"), 99), now()));
    QCOMPARE(m_store->number("SELECT count(*) FROM square_events"), qint64(1));
    auto kept = store().byId(QStringLiteral("E-1"));
    LT_VERIFY_OK(kept);
    QVERIFY(kept->has_value());
    QCOMPARE((*kept)->state, SquareEventState::Held);
    QCOMPARE((*kept)->event.points, qint64(10));
    QCOMPARE((*kept)->event.type, QStringLiteral("ACCUMULATE_POINTS"));
    QCOMPARE((*kept)->event.locationId, QStringLiteral("L-1"));
    QCOMPARE((*kept)->event.source, QStringLiteral("SQUARE"));
    QCOMPARE((*kept)->event.createdAt, QStringLiteral("2024-03-01T10:00:00Z"));
    QCOMPARE((*kept)->memberId, qint64(0)); // no member here holds the account
    auto missing = store().byId(QStringLiteral("E-2"));
    LT_VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
}

void TestSquareEventStore::readsTheMemberLinkedToTheAccount()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(lt::MemberStore(m_store->db()).linkSquareAccount(member->id, QStringLiteral("A-1"), std::nullopt));
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-1"), QStringLiteral("A-1")), now()));
    auto kept = store().byId(QStringLiteral("E-1"));
    LT_VERIFY_OK(kept);
    QCOMPARE((*kept)->memberId, member->id);
    QVERIFY(!(*kept)->memberHistoryRead);
    LT_VERIFY_OK(lt::MemberStore(m_store->db()).markSquareHistoryRead(member->id, now()));
    LT_VERIFY_OK(kept = store().byId(QStringLiteral("E-1")));
    QVERIFY((*kept)->memberHistoryRead);
}

void TestSquareEventStore::settlesHeldEvents()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    const qint64 outboxId = m_store->number("SELECT id FROM outbox WHERE member_id = ?", {member->id});
    LT_VERIFY_OK(store().keepHeld(
        event(QStringLiteral("E-new"), QStringLiteral("A-1"), 5, QStringLiteral("2024-03-01T12:00:00Z")), now()));
    LT_VERIFY_OK(store().keepHeld(
        event(QStringLiteral("E-old"), QStringLiteral("A-1"), 5, QStringLiteral("2024-03-01T09:00:00Z")), now()));
    auto held = store().heldIds();
    LT_VERIFY_OK(held);
    QCOMPARE(*held, QStringList({QStringLiteral("E-old"), QStringLiteral("E-new")}));
    auto settled = store().isSettled(QStringLiteral("E-old"));
    LT_VERIFY_OK(settled);
    QVERIFY(!*settled);

    LT_VERIFY_OK(store().settle(QStringLiteral("E-old"), SquareEventState::Ours, member->id, outboxId, 0));
    LT_VERIFY_OK(settled = store().isSettled(QStringLiteral("E-old")));
    QVERIFY(*settled);
    QCOMPARE(m_store->number("SELECT count(*) FROM square_events WHERE event_id = 'E-old' AND state = 'ours' "
                             "AND member_id = ? AND outbox_id = ? AND ledger_id IS NULL",
                             {member->id, outboxId}),
             qint64(1));
    LT_VERIFY_OK(held = store().heldIds());
    QCOMPARE(*held, QStringList({QStringLiteral("E-new")}));
    // An event never kept is not settled.
    LT_VERIFY_OK(settled = store().isSettled(QStringLiteral("E-unknown")));
    QVERIFY(!*settled);
}

void TestSquareEventStore::oursReplacesOnlyAHeldEvent()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    const qint64 outboxId = m_store->number("SELECT id FROM outbox WHERE member_id = ?", {member->id});
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-held"), QStringLiteral("A-1")), now()));
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-ignored"), QStringLiteral("A-1")), now()));
    LT_VERIFY_OK(store().settle(QStringLiteral("E-ignored"), SquareEventState::Ignored, member->id, 0, 0));

    for (const char* id : {"E-held", "E-ignored", "E-fresh"})
        LT_VERIFY_OK(store().keepOurs(event(QLatin1String(id), QStringLiteral("A-1")), member->id, outboxId, now()));
    QCOMPARE(m_store->number("SELECT count(*) FROM square_events WHERE state = 'ours' AND outbox_id = ?", {outboxId}),
             qint64(2));
    auto ignored = store().byId(QStringLiteral("E-ignored"));
    LT_VERIFY_OK(ignored);
    QCOMPARE((*ignored)->state, SquareEventState::Ignored);
}

void TestSquareEventStore::ignoresTheHeldEventsOfAGoneAccount()
{
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-1"), QStringLiteral("A-gone")), now()));
    LT_VERIFY_OK(store().keepHeld(event(QStringLiteral("E-2"), QStringLiteral("A-other")), now()));
    LT_VERIFY_OK(store().ignoreHeldOf(QStringLiteral("A-gone")));
    QCOMPARE(m_store->number("SELECT count(*) FROM square_events WHERE event_id = 'E-1' AND state = 'ignored'"),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM square_events WHERE event_id = 'E-2' AND state = 'held'"),
             qint64(1));
}

void TestSquareEventStore::cutsALongReason()
{
    auto tooLong = event(QStringLiteral("E-1"), QStringLiteral("A-1"));
    tooLong.type = QStringLiteral("ADJUST_POINTS");
    tooLong.reason = QString(SquareEventStore::MaxReasonLength + 100, u'x');
    LT_VERIFY_OK(store().keepHeld(tooLong, now()));
    auto kept = store().byId(QStringLiteral("E-1"));
    LT_VERIFY_OK(kept);
    QCOMPARE((*kept)->event.reason.size(), qsizetype(SquareEventStore::MaxReasonLength));
}

QTEST_GUILESS_MAIN(TestSquareEventStore)
#include "tst_squareeventstore.moc"
