// What the cashier waits for at the till while loyalty slips print on a slow printer beside it. On one large store,
// the real till window sells to one member after another (F2, receipt, total, Enter), each sale queueing a slip, and
// scans the next member while the earlier slips are still being sent. Three printers, each run in turn with a new
// till window, in rounds of alternate order:
//   none     slip.print = off: the till as it was before slips
//   slow     a receipt printer of this benchmark's own on 127.0.0.1 that takes 2 KB/s and answers each status request
//            after 300 ms (SlowThermalPrinter), on a thread of its own as a real printer is a device of its own
//   silent   a printer that accepts the connection and never answers: every slip costs the till its full timeouts
// Timed: a scanner's 13 keys + Enter until the member is painted, and the Enter that closes the sale dialog until the
// panel shows the new balance, each from the moment the keys are queued to the event loop (which is also busy with
// the printer) to a full repaint; and the gaps of a 1 ms timer on the GUI thread while the cashier pauses.
//   loyaltytill-bench-till-printing [--members N] [--sales M] [--database FILE] [--sales-per-printer K] [--pause MS]
//                                   [--bytes-per-second B] [--answer-delay MS] [--code-page NAME] [--printers LIST]
//                                   [--rounds R]
// Without --database it generates a store of N demo members (default 1,000,000) and M sales (3 per member), in a
// child process; with it, the sales go into a copy. The till's settings go to a folder of this run's own.

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/StaffDirectory.h"
#include "core/store/StoreSettings.h"
#include "ui/TillPreferences.h"
#include "ui/TillPrinting.h"
#include "ui/TillWindow.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/printing/SlipPrintQueue.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/StatusLabel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QKeyEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "bench/DemoStore.h"
#include "bench/EventLoopGaps.h"
#include "bench/LatencySample.h"
#include "bench/OffscreenTill.h"
#include "bench/SlipWorkCost.h"
#include "bench/SlowThermalPrinter.h"
#include "bench/ThreadCpuTime.h"

using namespace lt;
using bench::progress;
using Clocked = std::chrono::steady_clock;

namespace {

QTextStream out(stdout);
const QString CashierPin = QStringLiteral("864213");
constexpr int WarmUpSales = 5; // not counted: the first paints and queries of a new window
constexpr int SlipCostSales = 100; // slips made and encoded outside the window, each step timed
constexpr double AimMs = 50; // the README's aim for a scanner's Enter until the member is painted

struct PrinterCase
{
    QString name;
    QString description;
    std::optional<bench::SlowThermalPrinter::Mode> printer; // none: slip.print = off
};

// A key-to-screen time as the cashier waits for it (wall clock) and the GUI thread's own work within it (its CPU
// time): where the two part, the system was running something else.
struct Timed
{
    bench::LatencySample wall;
    bench::LatencySample cpu;
};

// When an action started, on both clocks.
struct Stopwatch
{
    Clocked::time_point wall = Clocked::now();
    std::chrono::nanoseconds cpu = bench::threadCpuTime();

    void addTo(Timed& timed) const
    {
        timed.wall.add(Clocked::now() - wall);
        timed.cpu.add(bench::threadCpuTime() - cpu);
    }
};

struct RunSettings
{
    int pauseMs = 150;
    bench::SlowThermalPrinter::Pace pace;
    QString receipts; // the receipt numbers' prefix: each sale is a new one, or the till records it only once
};

struct CaseFigures
{
    PrinterCase printer;
    Timed enterToPainted;
    Timed scanToPainted;
    Timed saleToBalance;
    Timed loopGaps;
    qint64 slipsPrinted = 0;
    qint64 slipsFailed = 0;
    qint64 slipsLeft = 0; // queued or being sent when a run ended (a new window starts with none)
    qint64 misses = 0; // scans that did not show the member, sales that did not show a new balance
    QString lastFailure;
    bench::SlowThermalPrinter::Counts counts;
    double seconds = 0;
    QStringList loads; // the system's load average over the last minute before and after each run: others' work
};

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().split(' ').value(0));
}

// Keys queued to the event loop, as the window system delivers a scanner's: handled in turn with whatever else the
// loop has (the printer's socket, its timers), not sent past it.
void postKeys(QWidget* target, const QString& digits)
{
    for (const QChar digit : digits) {
        const auto key = Qt::Key(Qt::Key_0 + digit.digitValue());
        QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, QString(digit)));
        QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier, QString(digit)));
    }
}

void postReturn(QWidget* target)
{
    QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier));
    QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier));
}

