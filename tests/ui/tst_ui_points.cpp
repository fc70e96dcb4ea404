// Points at the till, key by key: a sale with its preview, a double Enter, an amount in the wrong locale, a
// redemption (with a manager's PIN above the limit), a refund, voiding a sale, and a store that is busy. Every
// check on the screen is matched by one on the store.

#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/RedeemDialog.h"
#include "ui/dialogs/RefundDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::ManagerApprovalDialog;
using lt::ui::MessageBanner;
using lt::ui::RedeemDialog;
using lt::ui::RefundDialog;
using lt::ui::SaleDialog;
using lt::ui::TillWindow;

class TestPoints : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void saleWithPreviewAndConfirm();
    void doubleEnterAccruesOnce();
    void sameReceiptAgainAddsNothing();
    void amountInTheWrongLocale_data();
    void amountInTheWrongLocale();
    void secondScanDuringASale();
    void redeemAReward();
    void redemptionAboveTheLimitNeedsAManager();
    void refundPartOfASale();
    void refundOfAnUnknownSale();
    void voidTheLastSale();
    void voidAnEarlierSaleWithAManager();
    void busyStoreLosesNothing();

private:
    TillWindow& window() { return m_till->window(); }
    qint64 balance() { return m_till->store().balance(m_member.id); }
    qint64 count(const char* sql) { return m_till->store().number(sql); }
    // F2, receipt, Tab, total, Enter in the sale dialog.
    void sell(const QString& reference, const QString& total);
    void giveMemberPoints(qint64 points);
    static QString previewOf(SaleDialog* dialog);

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    StaffMember m_manager;
    Member m_member;
    Member m_other;
    int m_receipt = 0;
};

void TestPoints::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_till = std::make_unique<TillHarness>();
    // The program's points only: the sums below are the sales' own, whatever tier the member reaches on the way
    // (tier multipliers are tried in tst_ui_program).
    m_till->store().engine().context().program.memberTiers = {};
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_cashier = regulars->cashier;
    m_manager = regulars->manager;
    m_member = regulars->member;
    auto other = m_till->enrollWithCard(QStringLiteral("(415) 555-2672"), QStringLiteral("Ben Ortiz"));
    LT_VERIFY_OK(other);
    m_other = *other;
}

void TestPoints::cleanupTestCase()
{
    // Whatever the tests did, every balance still equals its ledger.
    auto report = m_till->store().checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QLocale::setDefault(QLocale::system());
}

void TestPoints::init()
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    TillHarness::scan(m_member.card);
    QVERIFY(window().currentMember());
    QCOMPARE(window().currentMember()->id, m_member.id);
}

void TestPoints::cleanup()
{
    m_till->closeWindow();
}

