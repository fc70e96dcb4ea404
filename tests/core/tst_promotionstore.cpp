#include "core/services/PromotionCache.h"
#include "core/store/PromotionStore.h"
#include "core/store/Transaction.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>
#include <QTimeZone>

using lt::ErrorKind;
using lt::Promotion;
using lt::PromotionStore;
using lt::Result;
using lt::test::TempStore;

namespace {
const QString Weekly =
    QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT");

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute), QTimeZone::utc());
}

Promotion own(const QString& name, const QDateTime& createdAt)
{
    Promotion p;
    p.name = name;
    p.periods = {Weekly};
    p.multiplierMilli = 2000;
    p.createdAt = createdAt;
    return p;
}

Promotion fromSquare(const QString& squareId, const QString& name, const QDateTime& createdAt)
{
    Promotion p = own(name, createdAt);
    p.squareId = squareId;
    p.incentive = Promotion::Incentive::Addition;
    p.pointsAddition = 25;
    p.categoryIds = {QStringLiteral("CAT-COFFEE")};
    p.triggerLimit = Promotion::TriggerLimit {1, Promotion::LimitInterval::Day};
    return p;
}

QStringList names(const Result<QList<Promotion>>& promotions)
{
    QStringList list;
    if (promotions) {
        for (const Promotion& p : *promotions)
            list << p.name;
    }
    return list;
}
} // namespace

class TestPromotionStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addsAndReadsBack();
    void refusesWhatSquareWouldRefuse();
    void atMostTenLive();
    void cancelStopsALivePromotion();
    void cacheReadsAgainOnlyAfterAChange();
    void squaresListReplacesThePromotions();
    void usesAreCountedPerMemberAndSince();

private:
    std::unique_ptr<TempStore> m_store;
};

void TestPromotionStore::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestPromotionStore::cleanup()
{
    m_store.reset();
}

void TestPromotionStore::addsAndReadsBack()
{
    PromotionStore store(m_store->db());
    Promotion first = own(QStringLiteral("Double Tuesdays"), utc(1, 9));
    first.minimumSpendMinor = 1000;
    first.currency = QStringLiteral("USD");
    first.triggerLimit = Promotion::TriggerLimit {2, Promotion::LimitInterval::AllTime};
    auto firstId = store.add(first);
    LT_VERIFY_OK(firstId);
    auto secondId = store.add(own(QStringLiteral("Later"), utc(2, 9)));
    LT_VERIFY_OK(secondId);
    QVERIFY(*secondId > *firstId);

    // Kept across a reopening of the file.
    m_store->close();
    LT_VERIFY_OK(m_store->open());
    PromotionStore reopened(m_store->db());
    auto read = reopened.byId(*firstId);
    LT_VERIFY_OK(read);
    QCOMPARE(read->id, *firstId);
    QCOMPARE(read->name, QStringLiteral("Double Tuesdays"));
    QCOMPARE(read->multiplierMilli, 2000);
    QCOMPARE(read->minimumSpendMinor, 1000);
    QCOMPARE(read->triggerLimit->times, 2);
    QCOMPARE(read->periods, QStringList {Weekly});
    QCOMPARE(read->startDate, QDate(2024, 3, 5));
    QCOMPARE(read->createdAt, utc(1, 9));
    QVERIFY(read->squareId.isEmpty());
    QCOMPARE(names(reopened.all()), (QStringList {QStringLiteral("Later"), QStringLiteral("Double Tuesdays")}));
    QCOMPARE(names(reopened.active()), names(reopened.all()));
    LT_VERIFY_ERROR(reopened.byId(999), ErrorKind::NotFound);
}

