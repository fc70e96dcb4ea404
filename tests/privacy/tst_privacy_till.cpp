// Privacy at the till through the real window and keys: Ctrl+M opens the member's marketing consent, the letter its
// withdraw button marks (W in English, R in Spanish) withdraws it (recorded with its time, for the cashier signed in,
// and shown on the panel), Esc changes nothing; a member whose data was erased shows as "Erased member", and F2, F3
// and Ctrl+M say at once that nothing can be done for them.
#include "core/services/MemberErasure.h"
#include "tests/core/TsTranslator.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/SqlScript.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/ConsentDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"

#include <QDir>
#include <QKeySequence>
#include <QScopeGuard>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::ConsentDialog;

class TestPrivacyTill : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void consentIsWithdrawnByKeys();
    void spanishTillTakesTheLettersItShows();
    void escapeChangesNothing();
    void erasedMemberShowsAsErasedAndTakesNothing();

private:
    ui::TillWindow& window() { return m_till->window(); }
    // The letter a button's text marks with &, as the cashier sees it underlined.
    static Qt::Key letterOf(const QString& buttonText) { return QKeySequence::mnemonic(buttonText)[0].key(); }

    std::unique_ptr<TillHarness> m_till;
    TillHarness::Regulars m_regulars;
};

void TestPrivacyTill::init()
{
    m_till = std::make_unique<TillHarness>();
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_regulars = *regulars;
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_regulars.cashier.id, QStringLiteral("2468")));
    TillHarness::scan(m_regulars.member.card);
    QVERIFY(window().currentMember());
}

void TestPrivacyTill::cleanup()
{
    m_till->closeWindow();
    m_till.reset();
}

void TestPrivacyTill::consentIsWithdrawnByKeys()
{
    QString standing;
    auto asked = whenModal<ConsentDialog>([&](ConsentDialog* dialog) {
        standing = dialog->standingText();
        QCOMPARE(dialog->buttonText(ConsentDialog::Choice::Withdraw), QStringLiteral("&Withdraw consent"));
        TillHarness::press(letterOf(dialog->buttonText(ConsentDialog::Choice::Withdraw)));
    });
    TillHarness::press(Qt::Key_M, Qt::ControlModifier);
    QTRY_VERIFY(*asked);
    QVERIFY2(standing.contains(QStringLiteral("never asked")), qPrintable(standing));
    const qint64 ada = m_regulars.member.id;
    QCOMPARE(m_till->store().number("SELECT count(*) FROM members WHERE id = ? AND consent = 0 AND consent_at IS NOT "
                                    "NULL",
                                    {ada}),
             1);
    QCOMPARE(m_till->store().number("SELECT count(*) FROM audit_log WHERE action = 'member.consent.withdraw' AND "
                                    "actor = ?",
                                    {QStringLiteral("staff:%1").arg(m_regulars.cashier.id)}),
             1);
    QVERIFY2(window().banner()->text().contains(QStringLiteral("withdrawn")), qPrintable(window().banner()->text()));
    QVERIFY2(window().memberPanel()->detailsText().contains(QStringLiteral("no marketing")),
             qPrintable(window().memberPanel()->detailsText()));
    // The focus is back on the lookup line: the next customer is scanned at once.
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window().lookupField()));
}

