// Marketing consent withdrawn and given again, on a real store with a clock the test controls: each change is
// recorded with its time and an audit entry naming who recorded it; a repeated one changes nothing; and a member who
// withdrew (or refused when asked) is in no targeted offer made afterwards, is shown none made before, cannot have one
// applied, and gets no offer multiplier on a sale.
#include "core/common/Clock.h"
#include "core/services/MarketingConsent.h"
#include "core/services/OfferService.h"
#include "core/store/MemberStore.h"
#include "core/store/OfferStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::MarketingConsent;
using lt::OfferDraft;
using lt::OfferService;
using lt::TargetedOffer;
using lt::test::TempStore;

namespace {
const QDate Today(2024, 6, 15);
QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}
} // namespace

class TestPrivacyConsent : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void withdrawalIsRecordedWithItsTime();
    void aRefusalOfAMemberNeverAskedIsRecordedToo();
    void withdrawnMembersAreLeftOutOfNewOffers();
    void anOfferMadeBeforeIsNeitherShownNorAppliedNorMultiplied();

private:
    OfferDraft draft(TargetedOffer::Kind kind) const;

    std::unique_ptr<TempStore> m_store;
    QList<qint64> m_members;
    lt::Actor m_cashier = lt::Actor::named(QStringLiteral("staff:7"));
};

// Six members, each with one sale on 1 June: all "lost" on 15 June. The first agreed to marketing at enrollment.
void TestPrivacyConsent::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_members.clear();
    m_store->clock().set(at(QDate(2024, 5, 1)));
    for (int i = 0; i < 6; ++i) {
        lt::EnrollmentRequest request;
        request.phone = QStringLiteral("415 555 %1").arg(2000 + i);
        request.marketingConsent = i == 0;
        request.consentVersion = QStringLiteral("2");
        auto member = m_store->engine().enrollment().enroll(request, TempStore::cashier());
        LT_VERIFY_OK(member);
        m_members << member->member.id;
    }
    m_store->clock().set(at(QDate(2024, 6, 1)));
    int sale = 0;
    for (const qint64 id : std::as_const(m_members))
        LT_VERIFY_OK(m_store->accrue(id, QStringLiteral("S-%1").arg(++sale), 1000));
    m_store->clock().set(at(Today));
}

void TestPrivacyConsent::cleanup()
{
    m_store.reset();
}

OfferDraft TestPrivacyConsent::draft(TargetedOffer::Kind kind) const
{
    OfferDraft d;
    d.name = QStringLiteral("Come back");
    d.segment = QStringLiteral("lost");
    d.kind = kind;
    d.points = 50;
    d.multiplierMilli = 2000;
    d.from = Today;
    d.to = Today.addDays(13);
    d.holdoutPercent = 0;
    d.manager = QStringLiteral("Maria Lopez");
    return d;
}

void TestPrivacyConsent::withdrawalIsRecordedWithItsTime()
{
    const qint64 ana = m_members.first();
    MarketingConsent consent(m_store->engine().context());
    m_store->clock().set(at(Today, QTime(15, 30)));
    auto withdrawn = consent.withdraw(ana, m_cashier);
    LT_VERIFY_OK(withdrawn);
    QVERIFY(withdrawn->changed);
    QCOMPARE(withdrawn->consent, false);
    QCOMPARE(withdrawn->at, at(Today, QTime(15, 30)));
    auto member = m_store->engine().members().byId(ana);
    LT_VERIFY_OK(member);
    QCOMPARE(member->marketingConsent, false);
    QCOMPARE(member->consentAt, at(Today, QTime(15, 30)));
    QVERIFY(member->consentVersion.isEmpty());
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.consent.withdraw' AND actor = "
                             "'staff:7' AND subject = ? AND json_extract(details, '$.at') = ?",
                             {QStringLiteral("member:%1").arg(ana), lt::toStorageTime(at(Today, QTime(15, 30)))}),
             1);
    // Again: nothing changes, and the first time stands.
    m_store->clock().advance(60'000);
    const QString counts = m_store->rowCounts();
    auto again = consent.withdraw(ana, m_cashier);
    LT_VERIFY_OK(again);
    QVERIFY(!again->changed);
    QCOMPARE(again->at, at(Today, QTime(15, 30)));
    QCOMPARE(m_store->rowCounts(), counts);
    // Given again, with the store's consent version.
    auto given = consent.give(ana, QStringLiteral("3"), m_cashier);
    LT_VERIFY_OK(given);
    QVERIFY(given->changed);
    member = m_store->engine().members().byId(ana);
    QVERIFY(member->marketingConsent);
    QCOMPARE(member->consentVersion, QStringLiteral("3"));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.consent.give'"), 1);
}

