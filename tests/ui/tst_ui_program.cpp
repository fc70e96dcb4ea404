// The program at the till, key by key: the member panel shows the tier and how far the next one is, an open win-back
// offer and the next points to expire; a sale that crosses a tier says so on the confirmation, and the next sale
// after a long absence applies the offer. Each panel line reads in the dark palette too.

#include "core/domain/Actor.h"
#include "core/services/AutomationPass.h"
#include "core/services/RedemptionService.h"
#include "core/store/PromotionStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/Appearance.h"
#include "ui/dialogs/EnrollmentDialog.h"
#include "ui/dialogs/RedeemDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::Appearance;
using lt::ui::EnrollmentDialog;
using lt::ui::MemberPanel;
using lt::ui::MessageBanner;
using lt::ui::RedeemDialog;
using lt::ui::SaleDialog;
using lt::ui::TillWindow;

namespace {
constexpr double ReadableContrast = 4.5; // WCAG AA, normal text

// The panel line with this accessible name.
const QLabel* panelLine(const MemberPanel* panel, const QString& accessibleName)
{
    for (const QLabel* label : panel->findChildren<QLabel*>()) {
        if (label->accessibleName() == accessibleName)
            return label;
    }
    return nullptr;
}
} // namespace

class TestProgram : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void panelShowsTheWayToTheNextTier();
    void tierOnSpendShowsWhatIsLeftToSpend_data();
    void tierOnSpendShowsWhatIsLeftToSpend();
    void saleThatCrossesSilverSaysSo();
    void winBackOfferIsShownAndTheNextSaleAppliesIt();
    void offerOfAPassWhileTheMemberIsShown();
    void expiringPointsAreShown();
    void referralAtEnrollmentPaysBothOnTheFirstSale();
    void promotionIsNamedInThePreviewAndTheConfirmation();
    void programLinesReadInTheDarkPalette();

private:
    TillWindow& window() { return m_till->window(); }
    MemberPanel* panel() { return window().memberPanel(); }
    // Signs the cashier in and scans the member's card.
    void showMember(const Member& member);
    // F2, receipt, Tab, total, Enter in the sale dialog; m_sold is what the dialog recorded.
    void sell(const QString& reference, const QString& total);

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    Member m_member;
    PointsChange m_sold;
};

void TestProgram::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestProgram::cleanupTestCase()
{
    QLocale::setDefault(QLocale::system());
}

void TestProgram::init()
{
    // A store of its own for each test: the win-back test moves the store's clock by months.
    m_till = std::make_unique<TillHarness>();
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_cashier = regulars->cashier;
    m_member = regulars->member;
}

void TestProgram::cleanup()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
    if (m_till) {
        // Whatever the test did, every balance still equals its ledger.
        auto report = m_till->store().checkIntegrity();
        LT_VERIFY_OK(report);
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    }
    m_till.reset();
}

void TestProgram::showMember(const Member& member)
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    TillHarness::scan(member.card);
    QVERIFY2(window().currentMember(), qPrintable(window().banner()->text()));
    QCOMPARE(window().currentMember()->id, member.id);
}

void TestProgram::sell(const QString& reference, const QString& total)
{
    m_sold = PointsChange {};
    auto ran = whenModal<SaleDialog>([&](SaleDialog* dialog) {
        TillHarness::type(reference);
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(total);
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->errorText()));
        m_sold = dialog->result();
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
}

void TestProgram::panelShowsTheWayToTheNextTier()
{
    // The default program: Silver at 500 qualifying points, Gold at 2000, on a rolling 12 months.
    LoyaltyProgram& program = m_till->store().engine().context().program;
    QCOMPARE(program.memberTiers.tiers.size(), 3);
    program.memberTiers.tiers[2].rewardIds = QStringList {QStringLiteral("points-as-cash")};
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 12000));
    showMember(m_member);
    QCOMPARE(panel()->tierText(), QStringLiteral("Tier: Member  ·  380 Points to Silver"));
    QVERIFY(panelLine(panel(), QStringLiteral("Progress to the next tier"))->isVisible());
    // Paying with points reserved to Gold members: not offered below, though the balance would do.
    QCOMPARE(panelLine(panel(), QStringLiteral("Rewards available now"))->text(),
             QStringLiteral("Available now: 5.00 off"));
    // The redemption lists it, says why, and does not let the cashier choose it.
    auto ran = whenModal<RedeemDialog>([](RedeemDialog* dialog) {
        const auto* rewards = dialog->findChild<QListWidget*>();
        QVERIFY(rewards);
        QCOMPARE(rewards->count(), 3);
        QVERIFY(!(rewards->item(2)->flags() & Qt::ItemIsEnabled));
        QVERIFY2(rewards->item(2)->text().contains(QStringLiteral("is for Gold members and above")),
                 qPrintable(rewards->item(2)->text()));
        QCOMPARE(rewards->currentRow(), 0);
        TillHarness::press(Qt::Key_Down);
        TillHarness::press(Qt::Key_Down);
        QCOMPARE(rewards->currentRow(), 1);
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F3);
    QVERIFY(*ran);
    // Nothing to offer and no expiry in the default program: those lines take no room.
    QCOMPARE(panel()->offerText(), QString());
    QVERIFY(!panelLine(panel(), QStringLiteral("Open offer"))->isVisible());
    QCOMPARE(panel()->expiringText(), QString());
    QVERIFY(!panelLine(panel(), QStringLiteral("Points about to expire"))->isVisible());

    // The next customer: the panel forgets the member.
    TillHarness::press(Qt::Key_Escape);
    QCOMPARE(panel()->tierText(), QString());
    QVERIFY(!panelLine(panel(), QStringLiteral("Progress to the next tier"))->isVisible());
}

