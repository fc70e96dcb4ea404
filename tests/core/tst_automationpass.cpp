#include "core/domain/Actor.h"
#include "core/services/AutomationPass.h"
#include "core/services/BonusGranter.h"
#include "core/store/GrantStore.h"
#include "core/store/LedgerWriter.h"
#include "core/store/ProgramRepository.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QRegularExpression>
#include <QTest>

using lt::AutomationGrant;
using lt::AutomationPass;
using lt::AutomationReport;
using lt::BonusGranter;
using lt::Grant;
using lt::GrantKind;
using lt::GrantState;
using lt::test::TempStore;

namespace {
const QString AnasPhone = QStringLiteral("+14155552671");

// Noon, so that the day is the same in the local time of any test machine.
QDateTime noon(QDate day)
{
    return QDateTime(day, QTime(12, 0), Qt::UTC);
}

QList<AutomationGrant> ofKind(const AutomationReport& report, const char* kind)
{
    QList<AutomationGrant> found;
    for (const AutomationGrant& grant : report.grants) {
        if (grant.kind == QLatin1String(kind))
            found << grant;
    }
    return found;
}
} // namespace

// The default program gives 50 points in the week (Monday to Sunday) of the member's birthday and a win-back offer
// (the next sale within 30 days earns 2x) after 90 days without a sale. Members are enrolled on 2024-03-01 unless a
// test says otherwise.
class TestAutomationPass : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void birthdayOnceInItsWeek_data();
    void birthdayOnceInItsWeek();
    void birthdayEnteredTooCloseWaitsAYear_data();
    void birthdayEnteredTooCloseWaitsAYear();
    void anniversary();
    void winBackOfferAppliesOnceAtTheNextSale();
    void winBackOfferLapses_data();
    void winBackOfferLapses();
    void winBackOfferMetLate_data();
    void winBackOfferMetLate();
    void runTwiceTheSameDayGrantsNothingNew();
    void newPhoneGetsNoSecondGiftForTheYear();
    void evaluatesTiers();
    void tillOffForAWeekCatchesUp();
    void catchesUpAtMostAYear();
    void grantsCarryTheirNaturalKey();
    void grantLearnedFromAnotherTillIsNotRepeated();

private:
    lt::Result<AutomationReport> runOn(QDate day);
    lt::Result<qint64> enroll(TempStore& store, const QString& phone, const QString& birthday);
    lt::Result<void> setLastDay(QDate day);
    lt::Result<void> useProgram(const lt::LoyaltyProgram& program);
    QList<Grant> grantsOf(qint64 memberId, GrantKind kind);

    std::unique_ptr<TempStore> m_store;
};

void TestAutomationPass::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestAutomationPass::cleanup()
{
    m_store.reset();
}

lt::Result<AutomationReport> TestAutomationPass::runOn(QDate day)
{
    m_store->clock().set(noon(day));
    return AutomationPass(m_store->engine().context()).run(lt::Actor::till());
}

lt::Result<qint64> TestAutomationPass::enroll(TempStore& store, const QString& phone, const QString& birthday)
{
    lt::EnrollmentRequest request;
    request.phone = phone;
    request.birthday = birthday;
    LT_TRY_ASSIGN(const lt::Enrollment enrolled, store.engine().enrollment().enroll(request, TempStore::cashier()));
    return enrolled.member.id;
}

// As if the last pass had run on `day`.
lt::Result<void> TestAutomationPass::setLastDay(QDate day)
{
    return lt::StoreSettings(m_store->db()).setState(AutomationPass::lastDayKey(), day.toString(Qt::ISODate));
}

lt::Result<void> TestAutomationPass::useProgram(const lt::LoyaltyProgram& program)
{
    LT_TRY(lt::ProgramRepository(m_store->db(), m_store->clock()).save(program, lt::ProgramRepository::Source::Local));
    return m_store->engine().reload();
}

