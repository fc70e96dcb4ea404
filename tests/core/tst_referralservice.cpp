#include "core/domain/CardNumber.h"
#include "core/services/BonusGranter.h"
#include "core/services/ReferralService.h"
#include "core/store/GrantStore.h"
#include "core/store/ProgramRepository.h"
#include "tests/core/TsTranslator.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QScopeGuard>
#include <QTest>

using lt::ErrorKind;
using lt::Grant;
using lt::GrantKind;
using lt::GrantState;
using lt::PointsLine;
using lt::test::TempStore;

// The default program's referral bonus: 100 points to the referrer and 50 to the new member when the new member's
// first sale of at least 10.00 completes, at most 5 referrer bonuses a month. One point per 1.00.
class TestReferralService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void namesTheReferrer_data();
    void namesTheReferrer();
    void bothBonusesOnTheFirstSaleOfTheMinimumSpend();
    void monthlyCapPerReferrer();
    void onlyTheFirstQualifyingSaleDecides();
    void refusedAtEnrollment_data();
    void refusedAtEnrollment();
    void refusalsReadInSpanish_data();
    void refusalsReadInSpanish();
    void erasedReferrerReceivesNothing();
    void fullRefundTakesBothBonusesBack_data();
    void fullRefundTakesBothBonusesBack();

private:
    lt::Result<lt::Member> enrollReferred(const QString& phone, const QString& referredBy, const QString& email = {});
    void erase(qint64 memberId);
    QList<Grant> grantsOf(qint64 memberId);

    std::unique_ptr<TempStore> m_store;
    qint64 m_referrer = 0;
};

void TestReferralService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto referrer =
        m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
    LT_VERIFY_OK(referrer);
    m_referrer = referrer->id;
}

void TestReferralService::cleanup()
{
    m_store.reset();
}

lt::Result<lt::Member> TestReferralService::enrollReferred(const QString& phone, const QString& referredBy,
                                                           const QString& email)
{
    lt::EnrollmentRequest request;
    request.phone = phone;
    request.email = email;
    request.referredBy = referredBy;
    LT_TRY_ASSIGN(const lt::Enrollment enrolled, m_store->engine().enrollment().enroll(request, TempStore::cashier()));
    return enrolled.member;
}

// What leaving the program leaves of a member: the row and its history, without personal data.
void TestReferralService::erase(qint64 memberId)
{
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE members SET erased_at = '2024-03-01T12:00:00.000Z', phone = NULL, name = '', "
                       "email = '' WHERE id = ?"),
        {memberId}));
}

QList<Grant> TestReferralService::grantsOf(qint64 memberId)
{
    auto grants = lt::GrantStore(m_store->db()).ofMember(memberId);
    return grants ? *grants : QList<Grant>();
}

void TestReferralService::namesTheReferrer_data()
{
    QTest::addColumn<QString>("named"); // "card": the referrer's card, issued in the test
    QTest::newRow("member number") << QStringLiteral("1");
    QTest::newRow("phone as typed") << QStringLiteral("(415) 555-2671");
    QTest::newRow("phone in E.164") << QStringLiteral("+14155552671");
    QTest::newRow("card") << QStringLiteral("card");
}

void TestReferralService::namesTheReferrer()
{
    QFETCH(QString, named);
    QCOMPARE(m_referrer, qint64(1));
    if (named == QLatin1String("card")) {
        auto card = m_store->engine().enrollment().assignCard(m_referrer, QString(), TempStore::cashier());
        LT_VERIFY_OK(card);
        named = *card;
    }
    auto referred = enrollReferred(QStringLiteral("415 555 2672"), named);
    LT_VERIFY_OK(referred);
    QCOMPARE(referred->referredBy, m_referrer);
    QCOMPARE(m_store->number("SELECT referred_by FROM members WHERE id = ?", {referred->id}), m_referrer);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.enroll' AND "
                             "json_extract(details, '$.referred_by') = ?",
                             {m_referrer}),
             qint64(1));
}

