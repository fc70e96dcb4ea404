// The manager's reports on a generated store (1,000,000 members, about 10,000,000 ledger rows): every part of
// ReportService::summary for a month, a year and five years from the summary tables (report_*), beside the same
// figures from the raw tables with plain SQL on the same file, which must agree; `report rebuild` and `check`'s
// comparison; and what the report triggers add to an accrual commit (a copy of the store without them, bare SQLite).
//   loyaltytill-bench-reports [--members N] [--sales M] [--runs R] [--raw-runs R] [--rebuild-runs R] [--samples K]
//     [--parts month,year,five-years,charts,accrual,rebuild,check] [--dir DIR] [--from FILE | --save-generated FILE]

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/ReportService.h"
#include "core/services/SegmentService.h"
#include "core/store/Database.h"
#include "core/store/ReportStore.h"
#include "core/store/TierStore.h"
#include "core/store/WalCheckpointer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <unistd.h>
#include <utility>
#include <vector>

#include "bench/BareSqlite.h"
#include "bench/LatencySample.h"

using namespace lt;

namespace {

QTextStream out(stdout);

void progress(const QString& line)
{
    QTextStream(stderr) << line << Qt::endl;
}

double lapMs(QElapsedTimer& timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.start();
    return ms;
}

// The times of one operation over several runs, shown as "median (min–max)" in the median's unit.
class Runs
{
public:
    void add(double ms) { m_ms.push_back(ms); }
    bool empty() const { return m_ms.empty(); }
    QString cell() const
    {
        if (m_ms.empty())
            return QStringLiteral("—");
        std::vector<double> sorted = m_ms;
        std::sort(sorted.begin(), sorted.end());
        const std::size_t n = sorted.size();
        const double mid = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        const bool seconds = mid >= 1000;
        const double scale = seconds ? 1000 : 1;
        const int decimals = mid / scale >= 100 ? 0 : (mid / scale >= 10 ? 1 : 2);
        const auto number = [&](double ms) {
            return QString::number(ms / scale, 'f', decimals);
        };
        return QStringLiteral("%1 %2 (%3–%4)")
            .arg(number(mid), seconds ? QStringLiteral("s") : QStringLiteral("ms"), number(sorted.front()),
                 number(sorted.back()));
    }

private:
    std::vector<double> m_ms;
};

// A period of the store's local days, both ends included.
struct Period
{
    QString name;
    QDate from;
    QDate to;
    // The stored (UTC) times of the local midnights that start and end it: the raw queries compare timestamps with
    // them as text, as they are stored.
    QString start() const { return toStorageTime(from.startOfDay(Qt::LocalTime)); }
    QString end() const { return toStorageTime(to.addDays(1).startOfDay(Qt::LocalTime)); }
};

constexpr std::array<int, 3> ActiveDays = {30, 90, 365};

// The figures the summary's KPIs are computed from, as ReportService reads them (ReportStore, TierStore); the raw
// queries fill the same struct, and the two must be equal.
struct Figures
{
    qint64 membersTotal = 0;
    qint64 membersNew = 0;
    std::array<qint64, ActiveDays.size()> active {};
    ReportStore::SalesTotals sales;
    ReportStore::Activity activity;
    ReportStore::Lifetime lifetime;
    QHash<QString, qint64> pointsInPeriod; // by ledger kind, and "discount"
    QHash<QString, qint64> pointsUntilEnd;
    TierStore::Movements tierMoves;
    QMap<QString, qint64> perTier;