void TestPromotionStore::refusesWhatSquareWouldRefuse()
{
    PromotionStore store(m_store->db());
    Promotion tooMuch = own(QStringLiteral("Eleven times"), utc(1, 9));
    tooMuch.multiplierMilli = 11000;
    auto refused = store.add(tooMuch);
    LT_VERIFY_ERROR(refused, ErrorKind::InvalidInput);
    QCOMPARE(refused.error().field, QStringLiteral("incentive.points_multiplier_data.multiplier"));
    Promotion never = own(QStringLiteral("Never"), utc(1, 9));
    never.periods = {QStringLiteral("DTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=DAILY;UNTIL=20240101T000000")};
    LT_VERIFY_ERROR(store.add(never), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(store.add(own(QStringLiteral("Undated"), QDateTime())), ErrorKind::InvalidInput);
    QCOMPARE(m_store->number("SELECT count(*) FROM promotions"), 0);
}

void TestPromotionStore::atMostTenLive()
{
    PromotionStore store(m_store->db());
    for (int i = 0; i < Promotion::MaxLive; ++i)
        LT_VERIFY_OK(store.add(own(QStringLiteral("P%1").arg(i), utc(1, 9, i))));
    auto eleventh = store.add(own(QStringLiteral("One more"), utc(2, 9)));
    LT_VERIFY_ERROR(eleventh, ErrorKind::Refused);
    QCOMPARE(m_store->number("SELECT count(*) FROM promotions"), Promotion::MaxLive);
    // Canceling one makes room.
    auto first = store.all();
    LT_VERIFY_OK(first);
    LT_VERIFY_OK(store.cancel(first->last().id, utc(2, 10)));
    LT_VERIFY_OK(store.add(own(QStringLiteral("One more"), utc(2, 9))));
}

void TestPromotionStore::cancelStopsALivePromotion()
{
    PromotionStore store(m_store->db());
    auto id = store.add(own(QStringLiteral("Double Tuesdays"), utc(1, 9)));
    LT_VERIFY_OK(id);
    auto canceled = store.cancel(*id, utc(4, 15, 30));
    LT_VERIFY_OK(canceled);
    QCOMPARE(canceled->status, Promotion::Status::Canceled);
    auto read = store.byId(*id);
    LT_VERIFY_OK(read);
    QCOMPARE(read->status, Promotion::Status::Canceled);
    QCOMPARE(read->canceledAt, utc(4, 15, 30));
    QVERIFY(!read->isLive());
    QVERIFY(names(store.active()).isEmpty());
    QCOMPARE(names(store.all()), QStringList {QStringLiteral("Double Tuesdays")});
    LT_VERIFY_ERROR(store.cancel(*id, utc(5, 9)), ErrorKind::Conflict);
    LT_VERIFY_ERROR(store.cancel(4242, utc(5, 9)), ErrorKind::NotFound);
}

void TestPromotionStore::cacheReadsAgainOnlyAfterAChange()
{
    // Sales read the live promotions through a cache; an add, a cancel or Square's list, possibly made by another
    // process, must reach the next sale.
    PromotionStore store(m_store->db());
    lt::PromotionCache cache;
    QVERIFY(names(cache.live(store)).isEmpty());
    auto before = store.signature();
    LT_VERIFY_OK(before);
    auto id = store.add(own(QStringLiteral("Double Tuesdays"), utc(1, 9)));
    LT_VERIFY_OK(id);
    QCOMPARE(names(cache.live(store)), QStringList {QStringLiteral("Double Tuesdays")});
    auto added = store.signature();
    LT_VERIFY_OK(added);
    QVERIFY(*added != *before);
    QCOMPARE(*store.signature(), *added); // nothing changed, nothing to read
    LT_VERIFY_OK(store.cancel(*id, utc(4, 15, 30)));
    QVERIFY(*store.signature() != *added);
    QVERIFY(names(cache.live(store)).isEmpty());
    LT_VERIFY_OK(
        store.replaceFromSquare({fromSquare(QStringLiteral("sq-1"), QStringLiteral("Coffee bonus"), utc(2, 9))}));
    QCOMPARE(names(cache.live(store)), QStringList {QStringLiteral("Coffee bonus")});
    LT_VERIFY_OK(store.replaceFromSquare({}));
    QVERIFY(names(cache.live(store)).isEmpty());
}

void TestPromotionStore::squaresListReplacesThePromotions()
{
    PromotionStore store(m_store->db());
    LT_VERIFY_OK(store.add(own(QStringLiteral("Ours"), utc(1, 9))));
    const Promotion coffee = fromSquare(QStringLiteral("loypromo_1"), QStringLiteral("Coffee mornings"), utc(2, 9));
    const Promotion weekend = fromSquare(QStringLiteral("loypromo_2"), QStringLiteral("Weekends"), utc(3, 9));

    auto first = store.replaceFromSquare({weekend, coffee});
    LT_VERIFY_OK(first);
    QCOMPARE(first->added, 2);
    QCOMPARE(first->changed, 0);
    QCOMPARE(first->ended, 1); // Square owns the promotions now: the store's own one ends
    QCOMPARE(names(store.active()), (QStringList {QStringLiteral("Weekends"), QStringLiteral("Coffee mornings")}));
    auto read = store.active();
    LT_VERIFY_OK(read);
    QCOMPARE(read->last().squareId, QStringLiteral("loypromo_1"));
    QCOMPARE(read->last().pointsAddition, 25);
    QCOMPARE(read->last().categoryIds, QStringList {QStringLiteral("CAT-COFFEE")});

    // The same list again changes nothing.
    auto again = store.replaceFromSquare({weekend, coffee});
    LT_VERIFY_OK(again);
    QVERIFY(!again->any());

    // Canceled in the Dashboard, and one Square no longer lists.
    Promotion canceled = coffee;
    canceled.status = Promotion::Status::Canceled;
    canceled.canceledAt = utc(5, 12);
    auto later = store.replaceFromSquare({canceled});
    LT_VERIFY_OK(later);
    QCOMPARE(later->changed, 1);
    QCOMPARE(later->ended, 1);
    QVERIFY(names(store.active()).isEmpty());
    auto all = store.all();
    LT_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).status, Promotion::Status::Ended); // Weekends
    QCOMPARE(all->at(1).status, Promotion::Status::Canceled); // Coffee mornings
    QCOMPARE(all->at(1).canceledAt, utc(5, 12));
    QCOMPARE(all->at(2).status, Promotion::Status::Ended); // Ours
    QCOMPARE(m_store->number("SELECT count(*) FROM promotions"), 3);

    LT_VERIFY_ERROR(store.replaceFromSquare({own(QStringLiteral("No id"), utc(1, 9))}), ErrorKind::InvalidInput);
}