void TestReferralService::bothBonusesOnTheFirstSaleOfTheMinimumSpend()
{
    auto referred = enrollReferred(QStringLiteral("415 555 2672"), QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(referred);
    const qint64 newMember = referred->id;

    // Below the minimum spend: no bonus, and the next sale may still bring it.
    auto small = m_store->accrue(newMember, QStringLiteral("S-1"), 999);
    LT_VERIFY_OK(small);
    QVERIFY(small->bonuses.isEmpty());
    QCOMPARE(m_store->balance(m_referrer), qint64(0));

    auto first = m_store->accrue(newMember, QStringLiteral("S-2"), 1000);
    LT_VERIFY_OK(first);
    QCOMPARE(first->bonuses.size(), 2);
    QCOMPARE(first->bonuses.at(0).kind, PointsLine::Kind::Referral);
    QCOMPARE(first->bonuses.at(0).memberId, newMember);
    QCOMPARE(first->bonuses.at(0).points, qint64(50));
    QCOMPARE(first->bonuses.at(1).memberId, m_referrer);
    QCOMPARE(first->bonuses.at(1).points, qint64(100));
    QCOMPARE(first->points, qint64(10)); // the sale's own points; the bonuses are entries of their own
    QCOMPARE(m_store->balance(newMember), qint64(9 + 10 + 50));
    QCOMPARE(m_store->balance(m_referrer), qint64(100));

    // Each bonus is a grant under its natural key, which is the key Square receives it under.
    const qint64 saleId = m_store->number("SELECT id FROM sales WHERE reference = 'S-2'");
    for (const auto& [memberId, period, points] : {std::tuple {newMember, QStringLiteral("referee"), qint64(50)},
                                                   std::tuple {m_referrer, QStringLiteral("referrer"), qint64(100)}}) {
        const QList<Grant> grants = grantsOf(memberId);
        QCOMPARE(grants.size(), 1);
        const Grant& grant = grants.constFirst();
        QCOMPARE(grant.kind, GrantKind::Referral);
        QCOMPARE(grant.period, period);
        QCOMPARE(grant.points, points);
        QCOMPARE(grant.state, GrantState::Granted);
        QCOMPARE(grant.saleId, saleId);
        QCOMPARE(grant.key, lt::BonusGranter::naturalKey(GrantKind::Referral, period, QStringLiteral("+14155552672")));
        QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND operation = 'adjust' AND "
                                 "idempotency_key = ? AND json_extract(payload, '$.points') = ?",
                                 {grant.ledgerId, grant.key, points}),
                 qint64(1));
    }

    // Later sales bring no more.
    auto later = m_store->accrue(newMember, QStringLiteral("S-3"), 5000);
    LT_VERIFY_OK(later);
    QVERIFY(later->bonuses.isEmpty());
    QCOMPARE(m_store->balance(m_referrer), qint64(100));
    // Nor does a member nobody referred get anything.
    auto plain = m_store->accrue(m_referrer, QStringLiteral("S-4"), 5000);
    LT_VERIFY_OK(plain);
    QVERIFY(plain->bonuses.isEmpty());
    QCOMPARE(m_store->number("SELECT count(*) FROM grants"), qint64(2));
}

void TestReferralService::monthlyCapPerReferrer()
{
    lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
    program.referralBonus->monthlyLimit = 2;
    LT_VERIFY_OK(
        lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Local));
    LT_VERIFY_OK(m_store->engine().reload());

    const auto referAndBuy = [&](const QString& phone, const QString& sale) -> QList<PointsLine> {
        auto referred = enrollReferred(phone, QString::number(m_referrer));
        if (!referred)
            return {};
        auto change = m_store->accrue(referred->id, sale, 2000);
        return change ? change->bonuses : QList<PointsLine>();
    };
    QCOMPARE(referAndBuy(QStringLiteral("415 555 2672"), QStringLiteral("S-1")).size(), 2);
    QCOMPARE(referAndBuy(QStringLiteral("415 555 2673"), QStringLiteral("S-2")).size(), 2);
    // The third this month: the new member still gets theirs, the referrer does not.
    const QList<PointsLine> third = referAndBuy(QStringLiteral("415 555 2674"), QStringLiteral("S-3"));
    QCOMPARE(third.size(), 1);
    QVERIFY(third.constFirst().memberId != m_referrer);
    QCOMPARE(m_store->balance(m_referrer), qint64(200));

    // A new month, a new allowance.
    m_store->clock().set(QDateTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC));
    const QList<PointsLine> april = referAndBuy(QStringLiteral("415 555 2675"), QStringLiteral("S-4"));
    QCOMPARE(april.size(), 2);
    QCOMPARE(m_store->balance(m_referrer), qint64(300));
}