QList<Grant> TestAutomationPass::grantsOf(qint64 memberId, GrantKind kind)
{
    QList<Grant> found;
    auto grants = lt::GrantStore(m_store->db()).ofMember(memberId);
    if (!grants)
        return found;
    for (const Grant& grant : *grants) {
        if (grant.kind == kind)
            found << grant;
    }
    return found;
}

void TestAutomationPass::birthdayOnceInItsWeek_data()
{
    QTest::addColumn<QString>("birthday");
    QTest::addColumn<bool>("byMonth");
    QTest::addColumn<QDate>("firstDay"); // the first day of the period that holds this year's birthday
    QTest::addColumn<QDate>("lastDay");
    QTest::addColumn<int>("year"); // of the birthday the gift is for

    QTest::newRow("Wednesday 12 June") << QStringLiteral("1990-06-12") << false << QDate(2024, 6, 10)
                                       << QDate(2024, 6, 16) << 2024;
    QTest::newRow("29 February, in a year without one")
        << QStringLiteral("2000-02-29") << false << QDate(2025, 2, 24) << QDate(2025, 3, 2) << 2025;
    QTest::newRow("29 February, in a leap year")
        << QStringLiteral("2000-02-29") << false << QDate(2028, 2, 28) << QDate(2028, 3, 5) << 2028;
    QTest::newRow("in its month") << QStringLiteral("1990-06-12") << true << QDate(2024, 6, 1) << QDate(2024, 6, 30)
                                  << 2024;
    QTest::newRow("29 February in its month, in a year without one")
        << QStringLiteral("2000-02-29") << true << QDate(2025, 2, 1) << QDate(2025, 2, 28) << 2025;
    // A week that starts in one year and ends in the next.
    QTest::newRow("1 January, its week starting in December")
        << QStringLiteral("1990-01-01") << false << QDate(2024, 12, 30) << QDate(2025, 1, 5) << 2025;
    QTest::newRow("31 December, its week ending in January")
        << QStringLiteral("1990-12-31") << false << QDate(2024, 12, 30) << QDate(2025, 1, 5) << 2024;
}

void TestAutomationPass::birthdayOnceInItsWeek()
{
    QFETCH(QString, birthday);
    QFETCH(bool, byMonth);
    QFETCH(QDate, firstDay);
    QFETCH(QDate, lastDay);
    QFETCH(int, year);
    if (byMonth) {
        lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
        program.birthdayBonus->period = lt::OccasionBonus::Period::Month;
        LT_VERIFY_OK(useProgram(program));
    }
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), birthday);
    LT_VERIFY_OK(member);

    // A pass every day from the day before the period to the day after it: one gift, on its first day.
    LT_VERIFY_OK(setLastDay(firstDay.addDays(-2)));
    for (QDate day = firstDay.addDays(-1); day <= lastDay.addDays(1); day = day.addDays(1)) {
        auto report = runOn(day);
        LT_VERIFY_OK(report);
        QCOMPARE(report->from, day);
        const QList<AutomationGrant> gifts = ofKind(*report, "birthday");
        QVERIFY2(gifts.size() == (day == firstDay ? 1 : 0), qPrintable(day.toString(Qt::ISODate)));
        if (!gifts.isEmpty()) {
            QCOMPARE(gifts.constFirst().memberId, *member);
            QCOMPARE(gifts.constFirst().points, qint64(50));
        }
    }
    const QList<Grant> grants = grantsOf(*member, GrantKind::Birthday);
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants.constFirst().period, QString::number(year));
    QCOMPARE(grants.constFirst().points, qint64(50));
    QCOMPARE(m_store->balance(*member), qint64(50));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE member_id = ? AND kind = 'adjust' AND points = 50",
                             {*member}),
             qint64(1));
}

