// Finding the member at the till: a scanner's burst and a person's typing, a card, a phone number in any format, an
// unknown phone that opens the enrollment, and input that finds nobody and must change nothing.

#include "core/domain/CardNumber.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/EnrollmentDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QCheckBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace lt;
using namespace Qt::StringLiterals;
using namespace lt::test;
using lt::ui::EnrollmentDialog;
using lt::ui::MessageBanner;
using lt::ui::TillWindow;

class TestLookup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void scannerBurstAndPersonTyping();
    void scanShowsTheMembersBalance();
    void phoneInAnyFormat_data();
    void phoneInAnyFormat();
    void unknownPhoneOpensEnrollmentThenBadEmailIsFixed();
    void unknownCardOpensEnrollmentWithTheCard();
    void cancelledEnrollmentRecordsNothing();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void doubleEnterLooksUpOnce();
    void keysDeliveredLate_data();
    void keysDeliveredLate();
    void logNamesNobody();

private:
    TillWindow& window() { return m_till->window(); }

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    Member m_ada; // phone and card
    Member m_ben; // phone only
};

namespace {
// Keys as the window system delivers them: each stamped with the time it was pressed, `gapMs` apart, then Enter.
// They are queued, not sent, so that the event loop handles them only when the test lets it.
void postStampedKeys(QWidget* receiver, const QString& text, int gapMs)
{
    quint64 pressed = 7'000'000; // the window system's clock: milliseconds since some start
    const auto post = [&](QEvent::Type type, int key, const QString& keyText) {
        auto* event = new QKeyEvent(type, key, Qt::NoModifier, keyText);
        event->setTimestamp(pressed);
        QCoreApplication::postEvent(receiver, event);
    };
    for (QChar c : text) {
        post(QEvent::KeyPress, Qt::Key_0 + c.digitValue(), QString(c));
        post(QEvent::KeyRelease, Qt::Key_0 + c.digitValue(), QString(c));
        pressed += quint64(gapMs);
    }
    post(QEvent::KeyPress, Qt::Key_Return, QStringLiteral("\r"));
    post(QEvent::KeyRelease, Qt::Key_Return, QStringLiteral("\r"));
}

// Every message logged while it lives, with every loyaltytill category switched on.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*=true"));
        m_previous = qInstallMessageHandler(&LogCapture::capture);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;
    static const QStringList& lines() { return s_lines; }

private:
    static void capture(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        s_lines << QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message;
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous;
};

QString withWrongCheckDigit(const QString& card)
{
    const int digit = card.back().digitValue();
    return card.chopped(1) + QString::number((digit + 1) % 10);
}
} // namespace

void TestLookup::initTestCase()
{
    m_till = std::make_unique<TillHarness>();
    auto cashier = m_till->addStaff(QStringLiteral("Sam Cashier"), StaffMember::Role::Cashier, QStringLiteral("2468"));
    LT_VERIFY_OK(cashier);
    m_cashier = *cashier;
    auto ada = m_till->store().enroll(QStringLiteral("(415) 555-2671"), QStringLiteral("Ada Park"));
    LT_VERIFY_OK(ada);
    auto card = m_till->store().engine().enrollment().assignCard(ada->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(card);
    m_ada = *ada;
    m_ada.card = *card;
    LT_VERIFY_OK(m_till->store().accrue(m_ada.id, QStringLiteral("R-1"), 4250));
    auto ben = m_till->store().enroll(QStringLiteral("+1 415 555 2672"), QStringLiteral("Ben Ortiz"));
    LT_VERIFY_OK(ben);
    m_ben = *ben;
}

void TestLookup::init()
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
}

void TestLookup::cleanup()
{
    m_till->closeWindow();
}

