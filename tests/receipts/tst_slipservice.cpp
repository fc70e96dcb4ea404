#include "core/domain/CardNumber.h"
#include "core/services/RedemptionService.h"
#include "core/services/RefundService.h"
#include "core/services/SlipService.h"
#include "core/store/GrantStore.h"
#include "core/store/OfferStore.h"
#include "core/store/PromotionStore.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::LoyaltySlip;
using lt::Money;
using lt::PointsLine;
using lt::SlipService;
using lt::test::TempStore;

namespace {
// Every field of a slip on one line each, so that two slips compare with a readable difference.
QString describe(const LoyaltySlip& slip)
{
    QStringList lines;
    lines << QStringLiteral("kind %1").arg(int(slip.kind)) << QStringLiteral("store %1").arg(slip.storeName)
          << QStringLiteral("till %1").arg(slip.tillName) << QStringLiteral("at %1").arg(slip.at.toString(Qt::ISODate))
          << QStringLiteral("reference %1 refund %2").arg(slip.reference, slip.refundReference)
          << QStringLiteral("member %1 %2 %3").arg(slip.member.id).arg(slip.member.firstName, slip.member.phoneLast4)
          << QStringLiteral("card %1").arg(slip.cardNumber)
          << QStringLiteral("total %1 program %2").arg(slip.saleTotal.toDisplayString()).arg(slip.programPoints);
    for (const PointsLine& line : slip.extras)
        lines << QStringLiteral("extra %1 %2 %3").arg(int(line.kind)).arg(line.name).arg(line.points);
    lines << QStringLiteral("spent %1 on %2 discount %3 %4%")
                 .arg(slip.pointsSpent)
                 .arg(slip.rewardName, slip.discount.toDisplayString())
                 .arg(slip.discountPercentage)
          << QStringLiteral("refunded %1 taken %2 restored %3")
                 .arg(slip.refunded.toDisplayString())
                 .arg(slip.pointsTakenBack)
                 .arg(slip.pointsRestored)
          << QStringLiteral("balance %1").arg(slip.balance);
    lines << QStringLiteral("redeemable %1").arg(slip.redeemableReward);
    if (slip.nextReward)
        lines
            << QStringLiteral("reward %1 needs %2").arg(slip.nextReward->rewardName).arg(slip.nextReward->pointsNeeded);
    if (slip.nextTier)
        lines << QStringLiteral("tier %1 next %2 needs %3")
                     .arg(slip.nextTier->tier, slip.nextTier->nextTier)
                     .arg(slip.nextTier->pointsNeeded);
    if (slip.expiring)
        lines << QStringLiteral("expiring %1 on %2")
                     .arg(slip.expiring->points)
                     .arg(slip.expiring->expiresAt.toString(Qt::ISODate));
    lines << QStringLiteral("footer %1").arg(slip.footer);
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class TestSlipService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void saleSlipListsEveryLine();
    void reprintReadsTheLinesBack();
    void reprintKeepsTheBalanceOfItsTime();
    void repeatedSaleGivesTheRecordedSlip();
    void saleThatEarnsNothing();
    void redemptionSlip();
    void refundSlip();
    void refundThatRestoresAReward();
    void referenceGivesEverySlipInOrder();
    void unknownReferences();
    void masksTheMember();
    void expiringPointsWithinSixtyDays();
    void rewardsReservedToHigherTiersAreLeftOut();

private:
    void addDailyPromotion();
    qint64 addMultiplierOffer(qint64 memberId);
    void offerWinBack(qint64 memberId);
    SlipService slips() { return SlipService(m_store->engine().context()); }
    LoyaltySlip slipOf(LoyaltySlip::Kind kind, const lt::Result<lt::PointsChange>& change,
                       const QString& refundReference = {});
    // The one slip a reference gives.
    LoyaltySlip reprint(const QString& reference);

    std::unique_ptr<TempStore> m_store;
    qint64 m_bob = 0;
    qint64 m_ana = 0;
    QString m_card;
};

void TestSlipService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto bob = m_store->enroll(QStringLiteral("415 555 0100"), QStringLiteral("Bob"));
    LT_VERIFY_OK(bob);
    m_bob = bob->id;
    lt::EnrollmentRequest request;
    request.phone = QStringLiteral("415 555 2671");
    request.name = QStringLiteral("  Ana María López ");
    request.email = QStringLiteral("ana@example.com");
    m_card = lt::CardNumber::fromSerial(42);
    request.card = m_card;
    request.referredBy = QString::number(m_bob);
    auto ana = m_store->engine().enrollment().enroll(request, TempStore::cashier());
    LT_VERIFY_OK(ana);
    m_ana = ana->member.id;
    LT_VERIFY_OK(lt::StoreSettings(m_store->db()).set(QStringLiteral("store.name"), QStringLiteral("Café Ñandú")));
    LT_VERIFY_OK(
        lt::StoreSettings(m_store->db()).set(QStringLiteral("slip.footer"), QStringLiteral("www.example.com")));
}

