#include "core/services/AccrualService.h"
#include "core/services/ExpiryService.h"
#include "core/services/RefundService.h"
#include "core/store/OfferStore.h"
#include "core/store/ProgramRepository.h"
#include "core/store/PromotionStore.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::Money;
using lt::Sale;
using lt::test::TempStore;

class TestAccrualService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void awardsPoints();
    void sameSaleTwiceIsRecordedOnce();
    void sameReferenceWithOtherDetailsConflicts();
    void refusesImpossibleSales_data();
    void refusesImpossibleSales();
    void unknownMemberIsNotFound();
    void queuesForSquareInTheSameTransaction();
    void recordsSaleThatEarnsNothing();
    void usesTheStoredProgram();
    void previewsWithoutWriting();
    void voidsSale();
    void backDatedSaleCountsOnItsDay();
    void refusesBadCompletionTimes();
    void backDatedSaleEarnsThePromotionOfItsDay();
    void voidOrFullRefundGivesTheOfferBack();
    void backDatedSaleUsesTheOfferOpenThen();

private:
    // A 2x targeted offer to the member alone, written to its table directly (a segment needs many members' scores,
    // which tst_offerservice builds).
    qint64 addMultiplierOffer(QDate from, QDate to);
    bool offerUsed(qint64 offerId);

    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestAccrualService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    m_member = member->id;
}

void TestAccrualService::cleanup()
{
    m_store.reset();
}

void TestAccrualService::awardsPoints()
{
    auto change = m_store->accrue(m_member, QStringLiteral("S-1"), 12345);
    LT_VERIFY_OK(change);
    QCOMPARE(change->points, qint64(123));
    QVERIFY(!change->repeated);
    QVERIFY(change->ledgerId > 0);
    QCOMPARE(change->saleReference, QStringLiteral("S-1"));
    QCOMPARE(change->saleTotal, Money(12345, QStringLiteral("USD")));
    QCOMPARE(change->member.balance, qint64(123));
    QCOMPARE(change->member.lifetimePoints, qint64(123));
    QCOMPARE(m_store->balance(m_member), qint64(123));
    QCOMPARE(m_store->number("SELECT points FROM sales WHERE reference = 'S-1'"), qint64(123));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'accrue' AND points = 123 AND sale_id = "
                             "(SELECT id FROM sales WHERE reference = 'S-1')"),
             qint64(1));

    // The reference is trimmed, and points add up over sales.
    auto second = m_store->accrue(m_member, QStringLiteral("  S-2 "), 60000);
    LT_VERIFY_OK(second);
    QCOMPARE(second->saleReference, QStringLiteral("S-2"));
    QCOMPARE(second->member.balance, qint64(723));
    QCOMPARE(second->member.tier, QStringLiteral("Silver"));
}

void TestAccrualService::sameSaleTwiceIsRecordedOnce()
{
    auto first = m_store->accrue(m_member, QStringLiteral("S-1"), 5000);
    LT_VERIFY_OK(first);
    const QString before = m_store->rowCounts();
    auto again = m_store->accrue(m_member, QStringLiteral("S-1"), 5000);
    LT_VERIFY_OK(again);
    QVERIFY(again->repeated);
    QCOMPARE(again->points, qint64(50));
    QCOMPARE(again->member.balance, qint64(50));
    QCOMPARE(m_store->balance(m_member), qint64(50));
    QCOMPARE(m_store->rowCounts(), before);
}

void TestAccrualService::sameReferenceWithOtherDetailsConflicts()
{
    auto other = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(other);
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 5000));
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->accrue(m_member, QStringLiteral("S-1"), 5001), ErrorKind::Conflict);
    LT_VERIFY_ERROR(m_store->accrue(other->id, QStringLiteral("S-1"), 5000), ErrorKind::Conflict);
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->balance(m_member), qint64(50));
    QCOMPARE(m_store->balance(other->id), qint64(0));
}