    QStringList differencesFrom(const Figures& raw) const
    {
        QStringList differing;
        const auto same = [&](const char* what, auto kept, auto recomputed) {
            if (!(kept == recomputed))
                differing << QLatin1String(what);
        };
        same("members", std::pair {membersTotal, membersNew}, std::pair {raw.membersTotal, raw.membersNew});
        same("active members", active, raw.active);
        same("sales", std::array {sales.sales, sales.amountMinor, sales.refundedMinor, sales.fullyRefunded},
             std::array {raw.sales.sales, raw.sales.amountMinor, raw.sales.refundedMinor, raw.sales.fullyRefunded});
        same("buyers", std::array {activity.buyers, activity.repeatBuyers, activity.redeemers},
             std::array {raw.activity.buyers, raw.activity.repeatBuyers, raw.activity.redeemers});
        same("lifetime", std::array {lifetime.buyers, lifetime.repeatBuyers, lifetime.netMinor},
             std::array {raw.lifetime.buyers, raw.lifetime.repeatBuyers, raw.lifetime.netMinor});
        same("points in the period", pointsInPeriod, raw.pointsInPeriod);
        same("points until the end", pointsUntilEnd, raw.pointsUntilEnd);
        same("tiers", std::pair {tierMoves.up, tierMoves.down}, std::pair {raw.tierMoves.up, raw.tierMoves.down});
        same("members per tier", perTier, raw.perTier);
        return differing;
    }
};

// The KPI cards by what they read: each is timed from the summaries and from the raw tables.
enum Part { Members, Active, Sales, Buyers, Lifetime, PointsFlow, Outstanding, Tiers, Whole, PartCount };
const char* const PartNames[PartCount] = {"members total and new",
                                          "active members (30, 90, 365 days), active share",
                                          "sales count, net sales, average order value",
                                          "buyers, purchase frequency, repeat purchase rate, member redemption rate",
                                          "lifetime repeat purchase rate, average lifetime value",
                                          "points earned, redeemed, expired, adjusted; redemption rate, breakage",
                                          "points outstanding, lifetime rates, cost of a point, liability",
                                          "tier movements, members per tier (raw tables on both sides)",
                                          "the whole summary (ReportService::summary; raw: every query above in turn)"};
using PartTimes = std::array<double, PartCount>;

// The figures through ReportStore and TierStore, the calls ReportService::summary makes.
Result<Figures> summaryFigures(Database& db, const Period& period, PartTimes& ms)
{
    const ReportStore store(db);
    const TierStore tiers(db);
    Figures f;
    QElapsedTimer timer;
    timer.start();
    LT_TRY_ASSIGN(f.membersTotal, store.enrolled(QDate(), period.to));
    LT_TRY_ASSIGN(f.membersNew, store.enrolled(period.from, period.to));
    ms[Members] = lapMs(timer);
    LT_TRY_ASSIGN(const QList<qint64> active,
                  store.activeMembers(period.to, QList<int>(ActiveDays.begin(), ActiveDays.end())));
    for (std::size_t i = 0; i < ActiveDays.size(); ++i)
        f.active[i] = active.at(qsizetype(i));
    ms[Active] = lapMs(timer);
    LT_TRY_ASSIGN(f.sales, store.sales(period.from, period.to));
    ms[Sales] = lapMs(timer);
    LT_TRY_ASSIGN(f.activity, store.activity(period.from, period.to));
    ms[Buyers] = lapMs(timer);
    LT_TRY_ASSIGN(f.lifetime, store.lifetime());
    ms[Lifetime] = lapMs(timer);
    LT_TRY_ASSIGN(f.pointsInPeriod, store.points(period.from, period.to));
    ms[PointsFlow] = lapMs(timer);
    LT_TRY_ASSIGN(f.pointsUntilEnd, store.points(QDate(), period.to));
    ms[Outstanding] = lapMs(timer);
    LT_TRY_ASSIGN(f.tierMoves,
                  tiers.movements(period.from.startOfDay(Qt::LocalTime).toUTC(),
                                  period.to.addDays(1).startOfDay(Qt::LocalTime).toUTC()));
    LT_TRY_ASSIGN(f.perTier, tiers.membersPerTier());
    ms[Tiers] = lapMs(timer);
    return f;
}

// The same figures with plain SQL over the raw tables, as a store without the summaries would compute them.
Result<Figures> rawFigures(bench::BareSqlite& bare, const Period& period, PartTimes& ms)
{
    QString error;
    const auto rows = [&](const char* sql, const QVariantList& values = {}) {
        auto result = bare.select(QByteArray(sql), values);
        if (!result && error.isEmpty())
            error = bare.error();
        return result.value_or(QList<QVariantList>());
    };
    const auto row = [&](const char* sql, const QVariantList& values = {}) { // the first row's numbers
        std::array<qint64, 4> numbers {};
        const QList<QVariantList> all = rows(sql, values);
        for (qsizetype i = 0; !all.isEmpty() && i < std::min<qsizetype>(all.first().size(), 4); ++i)
            numbers[std::size_t(i)] = all.first().at(i).toLongLong();
        return numbers;
    };
    const auto number = [&](const char* sql, const QVariantList& values) {
        return row(sql, values)[0];
    };
    const auto pointsByKind = [&](const char* sql, const QVariantList& values) {
        QHash<QString, qint64> byKind;
        qint64 discount = 0;
        for (const QVariantList& kind : rows(sql, values)) {
            byKind.insert(kind.value(0).toString(), kind.value(1).toLongLong());
            discount += kind.value(2).toLongLong();
        }
        byKind.insert(QStringLiteral("discount"), discount);
        return byKind;
    };
    const QString start = period.start(), end = period.end();
    Figures f;
    QElapsedTimer timer;
    timer.start();
    f.membersTotal = number("SELECT count(*) FROM members WHERE enrolled_at < ?", {end});
    f.membersNew = number("SELECT count(*) FROM members WHERE enrolled_at >= ? AND enrolled_at < ?", {start, end});
    ms[Members] = lapMs(timer);
    for (std::size_t i = 0; i < ActiveDays.size(); ++i)
        f.active[i] = number("SELECT count(DISTINCT member_id) FROM sales WHERE created_at >= ? AND created_at < ?",
                             {Period {{}, period.to.addDays(1 - ActiveDays[i]), period.to}.start(), end});
    ms[Active] = lapMs(timer);
    const auto sales = row("SELECT count(*), COALESCE(sum(amount_minor), 0), COALESCE(sum(refunded_minor), 0), "
                           "COALESCE(sum(refunded_minor = amount_minor), 0) FROM sales "
                           "WHERE created_at >= ? AND created_at < ?",
                           {start, end});
    f.sales = {sales[0], sales[1], sales[2], sales[3]};
    ms[Sales] = lapMs(timer);
    const auto buyers = row("SELECT count(*), COALESCE(sum(n >= 2), 0) FROM (SELECT count(*) AS n FROM sales "
                            "WHERE created_at >= ? AND created_at < ? GROUP BY member_id)",
                            {start, end});
    f.activity = {buyers[0], buyers[1], 0, 0};
    f.activity.redeemers = number("SELECT count(DISTINCT member_id) FROM ledger WHERE kind = 'redeem' "
                                  "AND created_at >= ? AND created_at < ?",
                                  {start, end});
    ms[Buyers] = lapMs(timer);
    const auto lifetime =
        row("SELECT count(*), COALESCE(sum(n >= 2), 0), COALESCE(sum(net), 0) FROM (SELECT "
            "count(*) AS n, sum(amount_minor - refunded_minor) AS net FROM sales GROUP BY member_id)");
    f.lifetime = {lifetime[0], lifetime[1], lifetime[2]};
    ms[Lifetime] = lapMs(timer);
    f.pointsInPeriod = pointsByKind("SELECT kind, sum(points), sum(COALESCE(discount_minor, 0)) FROM ledger "
                                    "WHERE created_at >= ? AND created_at < ? GROUP BY kind",
                                    {start, end});
    ms[PointsFlow] = lapMs(timer);
    f.pointsUntilEnd = pointsByKind("SELECT kind, sum(points), sum(COALESCE(discount_minor, 0)) FROM ledger "
                                    "WHERE created_at < ? GROUP BY kind",
                                    {end});
    ms[Outstanding] = lapMs(timer);
    const auto moves = row("SELECT COALESCE(sum(direction = 'up'), 0), COALESCE(sum(direction = 'down'), 0) "
                           "FROM tier_changes WHERE created_at >= ? AND created_at < ?",
                           {start, end});
    f.tierMoves = {moves[0], moves[1]};
    for (const QVariantList& tier :
         rows("SELECT COALESCE(tier, ''), count(*) FROM members WHERE erased_at IS NULL GROUP BY 1"))
        f.perTier.insert(tier.value(0).toString(), tier.value(1).toLongLong());
    ms[Tiers] = lapMs(timer);
    if (!error.isEmpty())
        return Error::storage(error);
    return f;
}

// The KPIs ReportService::summary gave that the figures state directly, against the raw ones.
QStringList kpiDifferences(const KpiSummary& kpi, const Figures& raw)
{
    qint64 outstanding = -raw.pointsUntilEnd.value(QStringLiteral("discount"));
    for (const qint64 points : raw.pointsUntilEnd)
        outstanding += points;
    const bool same = kpi.membersTotal == raw.membersTotal && kpi.membersNew == raw.membersNew
        && std::array {kpi.membersActive30, kpi.membersActive90, kpi.membersActive365} == raw.active
        && kpi.buyers == raw.activity.buyers && kpi.salesCount == raw.sales.sales
        && kpi.netSalesMinor == raw.sales.amountMinor - raw.sales.refundedMinor
        && kpi.pointsEarned == raw.pointsInPeriod.value(QStringLiteral("accrue"))
        && kpi.pointsOutstanding == outstanding;
    return same ? QStringList() : QStringList {QStringLiteral("the summary's KPIs")};
}

struct PeriodTimes
{
    Period period;
    std::array<Runs, PartCount> summary;
    std::array<Runs, PartCount> raw;
    QStringList differences;
};

// Every period, `runs` times from the summaries and `rawRuns` times from the raw tables, interleaved.
Result<QList<PeriodTimes>> timeSummaries(EngineContext& context, bench::BareSqlite& bare, const QList<Period>& periods,
                                         int runs, int rawRuns)
{
    QList<PeriodTimes> times;
    for (const Period& period : periods)
        times << PeriodTimes {period, {}, {}, {}};
    for (int run = 0; run < std::max(runs, rawRuns); ++run) {
        for (PeriodTimes& t : times) {
            progress(QStringLiteral("Run %1: %2 ...").arg(run + 1).arg(t.period.name));
            std::optional<Figures> kept;
            std::optional<KpiSummary> kpi;
            if (run < runs) {
                PartTimes ms {};
                QElapsedTimer timer;
                timer.start();
                LT_TRY_ASSIGN(kpi, ReportService(context).summary(t.period.from, t.period.to));
                ms[Whole] = lapMs(timer);
                LT_TRY_ASSIGN(kept, summaryFigures(context.db, t.period, ms));
                for (std::size_t part = 0; part < PartCount; ++part)
                    t.summary[part].add(ms[part]);
            }
            if (run < rawRuns) {
                PartTimes ms {};
                LT_TRY_ASSIGN(const Figures recomputed, rawFigures(bare, t.period, ms));
                for (std::size_t part = 0; part < Whole; ++part) {
                    t.raw[part].add(ms[part]);
                    ms[Whole] += ms[part];
                }
                t.raw[Whole].add(ms[Whole]);
                if (kept)
                    t.differences = kept->differencesFrom(recomputed) + kpiDifferences(*kpi, recomputed);
            }
        }
    }
    return times;
}

void printSummaries(const QList<PeriodTimes>& times, int runs, int rawRuns)
{
    out << QStringLiteral(
               "\nKPIs from the summary tables (%1 runs) and from the raw tables (%2 runs): median (min–max)\n\n")
               .arg(runs)
               .arg(rawRuns);
    out << "| KPI card |";
    for (const PeriodTimes& t : times)
        out << ' ' << t.period.name << ", summaries | raw tables |";
    out << "\n|---|" << QString(QStringLiteral("---|---|")).repeated(times.size()) << '\n';
    for (std::size_t part = 0; part < PartCount; ++part) {
        out << "| " << PartNames[part] << " |";
        for (const PeriodTimes& t : times)
            out << ' ' << t.summary[part].cell() << " | " << t.raw[part].cell() << " |";
        out << '\n';
    }
    out << '\n';
    for (const PeriodTimes& t : times)
        out << QStringLiteral("%1 (%2 to %3): %4\n")
                   .arg(t.period.name, t.period.from.toString(Qt::ISODate), t.period.to.toString(Qt::ISODate),
                        t.raw[Whole].empty() ? QStringLiteral("not compared with the raw tables")
                            : t.differences.isEmpty()
                            ? QStringLiteral("every figure equals the raw tables' one")
                            : QStringLiteral("DIFFERENT: ") + t.differences.join(QLatin1String(", ")));
}

// Accruals on the store as it is and on a copy without the reports' triggers, through the till's engine and with
// bare SQLite, interleaved so that the machine's moods fall on all four alike.
struct AccrualTimes
{
    bench::LatencySample withTriggers;
    bench::LatencySample withoutTriggers;
    bench::LatencySample floorWithTriggers;
    bench::LatencySample floorWithoutTriggers;
    qint64 failures = 0;
};

QString floorCopy(const QString& path)
{
    return QString(path).replace(QStringLiteral(".sqlite"), QStringLiteral("-floor.sqlite"));
}

Result<AccrualTimes> timeAccruals(bench::BareSqlite& store, const QString& path, const QString& copyPath,
                                  qint64 members, int samples)
{
    if (!store.checkpoint()) // the file alone is then the whole store
        return Error::storage(QStringLiteral("Cannot checkpoint %1: %2").arg(path, store.error()));
    QFile::remove(copyPath);
    if (!QFile::copy(path, copyPath))
        return Error::storage(QStringLiteral("Cannot copy %1 to %2").arg(path, copyPath));
    {
        bench::BareSqlite copy(copyPath);
        const auto triggers = copy.select("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                          "AND name LIKE 'report\\_%' ESCAPE '\\'");
        if (!triggers || triggers->isEmpty())
            return Error::storage(QStringLiteral("no report trigger to drop: %1").arg(copy.error()));
        for (const QVariantList& trigger : *triggers) {
            if (!copy.execute("DROP TRIGGER " + trigger.first().toString().toUtf8()))
                return Error::storage(copy.error());
        }
    }
    // Bare SQLite writes copies of its own: SQLite empties a connection's page cache whenever another connection has
    // written the file, so on a shared file each would read every page afresh on every commit, unlike a till alone
    // on its store.
    const QString floorPath = floorCopy(path), floorCopyPath = floorCopy(copyPath);
    for (const auto& [from, to] : {std::pair {path, floorPath}, std::pair {copyPath, floorCopyPath}}) {
        QFile::remove(to);
        if (!QFile::copy(from, to))
            return Error::storage(QStringLiteral("Cannot copy %1 to %2").arg(from, to));
    }
    ::sync(); // the copies' gigabytes reach the disk now, not while the commits are timed
    Database::Options asTheTill;
    asTheTill.quickCheck = false;
    asTheTill.checkpointsElsewhere = true;
    LT_TRY_ASSIGN(std::unique_ptr<Database> tillDb, Database::open(path, asTheTill));
    LT_TRY_ASSIGN(std::unique_ptr<Database> copyDb, Database::open(copyPath, asTheTill));
    WalCheckpointer copyCheckpointer(copyPath), floorCheckpointer(floorPath), floorCopyCheckpointer(floorCopyPath);
    for (WalCheckpointer* checkpointer : {&copyCheckpointer, &floorCheckpointer, &floorCopyCheckpointer})
        checkpointer->start(); // the store's own runs from main()
    SystemClock clock;
    LT_TRY_ASSIGN(std::unique_ptr<LoyaltyEngine> till, LoyaltyEngine::create(*tillDb, clock));
    LT_TRY_ASSIGN(std::unique_ptr<LoyaltyEngine> tillOnCopy, LoyaltyEngine::create(*copyDb, clock));
    bench::BareSqlite bare(floorPath, true), bareOnCopy(floorCopyPath, true);
    const Actor cashier = Actor::named(QStringLiteral("bench"));
    const QString currency = till->program().currency;
    AccrualTimes times;
    std::mt19937_64 rng(17);
    std::uniform_int_distribution<qint64> pick(1, members);
    for (int i = 0; i < samples; ++i) {
        const qint64 memberId = pick(rng);
        const qint64 amount = 1234 + i % 5000;
        const auto accrue = [&](LoyaltyEngine& engine, const QString& prefix, bench::LatencySample& sample) {
            const Sale sale {prefix + QString::number(i), Money(amount, currency), {}};
            sample.time([&] { times.failures += engine.accrual().accrue(memberId, sale, cashier).ok() ? 0 : 1; });
        };
        const auto accrueBare = [&](bench::BareSqlite& db, const QByteArray& prefix, bench::LatencySample& sample) {
            sample.time(
                [&] { times.failures += db.accrue(memberId, prefix + QByteArray::number(i), amount, 12) ? 0 : 1; });
        };
        accrue(*till, QStringLiteral("RT"), times.withTriggers);
        accrue(*tillOnCopy, QStringLiteral("RN"), times.withoutTriggers);
        accrueBare(bare, "FT", times.floorWithTriggers);
        accrueBare(bareOnCopy, "FN", times.floorWithoutTriggers);
    }
    return times;
}

void printAccruals(AccrualTimes& t)
{
    const auto row = [&](const char* what, bench::LatencySample& sample) {
        out << QStringLiteral("| %1 | %2 | %3 | %4x |\n")
                   .arg(QLatin1String(what), QString::number(sample.percentileMs(50), 'f', 3),
                        QString::number(sample.percentileMs(99), 'f', 3),
                        QString::number(sample.percentileMs(99) / t.floorWithoutTriggers.percentileMs(99), 'f', 2));
    };
    out << QStringLiteral("\nAccrual commits, %1 of each, interleaved (WAL, synchronous=FULL, checkpoints on a thread "
                          "of their own)\n\n| accrual commit | p50 ms | p99 ms | p99 / bare SQLite without the "
                          "triggers |\n|---|---|---|---|\n")
               .arg(t.withTriggers.size());
    row("the till's accrual, report triggers as the store has them", t.withTriggers);
    row("the till's accrual, report_* triggers dropped (a copy)", t.withoutTriggers);
    row("bare SQLite, report triggers as the store has them", t.floorWithTriggers);
    row("bare SQLite, report_* triggers dropped (the floor)", t.floorWithoutTriggers);
    out << QStringLiteral("Extra cost of the report triggers: %1 ms at p50, %2 ms at p99 (the till's accrual); "
                          "%3 ms at p50 with bare SQLite. Failed accruals: %4\n")
               .arg(t.withTriggers.percentileMs(50) - t.withoutTriggers.percentileMs(50), 0, 'f', 3)
               .arg(t.withTriggers.percentileMs(99) - t.withoutTriggers.percentileMs(99), 0, 'f', 3)
               .arg(t.floorWithTriggers.percentileMs(50) - t.floorWithoutTriggers.percentileMs(50), 0, 'f', 3)
               .arg(t.failures);
}

// The periods reported on, of those named: last calendar month, the twelve months and the five years to today.
QList<Period> periodsEndingToday(const QStringList& named)
{
    const QDate today = QDate::currentDate();
    const QDate month = QDate(today.year(), today.month(), 1).addMonths(-1);
    QList<Period> periods {Period {QStringLiteral("month"), month, month.addMonths(1).addDays(-1)},
                           Period {QStringLiteral("year"), today.addYears(-1).addDays(1), today},
                           Period {QStringLiteral("five-years"), today.addYears(-5).addDays(1), today}};
    periods.removeIf([&](const Period& period) { return !named.contains(period.name); });
    return periods;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*.debug=false"));
    QCommandLineParser parser;
    const auto option = [&](const char* name, const char* what, const char* value, const char* byDefault) {
        parser.addOption({QLatin1String(name), QLatin1String(what), QLatin1String(value), QLatin1String(byDefault)});
    };
    option("members", "Members to generate.", "N", "1000000");
    // About 1.14 ledger entries a sale (accruals and some redemptions): 8,800,000 sales make ~10,000,000 rows.
    option("sales", "Sales to generate.", "M", "8800000");
    option("runs", "Times each report is read from the summaries.", "R", "5");
    option("raw-runs", "Times each report is computed from the raw tables.", "R", "3");
    option("rebuild-runs", "Times the summaries are rebuilt, and compared with a recomputation.", "R", "1");
    option("samples", "Accruals timed of each kind.", "K", "2000");
    option("parts",
           "What to time: the summary for a month, year, five-years; charts, accrual, rebuild, check (none: "
           "generate only).",
           "LIST", "month,year,five-years,charts,accrual,rebuild,check");
    option("dir", "Folder for the database (default: a temporary one).", "DIR", "");
    option("from", "Start from a copy of this store (one --save-generated wrote) instead of generating.", "FILE", "");
    option("save-generated", "Keep a copy of the generated store in this file.", "FILE", "");
    parser.addHelpOption();
    parser.process(app);
    const auto count = [&](const char* name) {
        return parser.value(QLatin1String(name)).toLongLong();
    };
    const QStringList parts = parser.value(QStringLiteral("parts")).split(QLatin1Char(','));

    QTemporaryDir temporary;
    const QString dir =
        parser.value(QStringLiteral("dir")).isEmpty() ? temporary.path() : parser.value(QStringLiteral("dir"));
    const QString path = dir + QStringLiteral("/reports.sqlite");
    const QString copyPath = dir + QStringLiteral("/reports-without-triggers.sqlite");
    for (const QString& file : {path, copyPath})
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(file + suffix);
    const auto fail = [](const Error& error) {
        progress(error.message);
        return 1;
    };
    const QString from = parser.value(QStringLiteral("from"));
    if (!from.isEmpty() && !QFile::copy(from, path))
        return fail(Error::storage(QStringLiteral("Cannot copy %1").arg(from)));
    Database::Options options;
    options.quickCheck = false; // reads the whole file: not what is measured
    auto opened = Database::open(path, options);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<Database> db = std::move(*opened);
    WalCheckpointer checkpointer(path); // as the till, so that no timed commit runs a checkpoint
    checkpointer.start();
    SystemClock clock;
    auto created = LoyaltyEngine::create(*db, clock);
    if (!created)
        return fail(created.error());
    LoyaltyEngine& engine = **created;

    bench::BareSqlite bare(path);
    if (from.isEmpty()) {
        progress(QStringLiteral("Generating %1 members and %2 sales ...").arg(count("members")).arg(count("sales")));
        GenerateOptions generate;
        generate.members = count("members");
        generate.sales = count("sales");
        generate.progress = [](const QString& phase, qint64 done, qint64 total) {
            if (phase != QLatin1String("sales") || done % 1000000 == 0)
                progress(QStringLiteral("  %1: %2 of %3").arg(phase).arg(done).arg(total));
        };
        auto report = DemoDataGenerator(engine.context()).generate(generate);
        if (!report)
            return fail(report.error());
        out << QStringLiteral("Generated %1 members, %2 sales and %3 ledger entries in %4 s\n")
                   .arg(QString::number(report->members), QString::number(report->sales),
                        QString::number(report->ledgerEntries), QString::number(report->seconds, 'f', 1));
        bare.checkpoint(); // reads then find every page in the file, as in a store that has been running
    }
    if (const QString copy = parser.value(QStringLiteral("save-generated")); !copy.isEmpty()) {
        QFile::remove(copy);
        if (!bare.execute("VACUUM INTO '" + QString(copy).replace(QLatin1Char('\''), QStringLiteral("''")).toUtf8()
                          + "'"))
            return fail(Error::storage(bare.error()));
    }
    const auto sizes = bare.select("SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM sales), "
                                   "(SELECT max(id) FROM ledger)");
    if (!sizes)
        return fail(Error::storage(bare.error()));
    const QVariantList& size = sizes->first();
    out << QStringLiteral("The store: %1 members, %2 sales, %3 ledger rows\n")
               .arg(size[0].toString(), size[1].toString(), size[2].toString());
    bool agree = true;

    if (const QList<Period> periods = periodsEndingToday(parts); !periods.isEmpty()) {
        const int runs = int(count("runs")), rawRuns = int(count("raw-runs"));
        auto times = timeSummaries(engine.context(), bare, periods, runs, rawRuns);
        if (!times)
            return fail(times.error());
        printSummaries(*times, runs, rawRuns);
        for (const PeriodTimes& t : *times)
            agree = agree && t.differences.isEmpty();
    }
    if (parts.contains(QStringLiteral("accrual"))) {
        progress(QStringLiteral("Timing accruals ..."));
        auto times = timeAccruals(bare, path, copyPath, size[0].toLongLong(), int(count("samples")));
        if (!times)
            return fail(times.error());
        printAccruals(*times);
        agree = agree && times->failures == 0;
        for (const QString& file : {copyPath, floorCopy(path), floorCopy(copyPath)})
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(file + suffix);
    }
    // The Reports screen's charts that read the summaries: the trend and points flow of twelve months
    // (ReportService::months) and the cohort heatmap of twelve cohorts (SegmentService::cohorts).
    if (parts.contains(QStringLiteral("charts"))) {
        progress(QStringLiteral("Timing the charts ..."));
        const QDate today = clock.nowUtc().toLocalTime().date();
        Runs trend;
        Runs heatmap;
        for (int run = 0; run < int(count("runs")); ++run) {
            QElapsedTimer timer;
            timer.start();
            if (auto months = ReportService(engine.context()).months(today, 12); !months)
                return fail(months.error());
            trend.add(lapMs(timer));
            if (auto grid = SegmentService(engine.context()).cohorts(today.addMonths(-11), today); !grid)
                return fail(grid.error());
            heatmap.add(lapMs(timer));
        }
        out << QStringLiteral("\nCharts, %1 runs: trend and points flow of 12 months %2; cohort heatmap of 12 cohorts "
                              "%3\n")
                   .arg(count("runs"))
                   .arg(trend.cell(), heatmap.cell());
    }
    // `report rebuild`, then `check`'s comparison, each with a full write-ahead log's checkpoint before it.
    for (const QString& part : {QStringLiteral("rebuild"), QStringLiteral("check")}) {
        if (!parts.contains(part))
            continue;
        Runs runs;
        QStringList differing;
        for (int run = 0; run < count("rebuild-runs"); ++run) {
            progress(QStringLiteral("Timing %1 (%2) ...").arg(part).arg(run + 1));
            if (!bare.checkpoint())
                progress(QStringLiteral("The write-ahead log could not be emptied: %1").arg(bare.error()));
            QElapsedTimer timer;
            timer.start();
            Result<QStringList> done = QStringList();
            if (part == QLatin1String("check"))
                done = ReportStore(*db).differences();
            else if (auto rebuilt = ReportService(engine.context()).rebuild(); !rebuilt)
                done = rebuilt.error();
            if (!done)
                return fail(done.error());
            runs.add(lapMs(timer));
            differing = *done;
        }
        out << QStringLiteral("\n%1 over the whole store, %2 runs: %3%4\n")
                   .arg(part == QLatin1String("rebuild")
                            ? QStringLiteral("`report rebuild` (ReportService::rebuild)")
                            : QStringLiteral("`check`'s comparison of the summaries (ReportStore::differences)"))
                   .arg(count("rebuild-runs"))
                   .arg(runs.cell(),
                        differing.isEmpty() ? QString()
                                            : QStringLiteral("; DIFFERENT: ") + differing.join(QStringLiteral(", ")));
        agree = agree && differing.isEmpty();
    }
    return agree ? 0 : 1;
}