void TestPoints::sell(const QString& reference, const QString& total)
{
    auto ran = whenModal<SaleDialog>([&](SaleDialog*) {
        TillHarness::type(reference);
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(total);
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
}

void TestPoints::giveMemberPoints(qint64 points)
{
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-%1").arg(++m_receipt), points * 100));
}

QString TestPoints::previewOf(SaleDialog* dialog)
{
    for (const QLabel* label : dialog->findChildren<QLabel*>()) {
        if (label->accessibleName() == QStringLiteral("Points preview"))
            return label->text();
    }
    return QStringLiteral("(no preview)");
}

void TestPoints::saleWithPreviewAndConfirm()
{
    const qint64 before = balance();
    auto ran = whenModal<SaleDialog>([&](SaleDialog* dialog) {
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("reference"));
        TillHarness::type(QStringLiteral("R-1001"));
        TillHarness::press(Qt::Key_Tab);
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("total"));
        TillHarness::type(QStringLiteral("42.5"));
        // The preview follows every key, and nothing is recorded before Enter.
        QCOMPARE(previewOf(dialog), QStringLiteral("+42 Points"));
        TillHarness::type(QStringLiteral("0"));
        QCOMPARE(previewOf(dialog), QStringLiteral("+42 Points"));
        TillHarness::press(Qt::Key_Backspace);
        TillHarness::press(Qt::Key_Backspace);
        TillHarness::press(Qt::Key_Backspace);
        TillHarness::press(Qt::Key_Backspace);
        QCOMPARE(previewOf(dialog), QStringLiteral("+4 Points"));
        QCOMPARE(count("SELECT count(*) FROM sales WHERE reference = 'R-1001'"), 0);
        TillHarness::type(QStringLiteral("2.50"));
        QCOMPARE(previewOf(dialog), QStringLiteral("+42 Points"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result().points, 42);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);

    QCOMPARE(balance(), before + 42);
    QCOMPARE(count("SELECT amount_minor FROM sales WHERE reference = 'R-1001'"), 4250);
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("%1 Points").arg(before + 42));
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("+42 Points for sale R-1001")),
             qPrintable(window().banner()->text()));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestPoints::doubleEnterAccruesOnce()
{
    const qint64 before = balance();
    const qint64 ledgerBefore = count("SELECT count(*) FROM ledger");
    auto ran = whenModal<SaleDialog>([&](SaleDialog* dialog) {
        TillHarness::type(QStringLiteral("R-2002"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("30.00"));
        // A bouncing key: two Enters before the till has drawn anything. The second finds the dialog closing.
        QWidget* total = TillHarness::focused();
        QCoreApplication::postEvent(total, new QKeyEvent(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier));
        QCoreApplication::postEvent(total, new QKeyEvent(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier));
        QTRY_VERIFY(!dialog->isVisible());
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    // And a third, impatient Enter on the till itself.
    TillHarness::press(Qt::Key_Return);
    QCoreApplication::processEvents();

    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(balance(), before + 30);
    QCOMPARE(count("SELECT count(*) FROM sales WHERE reference = 'R-2002'"), 1);
    QCOMPARE(count("SELECT count(*) FROM ledger"), ledgerBefore + 1);
    QCOMPARE(count("SELECT count(*) FROM outbox WHERE operation = 'accrue' AND payload LIKE '%R-2002%'"), 1);
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("%1 Points").arg(before + 30));
}

void TestPoints::sameReceiptAgainAddsNothing()
{
    sell(QStringLiteral("R-3003"), QStringLiteral("12.00"));
    const qint64 after = balance();
    const QString counts = m_till->store().rowCounts();

    // The cashier is not sure it went through and enters the same receipt again.
    sell(QStringLiteral("R-3003"), QStringLiteral("12.00"));
    QCOMPARE(balance(), after);
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("already recorded")),
             qPrintable(window().banner()->text()));
    // Not a row more anywhere: no sale, ledger, outbox or audit entry.
    QCOMPARE(count("SELECT count(*) FROM sales WHERE reference = 'R-3003'"), 1);
    QCOMPARE(m_till->store().rowCounts(), counts);
}

void TestPoints::amountInTheWrongLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<qint64>("points"); // -1: refused
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    const QLocale spain(QLocale::Spanish, QLocale::Spain);
    QTest::newRow("US, comma as decimal point") << us << QStringLiteral("12,34") << qint64(-1);
    QTest::newRow("US, two points") << us << QStringLiteral("12.34.5") << qint64(-1);
    QTest::newRow("US, grouping") << us << QStringLiteral("1,234.56") << qint64(1234);
    QTest::newRow("Spain, point as decimal point") << spain << QStringLiteral("12.34") << qint64(-1);
    QTest::newRow("Spain, comma") << spain << QStringLiteral("12,34") << qint64(12);
}

