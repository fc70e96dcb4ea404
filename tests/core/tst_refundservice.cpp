#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::Money;
using lt::RefundRequest;
using lt::test::TempStore;

namespace {
RefundRequest refund(const char* sale, std::optional<qint64> amountMinor = std::nullopt, const char* reference = "")
{
    RefundRequest r;
    r.saleReference = QString::fromLatin1(sale);
    if (amountMinor)
        r.amount = Money(*amountMinor, QStringLiteral("USD"));
    r.refundReference = QString::fromLatin1(reference);
    return r;
}
} // namespace

class TestRefundService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void reversesProRataRoundedDown();
    void partialRefundsAddUpToTheWholeSale_data();
    void partialRefundsAddUpToTheWholeSale();
    void refusesOverRefund();
    void refundReferenceIsIdempotent();
    void refusesInvalidRefunds();
    void keepsRedeemedRewardByDefault();
    void restoresRedeemedRewardWhenConfigured();

private:
    void verifyIntegrity();

    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
};

void TestRefundService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    m_member = member->id;
    auto sale = m_store->accrue(m_member, QStringLiteral("S-1"), 12345);
    LT_VERIFY_OK(sale);
    QCOMPARE(sale->points, qint64(123));
}

void TestRefundService::cleanup()
{
    m_store.reset();
}

void TestRefundService::verifyIntegrity()
{
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestRefundService::reversesProRataRoundedDown()
{
    // 123 points * 50.00 / 123.45 = 49.8: 49 points come back off the balance.
    auto change = m_store->engine().refunds().refund(refund("S-1", 5000), TempStore::cashier());
    LT_VERIFY_OK(change);
    QCOMPARE(change->points, qint64(-49));
    QCOMPARE(change->refunded, Money(5000, QStringLiteral("USD")));
    QCOMPARE(change->saleTotal, Money(12345, QStringLiteral("USD")));
    QCOMPARE(change->member.balance, qint64(74));
    QCOMPARE(change->member.lifetimePoints, qint64(74));
    QCOMPARE(m_store->number("SELECT refunded_minor FROM sales WHERE reference = 'S-1'"), qint64(5000));
    QCOMPARE(m_store->number("SELECT points_reversed FROM sales WHERE reference = 'S-1'"), qint64(49));
    QCOMPARE(m_store->number("SELECT count(*) FROM refunds WHERE amount_minor = 5000 AND points = -49 AND "
                             "ledger_id = ?",
                             {change->ledgerId}),
             qint64(1));
    QCOMPARE(
        m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND operation = 'refund'", {change->ledgerId}),
        qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'sale.refund'"), qint64(1));
    verifyIntegrity();
}

void TestRefundService::partialRefundsAddUpToTheWholeSale_data()
{
    QTest::addColumn<QList<qint64>>("amounts");
    QTest::addColumn<QList<qint64>>("reversals");
    QTest::newRow("three parts") << QList<qint64> {5000, 5000, 2345} << QList<qint64> {49, 50, 24};
    QTest::newRow("cent by cent at the end") << QList<qint64> {12343, 1, 1} << QList<qint64> {122, 0, 1};
    QTest::newRow("many small parts") << QList<qint64>(15, 823) << QList<qint64>();
    QTest::newRow("rest without amount") << QList<qint64> {1000, -1} << QList<qint64> {9, 114};
}

void TestRefundService::partialRefundsAddUpToTheWholeSale()
{
    QFETCH(QList<qint64>, amounts);
    QFETCH(QList<qint64>, reversals);
    qint64 reversed = 0;
    for (int i = 0; i < amounts.size(); ++i) {
        if (amounts.at(i) == 0)
            continue;
        auto change = m_store->engine().refunds().refund(
            refund("S-1", amounts.at(i) > 0 ? std::optional<qint64>(amounts.at(i)) : std::nullopt),
            TempStore::cashier());
        LT_VERIFY_OK(change);
        if (!reversals.isEmpty())
            QCOMPARE(-change->points, reversals.at(i));
        QVERIFY(change->points <= 0);
        reversed -= change->points;
    }
    // Never more and never less than the sale earned.
    QCOMPARE(reversed, qint64(123));
    QCOMPARE(m_store->balance(m_member), qint64(0));
    QCOMPARE(m_store->number("SELECT refunded_minor FROM sales WHERE reference = 'S-1'"), qint64(12345));
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-1", 1), TempStore::cashier()), ErrorKind::Refused);
    verifyIntegrity();
}

void TestRefundService::refusesOverRefund()
{
    const QString before = m_store->rowCounts();
    const auto over = m_store->engine().refunds().refund(refund("S-1", 12346), TempStore::cashier());
    LT_VERIFY_ERROR(over, ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), before);
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund("S-1", 10000), TempStore::cashier()));
    const QString afterPart = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-1", 2346), TempStore::cashier()), ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), afterPart);
    auto rest = m_store->engine().refunds().refund(refund("S-1", 2345), TempStore::cashier());
    LT_VERIFY_OK(rest);
    QCOMPARE(m_store->balance(m_member), qint64(0));
}

