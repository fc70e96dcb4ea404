// The soak: the real till window, offscreen, driven through its keys for a long day's work on a large store, with
// sync running against a fake Square on 127.0.0.1 (its own process, so that its memory is not the till's). Mixed
// operations in a fixed rotation of 20: card scans, typed phone numbers, sales, redemptions, refunds of earlier
// sales, and F9 syncs. Lookups alternate between generated members (never sent to Square) and 200 regulars enrolled
// at the start, whose operations sync pushes. Every 5 % of the run it samples resident memory, open file descriptors,
// SQL connections, threads and the scan-to-member latency of that window, then prints a table and a verdict
// (SoakReport).
//   loyaltytill-bench-soak [--operations N] [--members M] [--sales S] [--database FILE] [--latency-ms L] [--check]
//                          [--skip-memory-check] [--without-sync]
// --check: exit 1 when memory, descriptors, connections or threads grew (--skip-memory-check leaves memory out, for
// short runs and sanitizer builds whose allocator keeps freed memory on purpose). Timings never fail a run.
// Without --database it generates M demo members (default 1,000,000) with S sales (3 per member) in a child
// process; the till's settings go to a folder of this run's own.

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/services/EnrollmentService.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/StaffDirectory.h"
#include "sync/SquareConnection.h"
#include "sync/SyncScheduler.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SquareEnvironment.h"
#include "ui/TillWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <array>
#include <deque>
#include <optional>

#include "bench/DemoStore.h"
#include "bench/FakeSquareProcess.h"
#include "bench/OffscreenTill.h"
#include "bench/SoakReport.h"
#include "bench/SoakTill.h"
#include "bench/ThreadCpuTime.h"

using namespace lt;
using bench::progress;
using Outcome = bench::SoakTill::Outcome;

namespace {

QTextStream out(stdout);
const QString CashierPin = QStringLiteral("864213");
const QString Token = QStringLiteral("EAAAl-soak-token");
const QString Location = QStringLiteral("L-FAKE-0001"); // a location of the fake's program
constexpr int Regulars = 200;

enum class Op { Scan, Phone, Sale, BigSale, Redeem, Refund, Sync };
constexpr int Kinds = 6; // BigSale is counted with Sale
// One rotation: 4 card scans and 3 typed phones (35 %), 7 sales (35 %), 2 redemptions each after a sale that gives
// enough points, 3 refunds of 1.00 of an earlier sale, 1 sync.
constexpr std::array<Op, 20> Rotation {
    Op::Scan, Op::Sale,    Op::Phone,  Op::BigSale, Op::Redeem, Op::Scan,   Op::Sale, Op::Refund, Op::Phone,  Op::Sale,
    Op::Scan, Op::BigSale, Op::Redeem, Op::Phone,   Op::Sale,   Op::Refund, Op::Scan, Op::Sale,   Op::Refund, Op::Sync};
const std::array<QString, Kinds> KindNames {QStringLiteral("card scan"), QStringLiteral("typed phone"),
                                            QStringLiteral("sale"),      QStringLiteral("redemption"),
                                            QStringLiteral("refund"),    QStringLiteral("sync (F9)")};

int kindOf(Op op)
{
    switch (op) {
    case Op::Scan:
        return 0;
    case Op::Phone:
        return 1;
    case Op::Sale:
    case Op::BigSale:
        return 2;
    case Op::Redeem:
        return 3;
    case Op::Refund:
        return 4;
    case Op::Sync:
        return 5;
    }
    return 0;
}

struct Tally
{
    std::array<qint64, Kinds> done {};
    std::array<qint64, Kinds> refused {};
    std::array<qint64, Kinds> failed {};
    qint64 failures() const
    {
        qint64 sum = 0;
        for (qint64 n : failed)
            sum += n;
        return sum;
    }
};

struct Sold
{
    QString receipt;
    qint64 refundableCents = 0;
};

// Members looked up at the till: their cards and phones.
struct Pool
{
    QStringList cards;
    QStringList phones;
};

// Customers enrolled at this till (on a reused store, found again): unlike the generated members, whom sync never
// sends to Square, their sales, redemptions and refunds go through the outbox to the fake Square.
std::optional<Pool> enrollRegulars(LoyaltyEngine& engine, int count)
{
    Pool regulars;
    const Actor actor = Actor::named(QStringLiteral("soak"));
    for (int k = 0; k < count; ++k) {
        EnrollmentRequest request;
        request.phone = QStringLiteral("+1415555%1").arg(9000 + k);
        request.name = QStringLiteral("Soak Regular %1").arg(k);
        auto enrolled = engine.enrollment().enroll(request, actor);
        if (!enrolled) {
            progress(enrolled.error().message);
            return std::nullopt;
        }
        QString card = enrolled->member.card;
        if (card.isEmpty()) {
            auto assigned = engine.enrollment().assignCard(enrolled->member.id, QString(), actor);
            if (!assigned) {
                progress(assigned.error().message);
                return std::nullopt;
            }
            card = *assigned;
        }
        regulars.cards << card;
        regulars.phones << enrolled->member.phone;
    }
    return regulars;
}

// The soak's own workload over the till: which member (generated and regulars in turn), which receipt, which sale
// to refund.
class Workload
{
public:
    Workload(Pool generated, Pool regulars, QString receiptPrefix)
        : m_generated(std::move(generated))
        , m_regulars(std::move(regulars))
        , m_prefix(std::move(receiptPrefix))
    {
    }

