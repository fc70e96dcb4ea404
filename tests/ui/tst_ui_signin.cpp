// The till's sign-in: the first start on an empty store, wrong and right PINs, locking with F12 and by idling.

#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::TillWindow;

class TestSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstStartCreatesTheManager();
    void wrongPinThenRightPin();
    void lockWithF12ThenSignInAgain();
    void idleTillLocksAndClosesItsDialog();

private:
    // Every label on the visible page, to find an inline message whatever label shows it.
    static QString visibleText(const TillWindow& window);

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    Member m_member;
};

void TestSignIn::initTestCase()
{
    m_till = std::make_unique<TillHarness>();
    auto cashier = m_till->addStaff(QStringLiteral("Sam Cashier"), StaffMember::Role::Cashier, QStringLiteral("2468"));
    LT_VERIFY_OK(cashier);
    m_cashier = *cashier;
    auto member = m_till->store().enroll(QStringLiteral("(415) 555-0100"), QStringLiteral("Ada Park"));
    LT_VERIFY_OK(member);
    auto card = m_till->store().engine().enrollment().assignCard(member->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(card);
    m_member = *member;
    m_member.card = *card;
}

void TestSignIn::init()
{
    QVERIFY(m_till->openWindow());
}

void TestSignIn::cleanup()
{
    m_till->closeWindow();
}

QString TestSignIn::visibleText(const TillWindow& window)
{
    QStringList texts;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        if (label->isVisible() && !label->text().isEmpty())
            texts << label->text();
    }
    return texts.join(QLatin1Char('\n'));
}

void TestSignIn::firstStartCreatesTheManager()
{
    // A store of its own: nobody to sign in yet.
    m_till->closeWindow();
    TillHarness empty;
    QVERIFY(empty.openWindow());
    TillWindow& window = empty.window();
    QVERIFY(window.isLocked());
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("managerName"));

    TillHarness::type(QStringLiteral("Maria Lopez"));
    TillHarness::press(Qt::Key_Tab);
    TillHarness::type(QStringLiteral("1357"));
    TillHarness::press(Qt::Key_Tab);
    TillHarness::type(QStringLiteral("1375"));
    TillHarness::press(Qt::Key_Return);
    QVERIFY2(visibleText(window).contains(QStringLiteral("The two PINs differ.")), qPrintable(visibleText(window)));
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("managerPinRepeat"));
    QCOMPARE(*empty.staff().isEmpty(), true);

    TillHarness::type(QStringLiteral("1357"));
    TillHarness::press(Qt::Key_Return);
    QCOMPARE(*empty.staff().isEmpty(), false);
    auto staff = empty.staff().list();
    LT_VERIFY_OK(staff);
    QCOMPARE(staff->size(), 1);
    QCOMPARE(staff->first().name, QStringLiteral("Maria Lopez"));
    QVERIFY(staff->first().isManager());

    // What is ready and what is not (tst_ui_firststart looks closer), then Enter: the sign-in page, which says which
    // number to use.
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("startSelling"));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("check-database")));
    TillHarness::press(Qt::Key_Return);
    QVERIFY(window.isLocked());
    QVERIFY2(visibleText(window).contains(QStringLiteral("Sign in as staff number %1.").arg(staff->first().id)),
             qPrintable(visibleText(window)));
    QVERIFY(empty.signIn(staff->first().id, QStringLiteral("1357")));
    QVERIFY(window.signedIn().isManager());
}

void TestSignIn::wrongPinThenRightPin()
{
    TillWindow& window = m_till->window();
    QVERIFY(window.isLocked());
    const qint64 rejectedBefore =
        m_till->store().number("SELECT count(*) FROM audit_log WHERE action = 'staff.pin_rejected'");

    m_till->typeSignIn(m_cashier.id, QStringLiteral("1111"));
    QVERIFY(window.isLocked());
    QVERIFY2(visibleText(window).contains(QStringLiteral("Wrong staff number or PIN.")),
             qPrintable(visibleText(window)));
    // The PIN is cleared and has the focus; the staff number stays.
    auto* pin = qobject_cast<QLineEdit*>(TillHarness::focused());
    QVERIFY(pin);
    QCOMPARE(pin->objectName(), QStringLiteral("pin"));
    QVERIFY(pin->text().isEmpty());
    QCOMPARE(m_till->store().number("SELECT count(*) FROM audit_log WHERE action = 'staff.pin_rejected'"),
             rejectedBefore + 1);

    TillHarness::type(QStringLiteral("2468"));
    TillHarness::press(Qt::Key_Return);
    QVERIFY(!window.isLocked());
    QCOMPARE(window.signedIn().id, m_cashier.id);
    QCOMPARE(TillHarness::focused(), window.lookupField());
    QVERIFY(window.banner()->text().contains(QStringLiteral("Sam Cashier")));
    QCOMPARE(m_till->store().number("SELECT failed_attempts FROM staff WHERE id = ?", {m_cashier.id}), 0);
}

void TestSignIn::lockWithF12ThenSignInAgain()
{
    TillWindow& window = m_till->window();
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    TillHarness::scan(m_member.card);
    QVERIFY(window.currentMember());

    TillHarness::press(Qt::Key_F12);
    QVERIFY(window.isLocked());
    QVERIFY(!window.currentMember());
    QCOMPARE(window.memberPanel()->displayName(), QStringLiteral("No member"));
    QCOMPARE(window.signedIn().id, 0);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("staffNumber"));

    // The till's keys do nothing while it is locked.
    TillHarness::press(Qt::Key_F2);
    TillHarness::press(Qt::Key_F5);
    QVERIFY(!QApplication::activeModalWidget());

    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    QCOMPARE(window.memberPanel()->displayName(), QStringLiteral("No member"));
}

void TestSignIn::idleTillLocksAndClosesItsDialog()
{
    TillWindow& window = m_till->window();
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    window.setIdleLockSeconds(1); // the till never locks sooner than after 10 s
    TillHarness::scan(m_member.card);
    QVERIFY(window.currentMember());
    const QString before = m_till->store().rowCounts();

    // The cashier opens a sale, types half of it and walks away.
    bool locked = false;
    auto ran = whenModal<ui::SaleDialog>(
        [&](ui::SaleDialog*) {
            TillHarness::type(QStringLiteral("R-IDLE-1"));
            TillHarness::press(Qt::Key_Tab);
            TillHarness::type(QStringLiteral("25.00"));
            QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 20000);
            locked = true;
        },
        5000);
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    QVERIFY(locked);
    QVERIFY(window.isLocked());
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!window.currentMember());
    QCOMPARE(m_till->store().rowCounts(), before);
    QCOMPARE(TillHarness::focusedName(), QStringLiteral("staffNumber"));

    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
}

QTEST_MAIN(TestSignIn)
#include "tst_ui_signin.moc"