void TestAutomationPass::birthdayEnteredTooCloseWaitsAYear_data()
{
    QTest::addColumn<QDate>("enteredOn"); // for a birthday on Wednesday 12 June 2024
    QTest::addColumn<bool>("giftThisYear");

    QTest::newRow("the week before") << QDate(2024, 6, 5) << false;
    QTest::newRow("29 days before") << QDate(2024, 5, 14) << false;
    QTest::newRow("30 days before") << QDate(2024, 5, 13) << true;
    QTest::newRow("months before") << QDate(2024, 3, 1) << true;
}

void TestAutomationPass::birthdayEnteredTooCloseWaitsAYear()
{
    QFETCH(QDate, enteredOn);
    QFETCH(bool, giftThisYear);
    m_store->clock().set(noon(enteredOn));
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(member);

    LT_VERIFY_OK(setLastDay(QDate(2024, 6, 9)));
    qsizetype gifts = 0;
    for (QDate day(2024, 6, 10); day <= QDate(2024, 6, 16); day = day.addDays(1)) {
        auto report = runOn(day);
        LT_VERIFY_OK(report);
        gifts += ofKind(*report, "birthday").size();
    }
    QCOMPARE(gifts, giftThisYear ? 1 : 0);

    // The next year's gift comes in its week either way (2025-06-12 is a Thursday: Monday is the 9th).
    LT_VERIFY_OK(setLastDay(QDate(2025, 6, 8)));
    auto nextYear = runOn(QDate(2025, 6, 9));
    LT_VERIFY_OK(nextYear);
    QCOMPARE(ofKind(*nextYear, "birthday").size(), 1);
    const QList<Grant> grants = grantsOf(*member, GrantKind::Birthday);
    QCOMPARE(grants.size(), giftThisYear ? 2 : 1);
    QCOMPARE(grants.constLast().period, QStringLiteral("2025"));
}

void TestAutomationPass::anniversary()
{
    lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
    program.anniversaryBonus = lt::OccasionBonus {30, QString(), lt::OccasionBonus::Period::Week};
    LT_VERIFY_OK(useProgram(program));
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QString()); // Friday 2024-03-01
    LT_VERIFY_OK(member);

    // Not in the week the member joined.
    auto joining = runOn(QDate(2024, 3, 1));
    LT_VERIFY_OK(joining);
    QVERIFY(ofKind(*joining, "anniversary").isEmpty());

    // 2025-03-01 is a Saturday: the week runs from Monday 24 February to Sunday 2 March.
    LT_VERIFY_OK(setLastDay(QDate(2025, 2, 22)));
    auto before = runOn(QDate(2025, 2, 23));
    LT_VERIFY_OK(before);
    QVERIFY(ofKind(*before, "anniversary").isEmpty());
    auto firstDay = runOn(QDate(2025, 2, 24));
    LT_VERIFY_OK(firstDay);
    QCOMPARE(ofKind(*firstDay, "anniversary").size(), 1);
    QCOMPARE(ofKind(*firstDay, "anniversary").constFirst().points, qint64(30));
    auto sunday = runOn(QDate(2025, 3, 2));
    LT_VERIFY_OK(sunday);
    QVERIFY(ofKind(*sunday, "anniversary").isEmpty());
    const QList<Grant> grants = grantsOf(*member, GrantKind::Anniversary);
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants.constFirst().period, QStringLiteral("2025"));
    QCOMPARE(m_store->number("SELECT points FROM ledger WHERE id = ?", {grants.constFirst().ledgerId}), qint64(30));
}

