// Measures the till on a large store, as a cashier meets it: a scanner's Enter until the member is painted (p50/p99),
// a typed phone number likewise, cold start of the real `loyaltytill` until it takes keys, and resident memory.
//   loyaltytill-bench-till [--members N] [--sales M] [--database FILE] [--samples K] [--starts R]
// Without --database it generates a store of N demo members (default 1,000,000) in a child process, so that the
// generator's memory is not counted as the till's. Runs offscreen unless QT_QPA_PLATFORM says otherwise.

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/StaffDirectory.h"
#include "ui/TillWindow.h"
#include "ui/widgets/LookupField.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <algorithm>

#include "bench/DemoStore.h"
#include "bench/LatencySample.h"
#include "bench/OffscreenTill.h"
#include "bench/ProcessMemory.h"

using namespace lt;
using lt::bench::progress;

namespace {

QTextStream out(stdout);

// "(201) 555-0042": how a cashier types it.
QString typedPhone(const QString& e164)
{
    const QString digits = e164.mid(2);
    return QStringLiteral("(%1) %2-%3").arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
}

struct StartupRun
{
    double spawnToReadyMs = 0; // measured here: fork, exec, loading, Qt, the store and the first paint
    double mainToReadyMs = 0; // measured by the till from main()
};

std::optional<StartupRun> startTill(const QString& database)
{
    QProcess till;
    QElapsedTimer timer;
    timer.start();
    till.start(QStringLiteral(LOYALTYTILL_TILL),
               {QStringLiteral("--database"), database, QStringLiteral("--measure-startup")});
    if (!till.waitForStarted(10000) || !till.waitForReadyRead(30000)) {
        progress(QStringLiteral("loyaltytill did not start: %1 %2")
                     .arg(till.errorString(), QString::fromUtf8(till.readAllStandardError())));
        return std::nullopt;
    }
    while (!till.canReadLine() && till.waitForReadyRead(30000)) { }
    StartupRun run;
    run.spawnToReadyMs = double(timer.nsecsElapsed()) / 1e6;
    run.mainToReadyMs = till.readLine().trimmed().toDouble();
    till.waitForFinished(30000);
    return run;
}

void row(const QString& what, bench::LatencySample& sample, const QString& note)
{
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
               .arg(what)
               .arg(sample.percentileMs(50), 0, 'f', 2)
               .arg(sample.percentileMs(99), 0, 'f', 2)
               .arg(sample.size())
               .arg(note);
}

} // namespace

