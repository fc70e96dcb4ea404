// Targeted offers at the till, key by key: a member offered a bonus sees it on the member panel and F11 adds the
// points once (a second press says it was applied already); a member held out sees nothing and F11 gives nothing; an
// offer ended meanwhile is refused with its reason; a multiplier offer says it applies by itself and its line goes once
// a sale has used it; an insight read before the member changed is not kept; the line reads in the dark palette; and a
// member the manager picks in a report's list is shown at the till. Twenty members who each bought 10.00 on 1 June:
// every score is tied, so all are "lost" (as in tst_offerservice).
#include "core/services/OfferService.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/Appearance.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/insight/MemberInsightLoader.h"
#include "ui/reports/KpiCard.h"
#include "ui/reports/MemberListDialog.h"
#include "ui/reports/ReportsDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::Appearance;
using lt::ui::ManagerApprovalDialog;
using lt::ui::MemberListDialog;
using lt::ui::MemberPanel;
using lt::ui::MessageBanner;
using lt::ui::ReportsDialog;
using lt::ui::SaleDialog;
using lt::ui::TillWindow;

namespace {

const QDate Today(2024, 6, 15);
constexpr int Members = 20;

QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}

} // namespace

class TestOffers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void offeredMemberGetsTheBonusOnce();
    void heldOutMemberSeesNothing();
    void offerEndedMeanwhileChangesNothing();
    void multiplierLineGoesAfterTheSale();
    void answerReadBeforeADropIsNotKept();
    void offerLineReadsInTheDarkPalette();
    void memberChosenInAReportIsShown();

private:
    TillWindow& window() { return m_till->window(); }
    MemberPanel* panel() { return window().memberPanel(); }
    bool settled() { return !window().insights()->isLoading(); }
    TargetedOffer define(TargetedOffer::Kind kind, int holdoutPercent);
    // The first of the twenty members held out of `offer`, or offered it.
    Member memberOf(const TargetedOffer& offer, bool heldOut) const;
    qint64 balance(qint64 memberId);
    qint64 offerEntries(qint64 memberId);
    void scan(const Member& member);
    const QLabel* offerLine();

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    StaffMember m_manager;
    QList<Member> m_members;
};

void TestOffers::init()
{
    m_till = std::make_unique<TillHarness>();
    TempStore& store = m_till->store();
    store.clock().set(at(QDate(2024, 5, 1), QTime(9, 0)));
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_cashier = regulars->cashier;
    m_manager = regulars->manager;
    m_members.clear();
    for (int i = 0; i < Members; ++i) {
        auto member = m_till->enrollWithCard(QStringLiteral("415 555 %1").arg(3000 + i),
                                             QStringLiteral("Member %1").arg(QChar(u'A' + i)));
        LT_VERIFY_OK(member);
        m_members << *member;
    }
    store.clock().set(at(QDate(2024, 6, 1)));
    for (const Member& member : std::as_const(m_members))
        LT_VERIFY_OK(store.accrue(member.id, QStringLiteral("S-%1").arg(member.id), 1000));
    store.clock().set(at(Today));
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
}

void TestOffers::cleanup()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
    m_till.reset();
}

TargetedOffer TestOffers::define(TargetedOffer::Kind kind, int holdoutPercent)
{
    OfferDraft draft;
    draft.name = QStringLiteral("Come back");
    draft.segment = QStringLiteral("lost");
    draft.kind = kind;
    draft.points = 50;
    draft.multiplierMilli = 2000;
    draft.from = Today;
    draft.to = QDate(2024, 6, 30);
    draft.holdoutPercent = holdoutPercent;
    draft.manager = m_manager.name;
    auto offer = OfferService(m_till->store().engine().context()).define(draft, Today, TempStore::cashier());
    if (!offer)
        qWarning() << offer.error().message;
    return offer ? *offer : TargetedOffer {};
}

Member TestOffers::memberOf(const TargetedOffer& offer, bool heldOut) const
{
    for (const Member& member : m_members) {
        if (TargetedOffer::isHeldOut(offer.key, member.id, offer.holdoutPercent) == heldOut)
            return member;
    }
    return {};
}

qint64 TestOffers::balance(qint64 memberId)
{
    auto member = m_till->store().engine().members().byId(memberId);
    return member ? member->balance : -1;
}