// Runs the event loop until `done`, at most `timeoutMs`; whether it came.
bool runUntil(const std::function<bool()>& done, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    return true;
}

// The cashier between two actions: the till's event loop runs as it does when nobody touches it, and only then are
// the timer's gaps counted.
void pause(bench::EventLoopGaps& probe, int ms)
{
    QEventLoop idle;
    QTimer::singleShot(ms, &idle, &QEventLoop::quit);
    probe.measuring(true);
    idle.exec();
    probe.measuring(false);
}

// The sale dialog runs its own event loop inside exec(): `action` runs from inside it, once the dialog is active.
void whenSaleDialog(const std::function<void(ui::SaleDialog*)>& action)
{
    auto* poll = new QTimer(qApp);
    poll->setInterval(1);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, action] {
        auto* dialog = qobject_cast<ui::SaleDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isActiveWindow())
            return;
        poll->stop();
        poll->deleteLater();
        action(dialog);
    });
    poll->start();
}

// One run: a new till window on the store, this printer, `count` sales each followed by the next member's scan.
bool runCase(Database& db, LoyaltyEngine& engine, const Clock& clock, qint64 cashierId, const QStringList& cards,
             CaseFigures& figures, const RunSettings& run)
{
    bench::SlowThermalPrinter printer;
    StoreSettings settings(db);
    if (figures.printer.printer) {
        if (!printer.start(*figures.printer.printer, run.pace)) {
            progress(QStringLiteral("The benchmark's printer could not listen on 127.0.0.1."));
            return false;
        }
        auto set = settings.set(QStringLiteral("slip.print"), QStringLiteral("automatic"));
        auto chosen = ui::TillPreferences().set(QStringLiteral("slip.printer"), printer.uri());
        if (!set || !chosen) {
            progress(set ? chosen.error().message : set.error().message);
            return false;
        }
    } else if (auto set = settings.set(QStringLiteral("slip.print"), QStringLiteral("off")); !set) {
        progress(set.error().message);
        return false;
    }

    ui::TillWindow window(db, engine, clock);
    if (!bench::OffscreenTill::openAndSignIn(window, cashierId, CashierPin))
        return false;
    ui::LookupField* lookup = window.lookupField();
    ui::SlipPrintQueue* queue = window.printing()->queue();
    QObject::connect(queue, &ui::SlipPrintQueue::finished, [&figures](qint64, const ui::PrintOutcome& outcome) {
        if (outcome.ok()) {
            ++figures.slipsPrinted;
        } else {
            ++figures.slipsFailed;
            figures.lastFailure = outcome.message;
        }
    });
    bench::EventLoopGaps probe;
    probe.start();
    const auto started = Clocked::now();
    const QString loadBefore = loadAverage();

    for (qsizetype i = 0; i < cards.size(); ++i) {
        const bool counted = i >= WarmUpSales;
        const QString& card = cards.at(i);
        pause(probe, run.pauseMs);
        if (!window.isActiveWindow() && !QTest::qWaitForWindowActive(&window)) {
            progress(QStringLiteral("The till's window did not come back after the sale dialog."));
            return false;
        }

        // The next member's card: a scanner's burst, then its Enter.
        lookup->clear();
        const Stopwatch keys;
        postKeys(lookup, card);
        const bool typed = runUntil([&] { return lookup->text() == card; });
        const Stopwatch enter;
        postReturn(lookup);
        const bool shown =
            typed && runUntil([&] { return window.currentMember() && window.currentMember()->card == card; });
        bench::OffscreenTill::paint(window);
        if (!shown) {
            ++figures.misses;
            continue;
        }
        if (counted) {
            enter.addTo(figures.enterToPainted);
            keys.addTo(figures.scanToPainted);
        }
        pause(probe, run.pauseMs);

        // The sale: F2, receipt number and total as the cashier types them, then the timed Enter.
        const qint64 before = window.currentMember()->balance;
        std::optional<Stopwatch> confirmed;
        whenSaleDialog([&](ui::SaleDialog*) {
            QTest::keyClicks(QApplication::focusWidget(), run.receipts + QString::number(i));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("%1.00").arg(5 + i % 60));
            confirmed.emplace();
            postReturn(QApplication::focusWidget());
        });
        QTest::keyClick(lookup, Qt::Key_F2); // returns once the dialog has closed and the till has shown the sale
        bench::OffscreenTill::paint(window);
        const bool sold = confirmed && !QApplication::activeModalWidget() && window.currentMember()
            && window.currentMember()->balance > before;
        if (!sold) {
            ++figures.misses;
            if (QWidget* dialog = QApplication::activeModalWidget())
                dialog->close();
        } else if (counted) {
            confirmed->addTo(figures.saleToBalance);
        }
        // What a window manager does when a dialog closes (the offscreen platform has none); it takes effect in the
        // cashier's pause, whose event loop also starts the slip just queued.
        window.activateWindow();
    }

    figures.seconds += std::chrono::duration<double>(Clocked::now() - started).count();
    figures.loads << QStringLiteral("%1 → %2").arg(loadBefore, loadAverage());
    figures.slipsLeft += queue->isIdle() ? 0 : queue->waiting() + 1;
    figures.loopGaps.wall.merge(probe.gaps());
    figures.loopGaps.cpu.merge(probe.gapsRunning());
    const bench::SlowThermalPrinter::Counts counts = printer.counts();
    figures.counts.connections += counts.connections;
    figures.counts.bytesRead += counts.bytesRead;
    figures.counts.statusAnswers += counts.statusAnswers;
    return true;
}

