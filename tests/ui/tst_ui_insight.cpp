// The member's segment and suggested action at the till: read on the insight loader's own thread after the rest of
// the panel is shown, for members who bought (at risk, lapsed, champions), never for a member who never bought,
// never the previous member's when the cashier moves on quickly, at once for a member seen again the same day, and
// readable in the dark palette. The store is the small one of tst_segmentservice, worked out by hand there.
#include "core/services/SegmentService.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/Appearance.h"
#include "ui/insight/MemberInsightLoader.h"
#include "ui/widgets/MemberPanel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::Appearance;
using lt::ui::MemberInsight;
using lt::ui::MemberInsightLoader;
using lt::ui::MemberPanel;

namespace {

const QDate Today(2024, 6, 15);

QDateTime at(QDate day, QTime time = QTime(12, 0))
{
    return QDateTime(day, time).toUTC();
}

QString insightFor(RfmSegment segment, const QString& suggestion)
{
    return MemberPanel::tr("%1 — suggest: %2").arg(RfmSegments::displayName(segment), suggestion);
}

} // namespace

class TestInsight : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void atRiskMemberShowsSegmentAndSuggestion();
    void lapsedMemberIsToldSo();
    void memberWithoutPurchasesShowsNone();
    void switchingQuicklyNeverShowsThePreviousMember();
    void memberSeenAgainShowsItAtOnce();
    void readableInTheDarkPalette();

private:
    ui::TillWindow& window() { return m_till->window(); }
    MemberPanel* panel() { return window().memberPanel(); }
    MemberInsightLoader* insights() { return window().insights(); }
    // Scans the member's card; the panel shows the member before the loader answers.
    void scan(const Member& member);
    bool settled() { return !insights()->isLoading(); }
    const QLabel* insightLine()
    {
        for (const QLabel* label : panel()->findChildren<QLabel*>()) {
            if (label->accessibleName() == MemberPanel::tr("Segment and suggested action"))
                return label;
        }
        return nullptr;
    }

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    Member m_champion, m_lapsed, m_nearlyThere, m_hibernating, m_atRisk, m_newcomer;
    int m_sales = 0;
};

// As in tst_segmentservice (one point a dollar; the cheapest reward costs 100 points), today 15 June 2024:
// champion: 5 sales up to yesterday; lapsed (loyal): 4 sales January to April; nearly there: 95 points on 1 June;
// hibernating: 2 sales in February; at risk: 3 sales in autumn 2023; newcomer: enrolled in May, no sale.
void TestInsight::initTestCase()
{
    m_till = std::make_unique<TillHarness>();
    auto cashier = m_till->addStaff(QStringLiteral("Sam Cashier"), StaffMember::Role::Cashier, QStringLiteral("2468"));
    LT_VERIFY_OK(cashier);
    m_cashier = *cashier;
    TempStore& store = m_till->store();
    const auto enroll = [&](QDate day, const char* phone, const char* name, Member& member) {
        store.clock().set(at(day, QTime(9, 0)));
        auto enrolled = m_till->enrollWithCard(QLatin1String(phone), QLatin1String(name));
        LT_VERIFY_OK(enrolled);
        member = *enrolled;
    };
    const auto sale = [&](const Member& member, QDate day, qint64 amountMinor) {
        store.clock().set(at(day));
        LT_VERIFY_OK(store.accrue(member.id, QStringLiteral("S-%1").arg(++m_sales), amountMinor));
    };
    enroll(QDate(2023, 7, 1), "415 555 2671", "Ada Champion", m_champion);
    enroll(QDate(2023, 7, 1), "415 555 2675", "Eve Risk", m_atRisk);
    for (const int month : {8, 9, 10})
        sale(m_atRisk, QDate(2023, month, 1), 4000);
    enroll(QDate(2024, 1, 1), "415 555 2672", "Ben Lapsed", m_lapsed);
    enroll(QDate(2024, 1, 1), "415 555 2674", "Dan Sleepy", m_hibernating);
    for (const int month : {1, 2, 3, 4})
        sale(m_lapsed, QDate(2024, month, 10), 2000);
    sale(m_hibernating, QDate(2024, 2, 1), 3000);
    sale(m_hibernating, QDate(2024, 2, 15), 3000);
    sale(m_champion, QDate(2024, 4, 1), 1000);
    enroll(QDate(2024, 5, 1), "415 555 2673", "Cy Close", m_nearlyThere);
    enroll(QDate(2024, 5, 1), "415 555 2676", "Fay New", m_newcomer);
    sale(m_champion, QDate(2024, 5, 20), 1000);
    sale(m_nearlyThere, QDate(2024, 6, 1), 9500);
    for (const int day : {10, 12, 14})
        sale(m_champion, QDate(2024, 6, day), 1000);
    store.clock().set(at(Today));
}

