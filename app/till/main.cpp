#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/common/ProcessHardening.h"
#include "core/logging/ProcessLog.h"
#include "core/services/AutomationRunner.h"
#include "core/services/BackupRunner.h"
#include "core/services/LoyaltyEngine.h"
#include "core/settings/SystemConfig.h"
#include "core/store/BackgroundStoreCheck.h"
#include "core/store/Database.h"
#include "core/store/WalCheckpointer.h"
#include "sync/SyncScheduler.h"
#include "sync/square/CredentialStore.h"
#include "ui/Appearance.h"
#include "ui/KioskMode.h"
#include "ui/StoreRecovery.h"
#include "ui/TillPreferences.h"
#include "ui/TillWindow.h"
#include "ui/Translations.h"
#include "ui/input/FocusKeeper.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWindow>

#include <optional>

int main(int argc, char* argv[])
{
    QElapsedTimer started;
    started.start();
    // Before any thread or file: no core dump with the Square token or members' data, and files the user's alone.
    lt::ProcessHardening::apply();
    QApplication app(argc, argv);
    lt::setApplicationIdentity();
    // The desktop entry and the icon the package installs: Wayland and the docks match the window to them.
    QGuiApplication::setDesktopFileName(QStringLiteral("loyaltytill"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("loyaltytill")));
    lt::SystemConfig::installForProcess(); // IT's presets and locks, before any setting is read
    lt::ProcessLog::start(lt::ProcessLog::Program::Till); // to the journal, at log.level
    lt::SystemConfig::logProblems(); // IT's configuration problems, where the log goes
    const lt::ui::TillPreferences preferences;
    lt::ui::Translations::install(app, preferences.language());
    lt::ui::Appearance::apply(app, preferences.palette());
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LoyaltyTill: the loyalty program at the till."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("database"), QStringLiteral("The store's database file."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("kiosk"),
                      QStringLiteral("Full screen, and only a manager's PIN closes the till (loyaltytill-kiosk.service "
                                     "runs it so under Cage).")});
    parser.addOption({QStringLiteral("measure-startup"),
                      QStringLiteral("Print the milliseconds until the till takes keys, then quit (benchmarks).")});
    parser.process(app);
    const QString path = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
                                                                  : lt::Database::defaultPath();
    lt::Database::Options options;
    options.quickCheck = false;
    options.checkpointsElsewhere = true;
    auto db = lt::ui::StoreRecovery::open(path, options); // a damaged store: the newest good backup is offered
    if (!db) {
        QMessageBox::critical(nullptr, QObject::tr("LoyaltyTill"), db.error().message);
        return 1;
    }
    // A sale's commit never copies the write-ahead log back into the file: this does, on a thread of its own, once
    // the check in the background has passed (below).
    lt::WalCheckpointer checkpointer(path);
    lt::SystemClock clock;
    auto engine = lt::LoyaltyEngine::create(**db, clock);
    if (!engine) {
        QMessageBox::critical(nullptr, QObject::tr("LoyaltyTill"), engine.error().message);
        return 1;
    }
    // Sync runs on a thread and a store connection of its own, so that its durable commits never hold the till:
    // soon after each operation, every few minutes and on demand (F9). Square's requests go out on this thread.
    // Declared before the window, which holds it, so that it outlives the window; its network access and keychain
    // before it, so that they outlive it.
    QNetworkAccessManager network;
    lt::CredentialStore credentials;
    lt::SyncScheduler sync(**db, clock, network, credentials);
    lt::ui::TillWindow window(**db, **engine, clock);
    window.setSync(&sync);
    window.setSquareAccess(&network, &credentials); // the first start on a new store connects Square
    window.resize(1100, 720);
    std::optional<lt::ui::KioskMode> kiosk;
    if (parser.isSet(QStringLiteral("kiosk")))
        kiosk.emplace(window, **db, clock);
    else
        window.show();
    lt::ui::FocusKeeper::installWhereNeeded(window); // a kiosk's bare X session has no window manager to do it
    sync.start(); // reads the token from the keychain in the background
    // The program's own work (gifts, offers, tiers, expiry) at start and then daily, off the till's thread.
    lt::AutomationRunner automations(path, clock);
    // The daily backup when backup.time has passed, checked hourly off the till's thread.
    lt::BackupRunner backups(path, clock);
    if (!parser.isSet(QStringLiteral("measure-startup")))
        backups.start();
    // A new offer, gift or tier shows at once for the member on screen.
    QObject::connect(&automations, &lt::AutomationRunner::passFinished, &window, &lt::ui::TillWindow::refreshMember);
    // The full check of the file runs on its own connection while the till already takes keys. Lookups and sales go
    // ahead meanwhile (damage is found within seconds, and SQLite refuses a damaged page an operation reaches), but
    // what writes on its own waits for it to pass: the checkpointer would fold the log into a damaged file. Damage
    // found stops the till's writes until a restart, which offers the newest verified backup (STORE.damaged).
    lt::BackgroundStoreCheck check(path);
    QObject::connect(&check, &lt::BackgroundStoreCheck::passed, &app, [&] {
        checkpointer.start();
        if (!parser.isSet(QStringLiteral("measure-startup")))
            automations.start();
    });
    QObject::connect(&check, &lt::BackgroundStoreCheck::damaged, &window, [&](const QString& problem) {
        if (auto refused = lt::BackgroundStoreCheck::refuseWrites(**db); !refused)
            qWarning("cannot stop writing to the damaged store: %s", qPrintable(refused.error().message));
        window.showStoreProblem(problem + QLatin1Char(' ')
                                + QObject::tr("No sale or change is recorded any more. Close the till and start it "
                                              "again: it offers the newest verified backup."));
    });
    QObject::connect(&check, &lt::BackgroundStoreCheck::unreadable, &window, &lt::ui::TillWindow::showStoreProblem);
    check.start();
    if (parser.isSet(QStringLiteral("measure-startup"))) {
        // Ready: the window is on screen (so painted) and a field has the keyboard focus.
        auto* probe = new QTimer(&app);
        QObject::connect(probe, &QTimer::timeout, &app, [&] {
            if (window.windowHandle()->isExposed() && QApplication::focusWidget()) {
                probe->stop();
                QTextStream(stdout) << double(started.nsecsElapsed()) / 1e6 << Qt::endl;
                // exit(), not quit(): quit() asks the windows to close, which a kiosk till refuses without a manager.
                QCoreApplication::exit(0);
            }
        });
        probe->start(0);
    }
    return app.exec();
}