void TestAccrualService::refusesImpossibleSales_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<qint64>("amountMinor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("field");
    QTest::newRow("zero") << QStringLiteral("S-1") << qint64(0) << QStringLiteral("USD") << QStringLiteral("amount");
    QTest::newRow("negative") << QStringLiteral("S-1") << qint64(-500) << QStringLiteral("USD")
                              << QStringLiteral("amount");
    QTest::newRow("absurd") << QStringLiteral("S-1") << Money::MaximumMinorUnits + 1 << QStringLiteral("USD")
                            << QStringLiteral("amount");
    QTest::newRow("wrong currency") << QStringLiteral("S-1") << qint64(500) << QStringLiteral("EUR")
                                    << QStringLiteral("amount");
    QTest::newRow("no reference") << QStringLiteral("   ") << qint64(500) << QStringLiteral("USD")
                                  << QStringLiteral("sale");
    QTest::newRow("space in reference") << QStringLiteral("S 1") << qint64(500) << QStringLiteral("USD")
                                        << QStringLiteral("sale");
    QTest::newRow("control in reference")
        << QStringLiteral("S-1\u0007") << qint64(500) << QStringLiteral("USD") << QStringLiteral("sale");
    QTest::newRow("bidi in reference") << QStringLiteral("S-\u202E1") << qint64(500) << QStringLiteral("USD")
                                       << QStringLiteral("sale");
    QTest::newRow("reference over 64") << QStringLiteral("S").repeated(65) << qint64(500) << QStringLiteral("USD")
                                       << QStringLiteral("sale");
}

void TestAccrualService::refusesImpossibleSales()
{
    QFETCH(QString, reference);
    QFETCH(qint64, amountMinor);
    QFETCH(QString, currency);
    QFETCH(QString, field);
    const QString before = m_store->rowCounts();
    const auto change = m_store->engine().accrual().accrue(m_member, TempStore::sale(reference, amountMinor, currency),
                                                           TempStore::cashier());
    LT_VERIFY_ERROR(change, ErrorKind::InvalidInput);
    QCOMPARE(change.error().field, field);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestAccrualService::unknownMemberIsNotFound()
{
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->accrue(4242, QStringLiteral("S-1"), 5000), ErrorKind::NotFound);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestAccrualService::queuesForSquareInTheSameTransaction()
{
    auto change = m_store->accrue(m_member, QStringLiteral("S-1"), 2500);
    LT_VERIFY_OK(change);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND operation = 'accrue' AND "
                             "state = 'pending' AND json_extract(payload, '$.points') = 25 AND "
                             "json_extract(payload, '$.sale') = 'S-1'",
                             {change->ledgerId}),
             qint64(1));

    // When the outbox cannot take the operation, the sale and its points are not recorded either.
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON main.outbox "
                                                   "BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END")));
    const QString before = m_store->rowCounts();
    const auto failed = m_store->accrue(m_member, QStringLiteral("S-2"), 9900);
    LT_VERIFY_ERROR(failed, ErrorKind::Storage);
    QCOMPARE(m_store->rowCounts(), before);
    QCOMPARE(m_store->balance(m_member), qint64(25));

    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("DROP TRIGGER temp.outbox_down")));
    auto retried = m_store->accrue(m_member, QStringLiteral("S-2"), 9900);
    LT_VERIFY_OK(retried);
    QVERIFY(!retried->repeated);
    QCOMPARE(retried->member.balance, qint64(124));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestAccrualService::recordsSaleThatEarnsNothing()
{
    auto change = m_store->accrue(m_member, QStringLiteral("S-small"), 99);
    LT_VERIFY_OK(change);
    QCOMPARE(change->points, qint64(0));
    QCOMPARE(change->ledgerId, qint64(0));
    QCOMPARE(m_store->number("SELECT count(*) FROM sales WHERE reference = 'S-small'"), qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger"), qint64(0));
    auto again = m_store->accrue(m_member, QStringLiteral("S-small"), 99);
    LT_VERIFY_OK(again);
    QVERIFY(again->repeated);
}

void TestAccrualService::usesTheStoredProgram()
{
    lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
    program.accrualRules.first().spendAmountMinor = 1000; // 1 point per 10.00
    lt::AccrualRule coffee;
    coffee.type = lt::AccrualRule::Type::Category;
    coffee.points = 5;
    coffee.categoryId = QStringLiteral("coffee");
    program.accrualRules << coffee;
    LT_VERIFY_OK(
        lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Local));
    LT_VERIFY_OK(m_store->engine().reload());

    auto spend = m_store->accrue(m_member, QStringLiteral("S-1"), 10500);
    LT_VERIFY_OK(spend);
    QCOMPARE(spend->points, qint64(10));
    Sale lattes = TempStore::sale(QStringLiteral("S-2"), 1200);
    lattes.lines << lt::SaleLine {QStringLiteral("latte"), QStringLiteral("coffee"), 3, 1200};
    auto coffeeSale = m_store->engine().accrual().accrue(m_member, lattes, TempStore::cashier());
    LT_VERIFY_OK(coffeeSale);
    QCOMPARE(coffeeSale->points, qint64(15));
    // Sale lines that add up to more than the sale are refused.
    Sale inconsistent = TempStore::sale(QStringLiteral("S-3"), 1000);
    inconsistent.lines << lt::SaleLine {QStringLiteral("latte"), QStringLiteral("coffee"), 1, 600}
                       << lt::SaleLine {QStringLiteral("mug"), QStringLiteral("kitchen"), 1, 600};
    const auto refused = m_store->engine().accrual().accrue(m_member, inconsistent, TempStore::cashier());
    LT_VERIFY_ERROR(refused, ErrorKind::InvalidInput);
    QCOMPARE(refused.error().field, QStringLiteral("items"));

    program.active = false;
    LT_VERIFY_OK(
        lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Local));
    LT_VERIFY_OK(m_store->engine().reload());
    auto inactive = m_store->accrue(m_member, QStringLiteral("S-4"), 50000);
    LT_VERIFY_OK(inactive);
    QCOMPARE(inactive->points, qint64(0));
    QCOMPARE(m_store->balance(m_member), qint64(25));
}