QString ms(bench::LatencySample& sample, double p)
{
    const double value = sample.percentileMs(p);
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

// Key-to-screen: judged by its p99 on the wall clock, what the cashier waits for.
QString within(Timed& timed)
{
    if (timed.wall.percentileMs(99) < AimMs)
        return QStringLiteral("yes (p99 < %1)").arg(AimMs);
    return QStringLiteral("**no** (p99 %1; the till's own work %2)").arg(ms(timed.wall, 99), ms(timed.cpu, 99));
}

// The loop's gaps: judged by the longest, which is what a key pressed at the worst moment waits more.
QString gapWithin(Timed& gaps)
{
    if (gaps.wall.percentileMs(100) < AimMs)
        return QStringLiteral("yes (max < %1)").arg(AimMs);
    return QStringLiteral("**no** (max %1, of which the GUI thread ran %2)").arg(ms(gaps.wall, 100), ms(gaps.cpu, 100));
}

void row(const QString& printer, const QString& what, Timed& timed, const QString& judged)
{
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 / %8 / %9 | %10 | %11 |\n")
               .arg(printer, what, ms(timed.wall, 50), ms(timed.wall, 95), ms(timed.wall, 99), ms(timed.wall, 100),
                    ms(timed.cpu, 50), ms(timed.cpu, 99), ms(timed.cpu, 100))
               .arg(timed.wall.size())
               .arg(judged);
}

void report(QList<CaseFigures>& runs)
{
    out << "| printer | measure | p50 ms | p95 ms | p99 ms | max ms | GUI thread CPU p50 / p99 / max ms | samples "
           "| within the 50 ms aim |\n"
           "|---|---|---|---|---|---|---|---|---|\n";
    for (CaseFigures& run : runs) {
        row(run.printer.name, QStringLiteral("scanner Enter → member painted"), run.enterToPainted,
            within(run.enterToPainted));
        row(QString(), QStringLiteral("card scan, 13 keys + Enter → painted"), run.scanToPainted,
            within(run.scanToPainted));
        row(QString(), QStringLiteral("sale dialog's Enter → new balance painted"), run.saleToBalance,
            within(run.saleToBalance));
        row(QString(), QStringLiteral("GUI thread: 1 ms timer's gap, cashier idle"), run.loopGaps,
            gapWithin(run.loopGaps));
    }
    out << "\n";
    for (CaseFigures& run : runs) {
        out << QStringLiteral("- %1 (%2): %3 s, load average %4; slips printed %5, failed %6, "
                              "still queued when the till closed %7")
                   .arg(run.printer.name, run.printer.description)
                   .arg(run.seconds, 0, 'f', 0)
                   .arg(run.loads.join(QStringLiteral(", ")))
                   .arg(run.slipsPrinted)
                   .arg(run.slipsFailed)
                   .arg(run.slipsLeft);
        if (run.printer.printer) {
            out << QStringLiteral("; the printer took %1 connections, %2 bytes, answered %3 status requests")
                       .arg(run.counts.connections)
                       .arg(run.counts.bytesRead)
                       .arg(run.counts.statusAnswers);
        }
        if (!run.lastFailure.isEmpty())
            out << QStringLiteral("; the till said: \"%1\"").arg(run.lastFailure);
        if (run.misses > 0)
            out << QStringLiteral("; **%1 scans or sales did not show**").arg(run.misses);
        out << ".\n";
    }
}

void slipCostRow(const QString& step, bench::LatencySample& sample)
{
    out << QStringLiteral("| %1 | %2 | %3 | %4 |\n").arg(step, ms(sample, 50), ms(sample, 99), ms(sample, 100));
}

void reportSlipCost(bench::SlipWorkCost& cost)
{
    out << QStringLiteral(
               "\nOne slip's work on the GUI thread, step by step (%1 sales recorded outside the window):\n\n")
               .arg(cost.make.size());
    out << "| step | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n";
    slipCostRow(QStringLiteral("the slip made from the recorded sale (within the sale's Enter → painted)"), cost.make);
    slipCostRow(QStringLiteral("the till's slip printer settings read for it (likewise)"), cost.readSetup);
    slipCostRow(QStringLiteral("the queue starts it: rows, ESC/POS bytes, transport (in the event loop)"),
                cost.queueStep);
    slipCostRow(QStringLiteral("rows and bytes, code page PC858 (%1 bytes)").arg(cost.bytes), cost.encode);
    slipCostRow(QStringLiteral("rows and bytes, every row an image (%1 bytes)").arg(cost.imageBytes),
                cost.encodeAsImage);
}

} // namespace

