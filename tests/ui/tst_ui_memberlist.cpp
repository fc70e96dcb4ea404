// The members behind a figure, key by key: a card with members behind it takes the focus and opens on Enter, Space
// or a double click, one of money or rates does not; the member list shows how many there are, the first page at
// once and the next as the manager goes to the end, Enter chooses the member of the row, Esc closes, another order
// reads the list again, and phones are never shown whole. A list no longer wanted stops: one read at a time, the
// newest request queued alone, and a ranking told to stop stops.
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "ui/reports/KpiCard.h"
#include "ui/reports/MemberListDialog.h"
#include "ui/reports/MemberListLoader.h"
#include "ui/reports/MemberListModel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using lt::DrillDownKind;
using lt::DrillDownOrder;
using lt::DrillDownQuery;
using lt::MemberDrillDown;
using lt::test::TempStore;
using lt::ui::KpiCard;
using lt::ui::MemberListDialog;
using lt::ui::MemberListLoader;
using lt::ui::MemberListModel;

namespace {
constexpr int Buyers = 250; // more than a page
const QDate Day(2024, 3, 1);
} // namespace

class TestMemberList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cardOpensOnlyWithMembersBehindIt();
    void cardsOfMoneyAndRatesOpenNothing();
    void listPagesAndChoosesByKeys();
    void escapeClosesWithoutAMember();
    void anotherOrderReadsTheListAgain();
    void moreButtonReadsTheNextPage();
    void phonesAreMasked();
    void onlyTheNewestOrderIsRead();
    void cancelledRankingStops();
    void closingDoesNotWaitForTheRead();

private:
    DrillDownQuery buyers() const;
    // Shows a list and waits for its first page.
    bool showList(MemberListDialog& dialog);
    QString cell(MemberListDialog& dialog, int row, int column) const;

    std::unique_ptr<TempStore> m_store;
    QList<qint64> m_members; // by enrollment
};

// Members 1 to 250 each buy once on 1 March, member i for i.00: the last enrolled has the highest net sales. Those
// with an even number have a name, the others only a phone.
void TestMemberList::initTestCase()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_store->clock().set(QDateTime(Day, QTime(12, 0)).toUTC());
    for (int i = 1; i <= Buyers; ++i) {
        const QString name = i % 2 == 0 ? QStringLiteral("Member %1").arg(i) : QString();
        auto member = m_store->enroll(QStringLiteral("+1415555%1").arg(i, 4, 10, QLatin1Char('0')), name);
        LT_VERIFY_OK(member);
        m_members << member->id;
        LT_VERIFY_OK(m_store->accrue(member->id, QStringLiteral("S-%1").arg(i), qint64(i) * 100));
    }
}

void TestMemberList::cleanupTestCase()
{
    m_store.reset();
}

DrillDownQuery TestMemberList::buyers() const
{
    DrillDownQuery query;
    query.kind = DrillDownKind::Buyers;
    query.from = Day;
    query.to = Day;
    return query;
}

bool TestMemberList::showList(MemberListDialog& dialog)
{
    dialog.show();
    dialog.activateWindow();
    if (!QTest::qWaitForWindowActive(&dialog))
        return false;
    return QTest::qWaitFor([&] { return !dialog.isLoading() && dialog.table()->model()->rowCount() > 0; }, 10000);
}

QString TestMemberList::cell(MemberListDialog& dialog, int row, int column) const
{
    const QAbstractItemModel* model = dialog.table()->model();
    return model->data(model->index(row, column)).toString();
}