void TestSlipService::cleanup()
{
    m_store.reset();
}

void TestSlipService::addDailyPromotion()
{
    lt::Promotion daily;
    daily.name = QStringLiteral("Double days");
    daily.periods = {
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20240201T000000\nDURATION:PT23H59M\nRRULE:FREQ=DAILY\nEND:VEVENT")};
    daily.multiplierMilli = 2000;
    daily.createdAt = QDateTime(QDate(2024, 2, 1), QTime(9, 0), Qt::UTC);
    LT_VERIFY_OK(lt::PromotionStore(m_store->db()).add(daily));
}

qint64 TestSlipService::addMultiplierOffer(qint64 memberId)
{
    const QDate today = m_store->clock().nowUtc().toLocalTime().date();
    lt::TargetedOffer offer;
    offer.key = QStringLiteral("offer-come-back");
    offer.name = QStringLiteral("Come back");
    offer.segment = QStringLiteral("lost");
    offer.kind = lt::TargetedOffer::Kind::Multiplier;
    offer.multiplierMilli = 2000;
    offer.from = today;
    offer.to = today.addDays(6);
    offer.createdBy = QStringLiteral("Dana");
    offer.createdAt = m_store->clock().nowUtc().addSecs(-3600);
    auto id = lt::OfferStore(m_store->db()).add(offer, {{memberId, false}});
    return id ? *id : 0;
}

void TestSlipService::offerWinBack(qint64 memberId)
{
    lt::Grant offer;
    offer.key = QStringLiteral("lt1-winback-test-%1").arg(memberId);
    offer.memberId = memberId;
    offer.kind = lt::GrantKind::WinBack;
    offer.period = QStringLiteral("2024-02-01");
    offer.state = lt::GrantState::Offered;
    offer.createdAt = m_store->clock().nowUtc();
    offer.expiresAt = offer.createdAt.addDays(30);
    auto inserted = lt::GrantStore(m_store->db()).insert(offer);
    LT_VERIFY_OK(inserted);
    QVERIFY(*inserted);
}

LoyaltySlip TestSlipService::slipOf(LoyaltySlip::Kind kind, const lt::Result<lt::PointsChange>& change,
                                    const QString& refundReference)
{
    if (!change.ok()) {
        qWarning() << lt::test::describe(change.error());
        return {};
    }
    auto slip = slips().fromChange(kind, *change, refundReference);
    if (!slip.ok()) {
        qWarning() << lt::test::describe(slip.error());
        return {};
    }
    return *slip;
}

LoyaltySlip TestSlipService::reprint(const QString& reference)
{
    auto found = slips().forReference(reference);
    if (!found.ok()) {
        qWarning() << lt::test::describe(found.error());
        return {};
    }
    if (found->size() != 1) {
        qWarning() << reference << "gives" << found->size() << "slips";
        return {};
    }
    return found->constFirst();
}

// A sale that earns a promotion and a targeted offer, and is the referred member's first: each part is a line, the
// referrer's bonus is not on her slip, the member is masked, and the balance, next reward and next tier follow.
void TestSlipService::saleSlipListsEveryLine()
{
    addDailyPromotion();
    QVERIFY(addMultiplierOffer(m_ana) > 0);
    m_store->clock().advance(60'000);
    const LoyaltySlip slip = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-1"), 1000));
    QCOMPARE(slip.kind, LoyaltySlip::Kind::Sale);
    QCOMPARE(slip.storeName, QStringLiteral("Café Ñandú"));
    QCOMPARE(slip.tillName, m_store->engine().context().tillName);
    QVERIFY(qAbs(slip.at.msecsTo(m_store->clock().nowUtc())) < 1000); // the clock steps a little on every read
    QCOMPARE(slip.reference, QStringLiteral("S-1"));
    QCOMPARE(slip.member.id, m_ana);
    QCOMPARE(slip.member.firstName, QStringLiteral("Ana"));
    QCOMPARE(slip.member.phoneLast4, QStringLiteral("2671"));
    QCOMPARE(slip.cardNumber, m_card);
    QCOMPARE(slip.saleTotal, Money(1000, QStringLiteral("USD")));
    QCOMPARE(slip.programPoints, qint64(10));
    QCOMPARE(slip.extras.size(), 3);
    QCOMPARE(slip.extras.at(0).name, QStringLiteral("Double days"));
    QCOMPARE(slip.extras.at(0).points, qint64(10));
    QCOMPARE(slip.extras.at(1).name, QStringLiteral("Come back 2x"));
    QCOMPARE(slip.extras.at(1).points, qint64(10));
    QCOMPARE(slip.extras.at(2).kind, PointsLine::Kind::Referral);
    QCOMPARE(slip.extras.at(2).points, qint64(50));
    QCOMPARE(slip.earnedPoints(), qint64(80));
    QCOMPARE(slip.balance, qint64(80));
    QCOMPARE(slip.balance, m_store->balance(m_ana));
    QCOMPARE(slip.redeemableReward, QStringLiteral("Pay with points (0.05 each)"));
    QVERIFY(slip.nextReward);
    QCOMPARE(slip.nextReward->rewardName, QStringLiteral("5.00 off"));
    QCOMPARE(slip.nextReward->pointsNeeded, qint64(20));
    QVERIFY(slip.nextTier);
    QCOMPARE(slip.nextTier->tier, QStringLiteral("Member"));
    QCOMPARE(slip.nextTier->nextTier, QStringLiteral("Silver"));
    QCOMPARE(slip.nextTier->pointsNeeded, qint64(500 - 30));
    QVERIFY(!slip.nextTier->spendNeeded);
    QVERIFY(!slip.expiring); // the default program does not expire points
    QCOMPARE(slip.footer, QStringLiteral("www.example.com"));
    // The reprint says the same.
    QCOMPARE(describe(reprint(QStringLiteral("S-1"))), describe(slip));
}

// A Gold member's sale with a promotion and a win-back offer: the tier's share, which no table keeps, is read back as
// what the sale earned beyond its other lines.
void TestSlipService::reprintReadsTheLinesBack()
{
    addDailyPromotion();
    // 1000 program points and 1000 of the promotion: Gold (2000) after this sale, which earned as a Member.
    const LoyaltySlip first = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-1"), 100000));
    QCOMPARE(first.programPoints, qint64(1000));
    QCOMPARE(first.extras.first().kind, PointsLine::Kind::Promotion);
    QCOMPARE(describe(reprint(QStringLiteral("S-1"))), describe(first));

    m_store->clock().advance(60'000);
    offerWinBack(m_ana);
    m_store->clock().advance(60'000);
    const LoyaltySlip slip = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-2"), 4000));
    QCOMPARE(slip.programPoints, qint64(40));
    QCOMPARE(slip.extras.size(), 3);
    QCOMPARE(slip.extras.at(0).kind, PointsLine::Kind::Tier);
    QCOMPARE(slip.extras.at(0).name, QStringLiteral("Gold 1.25x"));
    QCOMPARE(slip.extras.at(0).points, qint64(10));
    QCOMPARE(slip.extras.at(1).name, QStringLiteral("Double days"));
    QCOMPARE(slip.extras.at(1).points, qint64(40));
    QCOMPARE(slip.extras.at(2).kind, PointsLine::Kind::WinBack);
    QCOMPARE(slip.extras.at(2).name, QStringLiteral("Welcome back 2x"));
    QCOMPARE(slip.extras.at(2).points, qint64(40));
    QVERIFY(!slip.nextTier); // Gold is the top
    QCOMPARE(describe(reprint(QStringLiteral("S-2"))), describe(slip));
}

void TestSlipService::reprintKeepsTheBalanceOfItsTime()
{
    const LoyaltySlip first = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-1"), 1000));
    QCOMPARE(first.balance, qint64(60)); // 10 and the referral bonus
    m_store->clock().advance(3'600'000);
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-2"), 30000));
    LT_VERIFY_OK(m_store->accrue(m_bob, QStringLiteral("S-3"), 5000));
    QCOMPARE(m_store->balance(m_ana), qint64(360));
    const LoyaltySlip again = reprint(QStringLiteral("S-1"));
    QCOMPARE(again.balance, qint64(60));
    QCOMPARE(again.nextReward->pointsNeeded, qint64(40));
    QCOMPARE(again.at, first.at);
    QVERIFY(first.nextTier);
    QVERIFY(!again.nextTier);
}

void TestSlipService::repeatedSaleGivesTheRecordedSlip()
{
    addDailyPromotion();
    const LoyaltySlip first = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-1"), 2500));
    auto again = m_store->accrue(m_ana, QStringLiteral("S-1"), 2500);
    LT_VERIFY_OK(again);
    QVERIFY(again->repeated);
    QCOMPARE(describe(slipOf(LoyaltySlip::Kind::Sale, again)), describe(first));
}

void TestSlipService::saleThatEarnsNothing()
{
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 1500));
    m_store->clock().advance(60'000);
    const LoyaltySlip slip = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-2"), 99));
    QCOMPARE(slip.programPoints, qint64(0));
    QVERIFY(slip.extras.isEmpty());
    QCOMPARE(slip.balance, qint64(65));
    QCOMPARE(describe(reprint(QStringLiteral("S-2"))), describe(slip));
}

void TestSlipService::redemptionSlip()
{
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 30000)); // 300 and 50
    m_store->clock().advance(60'000);
    lt::RedemptionRequest request;
    request.memberId = m_ana;
    request.rewardTierId = QStringLiteral("five-off");
    request.saleReference = QStringLiteral("S-2");
    const LoyaltySlip slip =
        slipOf(LoyaltySlip::Kind::Redemption, m_store->engine().redemption().redeem(request, TempStore::cashier()));
    QCOMPARE(slip.kind, LoyaltySlip::Kind::Redemption);
    QCOMPARE(slip.reference, QStringLiteral("S-2"));
    QCOMPARE(slip.pointsSpent, qint64(100));
    QCOMPARE(slip.rewardName, QStringLiteral("5.00 off"));
    QCOMPARE(slip.discount, Money(500, QStringLiteral("USD")));
    QCOMPARE(slip.discountPercentage, 0);
    QCOMPARE(slip.balance, qint64(250));
    QCOMPARE(slip.redeemableReward, QStringLiteral("10% off the sale"));
    QVERIFY(!slip.nextReward);
    QVERIFY(qAbs(slip.at.msecsTo(m_store->clock().nowUtc())) < 1000); // the clock steps a little on every read
    QCOMPARE(describe(reprint(QStringLiteral("S-2"))), describe(slip));

    m_store->clock().advance(60'000);
    request.rewardTierId = QStringLiteral("ten-percent");
    request.saleReference.clear();
    const LoyaltySlip percent =
        slipOf(LoyaltySlip::Kind::Redemption, m_store->engine().redemption().redeem(request, TempStore::cashier()));
    QCOMPARE(percent.pointsSpent, qint64(250));
    QCOMPARE(percent.discountPercentage, 10);
    QVERIFY(percent.reference.isEmpty());
    QCOMPARE(percent.balance, qint64(0));
    QVERIFY(percent.redeemableReward.isEmpty());
    QCOMPARE(percent.nextReward->rewardName, QStringLiteral("Pay with points (0.05 each)"));
    QCOMPARE(percent.nextReward->pointsNeeded, qint64(20));
}

void TestSlipService::refundSlip()
{
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 12345)); // 123 and 50
    m_store->clock().advance(60'000);
    lt::RefundRequest request;
    request.saleReference = QStringLiteral("S-1");
    request.amount = Money(5000, QStringLiteral("USD"));
    request.refundReference = QStringLiteral("R-1");
    const LoyaltySlip slip =
        slipOf(LoyaltySlip::Kind::Refund, m_store->engine().refunds().refund(request, TempStore::cashier()),
               QStringLiteral("R-1"));
    QCOMPARE(slip.kind, LoyaltySlip::Kind::Refund);
    QCOMPARE(slip.reference, QStringLiteral("S-1"));
    QCOMPARE(slip.refundReference, QStringLiteral("R-1"));
    QCOMPARE(slip.refunded, Money(5000, QStringLiteral("USD")));
    QCOMPARE(slip.pointsTakenBack, qint64(49));
    QCOMPARE(slip.pointsRestored, qint64(0));
    QCOMPARE(slip.balance, qint64(173 - 49));
    QCOMPARE(describe(reprint(QStringLiteral("R-1"))), describe(slip));

    // A refund without a number of its own: its slip comes with the sale's reference.
    m_store->clock().advance(60'000);
    request.amount = Money(1000, QStringLiteral("USD"));
    request.refundReference.clear();
    const LoyaltySlip second =
        slipOf(LoyaltySlip::Kind::Refund, m_store->engine().refunds().refund(request, TempStore::cashier()));
    QCOMPARE(second.pointsTakenBack, qint64(10));
    QCOMPARE(second.balance, qint64(173 - 59));
    auto all = slips().forReference(QStringLiteral("S-1"));
    LT_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).kind, LoyaltySlip::Kind::Sale);
    // The first refund's reprint, after the second moved the member's points: all but today's tier standing.
    LoyaltySlip firstThen = slip;
    firstThen.nextTier.reset();
    QCOMPARE(describe(all->at(1)), describe(firstThen));
    QCOMPARE(describe(all->at(2)), describe(second));
    QVERIFY(all->at(2).nextTier);
}

void TestSlipService::refundThatRestoresAReward()
{
    LT_VERIFY_OK(
        lt::StoreSettings(m_store->db()).set(QStringLiteral("refund.redeemed_reward"), QStringLiteral("restore")));
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 10000)); // 100 and 50
    m_store->clock().advance(60'000);
    lt::RedemptionRequest redeem;
    redeem.memberId = m_ana;
    redeem.rewardTierId = QStringLiteral("five-off");
    redeem.saleReference = QStringLiteral("S-2");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    m_store->clock().advance(60'000);
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-2"), 2000)); // 20
    m_store->clock().advance(60'000);
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-2");
    const LoyaltySlip slip =
        slipOf(LoyaltySlip::Kind::Refund, m_store->engine().refunds().refund(refund, TempStore::cashier()));
    QCOMPARE(slip.pointsTakenBack, qint64(20));
    QCOMPARE(slip.pointsRestored, qint64(100));
    QCOMPARE(slip.balance, qint64(150));
    QCOMPARE(slip.balance, m_store->balance(m_ana));

    // The sale's reference gives the redemption, the sale and the refund, in the order they happened.
    auto all = slips().forReference(QStringLiteral("S-2"));
    LT_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).kind, LoyaltySlip::Kind::Redemption);
    QCOMPARE(all->at(0).balance, qint64(50));
    QCOMPARE(all->at(1).kind, LoyaltySlip::Kind::Sale);
    QCOMPARE(all->at(1).balance, qint64(70));
    QCOMPARE(describe(all->at(2)), describe(slip));
}