int main(int argc, char* argv[])
{
    bench::OffscreenTill::useOffscreenPlatform();
    // The till's preferences (its slip printer) go to a folder of this run's own, under a name of its own.
    QTemporaryDir temporary;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(temporary.filePath(QStringLiteral("config"))));
    QApplication app(argc, argv);
    bench::OffscreenTill::dropPlatformNoise();
    setApplicationIdentity();
    QCoreApplication::setOrganizationName(QStringLiteral("LoyaltyTillBenchmark"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The till's key-to-screen time while slips print on a slow printer."));
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members to generate."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("sales"), QStringLiteral("Sales to generate (default: 3 per member)."), QStringLiteral("M")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("Use a copy of this store instead of generating one."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sales-per-printer"), QStringLiteral("Sales and scans timed per printer."),
                      QStringLiteral("K"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("pause"), QStringLiteral("The cashier's pause between two actions."),
                      QStringLiteral("MS"), QStringLiteral("150")});
    parser.addOption({QStringLiteral("bytes-per-second"), QStringLiteral("How fast the slow printer takes a slip."),
                      QStringLiteral("B"), QStringLiteral("2048")});
    parser.addOption({QStringLiteral("answer-delay"),
                      QStringLiteral("How long the slow printer takes to answer a status request."),
                      QStringLiteral("MS"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("rounds"),
                      QStringLiteral("Rounds over the printers, each in the other order; the sales are shared out."),
                      QStringLiteral("R"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("printers"), QStringLiteral("The runs, in order: none, slow, silent."),
                      QStringLiteral("LIST"), QStringLiteral("none,slow,silent")});
    parser.addOption({QStringLiteral("code-page"),
                      QStringLiteral("The till's slip.code_page (pc858, pc437, pc850, wpc1252, image)."),
                      QStringLiteral("NAME"), QStringLiteral("pc858")});
    parser.addOption({QStringLiteral("generate-only"), QStringLiteral("Internal: generate the store FILE and exit."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    const qint64 generated =
        parser.isSet(QStringLiteral("sales")) ? parser.value(QStringLiteral("sales")).toLongLong() : members * 3;
    if (parser.isSet(QStringLiteral("generate-only")))
        return bench::DemoStore::generate(parser.value(QStringLiteral("generate-only")), members, generated);
    const int sales = parser.value(QStringLiteral("sales-per-printer")).toInt();
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    RunSettings settings;
    settings.pauseMs = parser.value(QStringLiteral("pause")).toInt();
    bench::SlowThermalPrinter::Pace& pace = settings.pace;
    pace.bytesPerSecond = parser.value(QStringLiteral("bytes-per-second")).toInt();
    pace.answerDelayMs = parser.value(QStringLiteral("answer-delay")).toInt();
    // This run's receipt numbers are its own, even on a store an earlier run of this benchmark sold in.
    const QString runTag = QString::number(QDateTime::currentMSecsSinceEpoch(), 36).toUpper();

    if (auto chosen =
            ui::TillPreferences().set(QStringLiteral("slip.code_page"), parser.value(QStringLiteral("code-page")));
        !chosen) {
        progress(chosen.error().message);
        return 2;
    }
    const QString path = temporary.filePath(QStringLiteral("till-printing-bench.sqlite"));
    if (parser.isSet(QStringLiteral("database"))) {
        if (!QFile::copy(parser.value(QStringLiteral("database")), path)) {
            progress(QStringLiteral("Could not copy %1.").arg(parser.value(QStringLiteral("database"))));
            return 1;
        }
    } else if (!bench::DemoStore::generateInChild(path, members, generated)) {
        return 1;
    }
    auto opened = Database::open(path);
    if (!opened) {
        progress(opened.error().message);
        return 1;
    }
    Database& db = **opened;
    SystemClock clock;
    auto engine = LoyaltyEngine::create(db, clock);
    if (!engine) {
        progress(engine.error().message);
        return 1;
    }
    auto cashier = StaffDirectory(db, clock).add(QStringLiteral("Benchmark cashier"), StaffMember::Role::Cashier,
                                                 CashierPin, QStringLiteral("bench"));
    if (!cashier) {
        progress(cashier.error().message);
        return 1;
    }

    const QList<PrinterCase> known {
        {QStringLiteral("none"), QStringLiteral("slip.print = off"), std::nullopt},
        {QStringLiteral("slow"),
         QStringLiteral("%1 B/s, each status answered after %2 ms").arg(pace.bytesPerSecond).arg(pace.answerDelayMs),
         bench::SlowThermalPrinter::Mode::Slow},
        {QStringLiteral("silent"), QStringLiteral("accepts the connection, never answers"),
         bench::SlowThermalPrinter::Mode::Silent},
    };
    QList<PrinterCase> cases;
    for (const QString& name : parser.value(QStringLiteral("printers")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto found = std::find_if(known.begin(), known.end(), [&](const PrinterCase& c) { return c.name == name; });
        if (found == known.end()) {
            progress(QStringLiteral("--printers takes none, slow and silent, in the order to run them."));
            return 2;
        }
        cases << *found;
    }
    // Rounds in alternate order (none, slow, silent, then silent, slow, none ...): the till's work per sale grows a
    // little with the day's sales, and that drift falls evenly on every printer.
    const QString cardQuery = QStringLiteral("SELECT number FROM cards WHERE member_id = ?");
    QList<CaseFigures> runs;
    for (const PrinterCase& printer : cases) {
        runs.append(CaseFigures());
        runs.last().printer = printer;
    }
    int segment = 0;
    for (int round = 0; round < rounds; ++round) {
        const int count = sales / rounds + (round < sales % rounds ? 1 : 0);
        for (qsizetype k = 0; k < runs.size(); ++k) {
            CaseFigures& figures = runs[round % 2 == 0 ? k : runs.size() - 1 - k];
            ++segment;
            // Members of their own for each run, so that no run meets another's pages in SQLite's cache first.
            const QStringList cards =
                bench::DemoStore::sample(db, cardQuery, count + WarmUpSales, unsigned(10 + segment));
            progress(QStringLiteral("Round %1, printer %2: %3 sales, each followed by the next member's scan ...")
                         .arg(round + 1)
                         .arg(figures.printer.name)
                         .arg(cards.size()));
            settings.receipts = QStringLiteral("BP-%1-%2-").arg(runTag).arg(segment);
            if (!runCase(db, **engine, clock, cashier->id, cards, figures, settings))
                return 1;
        }
    }

    auto stored = db.scalar(QStringLiteral("SELECT count(*) FROM members"));
    out << QStringLiteral(
               "Store: %1 members; %2 CPU(s); Qt platform %3; %4 sales per printer in %8 rounds (each after %5 not "
               "counted), %6 ms pauses between the cashier's actions; slips in code page %7\n\n")
               .arg(stored ? stored->toLongLong() : -1)
               .arg(QThread::idealThreadCount())
               .arg(QGuiApplication::platformName())
               .arg(sales)
               .arg(WarmUpSales)
               .arg(settings.pauseMs)
               .arg(ui::TillPreferences().slipCodePage())
               .arg(rounds);
    report(runs);

    QList<qint64> slipMembers;
    for (const QString& id :
         bench::DemoStore::sample(db, QStringLiteral("SELECT id FROM members WHERE id = ?"), SlipCostSales, 99))
        slipMembers << id.toLongLong();
    // The till reads its slip printer's settings for every slip; a printer is set, as in the runs with one.
    if (auto set = ui::TillPreferences().set(QStringLiteral("slip.printer"), QStringLiteral("tcp://127.0.0.1:9100"));
        !set) {
        progress(set.error().message);
        return 1;
    }
    auto cost =
        bench::SlipWorkCost::measure(**engine, cashier->id, slipMembers, QStringLiteral("BP-%1-slip-").arg(runTag));
    if (!cost) {
        progress(cost.error().message);
        return 1;
    }
    reportSlipCost(*cost);
    qint64 misses = 0;
    for (const CaseFigures& run : runs)
        misses += run.misses;
    return misses == 0 ? 0 : 1;
}