void TestInsight::init()
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
}

void TestInsight::cleanup()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
    m_till->closeWindow();
}

void TestInsight::scan(const Member& member)
{
    TillHarness::scan(member.card);
    QCOMPARE(window().currentMember()->id, member.id);
    QCOMPARE(panel()->displayName(), member.name);
}

void TestInsight::atRiskMemberShowsSegmentAndSuggestion()
{
    scan(m_atRisk);
    QTRY_COMPARE(panel()->insightText(),
                 insightFor(RfmSegment::AtRisk, SegmentService::suggestion(RfmSegment::AtRisk)));
    scan(m_champion);
    QTRY_COMPARE(panel()->insightText(),
                 insightFor(RfmSegment::Champions, SegmentService::suggestion(RfmSegment::Champions)));
}

void TestInsight::lapsedMemberIsToldSo()
{
    scan(m_lapsed);
    QTRY_VERIFY(settled());
    QVERIFY2(panel()->insightText().startsWith(RfmSegments::displayName(RfmSegment::Loyal)),
             qPrintable(panel()->insightText()));
    QVERIFY2(panel()->insightText().contains(QLatin1String("Lapsed")), qPrintable(panel()->insightText()));
}

void TestInsight::memberWithoutPurchasesShowsNone()
{
    scan(m_newcomer);
    QTRY_VERIFY(settled());
    QCOMPARE(panel()->insightText(), QString());
    QVERIFY(insightLine());
    QVERIFY(!insightLine()->isVisible());
}

// Each scan asks for the new member's insight while the previous one may still be read or on its way back: whatever
// arrives, the panel only ever shows the insight of the member it shows.
void TestInsight::switchingQuicklyNeverShowsThePreviousMember()
{
    QList<QString> wrong;
    const QMetaObject::Connection watch =
        connect(insights(), &MemberInsightLoader::loaded, this, [&](const MemberInsight&) {
            if (!window().currentMember())
                return;
            const qint64 shown = window().currentMember()->id;
            if (shown == m_newcomer.id && !panel()->insightText().isEmpty())
                wrong << panel()->insightText();
        });
    // The scans run without the event loop in between, so the first two answers of a round come after the third
    // scan: only the newest is given.
    QSignalSpy loaded(insights(), &MemberInsightLoader::loaded);
    for (int round = 0; round < 5; ++round) {
        scan(m_atRisk);
        scan(m_lapsed);
        scan(m_newcomer);
        QCOMPARE(panel()->insightText(), QString());
        QTRY_VERIFY(settled());
        QCOMPARE(panel()->insightText(), QString());
    }
    disconnect(watch);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    QCOMPARE(loaded.size(), 5);
    for (const QList<QVariant>& answer : std::as_const(loaded))
        QCOMPARE(answer.at(0).value<MemberInsight>().memberId, m_newcomer.id);
    scan(m_hibernating);
    scan(m_atRisk);
    QTRY_VERIFY(settled());
    QCOMPARE(panel()->insightText(), insightFor(RfmSegment::AtRisk, SegmentService::suggestion(RfmSegment::AtRisk)));
}

void TestInsight::memberSeenAgainShowsItAtOnce()
{
    scan(m_atRisk);
    QTRY_VERIFY(settled());
    const QString atRisk = panel()->insightText();
    QVERIFY(!atRisk.isEmpty());
    scan(m_nearlyThere);
    QTRY_VERIFY(settled());
    QVERIFY2(panel()->insightText().contains(QLatin1String("Nearly there")), qPrintable(panel()->insightText()));
    scan(m_atRisk);
    QCOMPARE(panel()->insightText(), atRisk); // before the loader answers again
}

void TestInsight::readableInTheDarkPalette()
{
    Appearance::apply(*qApp, QStringLiteral("dark"));
    scan(m_atRisk);
    QTRY_VERIFY(!panel()->insightText().isEmpty());
    const QLabel* line = insightLine();
    QVERIFY(line);
    QVERIFY(line->isVisible());
    const double ratio =
        Appearance::contrastRatio(line->palette().color(QPalette::WindowText), line->palette().color(QPalette::Window));
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
}

QTEST_MAIN(TestInsight)
#include "tst_ui_insight.moc"
