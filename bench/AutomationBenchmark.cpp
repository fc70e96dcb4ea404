// Measures the program's own work on a generated store: one full automation pass (birthdays, anniversaries,
// win-back offers, the tier evaluation and local expiry) over every member, while a cashier's accruals run on a
// second connection to show the longest the pass makes a sale wait; then accrual with two live promotions for Gold
// members (tier multiplier), beside the same write done with bare SQLite on the same file.
//   loyaltytill-bench-automation [--members N] [--sales M] [--samples K] [--dir DIR] [--json]

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/domain/Promotion.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/services/AutomationPass.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/TierService.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/PromotionStore.h"
#include "core/store/WalCheckpointer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <malloc.h>
#include <mutex>
#include <random>

#include "bench/BareSqlite.h"
#include "bench/LatencySample.h"
#include "bench/ProcessMemory.h"

using namespace lt;

namespace {

QTextStream out(stdout);

void progress(const QString& line)
{
    QTextStream err(stderr);
    err << line << '\n';
}

// Lowers the peak resident size to the current one, so that the pass's own peak is measured, not the generator's.
void resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

// The pass's own log lines, stamped with the seconds since it started: where its time goes.
struct PassLog
{
    std::mutex mutex;
    QElapsedTimer clock;
    QStringList lines;
    QtMessageHandler previous = nullptr;
};
PassLog* passLog = nullptr;

void recordPassMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const bool step = message.startsWith(QLatin1String("tier evaluation"))
        || message.startsWith(QLatin1String("expiry on")) || message.startsWith(QLatin1String("automation pass"));
    if (passLog && step) {
        std::lock_guard lock(passLog->mutex);
        passLog->lines
            << QStringLiteral("%1 s: %2").arg(double(passLog->clock.elapsed()) / 1000.0, 0, 'f', 2).arg(message);
        return;
    }
    if (type == QtDebugMsg)
        return; // the services' per-sale lines
    if (passLog && passLog->previous)
        passLog->previous(type, context, message);
}

// A cashier at another till of the store: a small accrual on a random member every few milliseconds, on a
// connection of its own, timed from the call to the commit. The slowest one waited behind the pass's longest
// write transaction.
class CashierProbe
{
public:
    CashierProbe(QString path, qint64 members, int pauseMs)
        : m_path(std::move(path))
        , m_members(members)
        , m_pauseMs(pauseMs)
    {
    }

    void start()
    {
        m_started.start();
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->start();
    }
    double secondsSinceStart() const { return double(m_started.nsecsElapsed()) / 1e9; }
    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }

    bench::LatencySample latencies;
    qint64 failures = 0;
    double slowestAtSeconds = 0; // when the slowest accrual started, seconds after the probe started
    double slowestMs = 0;
    QString error;

private:
    void run()
    {
        Database::Options options;
        options.create = false;
        options.migrate = false;
        options.quickCheck = false;
        options.busyTimeoutMs = 120000; // measure the wait, however long, rather than give up at the till's 5 s
        options.checkpointsElsewhere = true; // as the till's connection: main() runs the till's WalCheckpointer
        auto opened = Database::open(m_path, options);
        if (!opened) {
            error = opened.error().message;
            return;
        }
        SystemClock clock;
        auto created = LoyaltyEngine::create(**opened, clock);
        if (!created) {
            error = created.error().message;
            return;
        }
        LoyaltyEngine& engine = **created;
        const Actor cashier = Actor::named(QStringLiteral("probe"));
        std::mt19937_64 rng(11);
        std::uniform_int_distribution<qint64> pick(1, m_members);
        for (qint64 i = 0; !m_stop; ++i) {
            const Sale sale {QStringLiteral("PROBE%1").arg(i), Money(100, engine.program().currency), {}};
            const double at = double(m_started.nsecsElapsed()) / 1e9;
            QElapsedTimer timer;
            timer.start();
            failures += engine.accrual().accrue(pick(rng), sale, cashier).ok() ? 0 : 1;
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            latencies.add(std::chrono::nanoseconds(timer.nsecsElapsed()));
            if (ms > slowestMs) {
                slowestMs = ms;
                slowestAtSeconds = at;
            }
            QThread::msleep(static_cast<unsigned long>(m_pauseMs));
        }
    }

    const QString m_path;
    const qint64 m_members;
    const int m_pauseMs;
    std::atomic<bool> m_stop = false;
    QElapsedTimer m_started;
    std::unique_ptr<QThread> m_thread;
};