void TestPoints::amountInTheWrongLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(qint64, points);
    QLocale::setDefault(locale);
    const auto restore = qScopeGuard([] { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); });
    const qint64 before = balance();
    const QString counts = m_till->store().rowCounts();
    static int sales = 0;
    const QString reference = QStringLiteral("R-LOC-%1").arg(++sales);
    QString error;
    auto ran = whenModal<SaleDialog>([&](SaleDialog* dialog) {
        TillHarness::type(reference);
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(typed);
        TillHarness::press(Qt::Key_Return);
        error = dialog->errorText();
        if (dialog->isVisible()) {
            // Refused inline, the total selected for retyping; the cashier gives up with Esc.
            QCOMPARE(TillHarness::focusedName(), QStringLiteral("total"));
            QCOMPARE(previewOf(dialog), QStringLiteral("–"));
            TillHarness::press(Qt::Key_Escape);
        }
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    if (points < 0) {
        QVERIFY2(error.contains(QStringLiteral("Write the amount like %1").arg(locale.toString(12.34, 'f', 2)))
                     || error.contains(QStringLiteral("amount")),
                 qPrintable(error));
        QCOMPARE(balance(), before);
        QCOMPARE(m_till->store().rowCounts(), counts);
    } else {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(balance(), before + points);
    }
}

void TestPoints::secondScanDuringASale()
{
    const qint64 before = balance();
    const qint64 otherBefore = m_till->store().balance(m_other.id);
    const QString counts = m_till->store().rowCounts();
    QString error;
    auto ran = whenModal<SaleDialog>([&](SaleDialog* dialog) {
        TillHarness::type(QStringLiteral("R-4004"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("20.00"));
        // The next customer's card is scanned into the open sale.
        TillHarness::scan(m_other.card);
        error = dialog->errorText();
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_till->store().rowCounts(), counts);
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    QVERIFY2(!error.isEmpty(), "the scan in the sale dialog went unremarked");
    QCOMPARE(balance(), before);
    QCOMPARE(m_till->store().balance(m_other.id), otherBefore);
    QCOMPARE(m_till->store().rowCounts(), counts);
    QCOMPARE(window().currentMember()->id, m_member.id);
}

void TestPoints::redeemAReward()
{
    giveMemberPoints(300);
    const qint64 before = balance();
    auto ran = whenModal<RedeemDialog>([&](RedeemDialog* dialog) {
        // The first reward is chosen: 5.00 off for 100 points.
        auto* rewards = dialog->findChild<QListWidget*>();
        QVERIFY(rewards);
        QCOMPARE(TillHarness::focused(), rewards);
        QCOMPARE(rewards->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("five-off"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->errorText()));
    });
    TillHarness::press(Qt::Key_F3);
    QVERIFY(*ran);
    QCOMPARE(balance(), before - 100);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("Apply 5.00 USD off")),
             qPrintable(window().banner()->text()));
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("%1 Points").arg(before - 100));
    QCOMPARE(count("SELECT count(*) FROM ledger WHERE kind = 'redeem' AND reward_tier_id = 'five-off'"), 1);
}