void TestMemberList::cardOpensOnlyWithMembersBehindIt()
{
    KpiCard card(QStringLiteral("Buyers"), QStringLiteral("Members with at least one sale in the period."));
    QSignalSpy opened(&card, &KpiCard::drillDown);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QCOMPARE(card.focusPolicy(), Qt::NoFocus);
    QVERIFY(!card.isDrillDownEnabled());
    QTest::keyClick(&card, Qt::Key_Return);
    QTest::mouseDClick(&card, Qt::LeftButton);
    QCOMPARE(opened.count(), 0);

    card.setDrillDownEnabled(true);
    QCOMPARE(card.focusPolicy(), Qt::StrongFocus);
    QVERIFY(card.accessibleDescription().contains(QLatin1String("members")));
    card.setFocus();
    QTest::keyClick(&card, Qt::Key_Return);
    QTest::keyClick(&card, Qt::Key_Enter);
    QTest::keyClick(&card, Qt::Key_Space);
    QTest::mouseDClick(&card, Qt::LeftButton);
    QCOMPARE(opened.count(), 4);
    QTest::keyClick(&card, Qt::Key_A); // other keys are not the card's
    QCOMPARE(opened.count(), 4);

    card.setDrillDownEnabled(false);
    QCOMPARE(card.focusPolicy(), Qt::NoFocus);
    QVERIFY(card.accessibleDescription().isEmpty());
}

void TestMemberList::cardsOfMoneyAndRatesOpenNothing()
{
    QCOMPARE(MemberListDialog::kindForCard(QStringLiteral("buyers")), std::optional(DrillDownKind::Buyers));
    QCOMPARE(MemberListDialog::kindForCard(QStringLiteral("members_new")), std::optional(DrillDownKind::NewMembers));
    QCOMPARE(MemberListDialog::kindForCard(QStringLiteral("members_active_90d")),
             std::optional(DrillDownKind::Active90));
    QCOMPARE(MemberListDialog::kindForCard(QStringLiteral("repeat_purchase_rate")),
             std::optional(DrillDownKind::RepeatBuyers));
    QCOMPARE(MemberListDialog::kindForCard(QStringLiteral("member_redemption_rate")),
             std::optional(DrillDownKind::Redeemers));
    for (const char* key : {"aov", "purchase_frequency", "points_earned", "points_outstanding", "redemption_rate",
                            "liability", "expiring"})
        QVERIFY2(!MemberListDialog::kindForCard(QLatin1String(key)).has_value(), key);
}