// Under Spanish the buttons mark other letters (&Retirar, &acepta): the dialog takes those, and the English W no more.
void TestPrivacyTill::spanishTillTakesTheLettersItShows()
{
    TsTranslator spanish;
    QVERIFY(
        spanish.load(QDir::cleanPath(fixturePath(QStringLiteral("../../resources/translations/loyaltytill_es.ts")))));
    QVERIFY(QCoreApplication::installTranslator(&spanish));
    const auto removeTranslator = qScopeGuard([&spanish] { QCoreApplication::removeTranslator(&spanish); });
    const qint64 ada = m_regulars.member.id;
    const char* const withdrawn =
        "SELECT count(*) FROM members WHERE id = ? AND consent = 0 AND consent_at IS NOT NULL";
    bool stayedOpen = false;
    auto withdraw = whenModal<ConsentDialog>([&](ConsentDialog* dialog) {
        const QString text = dialog->buttonText(ConsentDialog::Choice::Withdraw);
        QCOMPARE(text, QStringLiteral("&Retirar el consentimiento"));
        TillHarness::press(Qt::Key_W); // the English letter: not this dialog's
        stayedOpen = dialog->isVisible() && dialog->choice() == ConsentDialog::Choice::None;
        TillHarness::press(letterOf(text));
    });
    TillHarness::press(Qt::Key_M, Qt::ControlModifier);
    QTRY_VERIFY(*withdraw);
    QVERIFY(stayedOpen);
    QCOMPARE(m_till->store().number(withdrawn, {ada}), 1);
    // The customer agrees after all: the letter of "El cliente &acepta".
    auto give = whenModal<ConsentDialog>([&](ConsentDialog* dialog) {
        const QString text = dialog->buttonText(ConsentDialog::Choice::Give);
        QCOMPARE(text, QStringLiteral("El cliente &acepta"));
        TillHarness::press(letterOf(text));
    });
    TillHarness::press(Qt::Key_M, Qt::ControlModifier);
    QTRY_VERIFY(*give);
    QCOMPARE(m_till->store().number("SELECT count(*) FROM members WHERE id = ? AND consent = 1", {ada}), 1);
}

void TestPrivacyTill::escapeChangesNothing()
{
    const QString counts = m_till->store().rowCounts();
    const qint64 audit = m_till->store().number("SELECT count(*) FROM audit_log");
    auto asked = whenModal<ConsentDialog>([](ConsentDialog*) { TillHarness::press(Qt::Key_Escape); });
    TillHarness::press(Qt::Key_M, Qt::ControlModifier);
    QTRY_VERIFY(*asked);
    QCOMPARE(m_till->store().rowCounts(), counts);
    QCOMPARE(m_till->store().number("SELECT count(*) FROM audit_log"), audit);
    QCOMPARE(m_till->store().number("SELECT count(*) FROM members WHERE consent_at IS NOT NULL"), 0);
}

void TestPrivacyTill::erasedMemberShowsAsErasedAndTakesNothing()
{
    const qint64 ada = m_regulars.member.id;
    LT_VERIFY_OK(MemberErasure(m_till->store().engine().context())
                     .erase(ada, QStringLiteral("Maria Lopez"), Actor::named(QStringLiteral("admin-cli:it"))));
    window().refreshMember();
    QCOMPARE(window().memberPanel()->displayName(), QStringLiteral("Erased member"));
    QVERIFY(window().memberPanel()->detailsText().contains(QStringLiteral("left the program")));
    const QString counts = m_till->store().rowCounts();
    for (const auto& [key, modifiers] :
         {std::pair {Qt::Key_F2, Qt::KeyboardModifiers()}, std::pair {Qt::Key_F3, Qt::KeyboardModifiers()},
          std::pair {Qt::Key_M, Qt::KeyboardModifiers(Qt::ControlModifier)}}) {
        window().banner()->clear();
        TillHarness::press(key, modifiers);
        QVERIFY(!QApplication::activeModalWidget()); // no dialog: said at once
        QVERIFY2(window().banner()->text().contains(QStringLiteral("left the program")),
                 qPrintable(window().banner()->text()));
    }
    QCOMPARE(m_till->store().rowCounts(), counts);
    // Scanning the card again finds nobody: it opens the enrollment of a new member, which is cancelled.
    auto enrollment = whenModal<QDialog>([](QDialog*) { TillHarness::press(Qt::Key_Escape); });
    TillHarness::scan(m_regulars.member.card);
    QTRY_VERIFY(*enrollment);
    QCOMPARE(m_till->store().rowCounts(), counts);
}

QTEST_MAIN(TestPrivacyTill)
#include "tst_privacy_till.moc"