void TestPoints::redemptionAboveTheLimitNeedsAManager()
{
    // Points earned at another till since the member was scanned here count too.
    giveMemberPoints(2500);
    const qint64 before = balance();
    // Pay with points: 1500 points at 0.05 are 75.00, above the store's 50.00 limit for a cashier.
    auto choose1500 = [](RedeemDialog* dialog) {
        TillHarness::press(Qt::Key_Down);
        TillHarness::press(Qt::Key_Down);
        auto* points = dialog->findChild<QSpinBox*>(QStringLiteral("points"));
        QVERIFY(points && points->isVisible());
        TillHarness::press(Qt::Key_Tab);
        QCOMPARE(TillHarness::focused(), points);
        TillHarness::press(Qt::Key_A, Qt::ControlModifier);
        TillHarness::type(QStringLiteral("1500"));
    };

    // First the cashier's own PIN, which is refused, then Esc: no manager, no redemption.
    QString refusal;
    QString error;
    auto ran = whenModal<RedeemDialog>([&](RedeemDialog* dialog) {
        choose1500(dialog);
        auto approval = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog* approve) {
            TillHarness::type(QString::number(m_cashier.id));
            TillHarness::press(Qt::Key_Return);
            TillHarness::type(QStringLiteral("2468"));
            TillHarness::press(Qt::Key_Return);
            QVERIFY(approve->isVisible());
            for (const QLabel* label : approve->findChildren<QLabel*>())
                refusal += label->text() + QLatin1Char('\n');
            TillHarness::press(Qt::Key_Escape);
        });
        TillHarness::press(Qt::Key_Return);
        QVERIFY(*approval);
        error = dialog->errorText();
        QVERIFY(dialog->isVisible());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F3);
    QVERIFY(*ran);
    QVERIFY2(refusal.contains(QStringLiteral("Sam Cashier is not a manager.")), qPrintable(refusal));
    QVERIFY2(error.contains(QStringLiteral("A manager must approve")), qPrintable(error));
    QCOMPARE(balance(), before);
    QCOMPARE(count("SELECT count(*) FROM ledger WHERE kind = 'redeem' AND reward_tier_id = 'points-as-cash'"), 0);

    // Then the manager comes over.
    ran = whenModal<RedeemDialog>([&](RedeemDialog* dialog) {
        choose1500(dialog);
        auto approval = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) {
            TillHarness::type(QString::number(m_manager.id));
            TillHarness::press(Qt::Key_Return);
            TillHarness::type(QStringLiteral("1357"));
            TillHarness::press(Qt::Key_Return);
        });
        TillHarness::press(Qt::Key_Return);
        QVERIFY(*approval);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->errorText()));
        QCOMPARE(dialog->result().points, -1500);
    });
    TillHarness::press(Qt::Key_F3);
    QVERIFY(*ran);
    QCOMPARE(balance(), before - 1500);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("75.00 USD")), qPrintable(window().banner()->text()));
    QCOMPARE(count("SELECT count(*) FROM ledger WHERE kind = 'redeem' AND reward_tier_id = 'points-as-cash'"), 1);
    QCOMPARE(m_till->store().number(
                 "SELECT count(*) FROM audit_log WHERE action LIKE '%approv%' AND actor = ? AND subject = ?",
                 {QStringLiteral("staff:%1").arg(m_manager.id), QStringLiteral("member:%1").arg(m_member.id)}),
             1);
}

void TestPoints::refundPartOfASale()
{
    sell(QStringLiteral("R-5005"), QStringLiteral("80.00"));
    const qint64 before = balance();
    // The customer comes back later: the refund needs no member at the till.
    TillHarness::press(Qt::Key_Escape);
    QVERIFY(!window().currentMember());
    auto ran = whenModal<RefundDialog>([&](RefundDialog* dialog) {
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("reference"));
        TillHarness::type(QStringLiteral("R-5005"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("20.00"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->errorText()));
    });
    TillHarness::press(Qt::Key_F4);
    QVERIFY(*ran);
    QCOMPARE(balance(), before - 20);
    QCOMPARE(window().currentMember()->id, m_member.id);
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("%1 Points").arg(before - 20));
    QVERIFY2(window().banner()->text().contains(QStringLiteral("Refund of sale R-5005")),
             qPrintable(window().banner()->text()));
}

void TestPoints::refundOfAnUnknownSale()
{
    const QString counts = m_till->store().rowCounts();
    QString error;
    auto ran = whenModal<RefundDialog>([&](RefundDialog* dialog) {
        TillHarness::type(QStringLiteral("R-NOPE"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        error = dialog->errorText();
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F4);
    QVERIFY(*ran);
    QVERIFY2(error.contains(QStringLiteral("R-NOPE")), qPrintable(error));
    QCOMPARE(m_till->store().rowCounts(), counts);
}

void TestPoints::voidTheLastSale()
{
    const qint64 before = balance();
    sell(QStringLiteral("R-6006"), QStringLiteral("55.00"));
    QCOMPARE(balance(), before + 55);
    // The points went to the wrong member: F6 while the customer is still here needs no manager.
    TillHarness::press(Qt::Key_F6);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(balance(), before);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("Sale R-6006 voided")),
             qPrintable(window().banner()->text()));
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("%1 Points").arg(before));

    // F6 again: there is no last sale any more, so the till asks which one (and Esc leaves it).
    auto ran = whenModal<QInputDialog>([&](QInputDialog*) { TillHarness::press(Qt::Key_Escape); });
    TillHarness::press(Qt::Key_F6);
    QVERIFY(*ran);
    QCOMPARE(balance(), before);
}

