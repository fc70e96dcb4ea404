// Printing at the till: slips after a sale to a fake network printer, a printer that fails and Ctrl+P, the wallet
// pass's QR code read by a real barcode reader, and the manager's settings for all of it.
#include "core/store/AuditLog.h"
#include "core/store/StoreSettings.h"
#include "sync/keys/WalletKeyStore.h"
#include "tests/cards/BarcodeReader.h"
#include "tests/printing/FakeThermalPrinter.h"
#include "tests/receipts/EscPosDecoder.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "tests/wallet/WalletTestKeys.h"
#include "ui/TillPreferences.h"
#include "ui/TillPrinting.h"
#include "ui/TillWindow.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/PrintingSettingsDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/dialogs/WalletDialog.h"
#include "ui/printing/SlipPrintQueue.h"
#include "ui/widgets/BarcodeView.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/StatusLabel.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace lt;
using namespace lt::test;
using lt::test::EscPosDecoder;
using lt::test::EscPosEvent;
using lt::test::FakeThermalPrinter;
using lt::test::WalletTestKeys;
using lt::ui::ManagerApprovalDialog;
using lt::ui::PrintingSettingsDialog;
namespace BarcodeReader = lt::test::BarcodeReader;

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
    void slipPrintsAfterTheSale();
    void printerOffKeepsTheSaleAndCtrlPPrintsAgain();
    void onKeySlipWaitsForCtrlP();
    void walletQrCodeOpensTheSaveLink();
    void noWalletSaysWhy();
    void memberCardPrintsOnTheCardPrinter();
    void walletAnswerAfterLockIsDropped();

private:
    // Settings ▸ Printing and wallet, a PIN, then `action` in the dialog; false when the dialog never opened.
    bool inSettings(qint64 staffId, const QString& pin, const std::function<void(PrintingSettingsDialog*)>& action);
    static void retype(QWidget* field, const QString& text);
    void sell(const QString& reference, const QString& total);
    QString printStatus() { return m_till->window().printing()->statusLine()->text(); }
    void useSlips(const QString& when, const QString& printer);

    QTemporaryDir m_config;
    QTemporaryDir m_scratch;
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

void TestPrinting::useSlips(const QString& when, const QString& printer)
{
    LT_VERIFY_OK(StoreSettings(m_till->store().db()).set(QStringLiteral("slip.print"), when));
    LT_VERIFY_OK(ui::TillPreferences().set(QStringLiteral("slip.printer"), printer));
}

void TestPrinting::sell(const QString& reference, const QString& total)
{
    TillHarness::scan(m_people.member.card);
    QVERIFY(m_till->window().currentMember());
    auto ran = whenModal<ui::SaleDialog>([&](ui::SaleDialog*) {
        TillHarness::type(reference);
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(total);
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
}

void TestPrinting::slipPrintsAfterTheSale()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    useSlips(QStringLiteral("automatic"), printer.uri());
    sell(QStringLiteral("R-100"), QStringLiteral("42.00"));
    QCOMPARE(m_till->store().balance(m_people.member.id), qint64(42)); // recorded before anything printed
    QTRY_COMPARE_WITH_TIMEOUT(printStatus(), QStringLiteral("Slip printed."), 10000);
    const QList<EscPosEvent> events = EscPosDecoder::decode(printer.lastPrinted());
    const QString text = EscPosDecoder::lines(events).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("R-100")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("42")), qPrintable(text));
    // The member is masked: first name and the phone's last four digits, never the number.
    QVERIFY2(text.contains(QStringLiteral("Ada")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("555")), qPrintable(text));
    const QList<EscPosEvent> barcodes = EscPosDecoder::ofType(events, EscPosEvent::Type::Barcode);
    QCOMPARE(barcodes.size(), 1);
    QCOMPARE(QString::fromLatin1(barcodes.first().data), m_people.member.card.left(12));
    QCOMPARE(EscPosDecoder::ofType(events, EscPosEvent::Type::Cut).size(), 1);
}

void TestPrinting::printerOffKeepsTheSaleAndCtrlPPrintsAgain()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(FakeThermalPrinter::Mode::Refusing));
    useSlips(QStringLiteral("automatic"), printer.uri());
    sell(QStringLiteral("R-200"), QStringLiteral("10.00"));
    QCOMPARE(m_till->store().balance(m_people.member.id), qint64(10));
    QTRY_VERIFY_WITH_TIMEOUT(printStatus().contains(QStringLiteral("Ctrl+P prints it again")), 10000);
    QCOMPARE(m_till->window().printing()->statusLine()->tone(), ui::StatusLabel::Tone::Error);
    QCOMPARE(m_till->window().printing()->queue()->failedJobs().size(), 1);
    // The cashier carries on: the lookup line has the focus, and the next member can be scanned.
    QCOMPARE(TillHarness::focused(), static_cast<QWidget*>(m_till->window().lookupField()));
    // The printer is back (switched on, its port listening): Ctrl+P prints the kept slip.
    printer.setMode(FakeThermalPrinter::Mode::Ready);
    TillHarness::press(Qt::Key_P, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(printStatus(), QStringLiteral("Slip printed."), 10000);
    QVERIFY(m_till->window().printing()->queue()->failedJobs().isEmpty());
    QVERIFY(EscPosDecoder::lines(EscPosDecoder::decode(printer.lastPrinted()))
                .join(QLatin1Char(' '))
                .contains(QStringLiteral("R-200")));
    QCOMPARE(m_till->store().balance(m_people.member.id), qint64(10)); // printing twice counts nothing twice
}

