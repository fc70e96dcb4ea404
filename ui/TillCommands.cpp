#include "ui/TillCommands.h"

#include "core/exchange/DemoDataGenerator.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/MarketingConsent.h"
#include "core/store/StoreSettings.h"
#include "ui/Appearance.h"
#include "ui/TillPreferences.h"
#include "ui/TillPrinting.h"
#include "ui/TillWindow.h"
#include "ui/dialogs/ConsentDialog.h"
#include "ui/widgets/MessageBanner.h"

#include <QApplication>
#include <QGridLayout>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>

#include <functional>

namespace lt::ui {

QGridLayout* TillCommands::actionKeys(TillWindow& window, QWidget* page, QList<QPushButton*>& needsMember)
{
    auto* actions = new QGridLayout;
    TillWindow* till = &window;
    const struct
    {
        QString label;
        QKeySequence key;
        std::function<void()> run;
        bool needsMember;
    } buttons[] = {
        {TillWindow::tr("Sale"), Qt::Key_F2, [till] { till->startSale(); }, true},
        {TillWindow::tr("Redeem"), Qt::Key_F3, [till] { till->startRedemption(); }, true},
        {TillWindow::tr("Refund"), Qt::Key_F4, [till] { till->startRefund(); }, false},
        {TillWindow::tr("Enroll"), Qt::Key_F5, [till] { till->startEnrollment(); }, false},
        {TillWindow::tr("Void last sale"), Qt::Key_F6, [till] { till->voidLastSale(); }, false},
        {TillWindow::tr("Adjust points"), Qt::Key_F7, [till] { till->startAdjustment(); }, true},
        {TillWindow::tr("Apply offer"), Qt::Key_F11, [till] { till->applyOffer(); }, true},
        {TillWindow::tr("Next customer"), Qt::Key_Escape, [till] { till->finishCustomer(); }, false},
        {TillWindow::tr("Lock"), Qt::Key_F12, [till] { till->lock(); }, false},
        {TillWindow::tr("Help"), Qt::Key_F1, [till] { till->showHelp(); }, false},
    };
    int i = 0;
    for (const auto& b : buttons) {
        auto* button =
            new QPushButton(QStringLiteral("%1\n%2").arg(b.label, b.key.toString(QKeySequence::NativeText)), page);
        button->setMinimumSize(150, 64); // touch-sized, readable at arm's length
        button->setFocusPolicy(Qt::NoFocus);
        button->setAccessibleName(b.label);
        const std::function<void()> run = b.run;
        QObject::connect(button, &QPushButton::clicked, till, run);
        auto* shortcut = new QShortcut(b.key, page);
        shortcut->setContext(Qt::WindowShortcut);
        QObject::connect(shortcut, &QShortcut::activated, till, [till, run] {
            if (!till->isLocked())
                run();
        });
        if (b.needsMember)
            needsMember << button;
        actions->addWidget(button, i / 3, i % 3);
        ++i;
    }
    return actions;
}

void TillCommands::buildMenus(TillWindow& window)
{
    TillWindow* till = &window;
    QMenuBar* bar = window.menuBar();
    QMenu* menu = bar->addMenu(TillWindow::tr("&Till"));
    menu->addAction(TillWindow::tr("&Lock"), till, &TillWindow::lock);
    // The member's slip, card and wallet pass: keys, not buttons, as they are asked for less often than a sale.
    QAction* slip = menu->addAction(TillWindow::tr("&Print the slip"), till, [till] {
        if (!till->isLocked())
            till->printing()->printSlip();
    });
    slip->setShortcut(Qt::CTRL | Qt::Key_P);
    QAction* wallet = menu->addAction(TillWindow::tr("&Wallet pass for the member"), till, [till] {
        if (till->isLocked())
            return;
        if (!till->currentMember())
            return till->banner()->show(MessageBanner::Kind::Error, TillWindow::tr("Find the member first."));
        till->printing()->showWallet(*till->currentMember());
    });
    wallet->setShortcut(Qt::CTRL | Qt::Key_W);
    QAction* card = menu->addAction(TillWindow::tr("Print the member's &card"), till, [till] {
        if (till->isLocked())
            return;
        if (!till->currentMember())
            return till->banner()->show(MessageBanner::Kind::Error, TillWindow::tr("Find the member first."));
        till->printing()->printCard(*till->currentMember());
    });
    card->setShortcut(Qt::CTRL | Qt::Key_K);
    QAction* consent = menu->addAction(TillWindow::tr("The member's &marketing consent…"), till, [till] {
        if (!till->isLocked())
            changeConsent(*till);
    });
    consent->setShortcut(Qt::CTRL | Qt::Key_M);
    window.addActions({slip, wallet, card, consent});
    menu->addAction(TillWindow::tr("Add &demo members for training"), till, &TillWindow::addDemoMembers);
    menu->addAction(TillWindow::tr("&Quit"), qApp, &QApplication::quit);
    QMenu* sync = bar->addMenu(TillWindow::tr("S&ync"));
    const auto unlocked = [till](void (TillWindow::*run)()) {
        return [till, run] {
            if (!till->isLocked())
                (till->*run)();
        };
    };
    QAction* now = sync->addAction(TillWindow::tr("Sync &now"), till, unlocked(&TillWindow::syncNow));
    now->setShortcut(Qt::Key_F9);
    QAction* conflicts = sync->addAction(TillWindow::tr("&Conflicts…"), till, unlocked(&TillWindow::openConflicts));
    conflicts->setShortcut(Qt::Key_F8);
    window.addActions({now, conflicts}); // the keys work while the menu is closed
    QMenu* reports = bar->addMenu(TillWindow::tr("&Reports"));
    QAction* figures =
        reports->addAction(TillWindow::tr("&Key figures and charts…"), till, unlocked(&TillWindow::openReports));
    figures->setShortcut(Qt::Key_F10);
    window.addAction(figures);
    QMenu* settings = bar->addMenu(TillWindow::tr("&Settings"));
    settings->setToolTipsVisible(true);
    // A preference IT locked is shown, greyed, with where it was locked: the cashier sees why it cannot change.
    const auto lockIfSet = [](QMenu* preference, const QString& key) {
        if (const std::optional<QString> place = TillPreferences().lockedAt(key)) {
            preference->setEnabled(false);
            preference->setTitle(TillWindow::tr("%1 (set by IT)").arg(preference->title()));
            preference->menuAction()->setToolTip(TillWindow::tr("Locked in %1").arg(*place));
        }
    };
    QMenu* language = settings->addMenu(TillWindow::tr("&Language"));
    const QList<QPair<QString, QString>> languages = {{QStringLiteral("system"), TillWindow::tr("As the system")},
                                                      {QStringLiteral("en"), QStringLiteral("English")},
                                                      {QStringLiteral("es"), QStringLiteral("Español")}};
    for (const auto& [code, name] : languages) {
        language->addAction(name, till, [till, code = code] {
            if (auto set = TillPreferences().setLanguage(code); !set)
                till->banner()->show(MessageBanner::Kind::Error, set.error().message);
            else
                till->banner()->show(MessageBanner::Kind::Information,
                                     TillWindow::tr("The language changes when LoyaltyTill starts again."));
        });
    }
    lockIfSet(language, QStringLiteral("till.language"));
    QMenu* appearance = settings->addMenu(TillWindow::tr("&Appearance"));
    for (const QString& palette : {QStringLiteral("light"), QStringLiteral("dark")}) {
        appearance->addAction(palette == QLatin1String("light") ? TillWindow::tr("&Light") : TillWindow::tr("&Dark"),
                              till, [till, palette] {
                                  if (auto set = TillPreferences().setPalette(palette); !set)
                                      till->banner()->show(MessageBanner::Kind::Error, set.error().message);
                                  else
                                      Appearance::apply(*qApp, palette);
                              });
    }
    lockIfSet(appearance, QStringLiteral("till.palette"));
    settings->addAction(TillWindow::tr("&Printing and wallet…"), till, [till] {
        if (!till->isLocked())
            till->printing()->openSettings();
    });
    QMenu* help = bar->addMenu(TillWindow::tr("&Help"));
    help->addAction(TillWindow::tr("&Keys"), till, &TillWindow::showHelp);
}

void TillCommands::changeConsent(TillWindow& till)
{
    if (!till.m_member)
        return till.m_banner->show(MessageBanner::Kind::Error, TillWindow::tr("Find the member first."));
    auto member = till.m_engine.members().byId(till.m_member->id);
    if (!member)
        return till.m_banner->show(MessageBanner::Kind::Error, member.error().message);
    if (member->erased)
        return till.m_banner->show(
            MessageBanner::Kind::Error,
            TillWindow::tr("Member %1 has left the program; their data was erased.").arg(member->id));
    StoreSettings settings(till.m_db);
    ConsentDialog dialog(*member, settings.value(StoreSettings::ConsentText), &till);
    if (dialog.exec() != QDialog::Accepted || dialog.choice() == ConsentDialog::Choice::None)
        return till.returnFocus();
    MarketingConsent consents(till.m_engine.context());
    const Actor actor = PointsActions::actorFor(till.m_staff);
    auto changed = dialog.choice() == ConsentDialog::Choice::Withdraw
        ? consents.withdraw(member->id, actor)
        : consents.give(member->id, settings.value(StoreSettings::ConsentVersion), actor);
    if (!changed) {
        till.m_banner->show(MessageBanner::Kind::Error, changed.error().message);
    } else {
        const QString at = QLocale().toString(changed->at.toLocalTime(), QLocale::ShortFormat);
        till.m_banner->show(MessageBanner::Kind::Success,
                            changed->consent ? TillWindow::tr("Marketing consent recorded at %1.").arg(at)
                                             : TillWindow::tr("Marketing consent withdrawn at %1: no offers from now "
                                                              "on.")
                                                   .arg(at));
        till.renderMember(member->id);
        if (!changed->consent)
            till.offerUsed(member->id); // the targeted offer on the panel goes; the insight is read again without it
    }
    till.returnFocus();
}

void TillCommands::addDemoMembers(TillWindow& till)
{
    if (till.isLocked())
        return;
    GenerateOptions options;
    options.members = 200;
    options.sales = 2000;
    auto generated = DemoDataGenerator(till.m_engine.context()).generate(options);
    if (!generated)
        till.m_banner->show(MessageBanner::Kind::Error, generated.error().message);
    else
        till.m_banner->show(MessageBanner::Kind::Success,
                            TillWindow::tr("Added %1 demo members with %2 sales for training. Try a "
                                           "phone number such as (201) 555-0000 or the card 2900000000018.")
                                .arg(generated->members)
                                .arg(generated->sales));
    till.refreshStatus();
    till.returnFocus();
}

} // namespace lt::ui