void TestPromotionStore::usesAreCountedPerMemberAndSince()
{
    auto ana = m_store->enroll(QStringLiteral("+14155550101"));
    auto ben = m_store->enroll(QStringLiteral("+14155550102"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(ben);
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("R-1"), 2000));
    LT_VERIFY_OK(m_store->accrue(ana->id, QStringLiteral("R-2"), 2000));
    LT_VERIFY_OK(m_store->accrue(ben->id, QStringLiteral("R-3"), 2000));
    const qint64 sale1 = m_store->number("SELECT id FROM sales WHERE reference = 'R-1'");
    const qint64 sale2 = m_store->number("SELECT id FROM sales WHERE reference = 'R-2'");
    const qint64 sale3 = m_store->number("SELECT id FROM sales WHERE reference = 'R-3'");

    PromotionStore store(m_store->db());
    auto id = store.add(own(QStringLiteral("Double Tuesdays"), utc(1, 9)));
    LT_VERIFY_OK(id);
    auto recorded = lt::inTransaction(m_store->db(), [&]() -> Result<void> {
        LT_TRY(store.recordUse(sale1, *id, ana->id, 20, utc(5, 21)));
        LT_TRY(store.recordUse(sale2, *id, ana->id, 20, utc(12, 20, 30)));
        return store.recordUse(sale3, *id, ben->id, 20, utc(12, 21));
    });
    LT_VERIFY_OK(recorded);

    auto count = [&](qint64 member, const QDateTime& since) {
        auto uses = store.usesSince(member, *id, since);
        return uses ? *uses : -1;
    };
    QCOMPARE(count(ana->id, QDateTime()), 2);
    QCOMPARE(count(ana->id, utc(12, 4)), 1);
    QCOMPARE(count(ana->id, utc(12, 20, 30)), 1); // a use at the very start counts
    QCOMPARE(count(ana->id, utc(12, 20, 31)), 0);
    QCOMPARE(count(ben->id, QDateTime()), 1);
    auto other = store.usesSince(ana->id, *id + 1, QDateTime());
    LT_VERIFY_OK(other);
    QCOMPARE(*other, 0);

    auto awards = store.pointsBySale(sale2);
    LT_VERIFY_OK(awards);
    QCOMPARE(awards->size(), 1);
    QCOMPARE(awards->first().promotionId, *id);
    QCOMPARE(awards->first().name, QStringLiteral("Double Tuesdays"));
    QCOMPARE(awards->first().points, 20);
    auto none = store.pointsBySale(sale2 + 100);
    LT_VERIFY_OK(none);
    QVERIFY(none->isEmpty());

    // A sale earns a promotion once.
    LT_VERIFY_ERROR(store.recordUse(sale1, *id, ana->id, 20, utc(5, 21)), ErrorKind::Storage);
}

QTEST_GUILESS_MAIN(TestPromotionStore)
#include "tst_promotionstore.moc"