void TestProgram::tierOnSpendShowsWhatIsLeftToSpend_data()
{
    QTest::addColumn<qint64>("spentMinor");
    QTest::addColumn<QString>("tier");
    QTest::newRow("nothing yet") << qint64(0)
                                 << QStringLiteral("Tier: Member  ·  spend 500.00 USD more to reach Silver");
    QTest::newRow("part of the way") << qint64(12000)
                                     << QStringLiteral("Tier: Member  ·  spend 380.00 USD more to reach Silver");
    QTest::newRow("silver") << qint64(60000)
                            << QStringLiteral("Tier: Silver  ·  spend 1,400.00 USD more to reach Gold");
    QTest::newRow("gold, the top") << qint64(250000) << QStringLiteral("Tier: Gold");
}

void TestProgram::tierOnSpendShowsWhatIsLeftToSpend()
{
    QFETCH(qint64, spentMinor);
    QFETCH(QString, tier);
    // Tiers on spend: Silver from 500.00 within the window, Gold from 2,000.00.
    TierPolicy& tiers = m_till->store().engine().context().program.memberTiers;
    tiers.basis = TierPolicy::Basis::Spend;
    tiers.tiers[1].threshold = 50000;
    tiers.tiers[2].threshold = 200000;
    if (spentMinor > 0)
        LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), spentMinor));
    showMember(m_member);
    QCOMPARE(panel()->tierText(), tier);
}

void TestProgram::saleThatCrossesSilverSaysSo()
{
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 45000));
    showMember(m_member);
    QCOMPARE(panel()->tierText(), QStringLiteral("Tier: Member  ·  50 Points to Silver"));

    sell(QStringLiteral("R-7001"), QStringLiteral("60.00"));
    QCOMPARE(m_sold.points, 60);
    QCOMPARE(m_sold.tierChanged, QStringLiteral("Silver"));
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Success);
    const QString banner = window().banner()->text();
    // The upgrade comes first: it is what the cashier tells the member.
    QVERIFY2(banner.startsWith(QStringLiteral("Upgraded to Silver!")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("+60 Points for sale R-7001. New balance: 510.")), qPrintable(banner));
    QCOMPARE(panel()->tierText(), QStringLiteral("Tier: Silver  ·  1490 Points to Gold"));
    // The member's history says why, above the sale that did it.
    const auto* history = panel()->findChild<QListWidget*>();
    QVERIFY(history);
    QVERIFY2(history->count() >= 2, qPrintable(QString::number(history->count())));
    QVERIFY2(history->item(0)->text().contains(QStringLiteral("Upgraded to Silver: Sale R-7001")),
             qPrintable(history->item(0)->text()));
    QVERIFY2(history->item(1)->text().contains(QStringLiteral("+60   R-7001")), qPrintable(history->item(1)->text()));
    auto outlook = m_till->store().engine().members().outlook(m_member.id);
    LT_VERIFY_OK(outlook);
    QCOMPARE(outlook->tier, QStringLiteral("Silver"));

    // A sale that stays within Silver says nothing of tiers.
    sell(QStringLiteral("R-7002"), QStringLiteral("10.00"));
    QVERIFY2(!window().banner()->text().contains(QStringLiteral("Upgraded")), qPrintable(window().banner()->text()));
    QCOMPARE(panel()->tierText(), QStringLiteral("Tier: Silver  ·  1480 Points to Gold"));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestProgram::winBackOfferIsShownAndTheNextSaleAppliesIt()
{
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 2000));
    // The member has not been back for 100 days when the day's automation pass runs (the default program: an offer
    // after 90 days, 2x points on the next sale within 30 days).
    FixedClock& clock = m_till->store().clock();
    const QDate lastVisit = clock.nowUtc().toLocalTime().date();
    clock.set(clock.nowUtc().addDays(100));
    auto pass = AutomationPass(m_till->store().engine().context()).run(TempStore::cashier());
    LT_VERIFY_OK(pass);
    QCOMPARE(pass->grants.size(), 1);
    QCOMPARE(pass->grants.first().kind, QStringLiteral("winback"));
    const QDate until = lastVisit.addDays(90 + 30); // offered from the 90th day away, for 30 days

    showMember(m_member);
    QCOMPARE(panel()->offerText(),
             QStringLiteral("Welcome back: 2x points on the next sale until %1").arg(MemberPanel::dateText(until)));
    QVERIFY(panelLine(panel(), QStringLiteral("Open offer"))->isVisible());

    const qint64 before = m_till->store().balance(m_member.id);
    sell(QStringLiteral("R-8001"), QStringLiteral("15.00"));
    QCOMPARE(m_sold.points, 30);
    QCOMPARE(m_till->store().balance(m_member.id), before + 30);
    const QString banner = window().banner()->text();
    QVERIFY2(banner.contains(QStringLiteral("+30 Points for sale R-8001")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("Included: Welcome back 2x: +15.")), qPrintable(banner));
    // The offer is used: the panel no longer shows it, and the sale after earns the program's points only.
    QCOMPARE(panel()->offerText(), QString());
    QVERIFY(!panelLine(panel(), QStringLiteral("Open offer"))->isVisible());
    sell(QStringLiteral("R-8002"), QStringLiteral("15.00"));
    QCOMPARE(m_sold.points, 15);
    QVERIFY2(!window().banner()->text().contains(QStringLiteral("Welcome back")),
             qPrintable(window().banner()->text()));
}