void TestAutomationPass::winBackOfferAppliesOnceAtTheNextSale()
{
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QString());
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(m_store->accrue(*member, QStringLiteral("S-1"), 10000)); // Friday 2024-03-01

    auto early = runOn(QDate(2024, 5, 29)); // 89 days
    LT_VERIFY_OK(early);
    QVERIFY(ofKind(*early, "winback").isEmpty());
    auto due = runOn(QDate(2024, 5, 30)); // 90 days
    LT_VERIFY_OK(due);
    QCOMPARE(ofKind(*due, "winback").size(), 1);
    QCOMPARE(ofKind(*due, "winback").constFirst().memberId, *member);
    QCOMPARE(ofKind(*due, "winback").constFirst().points, qint64(0));
    auto offer = lt::GrantStore(m_store->db()).openOffer(*member, m_store->clock().nowUtc());
    LT_VERIFY_OK(offer);
    QVERIFY(offer->has_value());
    QCOMPARE((*offer)->state, GrantState::Offered);
    // One offer per absence, keyed by the day of the last visit.
    QCOMPARE((*offer)->period, QStringLiteral("2024-03-01"));
    QCOMPARE((*offer)->key, BonusGranter::naturalKey(GrantKind::WinBack, QStringLiteral("2024-03-01"), AnasPhone));
    QCOMPARE((*offer)->expiresAt.toLocalTime().date(), QDate(2024, 6, 29));

    // The next sale earns twice its points, named for the cashier, and uses the offer.
    const lt::Sale sale = TempStore::sale(QStringLiteral("S-2"), 10000);
    auto preview = m_store->engine().accrual().preview(*member, sale);
    LT_VERIFY_OK(preview);
    QCOMPARE(preview->total(), qint64(200));
    m_store->clock().set(noon(QDate(2024, 6, 3)));
    auto used = m_store->engine().accrual().accrue(*member, sale, TempStore::cashier());
    LT_VERIFY_OK(used);
    QCOMPARE(used->points, qint64(200));
    QCOMPARE(used->earned.extras.size(), 1);
    QCOMPARE(used->earned.extras.constFirst().kind, lt::PointsLine::Kind::WinBack);
    QCOMPARE(used->earned.extras.constFirst().points, qint64(100));
    const QList<Grant> offers = grantsOf(*member, GrantKind::WinBack);
    QCOMPARE(offers.size(), 1);
    QCOMPARE(offers.constFirst().state, GrantState::Used);
    QCOMPARE(offers.constFirst().saleId, m_store->number("SELECT id FROM sales WHERE reference = 'S-2'"));
    QCOMPARE(offers.constFirst().points, qint64(100));

    // Then it is gone.
    auto after = m_store->accrue(*member, QStringLiteral("S-3"), 10000);
    LT_VERIFY_OK(after);
    QCOMPARE(after->points, qint64(100));
    QVERIFY(after->earned.extras.isEmpty());
    auto again = runOn(QDate(2024, 6, 3));
    LT_VERIFY_OK(again);
    QVERIFY(ofKind(*again, "winback").isEmpty());
    // Another 90 days away bring a new offer.
    auto later = runOn(QDate(2024, 9, 1));
    LT_VERIFY_OK(later);
    QCOMPARE(ofKind(*later, "winback").size(), 1);
    QCOMPARE(grantsOf(*member, GrantKind::WinBack).size(), 2);
}

void TestAutomationPass::winBackOfferLapses_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("applies");

    QTest::newRow("a visit elsewhere pulled from Square") << QStringLiteral("pulled visit") << false;
    QTest::newRow("sale on the offer's last day") << QStringLiteral("day 30") << true;
    QTest::newRow("sale after the offer ran out") << QStringLiteral("day 31") << false;
}