void TestPrivacyConsent::aRefusalOfAMemberNeverAskedIsRecordedToo()
{
    const qint64 ben = m_members.at(1);
    auto before = m_store->engine().members().byId(ben);
    QVERIFY(!before->marketingConsent && !before->consentAt.isValid());
    MarketingConsent consent(m_store->engine().context());
    auto withdrawn = consent.withdraw(ben, m_cashier);
    LT_VERIFY_OK(withdrawn);
    QVERIFY(withdrawn->changed);
    auto isWithdrawn = consent.withdrawn(ben);
    LT_VERIFY_OK(isWithdrawn);
    QVERIFY(*isWithdrawn);
    LT_VERIFY_ERROR(consent.withdraw(999, m_cashier), lt::ErrorKind::NotFound);
}

void TestPrivacyConsent::withdrawnMembersAreLeftOutOfNewOffers()
{
    MarketingConsent consent(m_store->engine().context());
    LT_VERIFY_OK(consent.withdraw(m_members.at(0), m_cashier));
    LT_VERIFY_OK(consent.withdraw(m_members.at(2), m_cashier));
    OfferService offers(m_store->engine().context());
    auto offer = offers.define(draft(TargetedOffer::Kind::Bonus), Today, TempStore::cashier());
    LT_VERIFY_OK(offer);
    lt::OfferStore store(m_store->db());
    for (int i = 0; i < m_members.size(); ++i) {
        auto standing = store.standing(offer->id, m_members.at(i));
        LT_VERIFY_OK(standing);
        QCOMPARE(standing->member, i != 0 && i != 2);
    }
}

void TestPrivacyConsent::anOfferMadeBeforeIsNeitherShownNorAppliedNorMultiplied()
{
    OfferService offers(m_store->engine().context());
    auto bonus = offers.define(draft(TargetedOffer::Kind::Bonus), Today, TempStore::cashier());
    LT_VERIFY_OK(bonus);
    const qint64 ana = m_members.at(0);
    const qint64 ben = m_members.at(1);
    auto shown = offers.offerFor(ana, Today);
    LT_VERIFY_OK(shown);
    QVERIFY(shown->has_value());

    MarketingConsent consent(m_store->engine().context());
    LT_VERIFY_OK(consent.withdraw(ana, m_cashier));
    shown = offers.offerFor(ana, Today);
    LT_VERIFY_OK(shown);
    QVERIFY(!shown->has_value());
    const QString counts = m_store->rowCounts();
    LT_VERIFY_ERROR(offers.apply(ana, bonus->id, Today, TempStore::cashier()), lt::ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), counts);
    LT_VERIFY_OK(offers.apply(ben, bonus->id, Today, TempStore::cashier())); // the others keep theirs

    // A multiplier made before the withdrawal doubles the sales of those who did not withdraw only.
    auto multiplier = offers.define(draft(TargetedOffer::Kind::Multiplier), Today, TempStore::cashier());
    LT_VERIFY_OK(multiplier);
    const qint64 carl = m_members.at(2);
    LT_VERIFY_OK(consent.withdraw(carl, m_cashier));
    auto carlSale = m_store->accrue(carl, QStringLiteral("T-1"), 1000);
    auto danSale = m_store->accrue(m_members.at(3), QStringLiteral("T-2"), 1000);
    LT_VERIFY_OK(carlSale);
    LT_VERIFY_OK(danSale);
    QCOMPARE(danSale->points, 2 * carlSale->points);
}

QTEST_GUILESS_MAIN(TestPrivacyConsent)
#include "tst_privacy_consent.moc"