void TestReferralService::onlyTheFirstQualifyingSaleDecides()
{
    // The new member's own bonus is 0 and the referrer is over the month's limit: the first qualifying sale pays
    // nobody, and a later one (even in a new month) does not pay the referrer for the same member.
    lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
    program.referralBonus->monthlyLimit = 1;
    program.referralBonus->refereePoints = 0;
    LT_VERIFY_OK(
        lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Local));
    LT_VERIFY_OK(m_store->engine().reload());
    auto first = enrollReferred(QStringLiteral("415 555 2672"), QString::number(m_referrer));
    LT_VERIFY_OK(first);
    auto paid = m_store->accrue(first->id, QStringLiteral("S-1"), 2000);
    LT_VERIFY_OK(paid);
    QCOMPARE(paid->bonuses.size(), 1);
    auto second = enrollReferred(QStringLiteral("415 555 2673"), QString::number(m_referrer));
    LT_VERIFY_OK(second);
    auto capped = m_store->accrue(second->id, QStringLiteral("S-2"), 2000);
    LT_VERIFY_OK(capped);
    QVERIFY(capped->bonuses.isEmpty());
    m_store->clock().set(QDateTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC));
    auto later = m_store->accrue(second->id, QStringLiteral("S-3"), 2000);
    LT_VERIFY_OK(later);
    QVERIFY(later->bonuses.isEmpty());
    QCOMPARE(m_store->balance(m_referrer), qint64(100));
}

void TestReferralService::refusedAtEnrollment_data()
{
    QTest::addColumn<QString>("referredBy");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("eraseReferrer");

    const QString newPhone = QStringLiteral("415 555 2672");
    QTest::newRow("self: same phone") << QStringLiteral("1") << QStringLiteral("+1 415-555-2671") << QString() << false;
    QTest::newRow("self: same phone, named by phone")
        << QStringLiteral("415 555 2671") << QStringLiteral("(415) 555 2671") << QString() << false;
    QTest::newRow("self: same e-mail") << QStringLiteral("1") << newPhone << QStringLiteral("Ana@Example.com") << false;
    QTest::newRow("unknown member number") << QStringLiteral("999") << newPhone << QString() << false;
    QTest::newRow("unknown phone") << QStringLiteral("415 555 9999") << newPhone << QString() << false;
    QTest::newRow("unknown card") << lt::CardNumber::fromSerial(4242) << newPhone << QString() << false;
    QTest::newRow("a name, not a number") << QStringLiteral("Ana") << newPhone << QString() << false;
    QTest::newRow("erased member") << QStringLiteral("1") << newPhone << QString() << true;
    QTest::newRow("erased member's phone") << QStringLiteral("415 555 2671") << newPhone << QString() << true;
}

void TestReferralService::refusedAtEnrollment()
{
    QFETCH(QString, referredBy);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(bool, eraseReferrer);
    if (eraseReferrer)
        erase(m_referrer);
    const QString before = m_store->rowCounts();
    const auto enrolled = enrollReferred(phone, referredBy, email);
    LT_VERIFY_ERROR(enrolled, ErrorKind::InvalidInput);
    QCOMPARE(enrolled.error().field, QStringLiteral("referred_by"));
    QVERIFY(!enrolled.error().message.isEmpty());
    // Nothing enrolled, nothing queued for Square.
    QCOMPARE(m_store->rowCounts(), before);
}

void TestReferralService::refusalsReadInSpanish_data()
{
    refusedAtEnrollment_data();
}

// Each refusal is found in the Spanish translation under the context it is asked for, and so is the bonus's name.
void TestReferralService::refusalsReadInSpanish()
{
    QFETCH(QString, referredBy);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(bool, eraseReferrer);
    if (eraseReferrer)
        erase(m_referrer);
    const auto english = enrollReferred(phone, referredBy, email);
    LT_VERIFY_ERROR(english, ErrorKind::InvalidInput);
    lt::test::TsTranslator spanish;
    QVERIFY(spanish.load(QStringLiteral(LOYALTYTILL_TRANSLATIONS_DIR "/loyaltytill_es.ts")));
    QVERIFY(QCoreApplication::installTranslator(&spanish));
    const auto removeTranslator = qScopeGuard([&spanish] { QCoreApplication::removeTranslator(&spanish); });
    const auto translated = enrollReferred(phone, referredBy, email);
    LT_VERIFY_ERROR(translated, ErrorKind::InvalidInput);
    QCOMPARE(translated.error().field, QStringLiteral("referred_by"));
    QVERIFY2(translated.error().message != english.error().message, qPrintable(english.error().message));

    auto referred = enrollReferred(QStringLiteral("415 555 2679"), QString::number(m_referrer));
    if (eraseReferrer)
        return;
    LT_VERIFY_OK(referred);
    auto first = m_store->accrue(referred->id, QStringLiteral("S-1"), 2000);
    LT_VERIFY_OK(first);
    QCOMPARE(first->bonuses.size(), 2);
    QVERIFY2(first->bonuses.constFirst().name != QLatin1String("Referral bonus"),
             qPrintable(first->bonuses.constFirst().name));
}