    Outcome run(Op op, bench::SoakTill& till, bench::LatencySample& scans, bench::LatencySample& phones)
    {
        switch (op) {
        case Op::Scan: {
            const QStringList& cards = pool(m_nextCard).cards;
            return till.scanCard(cards.at((m_nextCard++ / 2) % cards.size()), scans);
        }
        case Op::Phone: {
            const QStringList& numbers = pool(m_nextPhone).phones;
            return till.typePhone(numbers.at((m_nextPhone++ / 2) % numbers.size()), phones);
        }
        case Op::Sale:
        case Op::BigSale: {
            // 5.00 to 64.00; before a redemption 120.00, which earns the points of the program's first reward.
            const qint64 cents = op == Op::BigSale ? 12000 : (5 + m_sales % 60) * 100;
            const QString receipt = m_prefix + QString::number(++m_sales);
            const Outcome outcome = till.sell(receipt, cents);
            if (outcome == Outcome::Done)
                m_sold.push_back({receipt, cents});
            return outcome;
        }
        case Op::Redeem:
            return till.redeem();
        case Op::Refund: {
            if (m_sold.empty())
                return Outcome::Refused;
            Sold& sale = m_sold.front();
            const Outcome outcome = till.refund(sale.receipt, 100);
            sale.refundableCents -= 100;
            if (sale.refundableCents < 100 || outcome != Outcome::Done)
                m_sold.pop_front();
            // Only the last few hundred sales are kept for refunds, so that this list does not grow with the run.
            while (m_sold.size() > 500)
                m_sold.pop_front();
            return outcome;
        }
        case Op::Sync:
            return till.sync();
        }
        return Outcome::Failed;
    }

private:
    const Pool& pool(qsizetype turn) const { return turn % 2 == 0 ? m_generated : m_regulars; }

    Pool m_generated;
    Pool m_regulars;
    QString m_prefix;
    qsizetype m_nextCard = 0;
    qsizetype m_nextPhone = 0;
    qint64 m_sales = 0;
    std::deque<Sold> m_sold;
};

void printTally(const Tally& tally, bench::LatencySample& scans, bench::LatencySample& phones)
{
    out << "| operation | done | refused by the till | failed |\n|---|---|---|---|\n";
    for (int k = 0; k < Kinds; ++k)
        out << QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(KindNames.at(size_t(k)))
                   .arg(tally.done.at(size_t(k)))
                   .arg(tally.refused.at(size_t(k)))
                   .arg(tally.failed.at(size_t(k)));
    out << QStringLiteral("\nOver the run: card scan, Enter → painted p50 %1 ms, p99 %2 ms, max %3 ms (%4); typed "
                          "phone, Enter → painted p50 %5 ms, p99 %6 ms (%7).\n")
               .arg(scans.percentileMs(50), 0, 'f', 2)
               .arg(scans.percentileMs(99), 0, 'f', 2)
               .arg(scans.percentileMs(100), 0, 'f', 1)
               .arg(scans.size())
               .arg(phones.percentileMs(50), 0, 'f', 2)
               .arg(phones.percentileMs(99), 0, 'f', 2)
               .arg(phones.size());
}

} // namespace