void TestProgram::offerOfAPassWhileTheMemberIsShown()
{
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 2000));
    FixedClock& clock = m_till->store().clock();
    clock.set(clock.nowUtc().addDays(100));
    showMember(m_member);
    QCOMPARE(panel()->offerText(), QString());
    // The day's pass runs beside the till (app/till connects its end to refreshMember): the offer appears without
    // a new scan, and the focus stays where the cashier types.
    LT_VERIFY_OK(AutomationPass(m_till->store().engine().context()).run(TempStore::cashier()));
    window().refreshMember();
    QVERIFY2(panel()->offerText().startsWith(QStringLiteral("Welcome back: 2x points")),
             qPrintable(panel()->offerText()));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestProgram::expiringPointsAreShown()
{
    // A store Square does not run, whose points expire 12 months after the month they were earned in.
    LoyaltyProgram& program = m_till->store().engine().context().program;
    QVERIFY(program.squareProgramId.isEmpty());
    program.expirationMonths = 12;
    FixedClock& clock = m_till->store().clock();
    clock.set(QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC));
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 8000));
    clock.set(QDateTime(QDate(2024, 4, 10), QTime(12, 0), Qt::UTC));
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-2"), 3000));
    showMember(m_member);
    // The first lot to expire: March's 80 points, valid through the last day of March 2025.
    QCOMPARE(panel()->expiringText(),
             QStringLiteral("80 Points expire on %1").arg(MemberPanel::dateText(QDate(2025, 3, 31))));
    QCOMPARE(MemberPanel::dateText(QDate(2025, 3, 31)), QStringLiteral("March 31, 2025"));
    QVERIFY(panelLine(panel(), QStringLiteral("Points about to expire"))->isVisible());

    // A reward spends the oldest points first: its 100 points take March's 80 and 20 of April's 30.
    TillHarness::press(Qt::Key_Escape);
    RedemptionRequest reward;
    reward.memberId = m_member.id;
    reward.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_till->store().engine().redemption().redeem(reward, TempStore::cashier()));
    TillHarness::scan(m_member.card);
    QCOMPARE(panel()->expiringText(),
             QStringLiteral("10 Points expire on %1").arg(MemberPanel::dateText(QDate(2025, 4, 30))));
}