void TestAccrualService::previewsWithoutWriting()
{
    const QString before = m_store->rowCounts();
    auto points = m_store->engine().accrual().preview(m_member, TempStore::sale(QStringLiteral("S-1"), 4321));
    LT_VERIFY_OK(points);
    QCOMPARE(points->total(), qint64(43));
    LT_VERIFY_ERROR(m_store->engine().accrual().preview(m_member, TempStore::sale(QStringLiteral("S-1"), 0)),
                    ErrorKind::InvalidInput);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestAccrualService::voidsSale()
{
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 4000));
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-2"), 1000));
    QCOMPARE(m_store->balance(m_member), qint64(50));

    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(
        m_store->engine().accrual().voidSale(QStringLiteral("S-1"), QStringLiteral("  "), TempStore::cashier()),
        ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(m_store->engine().accrual().voidSale(QStringLiteral("S-404"), QStringLiteral("Wrong member"),
                                                         TempStore::cashier()),
                    ErrorKind::NotFound);
    QCOMPARE(m_store->rowCounts(), before);

    auto voided = m_store->engine().accrual().voidSale(QStringLiteral("S-1"), QStringLiteral("Wrong member"),
                                                       TempStore::cashier());
    LT_VERIFY_OK(voided);
    QCOMPARE(voided->points, qint64(-40));
    QCOMPARE(voided->member.balance, qint64(10));
    QCOMPARE(voided->member.lifetimePoints, qint64(10));
    QCOMPARE(m_store->number("SELECT refunded_minor FROM sales WHERE reference = 'S-1'"), qint64(4000));
    QCOMPARE(m_store->number("SELECT points_reversed FROM sales WHERE reference = 'S-1'"), qint64(40));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'void' AND points = -40 AND note = "
                             "'Wrong member'"),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox o JOIN ledger l ON l.id = o.ledger_id WHERE "
                             "l.kind = 'void' AND o.operation = 'adjust'"),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'sale.void'"), qint64(1));

    // Once voided, neither a second void nor a refund takes anything more.
    LT_VERIFY_ERROR(
        m_store->engine().accrual().voidSale(QStringLiteral("S-1"), QStringLiteral("Again"), TempStore::cashier()),
        ErrorKind::Refused);
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-1");
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund, TempStore::cashier()), ErrorKind::Refused);
    QCOMPARE(m_store->balance(m_member), qint64(10));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