qint64 TestOffers::offerEntries(qint64 memberId)
{
    QSqlQuery query(m_till->store().db().connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM ledger WHERE member_id = ? AND kind = 'adjust'"));
    query.addBindValue(memberId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

void TestOffers::scan(const Member& member)
{
    TillHarness::scan(member.card);
    QVERIFY(window().currentMember());
    QCOMPARE(window().currentMember()->id, member.id);
}

const QLabel* TestOffers::offerLine()
{
    for (const QLabel* label : panel()->findChildren<QLabel*>()) {
        if (label->accessibleName() == MemberPanel::tr("Targeted offer"))
            return label;
    }
    return nullptr;
}

void TestOffers::offeredMemberGetsTheBonusOnce()
{
    const TargetedOffer offer = define(TargetedOffer::Kind::Bonus, 50);
    QVERIFY(offer.id > 0);
    const Member member = memberOf(offer, false);
    QVERIFY(member.id > 0);
    QCOMPARE(balance(member.id), qint64(10));
    scan(member);
    const QString description = OfferService::describe(offer, m_till->store().engine().program());
    QTRY_COMPARE(panel()->targetedOfferText(),
                 MemberPanel::tr("Offer: %1 until %2 — F11 to apply")
                     .arg(description, MemberPanel::dateText(QDate(2024, 6, 30))));

    TillHarness::press(Qt::Key_F11);
    QCOMPARE(balance(member.id), qint64(60));
    QCOMPARE(offerEntries(member.id), qint64(1));
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY2(window().banner()->text().contains(QLatin1String("50 bonus Points added: new balance 60 Points")),
             qPrintable(window().banner()->text()));
    QCOMPARE(panel()->balanceText(), QStringLiteral("60 Points"));
    QCOMPARE(panel()->targetedOfferText(), QString()); // at once, not when the insight is read again
    QTRY_VERIFY(settled());
    QCOMPARE(panel()->targetedOfferText(), QString());
    QCOMPARE(TillHarness::focused(), window().lookupField());

    TillHarness::press(Qt::Key_F11);
    QCOMPARE(balance(member.id), qint64(60));
    QCOMPARE(offerEntries(member.id), qint64(1));
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Information);
    QVERIFY2(window().banner()->text().contains(QLatin1String("already applied")),
             qPrintable(window().banner()->text()));
    // Seen again later: the offer is used, so no line.
    window().finishCustomer();
    scan(member);
    QTRY_VERIFY(settled());
    QCOMPARE(panel()->targetedOfferText(), QString());
}

void TestOffers::heldOutMemberSeesNothing()
{
    const TargetedOffer offer = define(TargetedOffer::Kind::Bonus, 50);
    QVERIFY(offer.id > 0);
    const Member member = memberOf(offer, true);
    QVERIFY(member.id > 0);
    scan(member);
    QTRY_VERIFY(settled());
    QVERIFY(!panel()->insightText().isEmpty()); // the segment was read, and the offer with it
    QCOMPARE(panel()->targetedOfferText(), QString());
    QVERIFY(offerLine());
    QVERIFY(!offerLine()->isVisible());
    TillHarness::press(Qt::Key_F11);
    QCOMPARE(balance(member.id), qint64(10));
    QCOMPARE(offerEntries(member.id), qint64(0));
    QCOMPARE(window().banner()->text(), TillWindow::tr("There is no offer for this member today."));
}

// The manager ends the offer (from the admin CLI, say) while the member's panel still shows it: F11 says why and
// gives nothing, and the line goes.
void TestOffers::offerEndedMeanwhileChangesNothing()
{
    const TargetedOffer offer = define(TargetedOffer::Kind::Bonus, 0);
    QVERIFY(offer.id > 0);
    const Member member = m_members.first();
    scan(member);
    QTRY_VERIFY(!panel()->targetedOfferText().isEmpty());
    LT_VERIFY_OK(OfferService(m_till->store().engine().context()).end(offer.id, m_manager.name, TempStore::cashier()));
    TillHarness::press(Qt::Key_F11);
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(window().banner()->text().contains(QLatin1String("is not open")), qPrintable(window().banner()->text()));
    QCOMPARE(balance(member.id), qint64(10));
    QCOMPARE(offerEntries(member.id), qint64(0));
    QCOMPARE(panel()->targetedOfferText(), QString());
    QTRY_VERIFY(settled());
    QCOMPARE(panel()->targetedOfferText(), QString());
}

void TestOffers::multiplierLineGoesAfterTheSale()
{
    const TargetedOffer offer = define(TargetedOffer::Kind::Multiplier, 0);
    QVERIFY(offer.id > 0);
    const Member member = m_members.first();
    scan(member);
    QTRY_VERIFY(panel()->targetedOfferText().contains(QLatin1String("applies by itself on the next sale")));
    QVERIFY2(panel()->targetedOfferText().contains(QLatin1String("2x points")),
             qPrintable(panel()->targetedOfferText()));
    TillHarness::press(Qt::Key_F11);
    QCOMPARE(window().banner()->text(), TillWindow::tr("This offer applies by itself to the member's next sale."));
    QCOMPARE(balance(member.id), qint64(10));

    auto sold = whenModal<SaleDialog>([&](SaleDialog*) {
        TillHarness::type(QStringLiteral("R-77"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("20.00"));
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*sold);
    QCOMPARE(balance(member.id), qint64(10 + 40));
    QCOMPARE(panel()->targetedOfferText(), QString());
    QTRY_VERIFY(settled());
    QCOMPARE(panel()->targetedOfferText(), QString());
}

// An answer asked for before the member changed (an offer used since may be in it) arrives after the drop: it is
// neither kept, so seeing the member again shows nothing stale at once, nor shown.
void TestOffers::answerReadBeforeADropIsNotKept()
{
    const TargetedOffer offer = define(TargetedOffer::Kind::Bonus, 0);
    QVERIFY(offer.id > 0);
    lt::ui::MemberInsightLoader* insights = window().insights();
    QSignalSpy loaded(insights, &lt::ui::MemberInsightLoader::loaded);
    const qint64 memberId = m_members.first().id;
    QVERIFY(!insights->request(memberId).has_value());
    insights->drop(memberId); // before the worker's answer can arrive: it is queued to this thread
    QTRY_VERIFY(settled());
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!insights->request(memberId).has_value());
    QTRY_COMPARE(loaded.count(), 1);
    QVERIFY(insights->request(memberId).has_value()); // the answer read after the drop is kept
    QTRY_VERIFY(settled());
}

void TestOffers::offerLineReadsInTheDarkPalette()
{
    Appearance::apply(*qApp, QStringLiteral("dark"));
    const TargetedOffer offer = define(TargetedOffer::Kind::Bonus, 0);
    QVERIFY(offer.id > 0);
    scan(m_members.first());
    QTRY_VERIFY(!panel()->targetedOfferText().isEmpty());
    const QLabel* line = offerLine();
    QVERIFY(line);
    const double ratio =
        Appearance::contrastRatio(line->palette().color(QPalette::WindowText), line->palette().color(QPalette::Window));
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
}

// F10, the manager's PIN, Enter on the buyers card, Enter on the list's first row: the till shows that member.
void TestOffers::memberChosenInAReportIsShown()
{
    qint64 chosenId = 0;
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) {
        TillHarness::type(QString::number(m_manager.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("1357"));
        TillHarness::press(Qt::Key_Return);
    });
    auto reported = whenModal<ReportsDialog>(
        [&](ReportsDialog* dialog) {
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
            QSignalSpy chosen(dialog, &ReportsDialog::memberChosen);
            auto listed = whenModal<MemberListDialog>(
                [&](MemberListDialog* list) {
                    QTRY_COMPARE_WITH_TIMEOUT(list->table()->model()->rowCount(), Members, 10000);
                    TillHarness::press(Qt::Key_Return);
                },
                10000);
            dialog->card(QStringLiteral("buyers"))->setFocus();
            TillHarness::press(Qt::Key_Return);
            QVERIFY(*listed);
            QCOMPARE(chosen.count(), 1);
            chosenId = chosen.constFirst().constFirst().toLongLong();
            if (dialog->isVisible())
                dialog->reject();
        },
        15000);
    TillHarness::press(Qt::Key_F10);
    QVERIFY(*approved);
    QVERIFY(*reported);
    QVERIFY(chosenId > 0);
    QVERIFY(window().currentMember());
    QCOMPARE(window().currentMember()->id, chosenId);
    auto member = m_till->store().engine().members().byId(chosenId);
    LT_VERIFY_OK(member);
    QCOMPARE(panel()->displayName(), member->name);
    QCOMPARE(panel()->balanceText(), QStringLiteral("10 Points"));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

QTEST_MAIN(TestOffers)
#include "tst_ui_offers.moc"
