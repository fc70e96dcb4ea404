#include "ui/TillPrinting.h"

#include "core/common/Clock.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/SlipService.h"
#include "core/store/StoreSettings.h"
#include "core/wallet/WalletPassService.h"
#include "sync/keys/WalletKeyStore.h"
#include "ui/TillPreferences.h"
#include "ui/cards/CardPrinter.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/PrintingSettingsDialog.h"
#include "ui/dialogs/WalletDialog.h"
#include "ui/printing/PrintingLogging.h"
#include "ui/printing/SlipPrintQueue.h"
#include "ui/printing/SlipPrinterSetup.h"
#include "ui/widgets/StatusLabel.h"

#include <QPointer>
#include <QTimer>

namespace lt::ui {

namespace {
const QString SlipPrint = QStringLiteral("slip.print");
} // namespace

TillPrinting::TillPrinting(Database& db, LoyaltyEngine& engine, const Clock& clock, StaffDirectory& staff,
                           QWidget& window)
    : QObject(&window)
    , m_db(db)
    , m_engine(engine)
    , m_clock(clock)
    , m_staff(staff)
    , m_window(window)
    , m_status(new StatusLabel(StatusLabel::Tone::Error, StatusLabel::Weight::Normal, &window))
    , m_queue(new SlipPrintQueue(this))
    , m_keys(new WalletKeyStore(QStringLiteral("LoyaltyTill"), this))
{
    m_status->setObjectName(QStringLiteral("printStatus"));
    connect(m_queue, &SlipPrintQueue::started, this, [this] {
        say(tr("Printing the slip on %1…").arg(m_queue->setup() ? m_queue->setup()->printerName() : QString()), false);
    });
    connect(m_queue, &SlipPrintQueue::finished, this, &TillPrinting::printed);
}

TillPrinting::~TillPrinting() = default;

void TillPrinting::say(const QString& text, bool problem)
{
    m_status->setTone(problem ? StatusLabel::Tone::Error : StatusLabel::Tone::GoodNews);
    m_status->setText(text);
}

bool TillPrinting::prepareQueue()
{
    auto setup = SlipPrinterSetup::fromPreferences(TillPreferences(), QLocale());
    if (!setup) {
        m_queue->clearSetup(setup.error().message);
        return false;
    }
    m_queue->setSetup(*setup);
    return true;
}

void TillPrinting::recorded(LoyaltySlip::Kind kind, const PointsChange& change)
{
    QTimer::singleShot(0, this, [this, kind, change] { makeSlip(kind, change); });
}

void TillPrinting::makeSlip(LoyaltySlip::Kind kind, const PointsChange& change)
{
    const QString when = StoreSettings(m_db).value(SlipPrint);
    if (when == QLatin1String("off"))
        return;
    auto slip = SlipService(m_engine.context()).fromChange(kind, change);
    if (!slip) {
        // The operation stands; only its slip is missing. The reference reprints it from the admin tool.
        qCWarning(lcPrinting) << "slip not made:" << slip.error().message;
        say(tr("The slip could not be made: %1").arg(slip.error().message), true);
        return;
    }
    m_last = *slip;
    if (when == QLatin1String("automatic")) {
        prepareQueue();
        m_queue->print(*slip);
    } else {
        say(tr("Ctrl+P prints the member's slip."), false);
    }
}

void TillPrinting::printSlip()
{
    if (StoreSettings(m_db).value(SlipPrint) == QLatin1String("off")) {
        say(tr("This store prints no slips (Settings ▸ Printing and wallet)."), true);
        return;
    }
    prepareQueue();
    const QList<SlipPrintQueue::Job> failed = m_queue->failedJobs();
    if (!failed.isEmpty()) {
        // The newest first: it is the customer's at the counter; older ones follow on the next presses.
        m_queue->printAgain(failed.last().id);
        return;
    }
    if (!m_last) {
        say(tr("There is no slip to print yet: slips follow a sale, a redemption or a refund."), true);
        return;
    }
    m_queue->print(*m_last);
}

void TillPrinting::printed(qint64, const PrintOutcome& outcome)
{
    const qsizetype waiting = m_queue->failedJobs().size();
    if (!outcome.ok())
        say(tr("%1 Ctrl+P prints it again.").arg(outcome.message), true);
    else if (waiting > 0)
        say(tr("Slip printed. %n more did not print: Ctrl+P prints the next.", nullptr, int(waiting)), false);
    else
        say(tr("Slip printed."), false);
}

void TillPrinting::printCard(const Member& member)
{
    if (member.card.isEmpty()) {
        say(tr("The member has no card yet: give one at enrollment, or with loyaltytill-admin card."), true);
        return;
    }
    MemberCardFace face;
    face.storeName = StoreSettings(m_db).value(StoreSettings::StoreName);
    face.memberName = member.name;
    face.cardNumber = member.card;
    auto printer = CardPrinter::forSetting(TillPreferences().cardPrinter(), face, this);
    if (!printer) {
        say(printer.error().message, true);
        return;
    }
    CardPrinter* job = printer->release();
    connect(job, &PrinterTransport::finished, this, [this, job](const PrintOutcome& outcome) {
        say(outcome.ok() ? tr("The member's card was sent to %1.").arg(job->printerName()) : outcome.message,
            !outcome.ok());
        job->deleteLater();
    });
    say(tr("Printing the member's card on %1…").arg(job->printerName()), false);
    job->start();
}

void TillPrinting::showWallet(const Member& member)
{
    if (m_walletPending)
        return; // the keychain has not answered the last request yet
    m_walletPending = true;
    QPointer<TillPrinting> self(this);
    const qint64 memberId = member.id;
    const QString name = member.name.isEmpty() ? tr("Member %1").arg(member.id) : member.name;
    m_keys->load([self, memberId, name](const Result<WalletKeys>& keys) {
        if (!self)
            return;
        self->m_walletPending = false;
        // The till was locked, or the next customer came, while the keychain answered: her card is not shown.
        if (self->m_serving() != memberId)
            return;
        WalletPassService passes(self->m_engine.context());
        const QList<WalletStatus> wallets = passes.readiness(keys);
        bool any = false;
        for (const WalletStatus& wallet : wallets)
            any = any || wallet.configured;
        if (!any) {
            self->say(tr("This store offers no wallet pass: Settings ▸ Printing and wallet says why."), true);
            return;
        }
        auto content = passes.content(memberId);
        if (!content) {
            self->say(content.error().message, true);
            return;
        }
        QString link;
        for (const WalletStatus& wallet : wallets) {
            if (wallet.wallet == WalletKind::Google && wallet.ready) {
                auto made = passes.googleSaveLink(memberId, *keys);
                if (made)
                    link = *made;
                else
                    self->say(made.error().message, true);
            }
        }
        WalletDialog dialog(name, link, wallets, &self->m_window);
        QMetaObject::invokeMethod(self, &TillPrinting::walletShown, Qt::QueuedConnection);
        dialog.exec();
    });
}

void TillPrinting::openSettings()
{
    ManagerApprovalDialog approval(m_staff, QStringLiteral("settings.printing"), QStringLiteral("settings"),
                                   tr("Printing and wallet settings are for managers."), &m_window);
    if (approval.exec() != QDialog::Accepted)
        return;
    PrintingSettingsDialog dialog(m_db, m_clock, Actor::staff(approval.manager().id), &m_window);
    dialog.setWalletStatus(tr("Reading the wallet keys…"));
    QPointer<PrintingSettingsDialog> shown(&dialog);
    QPointer<TillPrinting> self(this);
    m_keys->load([self, shown](const Result<WalletKeys>& keys) {
        if (!self || !shown)
            return;
        QStringList lines;
        for (const WalletStatus& wallet : WalletPassService(self->m_engine.context()).readiness(keys)) {
            lines << (wallet.ready ? tr("%1: ready. %2").arg(wallet.name, wallet.summary)
                                   : tr("%1: not offered. %2").arg(wallet.name, wallet.reason));
        }
        lines << tr("IT stores the keys with loyaltytill-admin wallet keys; the README says what each wallet needs.");
        shown->setWalletStatus(lines.join(QLatin1Char('\n')));
    });
    connect(&dialog, &PrintingSettingsDialog::testSlipRequested, this, &TillPrinting::printTestSlip);
    dialog.exec();
}

void TillPrinting::printTestSlip(const QString& printer, int paperWidth, const QString& codePage)
{
    auto uri = PrinterUri::parse(printer);
    auto page = CodePage::fromName(codePage);
    if (!uri || !page) {
        say(uri ? page.error().message : uri.error().message, true);
        return;
    }
    SlipPrinterSetup setup;
    setup.printer = *uri;
    setup.paper = paperWidth == 58 ? PaperWidth::Mm58 : PaperWidth::Mm80;
    setup.codePage = page->id();
    setup.locale = QLocale();
    LoyaltySlip slip;
    slip.storeName = StoreSettings(m_db).value(StoreSettings::StoreName);
    slip.tillName = TillPreferences().tillName();
    slip.at = m_clock.nowUtc();
    slip.reference = tr("TEST");
    slip.member.firstName = tr("Test");
    slip.footer = StoreSettings(m_db).value(QStringLiteral("slip.footer"));
    // A queue of its own: the test does not wait behind, or change the printer of, the members' slips.
    auto* test = new SlipPrintQueue(this);
    test->setSetup(setup);
    connect(test, &SlipPrintQueue::finished, this, [this, test](qint64, const PrintOutcome& outcome) {
        say(outcome.ok() ? tr("Test slip printed.") : outcome.message, !outcome.ok());
        test->deleteLater();
    });
    test->print(slip);
}

} // namespace lt::ui