// The period "all day, every day" from a month ago: the promotion applies whenever the benchmark runs.
QString everyDay()
{
    return QStringLiteral("BEGIN:VEVENT\nDTSTART:%1T000000\nDURATION:P1D\nRRULE:FREQ=DAILY\nEND:VEVENT")
        .arg(QDate::currentDate().addMonths(-1).toString(QStringLiteral("yyyyMMdd")));
}

// Two live promotions: the older doubles the program points; the newer adds 25 points to a sale of 5.00 or more
// that holds a coffee, once a day per member (so its trigger limit is counted on every sale, and a second sale
// the same day falls through to the doubling).
Result<void> addPromotions(Database& db, const QString& currency)
{
    PromotionStore store(db);
    Promotion doubling;
    doubling.name = QStringLiteral("Double points");
    doubling.periods = {everyDay()};
    doubling.multiplierMilli = 2000;
    doubling.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    LT_TRY(store.add(doubling));
    Promotion coffee;
    coffee.name = QStringLiteral("Coffee +25");
    coffee.incentive = Promotion::Incentive::Addition;
    coffee.pointsAddition = 25;
    coffee.periods = {everyDay()};
    coffee.minimumSpendMinor = 500;
    coffee.currency = currency;
    coffee.categoryIds = {QStringLiteral("CAT-COFFEE")};
    coffee.triggerLimit = Promotion::TriggerLimit {1, Promotion::LimitInterval::Day};
    coffee.createdAt = QDateTime::currentDateTimeUtc();
    LT_TRY(store.add(coffee));
    return {};
}

// Up to `wanted` Gold members, spread over the store: those the pass made Gold, then others raised by a
// qualifying sale (as at the till).
Result<QList<qint64>> goldMembers(LoyaltyEngine& engine, qint64 members, int wanted, const Actor& actor)
{
    TierService tiers(engine.context());
    QList<qint64> gold;
    const qint64 step = std::max<qint64>(1, members / wanted);
    for (qint64 id = 1; id <= members && gold.size() < wanted; id += step) {
        for (int sale = 0; sale < 4; ++sale) {
            LT_TRY_ASSIGN(const TierService::Outlook outlook, tiers.outlook(id));
            if (outlook.tier == QLatin1String("Gold")) {
                gold << id;
                break;
            }
            const Sale big {
                QStringLiteral("GOLD%1-%2").arg(id).arg(sale), Money(100000, engine.program().currency), {}};
            LT_TRY(engine.accrual().accrue(id, big, actor));
        }
    }
    return gold;
}

// The wall clock moved by whole days: the store as it will be the next day.
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(int days)
        : m_days(days)
    {
    }
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc().addDays(m_days); }

private:
    const int m_days;
};

// One automation pass, timed, with a cashier accruing beside it.
struct PassRun
{
    double seconds = 0;
    double rssBeforeMb = 0;
    double peakRssMb = 0;
    QStringList steps;
    QMap<QString, std::pair<qint64, qint64>> byKind; // grants, points
    struct
    {
        qint64 accruals = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        double maxAtSeconds = 0; // into the pass
        qint64 failures = 0;
    } probe;