void TestLookup::scannerBurstAndPersonTyping()
{
    QSignalSpy submitted(window().lookupField(), &ui::LookupField::submitted);

    TillHarness::scan(m_ada.card);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), m_ada.card);
    QCOMPARE(submitted.at(0).at(1).toBool(), true);
    QCOMPARE(window().currentMember()->id, m_ada.id);

    // The same digits typed by a person, key by key.
    TillHarness::typeSlowly(QStringLiteral("4155552672"));
    TillHarness::press(Qt::Key_Return);
    QCOMPARE(submitted.size(), 2);
    QCOMPARE(submitted.at(1).at(1).toBool(), false);
    QCOMPARE(window().currentMember()->id, m_ben.id);

    // A person who types a few keys, clears the line and then scans: the scan counts as a scan.
    TillHarness::typeSlowly(QStringLiteral("41"));
    TillHarness::press(Qt::Key_A, Qt::ControlModifier);
    TillHarness::press(Qt::Key_Backspace);
    TillHarness::scan(m_ada.card);
    QCOMPARE(submitted.size(), 3);
    QCOMPARE(submitted.at(2).at(0).toString(), m_ada.card);
    QCOMPARE(submitted.at(2).at(1).toBool(), true);
}

void TestLookup::scanShowsTheMembersBalance()
{
    TillHarness::scan(m_ada.card);
    QVERIFY(window().currentMember());
    QCOMPARE(window().currentMember()->id, m_ada.id);
    QCOMPARE(window().memberPanel()->displayName(), QStringLiteral("Ada Park"));
    QCOMPARE(m_till->store().balance(m_ada.id), 42);
    QCOMPARE(window().memberPanel()->balanceText(), QStringLiteral("42 Points"));
    QVERIFY(!window().banner()->isVisible());
    // The lookup line is empty again and keeps the focus for the next scan.
    QVERIFY(window().lookupField()->text().isEmpty());
    QCOMPARE(TillHarness::focused(), window().lookupField());
    // Sale and Redeem need a member: they are enabled now.
    for (QPushButton* button : window().findChildren<QPushButton*>()) {
        if (button->accessibleName() == QStringLiteral("Sale"))
            QVERIFY(button->isEnabled());
    }

    // Esc: next customer.
    TillHarness::press(Qt::Key_Escape);
    QVERIFY(!window().currentMember());
    QCOMPARE(window().memberPanel()->displayName(), QStringLiteral("No member"));
}

void TestLookup::phoneInAnyFormat_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("parentheses") << QStringLiteral("(415) 555-2671");
    QTest::newRow("hyphens") << QStringLiteral("415-555-2671");
    QTest::newRow("dots") << QStringLiteral("415.555.2671");
    QTest::newRow("digits") << QStringLiteral("4155552671");
    QTest::newRow("international") << QStringLiteral("+1 415 555 2671");
    QTest::newRow("trunk prefix") << QStringLiteral("1 (415) 555-2671");
    QTest::newRow("spaces around") << QStringLiteral("  415 555 2671 ");
}

void TestLookup::phoneInAnyFormat()
{
    QFETCH(QString, typed);
    TillHarness::typeSlowly(typed);
    TillHarness::press(Qt::Key_Return);
    QVERIFY2(window().currentMember(), qPrintable(window().banner()->text()));
    QCOMPARE(window().currentMember()->id, m_ada.id);
    QCOMPARE(window().memberPanel()->displayName(), QStringLiteral("Ada Park"));
}