void TestAutomationPass::winBackOfferLapses()
{
    QFETCH(QString, event);
    QFETCH(bool, applies);
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QString());
    LT_VERIFY_OK(member);
    const QDate offered(2024, 5, 30); // 90 days after enrollment, without a sale
    auto due = runOn(offered);
    LT_VERIFY_OK(due);
    QCOMPARE(ofKind(*due, "winback").size(), 1);

    QDate saleDay = offered.addDays(1);
    if (event == QLatin1String("pulled visit")) {
        // The member bought at another till of the store; the pull brings the accrual.
        m_store->clock().set(noon(offered.addDays(1)));
        LT_VERIFY_OK(lt::inTransaction(m_store->db(), [&]() -> lt::Result<void> {
            lt::LedgerStore::NewEntry entry;
            entry.memberId = *member;
            entry.kind = lt::LedgerKind::Accrue;
            entry.points = 40;
            LT_TRY(lt::LedgerWriter(m_store->db(), m_store->clock(), lt::Actor::square()).append(entry, std::nullopt));
            return {};
        }));
        saleDay = offered.addDays(2);
    } else {
        saleDay = offered.addDays(event == QLatin1String("day 30") ? 30 : 31);
    }
    m_store->clock().set(noon(saleDay));
    auto sale = m_store->accrue(*member, QStringLiteral("S-1"), 10000);
    LT_VERIFY_OK(sale);
    QCOMPARE(sale->points, applies ? qint64(200) : qint64(100));
    QCOMPARE(grantsOf(*member, GrantKind::WinBack).constFirst().state,
             applies ? GrantState::Used : GrantState::Offered);
}

void TestAutomationPass::winBackOfferMetLate_data()
{
    QTest::addColumn<QDate>("lastPass"); // invalid: the store's first pass
    QTest::addColumn<QDate>("pass");
    QTest::addColumn<bool>("offered");

    // Enrolled 2024-03-01 without a sale: offered from 2024-05-30 (90 days) through 2024-06-29 (30 more).
    QTest::newRow("first pass on the 90th day") << QDate() << QDate(2024, 5, 30) << true;
    QTest::newRow("first pass on the offer's last day") << QDate() << QDate(2024, 6, 29) << true;
    QTest::newRow("first pass the day after: the offer would be over") << QDate() << QDate(2024, 6, 30) << false;
    QTest::newRow("first pass a year on (win-back turned on late)") << QDate() << QDate(2025, 3, 1) << false;
    QTest::newRow("till off for a week around the 90th day") << QDate(2024, 5, 27) << QDate(2024, 6, 3) << true;
    QTest::newRow("till off past the offer's end") << QDate(2024, 5, 27) << QDate(2024, 7, 2) << false;
}

// Whenever a pass first meets an absence, the offer runs from the absence's 90th day: two tills that run on
// different days make the same offer, and one that meets it too late makes none.
void TestAutomationPass::winBackOfferMetLate()
{
    QFETCH(QDate, lastPass);
    QFETCH(QDate, pass);
    QFETCH(bool, offered);
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QString());
    LT_VERIFY_OK(member);
    if (lastPass.isValid())
        LT_VERIFY_OK(setLastDay(lastPass));
    auto report = runOn(pass);
    LT_VERIFY_OK(report);
    QCOMPARE(ofKind(*report, "winback").size(), offered ? 1 : 0);
    const QList<Grant> offers = grantsOf(*member, GrantKind::WinBack);
    QCOMPARE(offers.size(), offered ? 1 : 0);
    if (!offered)
        return;
    QCOMPARE(offers.constFirst().period, QStringLiteral("2024-03-01"));
    QCOMPARE(offers.constFirst().expiresAt.toLocalTime().date(), QDate(2024, 6, 29));
    // A sale the day the offer ends still earns double.
    m_store->clock().set(noon(QDate(2024, 6, 29)));
    auto sale = m_store->accrue(*member, QStringLiteral("S-1"), 10000);
    LT_VERIFY_OK(sale);
    QCOMPARE(sale->points, qint64(200));
}