    QJsonObject toJson() const
    {
        QJsonObject grants;
        for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
            grants.insert(it.key(),
                          QJsonObject {{QStringLiteral("count"), it->first}, {QStringLiteral("points"), it->second}});
        return {{QStringLiteral("seconds"), seconds},
                {QStringLiteral("grants"), grants},
                {QStringLiteral("steps"), QJsonArray::fromStringList(steps)},
                {QStringLiteral("rss_before_mb"), rssBeforeMb},
                {QStringLiteral("peak_rss_mb"), peakRssMb},
                {QStringLiteral("cashier_accruals"), probe.accruals},
                {QStringLiteral("cashier_p50_ms"), probe.p50Ms},
                {QStringLiteral("cashier_p99_ms"), probe.p99Ms},
                {QStringLiteral("cashier_max_ms"), probe.maxMs},
                {QStringLiteral("cashier_max_at_s"), probe.maxAtSeconds},
                {QStringLiteral("cashier_failures"), probe.failures}};
    }
    void print(const QString& title) const
    {
        out << QStringLiteral("%1: %2 s wall, resident memory %3 MB before, %4 MB at its peak\n")
                   .arg(title)
                   .arg(seconds, 0, 'f', 1)
                   .arg(rssBeforeMb, 0, 'f', 0)
                   .arg(peakRssMb, 0, 'f', 0);
        for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
            out << QStringLiteral("  %1: %2 grants, %3 points\n").arg(it.key()).arg(it->first).arg(it->second);
        for (const QString& line : steps)
            out << QStringLiteral("  at %1\n").arg(line);
        out << QStringLiteral(
                   "  cashier on a second connection meanwhile: %1 accruals, p50 %2 ms, p99 %3 ms, max %4 ms "
                   "(%5 s into the pass), %6 failed\n")
                   .arg(probe.accruals)
                   .arg(probe.p50Ms, 0, 'f', 2)
                   .arg(probe.p99Ms, 0, 'f', 2)
                   .arg(probe.maxMs, 0, 'f', 1)
                   .arg(probe.maxAtSeconds, 0, 'f', 1)
                   .arg(probe.failures);
    }
};