void TestPrinting::onKeySlipWaitsForCtrlP()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    useSlips(QStringLiteral("on-key"), printer.uri());
    sell(QStringLiteral("R-300"), QStringLiteral("5.00"));
    QTRY_COMPARE(printStatus(), QStringLiteral("Ctrl+P prints the member's slip."));
    QTest::qWait(200);
    QCOMPARE(printer.connectionCount(), 0);
    TillHarness::press(Qt::Key_P, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(printStatus(), QStringLiteral("Slip printed."), 10000);
    QVERIFY(EscPosDecoder::lines(EscPosDecoder::decode(printer.lastPrinted()))
                .join(QLatin1Char(' '))
                .contains(QStringLiteral("R-300")));
}

void TestPrinting::walletQrCodeOpensTheSaveLink()
{
    WalletTestKeys keys;
    QVERIFY2(keys.problem().isEmpty(), qPrintable(keys.problem()));
    LT_VERIFY_OK(WalletKeyStore().storeNow(keys.keys()));
    StoreSettings settings(m_till->store().db());
    LT_VERIFY_OK(settings.set(QStringLiteral("wallet.google.issuer_id"), WalletTestKeys::IssuerId));
    TillHarness::scan(m_people.member.card);
    QVERIFY(m_till->window().currentMember());
    QString link;
    QString decoded;
    QSignalSpy shown(m_till->window().printing(), &ui::TillPrinting::walletShown);
    auto ran = whenModal<ui::WalletDialog>(
        [&](ui::WalletDialog* dialog) {
            link = dialog->googleLink();
            QVERIFY(dialog->qrCode());
            const QString png = m_scratch.filePath(QStringLiteral("wallet-qr.png"));
            QVERIFY(dialog->qrCode()->grab().save(png));
            const QStringList symbols = BarcodeReader::decode(png);
            decoded = symbols.value(0);
            const QString folder = qEnvironmentVariable("LOYALTYTILL_SCREENSHOTS");
            if (!folder.isEmpty())
                QVERIFY(dialog->grab().save(folder + QStringLiteral("/till-wallet-qr.png")));
            TillHarness::press(Qt::Key_Escape);
        },
        20000);
    TillHarness::press(Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(*ran, 20000);
    QVERIFY2(link.startsWith(QStringLiteral("https://pay.google.com/gp/v/save/")), qPrintable(link));
    QCOMPARE(decoded, QStringLiteral("QR-Code:") + link); // what the phone's camera reads is the signed link
    LT_VERIFY_OK(WalletKeyStore().removeNow(WalletKeyStore::allEntries()));
}

void TestPrinting::noWalletSaysWhy()
{
    TillHarness::scan(m_people.member.card);
    QVERIFY(m_till->window().currentMember());
    TillHarness::press(Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(printStatus().contains(QStringLiteral("offers no wallet pass")), 10000);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestPrinting::memberCardPrintsOnTheCardPrinter()
{
    const QString pdf = m_scratch.filePath(QStringLiteral("card.pdf"));
    LT_VERIFY_OK(ui::TillPreferences().set(QStringLiteral("cards.printer"), QStringLiteral("pdf:") + pdf));
    TillHarness::scan(m_people.member.card);
    QVERIFY(m_till->window().currentMember());
    TillHarness::press(Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(printStatus().startsWith(QStringLiteral("The member's card was sent")), 15000);
    // The card scans: the PDF at a card printer's 300 dpi, read by a real barcode reader.
    const QStringList pages = BarcodeReader::rasterize(pdf, 300, m_scratch.filePath(QStringLiteral("card")));
    QCOMPARE(pages.size(), 1);
    QCOMPARE(BarcodeReader::decode(pages.first()), QStringList {QStringLiteral("EAN-13:") + m_people.member.card});
    // A receipt printer cannot print a card: the manager is told, nothing is sent.
    LT_VERIFY_OK(ui::TillPreferences().set(QStringLiteral("cards.printer"), QStringLiteral("tcp://127.0.0.1:9")));
    TillHarness::press(Qt::Key_K, Qt::ControlModifier);
    QVERIFY2(printStatus().contains(QStringLiteral("receipt printer")), qPrintable(printStatus()));
    QCOMPARE(m_till->window().printing()->statusLine()->tone(), ui::StatusLabel::Tone::Error);
}

void TestPrinting::walletAnswerAfterLockIsDropped()
{
    TillHarness::scan(m_people.member.card);
    QVERIFY(m_till->window().currentMember());
    // The keychain answers from the event loop: the till is locked before it does.
    TillHarness::press(Qt::Key_W, Qt::ControlModifier);
    TillHarness::press(Qt::Key_F12);
    QVERIFY(m_till->window().isLocked());
    QTest::qWait(1500);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY2(printStatus().isEmpty(), qPrintable(printStatus())); // nothing about her shown on the locked till
}

QTEST_MAIN(TestPrinting)
#include "tst_ui_printing.moc"