// A grant's key is made of the phone (the one thing every till knows of a member), so a member whose phone changed
// has a new key for a year already given: the member's own grants count too.
void TestAutomationPass::newPhoneGetsNoSecondGiftForTheYear()
{
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(setLastDay(QDate(2024, 6, 9)));
    auto given = runOn(QDate(2024, 6, 10));
    LT_VERIFY_OK(given);
    QCOMPARE(ofKind(*given, "birthday").size(), 1);

    LT_VERIFY_OK(
        m_store->engine().enrollment().changePhone(*member, QStringLiteral("415 555 2699"), TempStore::cashier()));
    auto again = runOn(QDate(2024, 6, 11));
    LT_VERIFY_OK(again);
    QVERIFY(ofKind(*again, "birthday").isEmpty());
    QCOMPARE(grantsOf(*member, GrantKind::Birthday).size(), 1);
    QCOMPARE(m_store->balance(*member), qint64(50));
    // Next year's gift comes under the new phone's key.
    LT_VERIFY_OK(setLastDay(QDate(2025, 6, 8)));
    auto nextYear = runOn(QDate(2025, 6, 9));
    LT_VERIFY_OK(nextYear);
    QCOMPARE(ofKind(*nextYear, "birthday").size(), 1);
    QCOMPARE(grantsOf(*member, GrantKind::Birthday).constLast().key,
             BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2025"), QStringLiteral("+14155552699")));
}

void TestAutomationPass::runTwiceTheSameDayGrantsNothingNew()
{
    auto birthday = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(birthday);
    auto away = enroll(*m_store, QStringLiteral("415 555 2672"), QString());
    LT_VERIFY_OK(away);
    // Points another till's sale brought, pulled from Square: only the evaluation can raise this member.
    auto pulled = enroll(*m_store, QStringLiteral("415 555 2673"), QString());
    LT_VERIFY_OK(pulled);
    m_store->clock().set(noon(QDate(2024, 6, 1)));
    LT_VERIFY_OK(lt::inTransaction(m_store->db(), [&]() -> lt::Result<void> {
        lt::LedgerStore::NewEntry entry;
        entry.memberId = *pulled;
        entry.kind = lt::LedgerKind::Accrue;
        entry.points = 600;
        LT_TRY(lt::LedgerWriter(m_store->db(), m_store->clock(), lt::Actor::square()).append(entry, std::nullopt));
        return {};
    }));
    LT_VERIFY_OK(setLastDay(QDate(2024, 6, 9)));

    auto first = runOn(QDate(2024, 6, 10));
    LT_VERIFY_OK(first);
    QCOMPARE(ofKind(*first, "birthday").size(), 1);
    QCOMPARE(ofKind(*first, "winback").size(), 2); // all but the member who bought on 1 June
    QCOMPARE(ofKind(*first, "tier_up").size(), 1);
    QCOMPARE(ofKind(*first, "tier_up").constFirst().memberId, *pulled);
    const QString counts = m_store->rowCounts();
    const qint64 grants = m_store->number("SELECT count(*) FROM grants");
    const qint64 changes = m_store->number("SELECT count(*) FROM tier_changes");

    for (int run = 0; run < 2; ++run) {
        auto again = runOn(QDate(2024, 6, 10));
        LT_VERIFY_OK(again);
        QVERIFY2(again->grants.isEmpty(), qPrintable(QStringLiteral("%1 grants").arg(again->grants.size())));
        QCOMPARE(again->from, QDate(2024, 6, 10));
    }
    QCOMPARE(m_store->number("SELECT count(*) FROM grants"), grants);
    QCOMPARE(m_store->number("SELECT count(*) FROM tier_changes"), changes);
    QCOMPARE(m_store->rowCounts().remove(QRegularExpression(QStringLiteral("audit_log=\\d+ "))),
             QString(counts).remove(QRegularExpression(QStringLiteral("audit_log=\\d+ "))));
}

void TestAutomationPass::evaluatesTiers()
{
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QString());
    LT_VERIFY_OK(member);
    auto silver = m_store->accrue(*member, QStringLiteral("S-1"), 60000); // 2024-03-01
    LT_VERIFY_OK(silver);
    QCOMPARE(silver->tierChanged, QStringLiteral("Silver"));

    // The sale leaves the 12 months' window on 2025-03-01; Silver is kept for the 30 days of grace.
    LT_VERIFY_OK(setLastDay(QDate(2025, 2, 28)));
    auto shortOnce = runOn(QDate(2025, 3, 1));
    LT_VERIFY_OK(shortOnce);
    QVERIFY(ofKind(*shortOnce, "tier_down").isEmpty());
    auto inGrace = runOn(QDate(2025, 3, 30));
    LT_VERIFY_OK(inGrace);
    QVERIFY(ofKind(*inGrace, "tier_down").isEmpty());
    auto lowered = runOn(QDate(2025, 3, 31));
    LT_VERIFY_OK(lowered);
    QCOMPARE(ofKind(*lowered, "tier_down").size(), 1);
    QCOMPARE(ofKind(*lowered, "tier_down").constFirst().memberId, *member);
    QCOMPARE(ofKind(*lowered, "tier_down").constFirst().points, qint64(0));
    auto again = runOn(QDate(2025, 3, 31));
    LT_VERIFY_OK(again);
    QVERIFY(ofKind(*again, "tier_down").isEmpty());
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE id = ? AND tier = 'Member'", {*member}), qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM tier_changes WHERE member_id = ? AND direction = 'down' AND "
                             "to_tier = 'Member'",
                             {*member}),
             qint64(1));
}