void TestProgram::referralAtEnrollmentPaysBothOnTheFirstSale()
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    const qint64 adaBefore = m_till->store().balance(m_member.id);
    auto ran = whenModal<EnrollmentDialog>([this](EnrollmentDialog* dialog) {
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("name"));
        TillHarness::type(QStringLiteral("Chloe Adams"));
        for (int field = 0; field < 4; ++field) // e-mail, birthday, card, referred by
            TillHarness::press(Qt::Key_Tab);
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("referred_by"));
        // Nobody has this phone: refused next to the field, which keeps the focus.
        TillHarness::type(QStringLiteral("(415) 555-0199"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->fieldError(QStringLiteral("referred_by")).isEmpty());
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("referred_by"));
        // Ada's card, scanned into the selected field.
        TillHarness::scan(m_member.card);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->fieldError(QStringLiteral("referred_by"))));
    });
    TillHarness::typeSlowly(QStringLiteral("(415) 555-2690"));
    TillHarness::press(Qt::Key_Return);
    QVERIFY(*ran);
    QVERIFY2(window().currentMember(), qPrintable(window().banner()->text()));
    const qint64 chloe = window().currentMember()->id;
    QVERIFY(chloe != m_member.id);
    QCOMPARE(m_till->store().number("SELECT referred_by FROM members WHERE id = ?", {chloe}), m_member.id);

    // Her first sale of at least 10.00 (the default program's minimum) pays both.
    sell(QStringLiteral("R-9001"), QStringLiteral("12.00"));
    const QString banner = window().banner()->text();
    QVERIFY2(banner.contains(QStringLiteral("Referral bonus: +50 for this member.")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("Referral bonus: +100 for member %1.").arg(m_member.id)),
             qPrintable(banner));
    QCOMPARE(m_till->store().balance(chloe), 12 + 50);
    QCOMPARE(m_till->store().balance(m_member.id), adaBefore + 100);
}

void TestProgram::promotionIsNamedInThePreviewAndTheConfirmation()
{
    // Double points on Tuesdays from 16:00 to 18:00, local time, defined at the store (not connected to Square).
    Promotion promotion;
    promotion.name = QStringLiteral("2x Tuesday afternoons");
    promotion.periods = {
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT")};
    promotion.multiplierMilli = 2000;
    promotion.createdAt = m_till->store().clock().nowUtc();
    LT_VERIFY_OK(PromotionStore(m_till->store().db()).add(promotion));
    m_till->store().clock().set(QDateTime(QDate(2024, 3, 5), QTime(17, 0)).toUTC()); // a Tuesday, 17:00 local
    showMember(m_member);
    const qint64 before = m_till->store().balance(m_member.id);

    QString preview;
    auto ran = whenModal<SaleDialog>([&preview](SaleDialog* dialog) {
        TillHarness::type(QStringLiteral("R-9501"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("20.00"));
        for (const QLabel* label : dialog->findChildren<QLabel*>()) {
            if (label->accessibleName() == QStringLiteral("Points preview"))
                preview = label->text();
        }
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->errorText()));
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    QCOMPARE(preview, QStringLiteral("+40 Points\n2x Tuesday afternoons: +20"));
    QVERIFY2(window().banner()->text().contains(QStringLiteral("Included: 2x Tuesday afternoons: +20.")),
             qPrintable(window().banner()->text()));
    QCOMPARE(m_till->store().balance(m_member.id), before + 40);
}

void TestProgram::programLinesReadInTheDarkPalette()
{
    m_till->store().engine().context().program.expirationMonths = 12;
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 2000));
    FixedClock& clock = m_till->store().clock();
    clock.set(clock.nowUtc().addDays(100));
    LT_VERIFY_OK(AutomationPass(m_till->store().engine().context()).run(TempStore::cashier()));
    showMember(m_member);
    QVERIFY(!panel()->offerText().isEmpty());
    QVERIFY(!panel()->expiringText().isEmpty());

    Appearance::apply(*qApp, QStringLiteral("dark"));
    for (const QString& name : {QStringLiteral("Progress to the next tier"), QStringLiteral("Open offer"),
                                QStringLiteral("Points about to expire")}) {
        const QLabel* line = panelLine(panel(), name);
        QVERIFY2(line && line->isVisible(), qPrintable(name));
        QTRY_VERIFY2(Appearance::contrastRatio(line->palette().color(QPalette::WindowText),
                                               line->palette().color(QPalette::Window))
                         >= ReadableContrast,
                     qPrintable(name));
    }
    // The offer is good news, in the palette's own green.
    QTRY_COMPARE(panelLine(panel(), QStringLiteral("Open offer"))->palette().color(QPalette::WindowText),
                 Appearance::goodNewsColor(QApplication::palette()));
    QTRY_COMPARE(panelLine(panel(), QStringLiteral("Points about to expire"))->palette().color(QPalette::WindowText),
                 Appearance::warningColor(QApplication::palette()));
    // With LOYALTYTILL_SCREENSHOTS=FOLDER, the panel as the cashier sees it (as tst_ui_screens saves the others).
    if (const QString folder = qEnvironmentVariable("LOYALTYTILL_SCREENSHOTS"); !folder.isEmpty()) {
        const QString path = QDir(folder).filePath(QStringLiteral("till-member-offer-dark.png"));
        QVERIFY2(window().grab().save(path), qPrintable(path));
    }
}

QTEST_MAIN(TestProgram)
#include "tst_ui_program.moc"