void TestReferralService::erasedReferrerReceivesNothing()
{
    auto referred = enrollReferred(QStringLiteral("415 555 2672"), QStringLiteral("1"));
    LT_VERIFY_OK(referred);
    erase(m_referrer);
    auto first = m_store->accrue(referred->id, QStringLiteral("S-1"), 2000);
    LT_VERIFY_OK(first);
    QCOMPARE(first->bonuses.size(), 1);
    QCOMPARE(first->bonuses.constFirst().memberId, referred->id);
    QCOMPARE(m_store->balance(m_referrer), qint64(0));
}

void TestReferralService::fullRefundTakesBothBonusesBack_data()
{
    QTest::addColumn<QList<qint64>>("refunds"); // amounts of the refunds of the 20.00 first sale; 0: a void
    QTest::addColumn<bool>("takenBack");
    QTest::addColumn<qint64>("newMemberBalance");
    QTest::addColumn<qint64>("referrerBalance");

    // The first sale earns 20 points, with bonuses of 50 and 100.
    QTest::newRow("full refund") << QList<qint64> {2000} << true << qint64(0) << qint64(0);
    QTest::newRow("two halves") << QList<qint64> {1000, 1000} << true << qint64(0) << qint64(0);
    QTest::newRow("void") << QList<qint64> {0} << true << qint64(0) << qint64(0);
    QTest::newRow("partial refund") << QList<qint64> {500} << false << qint64(65) << qint64(100);
    QTest::newRow("all but a cent") << QList<qint64> {1999} << false << qint64(51) << qint64(100);
}

void TestReferralService::fullRefundTakesBothBonusesBack()
{
    QFETCH(QList<qint64>, refunds);
    QFETCH(bool, takenBack);
    QFETCH(qint64, newMemberBalance);
    QFETCH(qint64, referrerBalance);
    auto referred = enrollReferred(QStringLiteral("415 555 2672"), QStringLiteral("1"));
    LT_VERIFY_OK(referred);
    const qint64 newMember = referred->id;
    auto first = m_store->accrue(newMember, QStringLiteral("S-1"), 2000);
    LT_VERIFY_OK(first);
    QCOMPARE(first->bonuses.size(), 2);
    QCOMPARE(m_store->balance(newMember), qint64(70));

    QList<PointsLine> taken;
    for (const qint64 amount : refunds) {
        if (amount == 0) {
            auto voided = m_store->engine().accrual().voidSale(QStringLiteral("S-1"), QStringLiteral("Wrong member"),
                                                               TempStore::cashier());
            LT_VERIFY_OK(voided);
            taken << voided->bonuses;
            continue;
        }
        lt::RefundRequest refund;
        refund.saleReference = QStringLiteral("S-1");
        refund.amount = lt::Money(amount, QStringLiteral("USD"));
        auto refunded = m_store->engine().refunds().refund(refund, TempStore::cashier());
        LT_VERIFY_OK(refunded);
        taken << refunded->bonuses;
    }
    QCOMPARE(m_store->balance(newMember), newMemberBalance);
    QCOMPARE(m_store->balance(m_referrer), referrerBalance);
    QCOMPARE(taken.size(), takenBack ? 2 : 0);
    qint64 takenPoints = 0;
    for (const PointsLine& line : taken)
        takenPoints += line.points;
    QCOMPARE(takenPoints, takenBack ? qint64(-150) : qint64(0));
    const GrantState state = takenBack ? GrantState::Reversed : GrantState::Granted;
    QCOMPARE(grantsOf(newMember).constFirst().state, state);
    QCOMPARE(grantsOf(m_referrer).constFirst().state, state);
    // Square is told to take them back even from a balance that spent them.
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE operation = 'adjust' AND "
                             "json_extract(payload, '$.points') IN (-50, -100) AND "
                             "json_extract(payload, '$.force') = 1"),
             takenBack ? qint64(2) : qint64(0));

    // A bonus taken back is not given again by a later sale.
    auto later = m_store->accrue(newMember, QStringLiteral("S-2"), 3000);
    LT_VERIFY_OK(later);
    QVERIFY(later->bonuses.isEmpty());
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestReferralService)
#include "tst_referralservice.moc"