void TestAutomationPass::tillOffForAWeekCatchesUp()
{
    auto inTheMissedWeek = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(inTheMissedWeek);
    auto thisWeek = enroll(*m_store, QStringLiteral("415 555 2672"), QStringLiteral("1985-06-18"));
    LT_VERIFY_OK(thisWeek);
    auto nextWeek = enroll(*m_store, QStringLiteral("415 555 2673"), QStringLiteral("1985-06-30"));
    LT_VERIFY_OK(nextWeek);

    auto saturday = runOn(QDate(2024, 6, 8));
    LT_VERIFY_OK(saturday);
    QVERIFY(ofKind(*saturday, "birthday").isEmpty());
    // Off from Sunday the 9th until Thursday the 20th: the week of the 12th passed unseen.
    auto back = runOn(QDate(2024, 6, 20));
    LT_VERIFY_OK(back);
    QCOMPARE(back->from, QDate(2024, 6, 9));
    QCOMPARE(back->to, QDate(2024, 6, 20));
    QList<qint64> given;
    for (const AutomationGrant& grant : ofKind(*back, "birthday"))
        given << grant.memberId;
    std::sort(given.begin(), given.end());
    QCOMPARE(given, (QList<qint64> {*inTheMissedWeek, *thisWeek}));
    QCOMPARE(grantsOf(*nextWeek, GrantKind::Birthday).size(), 0);

    // The days caught up are not caught up again.
    auto next = runOn(QDate(2024, 6, 21));
    LT_VERIFY_OK(next);
    QCOMPARE(next->from, QDate(2024, 6, 21));
    QVERIFY(ofKind(*next, "birthday").isEmpty());
    QCOMPARE(grantsOf(*inTheMissedWeek, GrantKind::Birthday).size(), 1);
}

void TestAutomationPass::catchesUpAtMostAYear()
{
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(runOn(QDate(2024, 3, 1)));
    // Closed for two years: the pass covers the last year only, so it gives one birthday gift, not two.
    auto reopened = runOn(QDate(2026, 3, 10));
    LT_VERIFY_OK(reopened);
    QCOMPARE(reopened->from, QDate(2025, 3, 11));
    QCOMPARE(reopened->to, QDate(2026, 3, 10));
    QCOMPARE(ofKind(*reopened, "birthday").size(), 1);
    const QList<Grant> grants = grantsOf(*member, GrantKind::Birthday);
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants.constFirst().period, QStringLiteral("2025"));
}