void TestPoints::voidAnEarlierSaleWithAManager()
{
    sell(QStringLiteral("R-7007"), QStringLiteral("15.00"));
    const qint64 before = balance();
    TillHarness::press(Qt::Key_Escape); // the customer has gone
    auto asked = whenModal<QInputDialog>([&](QInputDialog*) {
        TillHarness::type(QStringLiteral("R-7007"));
        TillHarness::press(Qt::Key_Return);
    });
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) {
        TillHarness::type(QString::number(m_manager.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("1357"));
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F6);
    QVERIFY(*asked);
    QVERIFY(*approved);
    QCOMPARE(balance(), before - 15);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("Sale R-7007 voided")),
             qPrintable(window().banner()->text()));
}

void TestPoints::busyStoreLosesNothing()
{
    // Another till (or a backup) holds the store's write lock. A store with a short busy timeout answers quickly.
    Database::Options options;
    options.busyTimeoutMs = 200;
    TillHarness busy(options);
    auto cashier = busy.addStaff(QStringLiteral("Kim Busy"), StaffMember::Role::Cashier, QStringLiteral("8642"));
    LT_VERIFY_OK(cashier);
    auto member = busy.store().enroll(QStringLiteral("(415) 555-2673"), QStringLiteral("Cy Busy"));
    LT_VERIFY_OK(member);
    m_till->closeWindow();
    QVERIFY(busy.openWindow());
    QVERIFY(busy.signIn(cashier->id, QStringLiteral("8642")));
    TillHarness::typeSlowly(QStringLiteral("415 555 2673"));
    TillHarness::press(Qt::Key_Return);
    QCOMPARE(busy.window().currentMember()->id, member->id);

    const QString connection = QStringLiteral("other-till");
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        other.setDatabaseName(busy.store().path());
        QVERIFY(other.open());
        QSqlQuery hold(other);
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));

        QString error;
        auto ran = whenModal<SaleDialog>([&](SaleDialog* dialog) {
            TillHarness::type(QStringLiteral("R-BUSY"));
            TillHarness::press(Qt::Key_Tab);
            TillHarness::type(QStringLiteral("10.00"));
            TillHarness::press(Qt::Key_Return);
            // Refused inline; what was typed stays, so the cashier can press Enter again.
            QVERIFY(dialog->isVisible());
            error = dialog->errorText();
            QCOMPARE(busy.store().number("SELECT count(*) FROM sales WHERE reference = 'R-BUSY'"), 0);
            QVERIFY(hold.exec(QStringLiteral("COMMIT")));
            TillHarness::press(Qt::Key_Return);
            QVERIFY2(!dialog->isVisible(), qPrintable(dialog->errorText()));
        });
        TillHarness::press(Qt::Key_F2);
        QVERIFY(*ran);
        QVERIFY2(error.contains(QStringLiteral("busy")), qPrintable(error));
        other.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QCOMPARE(busy.store().balance(member->id), 10);
    QCOMPARE(busy.store().number("SELECT count(*) FROM sales WHERE reference = 'R-BUSY'"), 1);
    QVERIFY(busy.window().banner()->text().contains(QStringLiteral("R-BUSY")));
}

QTEST_MAIN(TestPoints)
#include "tst_ui_points.moc"