void TestMemberList::listPagesAndChoosesByKeys()
{
    MemberListDialog dialog(m_store->path(), m_store->clock(), buyers());
    QSignalSpy chosen(&dialog, &MemberListDialog::memberChosen);
    QVERIFY(showList(dialog));
    QVERIFY2(dialog.totalText().contains(QLocale().toString(Buyers)), qPrintable(dialog.totalText()));
    QCOMPARE(dialog.table()->model()->rowCount(), lt::MemberDrillDown::PageSize);
    QCOMPARE(QApplication::focusWidget(), dialog.table());
    // Highest net sales first: the last member bought 250.00.
    QCOMPARE(dialog.table()->currentIndex().row(), 0);
    QCOMPARE(cell(dialog, 0, MemberListModel::Number), QString::number(m_members.last()));
    QCOMPARE(cell(dialog, 0, MemberListModel::Name), QStringLiteral("Member 250"));
    QCOMPARE(cell(dialog, 0, MemberListModel::Sales), QStringLiteral("1"));
    QCOMPARE(cell(dialog, 0, MemberListModel::NetSales), QStringLiteral("250.00 USD"));

    // Going to the end reads the next page.
    QTest::keyClick(dialog.table(), Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.table()->model()->rowCount(), Buyers, 10000);
    QCOMPARE(cell(dialog, Buyers - 1, MemberListModel::Number), QString::number(m_members.first()));
    QVERIFY(!dialog.moreButton()->isEnabled());

    // Back to the top, two rows down, Enter: the third member by net sales.
    QTest::keyClick(dialog.table(), Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(dialog.table(), Qt::Key_Down);
    QTest::keyClick(dialog.table(), Qt::Key_Down);
    QTest::keyClick(dialog.table(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.chosenMember(), m_members.at(Buyers - 3));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toLongLong(), m_members.at(Buyers - 3));
}

void TestMemberList::escapeClosesWithoutAMember()
{
    MemberListDialog dialog(m_store->path(), m_store->clock(), buyers());
    QVERIFY(showList(dialog));
    QTest::keyClick(dialog.table(), Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.chosenMember(), qint64(0));
}

void TestMemberList::anotherOrderReadsTheListAgain()
{
    MemberListDialog dialog(m_store->path(), m_store->clock(), buyers());
    QVERIFY(showList(dialog));
    dialog.orderBox()->setFocus();
    QTest::keyClick(dialog.orderBox(), Qt::Key_End); // member number
    QTRY_COMPARE_WITH_TIMEOUT(cell(dialog, 0, MemberListModel::Number), QString::number(m_members.first()), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 10000);
    QCOMPARE(dialog.table()->model()->rowCount(), lt::MemberDrillDown::PageSize);
    QCOMPARE(cell(dialog, 1, MemberListModel::Number), QString::number(m_members.at(1)));
}

void TestMemberList::moreButtonReadsTheNextPage()
{
    MemberListDialog dialog(m_store->path(), m_store->clock(), buyers());
    QVERIFY(showList(dialog));
    QVERIFY(dialog.moreButton()->isEnabled());
    QVERIFY2(dialog.status().contains(QLocale().toString(lt::MemberDrillDown::PageSize)), qPrintable(dialog.status()));
    // Alt+M, the button's mnemonic, from the table.
    QTest::keyClick(dialog.table(), Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.table()->model()->rowCount(), Buyers, 10000);
    QVERIFY(dialog.status().isEmpty());
}

void TestMemberList::phonesAreMasked()
{
    MemberListDialog dialog(m_store->path(), m_store->clock(), buyers());
    QVERIFY(showList(dialog));
    // The second row is member 249, who has no name.
    QCOMPARE(cell(dialog, 1, MemberListModel::Name), QStringLiteral("•••• 0249"));
    for (int row = 0; row < dialog.table()->model()->rowCount(); ++row) {
        for (int column = 0; column < MemberListModel::ColumnCount; ++column)
            QVERIFY(!cell(dialog, row, column).contains(QLatin1String("415555")));
    }
}

// Five orders asked for at once: the first read is told to stop and only the newest is read after it, once.
void TestMemberList::onlyTheNewestOrderIsRead()
{
    MemberListLoader loader(m_store->path(), m_store->clock());
    QList<DrillDownOrder> answered;
    connect(&loader, &MemberListLoader::pageLoaded, this,
            [&answered](const lt::ui::MemberListPage& page) { answered << page.ranking->query.order; });
    DrillDownQuery query = buyers();
    for (const DrillDownOrder order : {DrillDownOrder::Sales, DrillDownOrder::LastSale, DrillDownOrder::Balance,
                                       DrillDownOrder::NetSales, DrillDownOrder::MemberId}) {
        query.order = order;
        loader.load(query);
    }
    QVERIFY(loader.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), 10000);
    QCOMPARE(answered, QList<DrillDownOrder>({DrillDownOrder::MemberId}));
    QCOMPARE(loader.readsStarted(), 2);
    QCOMPARE(loader.total(), qint64(Buyers));
}

void TestMemberList::cancelledRankingStops()
{
    int asked = 0;
    // Told to stop at its second look: after the first week of member-days.
    const MemberDrillDown stopping(m_store->engine().context(), [&asked] { return ++asked > 1; });
    const auto stopped = stopping.rank(buyers());
    LT_VERIFY_ERROR(stopped, lt::ErrorKind::Refused);
    QCOMPARE(asked, 2);
    const MemberDrillDown wanted(m_store->engine().context(), [] { return false; });
    const auto ranked = wanted.rank(buyers());
    LT_VERIFY_OK(ranked);
    QCOMPARE(ranked->total(), qint64(Buyers));
    const MemberDrillDown dropped(m_store->engine().context(), [] { return true; });
    LT_VERIFY_ERROR(dropped.rows(*ranked, 0, MemberDrillDown::PageSize), lt::ErrorKind::Refused);
}

// Esc while the first page is read: the list closes at once, within the loader's short wait.
void TestMemberList::closingDoesNotWaitForTheRead()
{
    QElapsedTimer timer;
    {
        MemberListDialog dialog(m_store->path(), m_store->clock(), buyers());
        QVERIFY(dialog.isLoading());
        timer.start();
    }
    QVERIFY2(timer.elapsed() < MemberListLoader::ShutdownWait + 500, qPrintable(QString::number(timer.elapsed())));
}

QTEST_MAIN(TestMemberList)
#include "tst_ui_memberlist.moc"