Result<PassRun> timePass(EngineContext& context, const QString& path, qint64 members, int probePause,
                         const Actor& actor)
{
    PassRun run;
    PassLog log;
    passLog = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*.debug=false\nloyaltytill.core.services.debug=true"));
    log.previous = qInstallMessageHandler(recordPassMessage);
    CashierProbe probe(path, members, probePause);
    probe.start();
    QThread::msleep(500); // the probe's connection is open and accruing before the pass starts
    run.rssBeforeMb = bench::processMemoryMb("VmRSS");
    resetPeakRss();
    const double probeOffset = probe.secondsSinceStart(); // the probe started this long before the pass
    log.clock.start();
    QElapsedTimer timer;
    timer.start();
    auto pass = AutomationPass(context).run(actor);
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.peakRssMb = bench::processMemoryMb("VmHWM");
    QThread::msleep(200);
    probe.stop();
    qInstallMessageHandler(log.previous);
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*.debug=false"));
    passLog = nullptr;
    LT_TRY(pass);
    if (!probe.error.isEmpty())
        return Error::storage(probe.error);
    for (const AutomationGrant& grant : pass->grants) {
        run.byKind[grant.kind].first += 1;
        run.byKind[grant.kind].second += grant.points;
    }
    run.steps = log.lines;
    run.probe.accruals = qint64(probe.latencies.size());
    run.probe.p50Ms = probe.latencies.percentileMs(50);
    run.probe.p99Ms = probe.latencies.percentileMs(99);
    run.probe.maxMs = probe.slowestMs;
    run.probe.maxAtSeconds = probe.slowestAtSeconds - probeOffset;
    run.probe.failures = probe.failures;
    return run;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*.debug=false"));
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members to generate."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    // About 1.14 ledger entries a sale (accruals and some redemptions): 4,400,000 sales make ~5,000,000 rows.
    parser.addOption({QStringLiteral("sales"), QStringLiteral("Sales to generate."), QStringLiteral("M"),
                      QStringLiteral("4400000")});
    parser.addOption(
        {QStringLiteral("samples"), QStringLiteral("Accruals timed."), QStringLiteral("K"), QStringLiteral("3000")});
    parser.addOption({QStringLiteral("probe-pause"), QStringLiteral("Milliseconds between the cashier's accruals."),
                      QStringLiteral("MS"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the database (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("from"),
         QStringLiteral("Start from a copy of this store (one --save-generated wrote) instead of generating."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("save-generated"),
                      QStringLiteral("Keep a copy of the generated store, before the pass, in this file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("pass-only"), QStringLiteral("Stop after the automation pass.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as JSON.")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    const qint64 sales = parser.value(QStringLiteral("sales")).toLongLong();
    const int samples = parser.value(QStringLiteral("samples")).toInt();
    const int probePause = parser.value(QStringLiteral("probe-pause")).toInt();

    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temporary.path();
    const QString path = dir + QStringLiteral("/automation.sqlite");
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    const QString from = parser.value(QStringLiteral("from"));
    if (!from.isEmpty() && !QFile::copy(from, path)) {
        progress(QStringLiteral("Cannot copy %1").arg(from));
        return 1;
    }
    SystemClock clock;
    auto opened = Database::open(path);
    if (!opened) {
        progress(opened.error().message);
        return 1;
    }
    std::unique_ptr<Database> db = std::move(*opened);
    // The till copies its write-ahead log back into the file on a thread of its own; so does the benchmark.
    WalCheckpointer checkpointer(path);
    checkpointer.start();
    auto created = LoyaltyEngine::create(*db, clock);
    if (!created) {
        progress(created.error().message);
        return 1;
    }
    LoyaltyEngine& engine = **created;
    const Actor bench = Actor::named(QStringLiteral("bench"));

    // The default program (Silver and Gold on a rolling 12 months, birthday gift, referral, win-back) with an
    // anniversary gift and local expiry after 12 months added, so that every step of the pass has work.
    // A copy (--from) has it already.
    LoyaltyProgram program = LoyaltyProgram::defaultProgram();
    program.anniversaryBonus = OccasionBonus {100, QString(), OccasionBonus::Period::Week};
    program.expirationMonths = 12;
    if (from.isEmpty()) {
        if (auto saved = ProgramRepository(*db, clock).save(program, ProgramRepository::Source::Local); !saved) {
            progress(saved.error().message);
            return 1;
        }
    }
    if (auto reloaded = engine.reload(); !reloaded) {
        progress(reloaded.error().message);
        return 1;
    }

    GenerateReport generated; // zeros for a copy
    if (from.isEmpty()) {
        progress(QStringLiteral("Generating %1 members and %2 sales ...").arg(members).arg(sales));
        GenerateOptions options;
        options.members = members;
        options.sales = sales;
        auto report = DemoDataGenerator(engine.context()).generate(options);
        if (!report) {
            progress(report.error().message);
            return 1;
        }
        generated = *report;
    }
    if (const QString copy = parser.value(QStringLiteral("save-generated")); !copy.isEmpty()) {
        QFile::remove(copy);
        QSqlQuery vacuum(db->connection());
        if (!vacuum.exec(QStringLiteral("VACUUM INTO '%1'")
                             .arg(QString(copy).replace(QLatin1Char('\''), QStringLiteral("''"))))) {
            progress(vacuum.lastError().text());
            return 1;
        }
    }
    malloc_trim(0); // what the generator freed goes back, so resident memory is the pass's

    progress(QStringLiteral("Running the automation pass with a cashier accruing on a second connection ..."));
    auto first = timePass(engine.context(), path, members, probePause, bench);
    if (!first) {
        progress(first.error().message);
        return 1;
    }
    // The next day's pass on the same store: what the till runs daily once the first pass has caught up.
    ShiftedClock tomorrow(1);
    auto nextDayEngine = LoyaltyEngine::create(*db, tomorrow);
    if (!nextDayEngine) {
        progress(nextDayEngine.error().message);
        return 1;
    }
    progress(QStringLiteral("Running the next day's pass ..."));
    auto next = timePass((*nextDayEngine)->context(), path, members, probePause, bench);
    if (!next) {
        progress(next.error().message);
        return 1;
    }
    if (parser.isSet(QStringLiteral("pass-only"))) {
        first->print(QStringLiteral("automation pass"));
        next->print(QStringLiteral("the next day's pass"));
        return first->probe.failures + next->probe.failures == 0 ? 0 : 1;
    }

    progress(QStringLiteral("Timing accruals with two live promotions for Gold members ..."));
    if (auto added = addPromotions(*db, engine.program().currency); !added) {
        progress(added.error().message);
        return 1;
    }
    auto gold = goldMembers(engine, members, std::min(samples, 1000), bench);
    // The sales are timed on a connection opened as the till opens its own.
    Database::Options tillOptions;
    tillOptions.quickCheck = false;
    tillOptions.checkpointsElsewhere = true;
    auto tillDb = Database::open(path, tillOptions);
    if (!tillDb) {
        progress(tillDb.error().message);
        return 1;
    }
    auto tillEngine = LoyaltyEngine::create(**tillDb, clock);
    if (!tillEngine) {
        progress(tillEngine.error().message);
        return 1;
    }
    if (!gold || gold->isEmpty()) {
        progress(gold ? QStringLiteral("no Gold member") : gold.error().message);
        return 1;
    }
    bench::BareSqlite bare(path, true); // configured as the till's connection, like the one timed beside it
    bench::LatencySample accrual, accrualFloor;
    qint64 misses = first->probe.failures + next->probe.failures;
    qint64 withTier = 0, withPromotion = 0;
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<qsizetype> pickGold(0, gold->size() - 1);
    std::uniform_int_distribution<qint64> pick(1, members);
    for (int i = 0; i < samples; ++i) {
        const qint64 amount = 1234 + i;
        const Sale sale {QStringLiteral("A%1").arg(i),
                         Money(amount, engine.program().currency),
                         {SaleLine {QString(), QStringLiteral("CAT-COFFEE"), 1, 450},
                          SaleLine {QString(), QStringLiteral("CAT-BAKERY"), 1, amount - 450}}};
        const qint64 memberId = gold->at(pickGold(rng));
        accrual.time([&] {
            auto accrued = (*tillEngine)->accrual().accrue(memberId, sale, bench);
            if (!accrued) {
                ++misses;
                return;
            }
            for (const PointsLine& line : accrued->earned.extras) {
                withTier += line.kind == PointsLine::Kind::Tier ? 1 : 0;
                withPromotion += line.kind == PointsLine::Kind::Promotion ? 1 : 0;
            }
        });
        const QByteArray reference = QByteArrayLiteral("F") + QByteArray::number(i);
        accrualFloor.time([&] { misses += bare.accrue(pick(rng), reference, amount, 12) ? 0 : 1; });
    }

    const QJsonObject figures {
        {QStringLiteral("members"), members},
        {QStringLiteral("sales"), sales},
        {QStringLiteral("ledger_entries"), generated.ledgerEntries},
        {QStringLiteral("generate_seconds"), generated.seconds},
        {QStringLiteral("pass"), first->toJson()},
        {QStringLiteral("next_day_pass"), next->toJson()},
        {QStringLiteral("gold_members"), qint64(gold->size())},
        {QStringLiteral("accrual_p50_ms"), accrual.percentileMs(50)},
        {QStringLiteral("accrual_p99_ms"), accrual.percentileMs(99)},
        {QStringLiteral("accruals_with_tier_line"), withTier},
        {QStringLiteral("accruals_with_promotion_line"), withPromotion},
        {QStringLiteral("floor_accrual_p50_ms"), accrualFloor.percentileMs(50)},
        {QStringLiteral("floor_accrual_p99_ms"), accrualFloor.percentileMs(99)},
        {QStringLiteral("failed_operations"), misses},
    };
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(figures).toJson();
        return misses == 0 ? 0 : 1;
    }
    out << QStringLiteral("%1 members, %2 sales, %3 ledger entries generated in %4 s\n\n")
               .arg(members)
               .arg(sales)
               .arg(generated.ledgerEntries)
               .arg(generated.seconds, 0, 'f', 1);
    first->print(QStringLiteral("automation pass"));
    next->print(QStringLiteral("the next day's pass"));
    out << '\n';
    out << "| operation | p50 ms | p99 ms | bare SQLite p50 ms | bare SQLite p99 ms | p99 / floor |\n"
           "|---|---|---|---|---|---|\n";
    out << QStringLiteral("| accrual, Gold 1.25x, two live promotions | %1 | %2 | %3 | %4 | %5x |\n")
               .arg(accrual.percentileMs(50), 0, 'f', 3)
               .arg(accrual.percentileMs(99), 0, 'f', 3)
               .arg(accrualFloor.percentileMs(50), 0, 'f', 3)
               .arg(accrualFloor.percentileMs(99), 0, 'f', 3)
               .arg(accrual.percentileMs(99) / accrualFloor.percentileMs(99), 0, 'f', 1);
    out << QStringLiteral("%1 accruals over %2 Gold members: %3 with the tier's line, %4 with a promotion's; "
                          "failed operations: %5\n")
               .arg(accrual.size())
               .arg(gold->size())
               .arg(withTier)
               .arg(withPromotion)
               .arg(misses);
    return misses == 0 ? 0 : 1;
}