int main(int argc, char* argv[])
{
    bench::OffscreenTill::useOffscreenPlatform();
    QTemporaryDir temporary;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(temporary.filePath(QStringLiteral("config"))));
    QApplication app(argc, argv);
    bench::OffscreenTill::dropPlatformNoise();
    setApplicationIdentity();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // amounts typed as 12.00
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The till through a long day's work: memory, descriptors, "
                                                    "connections, threads and scan latency."));
    parser.addOption({QStringLiteral("operations"), QStringLiteral("Operations to run."), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members to generate."), QStringLiteral("M"),
                      QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("sales"), QStringLiteral("Sales to generate (default: 3 per member)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Use this store instead of generating one (a cashier, sales and a Square "
                                     "connection are added to it)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("The fake Square's delay before each answer."),
                      QStringLiteral("L"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("without-sync"),
                      QStringLiteral("No fake Square and no sync: the till offline, to tell sync's share.")});
    parser.addOption({QStringLiteral("check"), QStringLiteral("Exit 1 when a leak check fails.")});
    parser.addOption({QStringLiteral("skip-memory-check"),
                      QStringLiteral("With --check: report resident memory without failing on it.")});
    parser.addOption({QStringLiteral("generate-only"), QStringLiteral("Internal: generate the store FILE and exit."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    const qint64 sales =
        parser.isSet(QStringLiteral("sales")) ? parser.value(QStringLiteral("sales")).toLongLong() : members * 3;
    if (parser.isSet(QStringLiteral("generate-only")))
        return bench::DemoStore::generate(parser.value(QStringLiteral("generate-only")), members, sales);
    const qint64 operations = std::max<qint64>(parser.value(QStringLiteral("operations")).toLongLong(), 20);
    const bool check = parser.isSet(QStringLiteral("check"));
    const bool checkMemory = !parser.isSet(QStringLiteral("skip-memory-check"));

    QString path = parser.value(QStringLiteral("database"));
    if (path.isEmpty()) {
        path = temporary.filePath(QStringLiteral("soak.sqlite"));
        if (!bench::DemoStore::generateInChild(path, members, sales))
            return 1;
    }
    const bool syncing = !parser.isSet(QStringLiteral("without-sync"));
    bench::FakeSquare fake;
    if (syncing
        && !fake.start(QStringLiteral(LOYALTYTILL_FAKE_SQUARE), parser.value(QStringLiteral("latency-ms")).toInt(),
                       Token)) {
        progress(QStringLiteral("The fake Square did not start."));
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
    auto cashier = StaffDirectory(db, clock).add(QStringLiteral("Soak cashier"), StaffMember::Role::Cashier, CashierPin,
                                                 QStringLiteral("bench"));
    auto environment = SquareEnvironment::parse(syncing ? fake.url() : QStringLiteral("sandbox"));
    auto connected = syncing ? SquareConnection {fake.url(), Location, {}}.save(db) : Result<void> {};
    if (!engine || !cashier || !environment || !connected) {
        progress(!engine            ? engine.error().message
                     : !cashier     ? cashier.error().message
                     : !environment ? environment.error().message
                                    : connected.error().message);
        return 1;
    }
    const int sampled = int(std::min<qint64>(members, 5000));
    Pool generated {
        bench::DemoStore::sample(db, QStringLiteral("SELECT number FROM cards WHERE member_id = ?"), sampled),
        bench::DemoStore::sample(db, QStringLiteral("SELECT phone FROM members WHERE id = ?"), sampled)};
    if (generated.cards.isEmpty() || generated.phones.isEmpty()) {
        progress(QStringLiteral("The store has no members with cards and phones."));
        return 1;
    }
    auto regulars = enrollRegulars(**engine, Regulars);
    if (!regulars)
        return 1;

    QNetworkAccessManager network;
    CredentialStore credentials; // not read: the token is given to the scheduler
    std::optional<SyncScheduler> scheduler;
    if (syncing)
        scheduler.emplace(db, clock, network, credentials);
    ui::TillWindow window(db, **engine, clock);
    if (!bench::OffscreenTill::openAndSignIn(window, cashier->id, CashierPin))
        return 1;
    bench::SoakTill till(window, scheduler ? &*scheduler : nullptr);
    if (scheduler) {
        window.setSync(&*scheduler);
        scheduler->startWith(*environment, Location, Token);
        if (till.sync() != Outcome::Done) { // the first pass: the program from Square, the till reloads it
            progress(QStringLiteral("The first sync pass did not finish."));
            return 1;
        }
    }

    Workload workload(generated, *regulars,
                      QStringLiteral("SOAK-%1-").arg(QString::number(QDateTime::currentMSecsSinceEpoch(), 36)));
    const qint64 every = std::max<qint64>(1, operations / 20);
    progress(QStringLiteral("%1 operations on a store of %2 members, sampled every %3 ...")
                 .arg(operations)
                 .arg(path)
                 .arg(every));
    QList<bench::SoakSample> samples;
    QElapsedTimer run;
    run.start();
    samples.append({0, 0, bench::readResourceUse(), 0, 0, 0, 0});
    auto cpuAtSample = bench::threadCpuTime();
    Tally tally;
    bench::LatencySample allScans;
    bench::LatencySample allPhones;
    bench::LatencySample windowScans;
    for (qint64 i = 0; i < operations; ++i) {
        const Op op = Rotation.at(size_t(i % qint64(Rotation.size())));
        const size_t kind = size_t(kindOf(op));
        const Outcome outcome = workload.run(op, till, windowScans, allPhones);
        (outcome == Outcome::Done ? tally.done : outcome == Outcome::Refused ? tally.refused : tally.failed)[kind] += 1;
        if (outcome == Outcome::Failed && tally.failures() <= 10)
            progress(QStringLiteral("Operation %1 (%2) failed%3")
                         .arg(i)
                         .arg(KindNames.at(kind))
                         .arg(till.lastRefusal().isEmpty() ? QString() : QStringLiteral(": ") + till.lastRefusal()));
        till.idle();
        if ((i + 1) % every == 0 || i + 1 == operations) {
            bench::SoakSample sample {i + 1,
                                      double(run.elapsed()) / 1000,
                                      bench::readResourceUse(),
                                      windowScans.percentileMs(50),
                                      windowScans.percentileMs(99),
                                      qsizetype(windowScans.size()),
                                      double((bench::threadCpuTime() - cpuAtSample).count()) / 1e6
                                          / double(i + 1 - samples.last().operations)};
            cpuAtSample = bench::threadCpuTime();
            samples.append(sample);
            allScans.merge(windowScans);
            windowScans = {};
            progress(QStringLiteral("%1 operations, %2 s: %3 MB, %4 fds, %5 connections, %6 threads, scan p99 %7 ms")
                         .arg(sample.operations)
                         .arg(sample.seconds, 0, 'f', 0)
                         .arg(sample.use.rssMb, 0, 'f', 1)
                         .arg(sample.use.fds)
                         .arg(sample.use.connections)
                         .arg(sample.use.threads)
                         .arg(sample.scanP99Ms, 0, 'f', 2));
        }
    }

    auto stored = db.scalar(QStringLiteral("SELECT count(*) FROM members"));
    out << QStringLiteral("Store: %1 members; %2 CPU(s); Qt platform %3; %4 operations in %5 s; %6 sync passes "
                          "(%7 ended early); fake Square latency %8 ms\n\n")
               .arg(stored ? stored->toLongLong() : -1)
               .arg(QThread::idealThreadCount())
               .arg(QGuiApplication::platformName())
               .arg(operations)
               .arg(double(run.elapsed()) / 1000, 0, 'f', 0)
               .arg(till.passesFinished())
               .arg(till.passesStopped())
               .arg(parser.value(QStringLiteral("latency-ms")));
    const bench::SoakReport report(samples);
    report.printTable(out);
    out << "\n";
    printTally(tally, allScans, allPhones);
    out << "\n";
    report.printVerdict(out, allScans.percentileMs(99), checkMemory);
    if (scheduler)
        window.setSync(nullptr);

    const bool leaked = (checkMemory && !report.memoryFlat()) || !report.fdsFlat() || !report.connectionsFlat()
        || !report.threadsFlat();
    if (tally.failures() > 0) {
        progress(QStringLiteral("%1 operations failed.").arg(tally.failures()));
        return 1;
    }
    return check && leaked ? 1 : 0;
}