void TestRefundService::refundReferenceIsIdempotent()
{
    auto first = m_store->engine().refunds().refund(refund("S-1", 5000, "R-1"), TempStore::cashier());
    LT_VERIFY_OK(first);
    QVERIFY(!first->repeated);
    const QString before = m_store->rowCounts();
    auto again = m_store->engine().refunds().refund(refund("S-1", 5000, "R-1"), TempStore::cashier());
    LT_VERIFY_OK(again);
    QVERIFY(again->repeated);
    QCOMPARE(again->points, qint64(-49));
    QCOMPARE(again->refunded, Money(5000, QStringLiteral("USD")));
    QCOMPARE(again->member.balance, qint64(74));
    // Without an amount the repeat is recognised too.
    auto noAmount = m_store->engine().refunds().refund(refund("S-1", std::nullopt, "R-1"), TempStore::cashier());
    LT_VERIFY_OK(noAmount);
    QVERIFY(noAmount->repeated);
    QCOMPARE(m_store->rowCounts(), before);

    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-2"), 2000));
    const QString withSecondSale = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-1", 4000, "R-1"), TempStore::cashier()),
                    ErrorKind::Conflict);
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-2", 5000, "R-1"), TempStore::cashier()),
                    ErrorKind::Conflict);
    QCOMPARE(m_store->rowCounts(), withSecondSale);
    verifyIntegrity();
}

void TestRefundService::refusesInvalidRefunds()
{
    const QString before = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-404"), TempStore::cashier()), ErrorKind::NotFound);
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund(""), TempStore::cashier()), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-1", 0), TempStore::cashier()),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-1", -100), TempStore::cashier()),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(m_store->engine().refunds().refund(refund("S-1", 100, "R 1"), TempStore::cashier()),
                    ErrorKind::InvalidInput);
    RefundRequest euros = refund("S-1");
    euros.amount = Money(100, QStringLiteral("EUR"));
    const auto wrongCurrency = m_store->engine().refunds().refund(euros, TempStore::cashier());
    LT_VERIFY_ERROR(wrongCurrency, ErrorKind::InvalidInput);
    QCOMPARE(wrongCurrency.error().field, QStringLiteral("amount"));
    QCOMPARE(m_store->rowCounts(), before);
}

void TestRefundService::keepsRedeemedRewardByDefault()
{
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-0"), 20000)); // 200 more: 323
    lt::RedemptionRequest redeem;
    redeem.memberId = m_member;
    redeem.rewardTierId = QStringLiteral("five-off");
    redeem.saleReference = QStringLiteral("S-1");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    auto change = m_store->engine().refunds().refund(refund("S-1"), TempStore::cashier());
    LT_VERIFY_OK(change);
    QCOMPARE(change->restoredPoints, qint64(0));
    QCOMPARE(change->points, qint64(-123));
    QCOMPARE(change->member.balance, qint64(100));
    verifyIntegrity();
}

void TestRefundService::restoresRedeemedRewardWhenConfigured()
{
    LT_VERIFY_OK(
        lt::StoreSettings(m_store->db()).set(lt::StoreSettings::RefundRedeemedReward, QStringLiteral("restore")));
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-0"), 20000)); // 200 more: 323
    lt::RedemptionRequest redeem;
    redeem.memberId = m_member;
    redeem.rewardTierId = QStringLiteral("five-off");
    redeem.saleReference = QStringLiteral("S-1");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    QCOMPARE(m_store->balance(m_member), qint64(223));

    // A partial refund keeps the reward used.
    auto part = m_store->engine().refunds().refund(refund("S-1", 2345), TempStore::cashier());
    LT_VERIFY_OK(part);
    QCOMPARE(part->restoredPoints, qint64(0));
    QCOMPARE(part->points, qint64(-23));
    // The refund that completes the sale gives the reward's points back.
    auto rest = m_store->engine().refunds().refund(refund("S-1"), TempStore::cashier());
    LT_VERIFY_OK(rest);
    QCOMPARE(rest->restoredPoints, qint64(100));
    QCOMPARE(rest->points, qint64(-100 + 100));
    QCOMPARE(rest->member.balance, qint64(323 - 100 - 123 + 100));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'restore' AND points = 100 AND "
                             "reference = 'S-1'"),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox o JOIN ledger l ON l.id = o.ledger_id WHERE "
                             "l.kind = 'restore' AND o.operation = 'adjust'"),
             qint64(1));
    // Lifetime points count what was earned, not what was spent and given back.
    QCOMPARE(rest->member.lifetimePoints, qint64(200));
    // A reward redeemed against another sale is not touched.
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'restore'"), qint64(1));
    verifyIntegrity();
}

QTEST_GUILESS_MAIN(TestRefundService)
#include "tst_refundservice.moc"
