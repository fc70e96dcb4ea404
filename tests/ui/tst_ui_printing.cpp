// Printing at the till: the manager's settings for slips, cards and wallet passes.
#include "core/store/AuditLog.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/TillPreferences.h"
#include "ui/TillWindow.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/PrintingSettingsDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace lt;
using namespace lt::test;
using lt::ui::ManagerApprovalDialog;
using lt::ui::PrintingSettingsDialog;

class TestPrinting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void managerSetsThePrinters();
    void refusedAddressChangesNothing();
    void cashierCannotOpenTheSettings();

private:
    // Settings ▸ Printing and wallet, a PIN, then `action` in the dialog; false when the dialog never opened.
    bool inSettings(qint64 staffId, const QString& pin, const std::function<void(PrintingSettingsDialog*)>& action);
    static void retype(QWidget* field, const QString& text);

    QTemporaryDir m_config;
    std::unique_ptr<TillHarness> m_till;
    TillHarness::Regulars m_people;
};

void TestPrinting::initTestCase()
{
    // The till's own settings are the user's: this test's go to a folder of its own, under a name of its own.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("LoyaltyTillTests"));
}

void TestPrinting::init()
{
    m_till = std::make_unique<TillHarness>();
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_people = *regulars;
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_people.cashier.id, QStringLiteral("2468")));
}

void TestPrinting::cleanup()
{
    m_till.reset();
    QFile::remove(ui::TillPreferences().fileName()); // each case starts from the defaults
}

bool TestPrinting::inSettings(qint64 staffId, const QString& pin,
                              const std::function<void(PrintingSettingsDialog*)>& action)
{
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog* approval) {
        TillHarness::type(QString::number(staffId));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(pin);
        TillHarness::press(Qt::Key_Return);
        if (approval->isVisible()) // refused: the PIN form says why and stays; the cashier gives up
            TillHarness::press(Qt::Key_Escape);
    });
    auto opened = whenModal<PrintingSettingsDialog>([&](PrintingSettingsDialog* dialog) {
        action(dialog);
        if (dialog->isVisible())
            TillHarness::press(Qt::Key_Escape);
    });
    QAction* open = nullptr;
    for (QAction* menu : m_till->window().menuBar()->actions()) {
        for (QAction* item : menu->menu()->actions()) {
            if (item->text().contains(QStringLiteral("Printing and wallet")))
                open = item;
        }
    }
    if (!open)
        return false;
    open->trigger();
    return *approved && *opened;
}

void TestPrinting::retype(QWidget* field, const QString& text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Backspace);
    TillHarness::type(text);
}

void TestPrinting::managerSetsThePrinters()
{
    const bool opened = inSettings(m_people.manager.id, QStringLiteral("1357"), [&](PrintingSettingsDialog* dialog) {
        retype(dialog->field(QStringLiteral("slip.printer")), QStringLiteral("TCP://127.0.0.1:9100"));
        auto* paper = qobject_cast<QComboBox*>(dialog->field(QStringLiteral("slip.paper_width")));
        QVERIFY(paper);
        paper->setFocus();
        QTest::keyClick(paper, Qt::Key_Down); // 80 mm → 58 mm
        auto* mode = qobject_cast<QComboBox*>(dialog->field(QStringLiteral("slip.print")));
        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_Down); // off → automatic
        retype(dialog->field(QStringLiteral("slip.footer")), QStringLiteral("Gracias por su visita · example.com"));
        retype(dialog->field(QStringLiteral("cards.printer")), QStringLiteral("cups:CardPrinter"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->fieldError(QStringLiteral("slip.printer"))));
    });
    QVERIFY(opened);
    const ui::TillPreferences preferences;
    QCOMPARE(preferences.slipPrinter(), QStringLiteral("tcp://127.0.0.1:9100")); // kept in its canonical form
    QCOMPARE(preferences.slipPaperWidth(), 58);
    QCOMPARE(preferences.cardPrinter(), QStringLiteral("cups:CardPrinter"));
    StoreSettings store(m_till->store().db());
    QCOMPARE(store.value(QStringLiteral("slip.print")), QStringLiteral("automatic"));
    QCOMPARE(store.value(QStringLiteral("slip.footer")), QStringLiteral("Gracias por su visita · example.com"));
    // The store's settings were changed by the manager, each audited.
    auto audit = AuditLog(m_till->store().db(), m_till->store().clock()).recent(10);
    LT_VERIFY_OK(audit);
    QStringList changed;
    for (const AuditEntry& entry : *audit) {
        if (entry.action == QLatin1String("settings.set")) {
            QCOMPARE(entry.actor, QStringLiteral("staff:%1").arg(m_people.manager.id));
            changed << entry.subject;
        }
    }
    changed.sort();
    QCOMPARE(changed, (QStringList {QStringLiteral("slip.footer"), QStringLiteral("slip.print")}));
}

void TestPrinting::refusedAddressChangesNothing()
{
    const bool opened = inSettings(m_people.manager.id, QStringLiteral("1357"), [&](PrintingSettingsDialog* dialog) {
        auto* mode = qobject_cast<QComboBox*>(dialog->field(QStringLiteral("slip.print")));
        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_Down);
        retype(dialog->field(QStringLiteral("slip.printer")), QStringLiteral("lpt1'; DROP TABLE members;--"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible()); // the manager reads why and corrects it
        QVERIFY(!dialog->fieldError(QStringLiteral("slip.printer")).isEmpty());
        QVERIFY(dialog->fieldError(QStringLiteral("slip.print")).isEmpty());
        TillHarness::press(Qt::Key_Escape);
    });
    QVERIFY(opened);
    QCOMPARE(ui::TillPreferences().slipPrinter(), QString());
    // The valid change beside the refused one was not written either.
    QCOMPARE(StoreSettings(m_till->store().db()).value(QStringLiteral("slip.print")), QStringLiteral("off"));
}

void TestPrinting::cashierCannotOpenTheSettings()
{
    const bool opened = inSettings(m_people.cashier.id, QStringLiteral("2468"), [](PrintingSettingsDialog*) {});
    QVERIFY(!opened);
}

QTEST_MAIN(TestPrinting)
#include "tst_ui_printing.moc"