void TestLookup::unknownPhoneOpensEnrollmentThenBadEmailIsFixed()
{
    const qint64 membersBefore = m_till->store().number("SELECT count(*) FROM members");
    auto ran = whenModal<EnrollmentDialog>([&](EnrollmentDialog* dialog) {
        // The phone is filled in as found, and the cashier starts with the name.
        auto* phone = dialog->findChild<QLineEdit*>(QStringLiteral("phone"));
        QVERIFY(phone);
        QCOMPARE(phone->text(), QStringLiteral("+14155552699"));
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("name"));

        TillHarness::type(QStringLiteral("Chloe Adams"));
        TillHarness::press(Qt::Key_Tab);
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("email"));
        TillHarness::type(QStringLiteral("chloe@"));
        TillHarness::press(Qt::Key_Return);
        // Refused next to the field, with the focus back on it; nobody enrolled.
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->fieldError(QStringLiteral("email")).contains(QStringLiteral("e-mail")),
                 qPrintable(dialog->fieldError(QStringLiteral("email"))));
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("email"));
        QCOMPARE(m_till->store().number("SELECT count(*) FROM members"), membersBefore);

        // The bad text is selected: typing replaces it.
        TillHarness::type(QStringLiteral("chloe@example.com"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result().member.email, QStringLiteral("chloe@example.com"));
    });
    TillHarness::typeSlowly(QStringLiteral("(415) 555-2699"));
    TillHarness::press(Qt::Key_Return);
    QVERIFY(*ran);

    QCOMPARE(m_till->store().number("SELECT count(*) FROM members"), membersBefore + 1);
    auto chloe = m_till->store().engine().members().byPhone(QStringLiteral("+14155552699"));
    LT_VERIFY_OK(chloe);
    QCOMPARE(chloe->name, QStringLiteral("Chloe Adams"));
    QCOMPARE(chloe->email, QStringLiteral("chloe@example.com"));
    QCOMPARE(chloe->balance, 0);
    // The new member is at the till, welcomed in the banner.
    QCOMPARE(window().currentMember()->id, chloe->id);
    QCOMPARE(window().memberPanel()->displayName(), QStringLiteral("Chloe Adams"));
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY2(window().banner()->text().contains(QString::number(chloe->id)), qPrintable(window().banner()->text()));
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestLookup::unknownCardOpensEnrollmentWithTheCard()
{
    // A blank card from the store's stock: a valid number nobody holds yet.
    const QString blank = CardNumber::fromSerial(777001);
    auto ran = whenModal<EnrollmentDialog>([&](EnrollmentDialog* dialog) {
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("card"))->text(), blank);
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("phone"));
        TillHarness::type(QStringLiteral("415 555 2698"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->fieldError(QStringLiteral("phone"))));
    });
    TillHarness::scan(blank);
    QVERIFY(*ran);
    auto member = m_till->store().engine().members().byCard(blank);
    LT_VERIFY_OK(member);
    QCOMPARE(member->phone, QStringLiteral("+14155552698"));
    QCOMPARE(window().currentMember()->id, member->id);
}