// A receipt brought in later: the sale is recorded at its own time (the reports' day), the points are given now, so
// they count as earned today and expire counted from today's month, as Square dates points it is sent today.
void TestAccrualService::backDatedSaleCountsOnItsDay()
{
    m_store->engine().context().program.expirationMonths = 1;
    const QDateTime completed(QDate(2024, 3, 20), QTime(15, 30), Qt::UTC);
    m_store->clock().set(QDateTime(QDate(2024, 4, 2), QTime(10, 0), Qt::UTC));
    lt::AccrualOptions late;
    late.completedAt = completed;
    auto change = m_store->engine().accrual().accrue(m_member, TempStore::sale(QStringLiteral("S-1"), 4000),
                                                     TempStore::cashier(), late);
    LT_VERIFY_OK(change);
    QCOMPARE(change->points, qint64(40));
    QCOMPARE(m_store->number("SELECT count(*) FROM sales WHERE reference = 'S-1' AND created_at = ?",
                             {lt::toStorageTime(completed)}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'accrue' AND date(created_at) = '2024-04-02'"),
             qint64(1));
    auto expiring = m_store->engine().expiry().expiring(m_member, QDate(2024, 4, 2));
    LT_VERIFY_OK(expiring);
    QCOMPARE(expiring->size(), 1);
    QCOMPARE(expiring->first().expiresAt, QDate(2024, 5, 31)); // from April; from the sale's March: 30 April
    // The same receipt again is the same sale, back-dated or not.
    auto again = m_store->engine().accrual().accrue(m_member, TempStore::sale(QStringLiteral("S-1"), 4000),
                                                    TempStore::cashier(), late);
    LT_VERIFY_OK(again);
    QVERIFY(again->repeated);
    // Within a minute of clock skew ahead is now, not the future.
    lt::AccrualOptions skewed;
    skewed.completedAt = m_store->clock().nowUtc().addSecs(50);
    LT_VERIFY_OK(m_store->engine().accrual().accrue(m_member, TempStore::sale(QStringLiteral("S-2"), 1000),
                                                    TempStore::cashier(), skewed));
    QCOMPARE(m_store->number(
                 "SELECT count(*) FROM sales WHERE reference = 'S-2' AND created_at BETWEEN ? AND ?",
                 {lt::toStorageTime(skewed.completedAt.addSecs(-50)), lt::toStorageTime(m_store->clock().nowUtc())}),
             qint64(1));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

// The member enrolled on 1 March 2024 at 12:00 UTC; today is 2 April at 10:00 UTC; 30 days back by default.
void TestAccrualService::refusesBadCompletionTimes()
{
    const QDateTime now(QDate(2024, 4, 2), QTime(10, 0), Qt::UTC);
    m_store->clock().set(now);
    const QString before = m_store->rowCounts();
    const auto accrueAt = [&](const QDateTime& at) {
        lt::AccrualOptions options;
        options.completedAt = at;
        return m_store->engine().accrual().accrue(m_member, TempStore::sale(QStringLiteral("S-1"), 4000),
                                                  TempStore::cashier(), options);
    };
    const auto refused = [&](const QDateTime& at) {
        auto change = accrueAt(at);
        return !change && change.error().kind == ErrorKind::InvalidInput
            && change.error().field == QLatin1String("completed_at");
    };
    QVERIFY(refused(now.addSecs(61))); // in the future, beyond a minute of skew
    QVERIFY(refused(now.addDays(2)));
    QVERIFY(refused(QDateTime(QDate(2024, 3, 1), QTime(11, 59), Qt::UTC))); // before the enrollment
    const QDate today = now.toLocalTime().date();
    QVERIFY(refused(QDateTime(today.addDays(-31), QTime(12, 0)))); // older than the store allows
    QCOMPARE(m_store->rowCounts(), before);

    lt::StoreSettings settings(m_store->db());
    LT_VERIFY_OK(settings.set(lt::StoreSettings::SalesBackdateDays, QStringLiteral("0")));
    QVERIFY(refused(now.addSecs(-3600)));
    LT_VERIFY_ERROR(settings.set(lt::StoreSettings::SalesBackdateDays, QStringLiteral("366")), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(settings.set(lt::StoreSettings::SalesBackdateDays, QStringLiteral("-1")), ErrorKind::InvalidInput);
    LT_VERIFY_OK(settings.set(lt::StoreSettings::SalesBackdateDays, QStringLiteral("365")));
    LT_VERIFY_OK(accrueAt(now.addSecs(-3600)));
}

// Double points on Tuesdays from 16:00 to 18:00 (the store's time). Today is Thursday 14 March 2024: a receipt of
// Tuesday at 17:00 brought in today earns the promotion; the same sale made today would not.
void TestAccrualService::backDatedSaleEarnsThePromotionOfItsDay()
{
    lt::Promotion tuesdays;
    tuesdays.name = QStringLiteral("Double Tuesdays");
    tuesdays.periods = {
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT")};
    tuesdays.multiplierMilli = 2000;
    tuesdays.createdAt = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
    LT_VERIFY_OK(lt::PromotionStore(m_store->db()).add(tuesdays));
    m_store->clock().set(QDateTime(QDate(2024, 3, 14), QTime(10, 0), Qt::UTC));

    auto today = m_store->accrue(m_member, QStringLiteral("S-1"), 4000);
    LT_VERIFY_OK(today);
    QCOMPARE(today->points, qint64(40));
    lt::AccrualOptions tuesday;
    tuesday.completedAt = QDateTime(QDate(2024, 3, 12), QTime(17, 0)); // local time
    auto late = m_store->engine().accrual().accrue(m_member, TempStore::sale(QStringLiteral("S-2"), 4000),
                                                   TempStore::cashier(), tuesday);
    LT_VERIFY_OK(late);
    QCOMPARE(late->points, qint64(80));
    // The use counts on Tuesday, against the promotion's limits of that day.
    QCOMPARE(m_store->number("SELECT count(*) FROM promotion_uses WHERE used_at = ?",
                             {lt::toStorageTime(tuesday.completedAt.toUTC())}),
             qint64(1));
}

qint64 TestAccrualService::addMultiplierOffer(QDate from, QDate to)
{
    lt::TargetedOffer offer;
    offer.key = QStringLiteral("offer-%1").arg(from.toString(Qt::ISODate));
    offer.name = QStringLiteral("Come back");
    offer.segment = QStringLiteral("lost");
    offer.kind = lt::TargetedOffer::Kind::Multiplier;
    offer.multiplierMilli = 2000;
    offer.from = from;
    offer.to = to;
    offer.createdBy = QStringLiteral("Dana");
    offer.createdAt = QDateTime(from, QTime(8, 0), Qt::UTC);
    auto id = lt::OfferStore(m_store->db()).add(offer, {{m_member, false}});
    return id ? *id : 0;
}

bool TestAccrualService::offerUsed(qint64 offerId)
{
    auto standing = lt::OfferStore(m_store->db()).standing(offerId, m_member);
    return standing && standing->used;
}

// A sale that used a 2x targeted offer and is voided, or refunded in full, no longer uses it, so the member's next
// sale does; a sale refunded in part keeps it.
void TestAccrualService::voidOrFullRefundGivesTheOfferBack()
{
    const QDate today = m_store->clock().nowUtc().toLocalTime().date();
    const qint64 offerId = addMultiplierOffer(today, today.addDays(6));
    QVERIFY(offerId > 0);
    for (const QString& reference : {QStringLiteral("S-1"), QStringLiteral("S-2"), QStringLiteral("S-3")}) {
        auto sale = m_store->accrue(m_member, reference, 1000);
        LT_VERIFY_OK(sale);
        QCOMPARE(sale->points, qint64(20));
        QCOMPARE(sale->targetedOfferId, offerId);
        QVERIFY(offerUsed(offerId));
        lt::RefundRequest refund;
        refund.saleReference = reference;
        if (reference == QLatin1String("S-1")) {
            LT_VERIFY_OK(
                m_store->engine().accrual().voidSale(reference, QStringLiteral("Wrong member"), TempStore::cashier()));
        } else if (reference == QLatin1String("S-2")) {
            LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
        } else {
            refund.amount = Money(500, QStringLiteral("USD"));
            LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
            QVERIFY(offerUsed(offerId));
            break;
        }
        QVERIFY(!offerUsed(offerId));
        QCOMPARE(m_store->number("SELECT count(*) FROM offer_members WHERE points <> 0 OR sale_id IS NOT NULL "
                                 "OR ledger_id IS NOT NULL OR apply_key IS NOT NULL"),
                 qint64(0));
    }
    auto after = m_store->accrue(m_member, QStringLiteral("S-4"), 1000);
    LT_VERIFY_OK(after);
    QCOMPARE(after->points, qint64(10));
    QCOMPARE(after->targetedOfferId, qint64(0));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

// A 2x offer from 25 March to 10 April, ended on the 28th at noon. Today is 2 April: a receipt of the 29th brought in
// now earns nothing extra, one of the 27th earns the offer, which was open then.
void TestAccrualService::backDatedSaleUsesTheOfferOpenThen()
{
    const qint64 offerId = addMultiplierOffer(QDate(2024, 3, 25), QDate(2024, 4, 10));
    QVERIFY(offerId > 0);
    LT_VERIFY_OK(lt::OfferStore(m_store->db())
                     .end(offerId, QDateTime(QDate(2024, 3, 28), QTime(12, 0), Qt::UTC), QStringLiteral("Dana")));
    m_store->clock().set(QDateTime(QDate(2024, 4, 2), QTime(10, 0), Qt::UTC));
    const auto accrueAt = [&](const QString& reference, const QDateTime& at) {
        lt::AccrualOptions options;
        options.completedAt = at;
        return m_store->engine().accrual().accrue(m_member, TempStore::sale(reference, 4000), TempStore::cashier(),
                                                  options);
    };
    auto afterTheEnd = accrueAt(QStringLiteral("S-1"), QDateTime(QDate(2024, 3, 29), QTime(12, 0), Qt::UTC));
    LT_VERIFY_OK(afterTheEnd);
    QCOMPARE(afterTheEnd->points, qint64(40));
    QCOMPARE(afterTheEnd->targetedOfferId, qint64(0));
    auto whileOpen = accrueAt(QStringLiteral("S-2"), QDateTime(QDate(2024, 3, 27), QTime(12, 0), Qt::UTC));
    LT_VERIFY_OK(whileOpen);
    QCOMPARE(whileOpen->points, qint64(80));
    QCOMPARE(whileOpen->targetedOfferId, offerId);
    QVERIFY(offerUsed(offerId));
}

QTEST_GUILESS_MAIN(TestAccrualService)
#include "tst_accrualservice.moc"