void TestAutomationPass::grantsCarryTheirNaturalKey()
{
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(setLastDay(QDate(2024, 6, 9)));
    LT_VERIFY_OK(runOn(QDate(2024, 6, 10)));
    const QList<Grant> grants = grantsOf(*member, GrantKind::Birthday);
    QCOMPARE(grants.size(), 1);
    const QString key = grants.constFirst().key;
    QCOMPARE(key, BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), AnasPhone));
    // The key is Square's idempotency key for the points, and carries no phone number.
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE ledger_id = ? AND idempotency_key = ? AND "
                             "operation = 'adjust'",
                             {grants.constFirst().ledgerId, key}),
             qint64(1));
    QVERIFY2(!key.contains(QLatin1String("4155552671")), qPrintable(key));
    GrantKind kind = GrantKind::Expire;
    QString period;
    QVERIFY(BonusGranter::parseKey(key, &kind, &period));
    QCOMPARE(kind, GrantKind::Birthday);
    QCOMPARE(period, QStringLiteral("2024"));

    // The same for the same phone, another for another phone, year or kind; none without a phone.
    QCOMPARE(BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), AnasPhone), key);
    QVERIFY(BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), QStringLiteral("+14155552672"))
            != key);
    QVERIFY(BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2025"), AnasPhone) != key);
    QVERIFY(BonusGranter::naturalKey(GrantKind::Anniversary, QStringLiteral("2024"), AnasPhone) != key);
    QVERIFY(BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), QString()).isEmpty());
    QVERIFY(!BonusGranter::parseKey(QStringLiteral("c0ffee-1234"), &kind, &period));
    // A period may hold dashes (a win-back offer's is a date).
    QVERIFY(BonusGranter::parseKey(
        BonusGranter::naturalKey(GrantKind::WinBack, QStringLiteral("2024-05-30"), AnasPhone), &kind, &period));
    QCOMPARE(kind, GrantKind::WinBack);
    QCOMPARE(period, QStringLiteral("2024-05-30"));

    // Another till of the store, with its own database, decides the same gift under the same key, so Square
    // applies it once.
    TempStore otherTill;
    LT_VERIFY_OK(otherTill.open());
    otherTill.clock().set(noon(QDate(2024, 3, 5)));
    auto same = enroll(otherTill, QStringLiteral("(415) 555-2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(same);
    LT_VERIFY_OK(
        lt::StoreSettings(otherTill.db()).setState(AutomationPass::lastDayKey(), QStringLiteral("2024-06-10")));
    otherTill.clock().set(noon(QDate(2024, 6, 11)));
    auto other = AutomationPass(otherTill.engine().context()).run(lt::Actor::till());
    LT_VERIFY_OK(other);
    QCOMPARE(ofKind(*other, "birthday").size(), 1);
    QCOMPARE(otherTill.number("SELECT count(*) FROM outbox WHERE idempotency_key = ?", {key}), qint64(1));
}

void TestAutomationPass::grantLearnedFromAnotherTillIsNotRepeated()
{
    auto member = enroll(*m_store, QStringLiteral("415 555 2671"), QStringLiteral("1990-06-12"));
    LT_VERIFY_OK(member);
    // The pull brought the other till's gift, recorded under its key.
    Grant pulled;
    pulled.key = BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), AnasPhone);
    pulled.memberId = *member;
    pulled.kind = GrantKind::Birthday;
    pulled.period = QStringLiteral("2024");
    pulled.points = 50;
    pulled.createdAt = noon(QDate(2024, 6, 10));
    auto inserted = lt::GrantStore(m_store->db()).insert(pulled, QStringLiteral("square"));
    LT_VERIFY_OK(inserted);
    QVERIFY(*inserted);
    const qint64 outbox = m_store->number("SELECT count(*) FROM outbox");

    LT_VERIFY_OK(setLastDay(QDate(2024, 6, 9)));
    auto report = runOn(QDate(2024, 6, 11));
    LT_VERIFY_OK(report);
    QVERIFY(ofKind(*report, "birthday").isEmpty());
    QCOMPARE(grantsOf(*member, GrantKind::Birthday).size(), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox"), outbox);
}

QTEST_GUILESS_MAIN(TestAutomationPass)
#include "tst_automationpass.moc"