void TestLookup::cancelledEnrollmentRecordsNothing()
{
    const QString before = m_till->store().rowCounts();
    auto ran = whenModal<EnrollmentDialog>([&](EnrollmentDialog*) {
        TillHarness::type(QStringLiteral("Dan"));
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::typeSlowly(QStringLiteral("415 555 2697"));
    TillHarness::press(Qt::Key_Return);
    QVERIFY(*ran);
    QCOMPARE(m_till->store().rowCounts(), before);
    QVERIFY(!window().currentMember());
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestLookup::badInputChangesNothing_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("scanned");
    QTest::addColumn<QString>("message");
    const QString notACard = QStringLiteral("not one of the store's loyalty cards");
    QTest::newRow("card with a wrong check digit")
        << withWrongCheckDigit(CardNumber::fromSerial(123)) << true << QStringLiteral("check digit");
    QTest::newRow("card misread, a digit short") << CardNumber::fromSerial(123).chopped(1) << true << notACard;
    QTest::newRow("another shop's EAN-13") << QStringLiteral("4006381333931") << true << notACard;
    QTest::newRow("scanner noise") << QStringLiteral("]C1%$#@!*") << true << notACard;
    QTest::newRow("far too long a scan") << QString(250, QLatin1Char('7')) << true << notACard;
    QTest::newRow("half-typed phone") << QStringLiteral("415 55") << false << QStringLiteral("too short");
    QTest::newRow("phone with a letter") << QStringLiteral("415 555 26O1") << false << QStringLiteral("No member");
    QTest::newRow("name nobody has") << QStringLiteral("Zebedee") << false << QStringLiteral("No member");
    QTest::newRow("markup") << QStringLiteral("<b>Zed</b>") << false << QStringLiteral("<b>Zed</b>");
}

void TestLookup::badInputChangesNothing()
{
    QFETCH(QString, input);
    QFETCH(bool, scanned);
    QFETCH(QString, message);

    TillHarness::scan(m_ada.card);
    QCOMPARE(window().currentMember()->id, m_ada.id);
    const QString before = m_till->store().rowCounts();

    if (scanned) {
        TillHarness::scan(input);
    } else {
        TillHarness::typeSlowly(input);
        TillHarness::press(Qt::Key_Return);
    }

    // An error in the banner; no dialog; the member at the till and the store unchanged.
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(window().banner()->isVisible());
    QCOMPARE(window().banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(window().banner()->text().contains(message), qPrintable(window().banner()->text()));
    // Shown as typed, never read as markup.
    QCOMPARE(window().banner()->textFormat(), Qt::PlainText);
    QCOMPARE(window().currentMember()->id, m_ada.id);
    QCOMPARE(window().memberPanel()->displayName(), QStringLiteral("Ada Park"));
    QCOMPARE(m_till->store().rowCounts(), before);
    // Ready for the next try.
    QVERIFY(window().lookupField()->text().isEmpty());
    QCOMPARE(TillHarness::focused(), window().lookupField());

    // The next good scan clears the message.
    TillHarness::scan(m_ada.card);
    QVERIFY(!window().banner()->isVisible());
}

void TestLookup::doubleEnterLooksUpOnce()
{
    const QString before = m_till->store().rowCounts();
    QSignalSpy submitted(window().lookupField(), &ui::LookupField::submitted);
    TillHarness::scan(m_ada.card);
    TillHarness::press(Qt::Key_Return);
    TillHarness::press(Qt::Key_Enter);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(window().currentMember()->id, m_ada.id);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!window().banner()->isVisible());
    QCOMPARE(m_till->store().rowCounts(), before);
}

void TestLookup::keysDeliveredLate_data()
{
    QTest::addColumn<bool>("scanner");
    QTest::addColumn<int>("gapMs");
    QTest::newRow("a person typing at 60 ms a key") << false << 60;
    QTest::newRow("a scanner's burst at 3 ms a key") << true << 3;
}

void TestLookup::keysDeliveredLate()
{
    // The till is busy (a sync pass after a sale) while the keys are pressed, and handles them all at once a second
    // later: what was typed stays typed, what was scanned stays scanned.
    QFETCH(bool, scanner);
    QFETCH(int, gapMs);
    const QString text = scanner ? m_ada.card : QStringLiteral("4155552672");
    const qint64 expected = scanner ? m_ada.id : m_ben.id;
    QSignalSpy submitted(window().lookupField(), &ui::LookupField::submitted);

    postStampedKeys(TillHarness::focused(), text, gapMs);
    QThread::msleep(1000);
    QTRY_COMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), text);
    QCOMPARE(submitted.at(0).at(1).toBool(), scanner);
    QVERIFY2(window().currentMember(), qPrintable(window().banner()->text()));
    QCOMPARE(window().currentMember()->id, expected);
}

void TestLookup::logNamesNobody()
{
    // What a till logs may be sent to whoever supports it: no phone, card, name or PIN, only ids and counts.
    LogCapture log;
    TillHarness::typeSlowly(QStringLiteral("4155552672"));
    TillHarness::press(Qt::Key_Return);
    QCOMPARE(window().currentMember()->id, m_ben.id);
    TillHarness::scan(m_ada.card);
    QCOMPARE(window().currentMember()->id, m_ada.id);
    TillHarness::press(Qt::Key_F12);
    QVERIFY(window().isLocked());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));

    const QString all = log.lines().join(u'\n');
    for (const char* area : {"loyaltytill.ui.till: ", "loyaltytill.ui.scanner: "})
        QVERIFY2(all.contains(QLatin1String(area)), qPrintable(all));
    for (const QString& secret :
         {QStringLiteral("5552672"), QStringLiteral("555-2672"), m_ada.card, m_ada.card.right(6), QStringLiteral("Ada"),
          QStringLiteral("Ben"), QStringLiteral("Ortiz"), QStringLiteral("Park"), QStringLiteral("2468")})
        QVERIFY2(!all.contains(secret), qPrintable(secret + u" is in the log:\n"_s + all));
}

QTEST_MAIN(TestLookup)
#include "tst_ui_lookup.moc"
