// Numbers reserved for pre-printed cards: a batch is consecutive numbers after every card issued, taken in one
// audited transaction; the till's new cards are never numbered from a batch, and a member is enrolled (or given a
// card) by scanning one of them. Stores of schema 8 are upgraded to keep batches.
#include "core/domain/CardNumber.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/services/CardNumberAllocator.h"
#include "core/services/EnrollmentService.h"
#include "core/store/CardBatchStore.h"
#include "core/store/SchemaMigrator.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using namespace lt;
using lt::test::TempStore;

class TestCardReservation : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TempStore>();
        LT_VERIFY_OK(m_store->open());
    }
    void cleanup() { m_store.reset(); }

    void aBatchFollowsTheCardsIssued()
    {
        auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
        LT_VERIFY_OK(ana);
        LT_VERIFY_OK(m_store->engine().enrollment().assignCard(ana->id, QString(), TempStore::cashier()));
        const auto batch = allocator().reserve(25, TempStore::cashier());
        LT_VERIFY_OK(batch);
        QCOMPARE(batch->firstSerial, qint64(2));
        QCOMPARE(batch->count, 25);
        QCOMPARE(batch->numbers().size(), 25);
        QCOMPARE(batch->numbers().first(), CardNumber::fromSerial(2));
        QCOMPARE(batch->numbers().last(), CardNumber::fromSerial(26));
        // Audited in the same transaction; nothing else written.
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'cards.reserve' AND subject = ?",
                                 {QStringLiteral("card_batch:%1").arg(batch->id)}),
                 qint64(1));
        QCOMPARE(m_store->number("SELECT count(*) FROM cards"), qint64(1));
        const auto stored = CardBatchStore(m_store->db()).byId(batch->id);
        LT_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->firstSerial, qint64(2));
        QCOMPARE((*stored)->reservedBy, TempStore::cashier().name());
        QVERIFY((*stored)->reservedAt.isValid() && (*stored)->reservedAt <= m_store->clock().nowUtc());
        // A second batch follows the first.
        const auto next = allocator().reserve(3, TempStore::cashier());
        LT_VERIFY_OK(next);
        QCOMPARE(next->firstSerial, qint64(27));
        const auto all = CardBatchStore(m_store->db()).all();
        LT_VERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().id, next->id); // newest first
    }

    void reservedNumbersAreNeverGivenToAnyoneElse()
    {
        const auto batch = allocator().reserve(10, TempStore::cashier());
        LT_VERIFY_OK(batch);
        const QStringList printed = batch->numbers();
        // New members given cards at the till after the batch was printed: none of them gets a printed number.
        for (int i = 0; i < 15; ++i) {
            auto member = m_store->enroll(QStringLiteral("415 555 26%1").arg(10 + i));
            LT_VERIFY_OK(member);
            auto card = m_store->engine().enrollment().assignCard(member->id, QString(), TempStore::cashier());
            LT_VERIFY_OK(card);
            QVERIFY2(!printed.contains(*card), qPrintable(*card));
            QCOMPARE(*card, CardNumber::fromSerial(11 + i));
        }
        // An enrollment that asks for a new card too.
        EnrollmentRequest request;
        request.phone = QStringLiteral("415 555 2699");
        auto enrolled = m_store->engine().enrollment().enroll(request, TempStore::cashier());
        LT_VERIFY_OK(enrolled);
        auto card = m_store->engine().enrollment().assignCard(enrolled->member.id, QString(), TempStore::cashier());
        LT_VERIFY_OK(card);
        QVERIFY(!printed.contains(*card));
    }

    void aPrePrintedCardEnrollsItsMember()
    {
        const auto batch = allocator().reserve(10, TempStore::cashier());
        LT_VERIFY_OK(batch);
        const QString printed = batch->numbers().at(4);
        // Scanned at enrollment.
        EnrollmentRequest request;
        request.phone = QStringLiteral("415 555 2671");
        request.name = QStringLiteral("Ana");
        request.card = printed;
        auto enrolled = m_store->engine().enrollment().enroll(request, TempStore::cashier());
        LT_VERIFY_OK(enrolled);
        QVERIFY(!enrolled->existing);
        QCOMPARE(enrolled->member.card, printed);
        auto found = m_store->engine().members().byCard(printed);
        LT_VERIFY_OK(found);
        QCOMPARE(found->id, enrolled->member.id);
        // Scanned later for a member enrolled without one.
        auto bo = m_store->enroll(QStringLiteral("415 555 2672"));
        LT_VERIFY_OK(bo);
        auto given = m_store->engine().enrollment().assignCard(bo->id, batch->numbers().at(7), TempStore::cashier());
        LT_VERIFY_OK(given);
        QCOMPARE(*given, batch->numbers().at(7));
        // The same pre-printed card cannot go to a second member.
        auto cy = m_store->enroll(QStringLiteral("415 555 2673"));
        LT_VERIFY_OK(cy);
        LT_VERIFY_ERROR(m_store->engine().enrollment().assignCard(cy->id, printed, TempStore::cashier()),
                        ErrorKind::Conflict);
        // New cards still come after the batch, though its highest numbers are not given out yet.
        auto fresh = m_store->engine().enrollment().assignCard(cy->id, QString(), TempStore::cashier());
        LT_VERIFY_OK(fresh);
        QCOMPARE(*fresh, CardNumber::fromSerial(batch->lastSerial() + 1));
    }

    // A sheet is drawn with numbers planned first: they are taken only if no till took one meanwhile.
    void plannedNumbersAreReservedOnlyWhileFree()
    {
        const auto first = allocator().plan(5);
        LT_VERIFY_OK(first);
        QCOMPARE(*first, qint64(1));
        QCOMPARE(m_store->number("SELECT count(*) FROM card_batches"), qint64(0)); // planning takes nothing
        // Meanwhile a till gives a new member the next card: number 1, which the sheet shows.
        auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
        LT_VERIFY_OK(ana);
        LT_VERIFY_OK(m_store->engine().enrollment().assignCard(ana->id, QString(), TempStore::cashier()));
        LT_VERIFY_ERROR(allocator().reservePlanned(*first, 5, TempStore::cashier()), ErrorKind::Conflict);
        QCOMPARE(m_store->number("SELECT count(*) FROM card_batches"), qint64(0));
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'cards.reserve'"), qint64(0));
        // Planned again, after the card given.
        const auto again = allocator().plan(5);
        LT_VERIFY_OK(again);
        QCOMPARE(*again, qint64(2));
        const auto batch = allocator().reservePlanned(*again, 5, TempStore::cashier());
        LT_VERIFY_OK(batch);
        QCOMPARE(batch->firstSerial, qint64(2));
        QCOMPARE(batch->count, 5);
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'cards.reserve'"), qint64(1));
        // The same plan cannot be reserved twice.
        LT_VERIFY_ERROR(allocator().reservePlanned(*again, 5, TempStore::cashier()), ErrorKind::Conflict);
        LT_VERIFY_ERROR(allocator().reservePlanned(0, 5, TempStore::cashier()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(allocator().reservePlanned(CardNumberAllocator::HighestSerial, 2, TempStore::cashier()),
                        ErrorKind::InvalidInput);
    }

    // Members without a card get the planned numbers all at once, or none of them.
    void plannedCardsAreGivenAllOrNone()
    {
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            auto member = m_store->enroll(QStringLiteral("415 555 26%1").arg(10 + i));
            LT_VERIFY_OK(member);
            ids << member->id;
        }
        const auto plannedFor = [&](qint64 first) {
            QList<PlannedCard> cards;
            for (qint64 id : ids)
                cards.append({id, first + cards.size()});
            return cards;
        };
        // Another till reserves a batch meanwhile.
        auto first = allocator().plan(3);
        LT_VERIFY_OK(first);
        LT_VERIFY_OK(allocator().reserve(2, TempStore::cashier()));
        LT_VERIFY_ERROR(allocator().issuePlanned(plannedFor(*first), TempStore::cashier()), ErrorKind::Conflict);
        QCOMPARE(m_store->number("SELECT count(*) FROM cards"), qint64(0));
        // The last member scans a pre-printed card meanwhile: nobody gets a planned card.
        first = allocator().plan(3);
        LT_VERIFY_OK(first);
        QCOMPARE(*first, qint64(3));
        LT_VERIFY_OK(
            m_store->engine().enrollment().assignCard(ids.last(), CardNumber::fromSerial(2), TempStore::cashier()));
        LT_VERIFY_ERROR(allocator().issuePlanned(plannedFor(*first), TempStore::cashier()), ErrorKind::Conflict);
        QCOMPARE(m_store->number("SELECT count(*) FROM cards"), qint64(1));
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.card'"), qint64(1));
        // Planned again for the two still without one: given in one go, each audited.
        ids.removeLast();
        first = allocator().plan(2);
        LT_VERIFY_OK(first);
        LT_VERIFY_OK(allocator().issuePlanned(plannedFor(*first), TempStore::cashier()));
        for (int i = 0; i < ids.size(); ++i) {
            auto member = m_store->engine().members().byId(ids.at(i));
            LT_VERIFY_OK(member);
            QCOMPARE(member->card, CardNumber::fromSerial(*first + i));
        }
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.card'"), qint64(3));
        // A plan that repeats a number is refused.
        LT_VERIFY_ERROR(allocator().issuePlanned({{ids.first(), 50}, {ids.last(), 50}}, TempStore::cashier()),
                        ErrorKind::InvalidInput);
    }

    // Demo members for training in a store that reserved pre-printed cards first: the cards handed to customers
    // later must not find a demo member.
    void demoMembersAreNumberedAfterReservedCards()
    {
        const auto batch = allocator().reserve(30, TempStore::cashier());
        LT_VERIFY_OK(batch);
        GenerateOptions options;
        options.members = 40;
        const auto report = DemoDataGenerator(m_store->engine().context()).generate(options);
        LT_VERIFY_OK(report);
        QCOMPARE(report->members, qint64(40));
        const qint64 cards = m_store->number("SELECT count(*) FROM cards");
        QVERIFY2(cards > 10, qPrintable(QString::number(cards)));
        QCOMPARE(m_store->number("SELECT count(*) FROM cards WHERE number <= ?",
                                 {CardNumber::fromSerial(batch->lastSerial())}),
                 qint64(0));
        for (const QString& printed : batch->numbers())
            LT_VERIFY_ERROR(m_store->engine().members().byCard(printed), ErrorKind::NotFound);
        // Member N has the serial N after the batch's last.
        for (qint64 id = 1; id <= 40; ++id) {
            auto member = m_store->engine().members().byId(id);
            LT_VERIFY_OK(member);
            if (!member->card.isEmpty())
                QCOMPARE(member->card, CardNumber::fromSerial(batch->lastSerial() + id));
        }
        // A pre-printed card still enrolls its customer.
        EnrollmentRequest request;
        request.phone = QStringLiteral("415 555 2671");
        request.card = batch->numbers().at(16);
        LT_VERIFY_OK(m_store->engine().enrollment().enroll(request, TempStore::cashier()));
    }

    void refusedBatchesWriteNothing_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("none") << 0;
        QTest::newRow("negative") << -5;
        QTest::newRow("over the limit") << CardNumberAllocator::MaximumBatch + 1;
    }
    void refusedBatchesWriteNothing()
    {
        QFETCH(int, count);
        LT_VERIFY_ERROR(allocator().reserve(count, TempStore::cashier()), ErrorKind::InvalidInput);
        QCOMPARE(m_store->number("SELECT count(*) FROM card_batches"), qint64(0));
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'cards.reserve'"), qint64(0));
    }

    void theLargestBatchIsTakenAtOnce()
    {
        const auto batch = allocator().reserve(CardNumberAllocator::MaximumBatch, TempStore::cashier());
        LT_VERIFY_OK(batch);
        QCOMPARE(batch->numbers().size(), CardNumberAllocator::MaximumBatch);
        QCOMPARE(batch->numbers().last(), CardNumber::fromSerial(CardNumberAllocator::MaximumBatch));
    }

    void theLastNumbersAreNotOverbooked()
    {
        auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
        LT_VERIFY_OK(ana);
        const QString nearTheEnd = CardNumber::fromSerial(CardNumberAllocator::HighestSerial - 5);
        LT_VERIFY_OK(m_store->engine().enrollment().assignCard(ana->id, nearTheEnd, TempStore::cashier()));
        LT_VERIFY_ERROR(allocator().reserve(6, TempStore::cashier()), ErrorKind::Refused);
        QCOMPARE(m_store->number("SELECT count(*) FROM card_batches"), qint64(0));
        const auto last = allocator().reserve(5, TempStore::cashier());
        LT_VERIFY_OK(last);
        QCOMPARE(last->lastSerial(), CardNumberAllocator::HighestSerial);
        // Nothing is left for the till either.
        auto bo = m_store->enroll(QStringLiteral("415 555 2672"));
        LT_VERIFY_OK(bo);
        LT_VERIFY_ERROR(m_store->engine().enrollment().assignCard(bo->id, QString(), TempStore::cashier()),
                        ErrorKind::Refused);
    }

    void aSchema8StoreIsUpgradedWithItsCards()
    {
        const QString path = m_store->filePath(QStringLiteral("schema8.sqlite"));
        {
            Database::Options keep;
            keep.migrate = false;
            auto old = Database::open(path, keep);
            LT_VERIFY_OK(old);
            LT_VERIFY_OK(SchemaMigrator(**old).migrateTo(8));
            QCOMPARE((*old)->schemaVersion(), 8);
        }
        auto upgraded = Database::open(path);
        LT_VERIFY_OK(upgraded);
        QCOMPARE((*upgraded)->schemaVersion(), SchemaMigrator::CurrentVersion);
        auto batches = CardBatchStore(**upgraded).all();
        LT_VERIFY_OK(batches);
        QVERIFY(batches->isEmpty());
        const auto highest = CardBatchStore(**upgraded).highestSerial();
        LT_VERIFY_OK(highest);
        QCOMPARE(*highest, qint64(0));
    }

private:
    CardNumberAllocator allocator() { return CardNumberAllocator(m_store->db(), m_store->clock()); }

    std::unique_ptr<TempStore> m_store;
};

QTEST_MAIN(TestCardReservation)
#include "tst_cardreservation.moc"