void TestSlipService::referenceGivesEverySlipInOrder()
{
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("S-1"), 20000));
    m_store->clock().advance(60'000);
    lt::RedemptionRequest redeem;
    redeem.memberId = m_ana;
    redeem.rewardTierId = QStringLiteral("five-off");
    redeem.saleReference = QStringLiteral("S-2");
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    // A reference only a redemption names (the sale is not recorded yet): that redemption alone.
    auto only = slips().forReference(QStringLiteral(" S-2 "));
    LT_VERIFY_OK(only);
    QCOMPARE(only->size(), 1);
    QCOMPARE(only->first().kind, LoyaltySlip::Kind::Redemption);
}

void TestSlipService::unknownReferences()
{
    LT_VERIFY_ERROR(slips().forReference(QStringLiteral("S-404")), ErrorKind::NotFound);
    LT_VERIFY_ERROR(slips().forReference(QStringLiteral("  ")), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(slips().forReference(QStringLiteral("x'; DROP TABLE sales;--")), ErrorKind::NotFound);
    QCOMPARE(m_store->number("SELECT count(*) FROM sales"), qint64(0));
}

void TestSlipService::masksTheMember()
{
    lt::Member member;
    member.id = 123;
    member.name = QStringLiteral("  María   José Pérez");
    member.phone = QStringLiteral("+34612345678");
    member.email = QStringLiteral("maria@example.com");
    const lt::SlipMember masked = SlipService::maskedMember(member);
    QCOMPARE(masked.id, qint64(123));
    QCOMPARE(masked.firstName, QStringLiteral("María"));
    QCOMPARE(masked.phoneLast4, QStringLiteral("5678"));

    member.name.clear();
    member.phone.clear();
    const lt::SlipMember anonymous = SlipService::maskedMember(member);
    QVERIFY(anonymous.firstName.isEmpty());
    QVERIFY(anonymous.phoneLast4.isEmpty());

    // A slip never holds the whole phone number or the e-mail.
    const LoyaltySlip slip = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-1"), 1000));
    const QString text = describe(slip);
    QVERIFY(!text.contains(QLatin1String("5552671")));
    QVERIFY(!text.contains(QLatin1String("example.com")) || slip.footer.contains(QLatin1String("example.com")));
    QVERIFY(!text.contains(QLatin1String("ana@")));
    QVERIFY(!text.contains(QStringLiteral("López")));
}

// Points earned on 1 March under a one-month expiry stay valid through 30 April: 60 days on, so on the slip.
void TestSlipService::expiringPointsWithinSixtyDays()
{
    m_store->engine().context().program.expirationMonths = 1;
    const LoyaltySlip slip = slipOf(LoyaltySlip::Kind::Sale, m_store->accrue(m_ana, QStringLiteral("S-1"), 1000));
    QVERIFY(slip.expiring);
    QCOMPARE(slip.expiring->points, qint64(60));
    QCOMPARE(slip.expiring->expiresAt, QDate(2024, 4, 30));
    QCOMPARE(describe(reprint(QStringLiteral("S-1"))), describe(slip));

    m_store->engine().context().program.expirationMonths = 3;
    const LoyaltySlip later = reprint(QStringLiteral("S-1"));
    QVERIFY(!later.expiring);
}

void TestSlipService::rewardsReservedToHigherTiersAreLeftOut()
{
    lt::LoyaltyProgram& program = m_store->engine().context().program;
    program.memberTiers.tiers[2].rewardIds << QStringLiteral("five-off");
    lt::Member member;
    member.tier = QStringLiteral("Member");
    const SlipService::Rewards member150 = slips().rewardsWithin(member, 150);
    QCOMPARE(member150.redeemable, QStringLiteral("Pay with points (0.05 each)"));
    QVERIFY(member150.next);
    QCOMPARE(member150.next->rewardName, QStringLiteral("10% off the sale"));
    QCOMPARE(member150.next->pointsNeeded, qint64(100));
    member.tier = QStringLiteral("Gold");
    const SlipService::Rewards gold150 = slips().rewardsWithin(member, 150);
    QCOMPARE(gold150.redeemable, QStringLiteral("5.00 off"));
    const SlipService::Rewards gold10 = slips().rewardsWithin(member, 10);
    QVERIFY(gold10.redeemable.isEmpty());
    QCOMPARE(gold10.next->rewardName, QStringLiteral("Pay with points (0.05 each)"));
    QCOMPARE(gold10.next->pointsNeeded, qint64(10));
}

QTEST_GUILESS_MAIN(TestSlipService)
#include "tst_slipservice.moc"