int main(int argc, char* argv[])
{
    bench::OffscreenTill::useOffscreenPlatform();
    // The tills started here and the one measured in this process keep their preferences away from the user's.
    QTemporaryDir temporary;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(temporary.filePath(QStringLiteral("config"))));
    QApplication app(argc, argv);
    bench::OffscreenTill::dropPlatformNoise();
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The till's speed on a large store."));
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members to generate."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("sales"), QStringLiteral("Sales to generate (default: 3 per member)."), QStringLiteral("M")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Use this store instead of generating one (a "
                                     "benchmark cashier is added to it)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("samples"), QStringLiteral("Lookups timed per figure."), QStringLiteral("K"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("starts"), QStringLiteral("Cold starts of loyaltytill timed."),
                      QStringLiteral("R"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("generate-only"), QStringLiteral("Internal: generate the store FILE and exit."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    const qint64 sales =
        parser.isSet(QStringLiteral("sales")) ? parser.value(QStringLiteral("sales")).toLongLong() : members * 3;
    if (parser.isSet(QStringLiteral("generate-only")))
        return bench::DemoStore::generate(parser.value(QStringLiteral("generate-only")), members, sales);
    const int samples = parser.value(QStringLiteral("samples")).toInt();
    const int starts = parser.value(QStringLiteral("starts")).toInt();

    QString path = parser.value(QStringLiteral("database"));
    if (path.isEmpty()) {
        path = temporary.filePath(QStringLiteral("till-bench.sqlite"));
        if (!bench::DemoStore::generateInChild(path, members, sales))
            return 1;
    }

    // Cold starts first, before this process reads the store.
    progress(QStringLiteral("Starting loyaltytill %1 times ...").arg(starts));
    bench::LatencySample spawnToReady;
    bench::LatencySample mainToReady;
    for (int i = 0; i < starts; ++i) {
        auto run = startTill(path);
        if (!run)
            return 1;
        spawnToReady.add(std::chrono::nanoseconds(qint64(run->spawnToReadyMs * 1e6)));
        mainToReady.add(std::chrono::nanoseconds(qint64(run->mainToReadyMs * 1e6)));
    }

    auto opened = Database::open(path);
    if (!opened) {
        progress(opened.error().message);
        return 1;
    }
    Database& db = **opened;
    SystemClock clock;
    auto created = LoyaltyEngine::create(db, clock);
    if (!created) {
        progress(created.error().message);
        return 1;
    }
    // SQLite's quick_check reads the whole file; the till runs it in the background after it starts. Timed alone here,
    // to show what a start would cost if it waited for it.
    QElapsedTimer quickCheck;
    quickCheck.start();
    auto checked = db.scalar(QStringLiteral("PRAGMA quick_check"));
    const double quickCheckMs = double(quickCheck.nsecsElapsed()) / 1e6;
    const double peakBeforePins = bench::processMemoryMb("VmHWM");
    auto cashier = StaffDirectory(db, clock).add(QStringLiteral("Benchmark cashier"), StaffMember::Role::Cashier,
                                                 QStringLiteral("864213"), QStringLiteral("bench"));
    if (!cashier) {
        progress(cashier.error().message);
        return 1;
    }
    const QStringList cards =
        bench::DemoStore::sample(db, QStringLiteral("SELECT number FROM cards WHERE member_id = ?"), samples);
    const QStringList phones =
        bench::DemoStore::sample(db, QStringLiteral("SELECT phone FROM members WHERE id = ?"), samples);

    ui::TillWindow window(db, **created, clock);
    if (!bench::OffscreenTill::openAndSignIn(window, cashier->id, QStringLiteral("864213")))
        return 1;
    ui::LookupField* lookup = window.lookupField();

    auto painted = [&window] {
        bench::OffscreenTill::paint(window);
    };
    progress(
        QStringLiteral("Timing %1 card scans and %2 typed phone numbers ...").arg(cards.size()).arg(phones.size()));
    bench::LatencySample enterToPainted;
    bench::LatencySample scanToPainted;
    bench::LatencySample phoneToPainted;
    qint64 misses = 0;
    for (const QString& card : cards) {
        const auto start = std::chrono::steady_clock::now();
        QTest::keyClicks(lookup, card);
        const auto enter = std::chrono::steady_clock::now();
        QTest::keyClick(lookup, Qt::Key_Return);
        painted();
        const auto end = std::chrono::steady_clock::now();
        enterToPainted.add(end - enter);
        scanToPainted.add(end - start);
        misses += window.currentMember() && window.currentMember()->card == card ? 0 : 1;
        QTest::keyClick(lookup, Qt::Key_Escape);
    }
    for (const QString& phone : phones) {
        // A person types slower than a scanner; only the Enter is timed, so the typing goes in at once.
        lookup->setText(typedPhone(phone));
        const auto enter = std::chrono::steady_clock::now();
        QTest::keyClick(lookup, Qt::Key_Return);
        painted();
        phoneToPainted.add(std::chrono::steady_clock::now() - enter);
        misses += window.currentMember() && window.currentMember()->phone == phone ? 0 : 1;
        QTest::keyClick(lookup, Qt::Key_Escape);
    }
    const double rss = bench::processMemoryMb("VmRSS");
    const double peak = bench::processMemoryMb("VmHWM");

    auto stored = db.scalar(QStringLiteral("SELECT count(*) FROM members"));
    out << QStringLiteral("Store: %1 members; %2 CPU(s); Qt platform %3\n\n")
               .arg(stored ? stored->toLongLong() : -1)
               .arg(QThread::idealThreadCount())
               .arg(QGuiApplication::platformName());
    out << "| measure | p50 ms | p99 ms | samples | |\n|---|---|---|---|---|\n";
    row(QStringLiteral("scanner Enter → member panel painted"), enterToPainted, QStringLiteral("target < 50 ms"));
    row(QStringLiteral("card scan, 13 keys + Enter → painted"), scanToPainted, QString());
    row(QStringLiteral("typed phone, Enter → painted"), phoneToPainted, QStringLiteral("normalised by libphonenumber"));
    row(QStringLiteral("cold start: spawn → till takes keys"), spawnToReady,
        QStringLiteral("target < 1 s; max %1 ms").arg(spawnToReady.percentileMs(100), 0, 'f', 0));
    row(QStringLiteral("cold start: main() → till takes keys"), mainToReady, QStringLiteral("as the till reports it"));
    out << QStringLiteral("\nPRAGMA quick_check on this store (the till runs it in the background): %1 ms (%2).\n")
               .arg(quickCheckMs, 0, 'f', 0)
               .arg(checked ? checked->toString() : checked.error().message);
    out << QStringLiteral(
               "Resident memory of a till after these lookups: %1 MB; peak %2 MB, %3 MB before the first PIN "
               "was hashed (Argon2id takes 64 MiB per PIN check). Failed lookups: %4.\n")
               .arg(rss, 0, 'f', 0)
               .arg(peak, 0, 'f', 0)
               .arg(peakBeforePins, 0, 'f', 0)
               .arg(misses);
    return misses == 0 ? 0 : 1;
}
