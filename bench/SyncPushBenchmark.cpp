// Pushes a long outbox to a fake Square that delays every answer, with members in parallel and strictly one at a
// time, each from the same queued rows in a fresh copy of the store and against a fresh fake: wall time, HTTP
// requests per second, operations per second and resident memory, then checks that Square holds exactly what the
// store holds (every row sent, one event per row that changes points, the same balance for every member).
//   loyaltytill-bench-sync [--members N] [--operations N] [--latency-ms L] [--parallel K[,K...]]
//                          [--sequential-operations N] [--dir DIR] [--gui-thread] [--json]
// Each pass runs in a child process of its own (--pass), so that its memory figures are the pusher's alone. The
// pusher runs as in the till, on a worker thread with its own connection (--gui-thread: on the probe's thread), while
// a 1 ms timer on the main thread measures how long the till's event loop could be held.

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/domain/PhoneNumberNormalizer.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"
#include "sync/outbox/OutboxPusher.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareEnvironment.h"
#include "sync/square/SquareLoyaltyApi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <vector>

#include "bench/FakeSquareProcess.h"
#include "bench/ProcessMemory.h"
#include "bench/PusherOnWorker.h"
#include "bench/ThreadCpuTime.h"

using namespace lt;
using lt::bench::FakeSquare;
using lt::bench::searchAll;

namespace {

const QString Location = QStringLiteral("L-BENCH-0001");
const QString Token = QStringLiteral("bench-token");

QTextStream out(stdout);

// CPU time the calling thread has run, in microseconds.
qint64 threadCpuUs()
{
    return qint64(std::chrono::duration_cast<std::chrono::microseconds>(bench::threadCpuTime()).count());
}

// Statements the store's connection holds prepared, and the heap SQLite uses in this process: what the store side
// keeps between rows.
struct SqliteHeld
{
    qint64 statements = -1;
    double heapMb = -1;
};

SqliteHeld sqliteHeld(Database& db)
{
    SqliteHeld held;
    held.heapMb = double(sqlite3_memory_used()) / (1024.0 * 1024.0);
    if (auto connection = SqliteConnection::from(db)) {
        held.statements = 0;
        for (sqlite3_stmt* statement = sqlite3_next_stmt(connection->handle(), nullptr); statement;
             statement = sqlite3_next_stmt(connection->handle(), statement))
            ++held.statements;
    }
    return held;
}

// Area codes whose 555 numbers the phone library accepts, as the demo data uses.
QList<int> areaCodes()
{
    QList<int> areas;
    const PhoneNumberNormalizer us(QStringLiteral("US"));
    for (int area = 201; area <= 989; ++area) {
        if (area % 100 != 11 && us.normalize(QStringLiteral("+1") + QString::number(area) + QStringLiteral("5551234")))
            areas << area;
    }
    return areas;
}

struct Filled
{
    qint64 enrollments = 0;
    qint64 accruals = 0;
    qint64 redemptions = 0;
    qint64 refunds = 0;
    qint64 outboxRows = 0;
    double seconds = 0;
};

// A store of `members` members and `operations` queued outbox rows, made through the loyalty services as at the
// till. Rows go round the members, so neighbouring rows belong to different members, as on a busy day: each member
// enrolls, then has sales, and ends with a redemption of the 5.00-off reward (even members) or a partial refund of
// their first sale (odd members). Durability is off while filling: only the pushes are measured.
Result<Filled> fillStore(const QString& path, qint64 members, qint64 operations)
{
    QElapsedTimer timer;
    timer.start();
    QFile::remove(path);
    auto opened = Database::open(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<Database> db = std::move(*opened);
    if (auto fast = db->exec(QStringLiteral("PRAGMA synchronous = OFF")); !fast)
        return fast.error();
    SystemClock clock;
    auto created = LoyaltyEngine::create(*db, clock);
    const Actor bench = Actor::named(QStringLiteral("bench"));
    if (!created)
        return created.error();
    LoyaltyEngine& engine = **created;
    const QString currency = engine.program().currency;
    const QList<int> areas = areaCodes();
    if (areas.isEmpty() || members > areas.size() * 9000LL)
        return Error::invalid(QStringLiteral("Not enough phone numbers for %1 members.").arg(members));

    Filled filled;
    QList<qint64> ids(members, 0);
    const qint64 rounds = (operations + members - 1) / members;
    for (qint64 round = 0; round < rounds; ++round) {
        for (qint64 m = 0; m < members; ++m) {
            const qint64 perMember = operations / members + (m < operations % members ? 1 : 0);
            if (round >= perMember)
                continue;
            if (round == 0) {
                EnrollmentRequest request;
                request.phone = QStringLiteral("+1") + QString::number(areas.at(m % areas.size()))
                    + QStringLiteral("555") + QString::number(1000 + m / areas.size());
                request.name = QStringLiteral("Bench Member %1").arg(m + 1);
                auto enrolled = engine.enrollment().enroll(request, bench);
                if (!enrolled)
                    return enrolled.error();
                ids[m] = enrolled->member.id;
                ++filled.enrollments;
                continue;
            }
            const QString sale = QStringLiteral("B%1-%2").arg(m + 1).arg(round);
            const bool last = round == perMember - 1 && perMember >= 3;
            if (last && m % 2 == 1) {
                RefundRequest refund;
                refund.saleReference = QStringLiteral("B%1-1").arg(m + 1);
                refund.amount = Money(2000, currency);
                refund.refundReference = QStringLiteral("R%1").arg(m + 1);
                if (auto refunded = engine.refunds().refund(refund, bench); !refunded)
                    return refunded.error();
                ++filled.refunds;
                continue;
            }
            if (last) {
                auto redeemed =
                    engine.redemption().redeem(RedemptionRequest {ids[m], QStringLiteral("five-off"), {}, {}}, bench);
                if (redeemed) {
                    ++filled.redemptions;
                    continue;
                }
                // Too few points (a short run with few sales per member): a sale instead.
            }
            const Sale purchase {sale, Money(4000 + (m * 37 + round * 101) % 5000, currency), {}};
            if (auto accrued = engine.accrual().accrue(ids[m], purchase, bench); !accrued)
                return accrued.error();
            ++filled.accruals;
        }
    }
    auto rows = db->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
    if (!rows)
        return rows.error();
    filled.outboxRows = rows->toLongLong();
    filled.seconds = double(timer.nsecsElapsed()) / 1e9;
    return filled;
}

// One push of the whole outbox of the store at `path`, with up to `parallel` members in flight; the figures and the
// checks as JSON.
QJsonObject runPass(const QString& path, int parallel, int latencyMs, const QString& fakeProgram, bool onGuiThread)
{
    QJsonObject result {
        {QStringLiteral("parallel"), parallel},
        {QStringLiteral("pusher_thread"), onGuiThread ? QStringLiteral("gui") : QStringLiteral("worker")}};
    auto fail = [&result](const QString& why) {
        result.insert(QStringLiteral("error"), why);
        result.insert(QStringLiteral("verified"), false);
        return result;
    };
    FakeSquare fake;
    if (!fake.start(fakeProgram, latencyMs, Token))
        return fail(QStringLiteral("The fake Square did not start: ") + fakeProgram);
    auto opened = Database::open(path);
    if (!opened)
        return fail(opened.error().message);
    std::unique_ptr<Database> db = std::move(*opened);
    auto environment = SquareEnvironment::parse(fake.url());
    if (!environment)
        return fail(environment.error().message);
    auto rows = db->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
    if (!rows)
        return fail(rows.error().message);
    const qint64 queued = rows->toLongLong();

    SystemClock clock;
    QNetworkAccessManager network;
    qint64 requests = 0;
    QObject::connect(&network, &QNetworkAccessManager::finished, [&requests](QNetworkReply*) { ++requests; });
    SquareClient client(network, *environment, Token);
    // As the till runs it: on a worker thread with a connection of its own, the requests relayed through this
    // thread's client. Or, with --gui-thread, as the till did before: on this thread, on this connection.
    std::optional<SquareLoyaltyApi> api;
    std::optional<OutboxPusher> onThisThread;
    std::optional<bench::PusherOnWorker> worker;
    if (onGuiThread) {
        api.emplace(client);
        onThisThread.emplace(*db, clock, *api, Location);
        onThisThread->setMaxInFlight(parallel);
    } else {
        worker.emplace(path, clock, client, Location, parallel);
        if (!worker->error().isEmpty())
            return fail(worker->error());
    }
    OutboxPusher* pusher = onGuiThread ? &*onThisThread : worker->pusher();
    auto held = [&]() {
        if (onGuiThread)
            return sqliteHeld(*db);
        SqliteHeld onWorker;
        worker->onWorker([&] { onWorker = sqliteHeld(worker->db()); });
        return onWorker;
    };

    std::atomic<qint64> sent = 0; // counted on the pusher's thread
    QObject::connect(pusher, &OutboxPusher::rowSent, [&sent](qint64) { ++sent; });
    QElapsedTimer timer;
    QTimer report;
    report.setInterval(15000);
    QObject::connect(&report, &QTimer::timeout, [&] {
        bench::reportLine(QStringLiteral("  %1 of %2 rows sent after %3 s, RSS %4 MB")
                              .arg(sent.load())
                              .arg(queued)
                              .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 0)
                              .arg(bench::processMemoryMb("VmRSS"), 0, 'f', 1));
    });
    // In the till this event loop also handles the cashier's keys: how long did sync ever hold it?
    // Each gap with the CPU time this thread ran within it: a long gap the thread hardly ran in is the system
    // running something else (the worker, the fake Square), not work of the till's thread.
    std::vector<qint64> stallsUs;
    stallsUs.reserve(200000);
    qint64 worstUs = 0;
    qint64 worstRunningUs = 0;
    qint64 over16ms = 0;
    QElapsedTimer sinceTick;
    qint64 cpuAtTickUs = threadCpuUs();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 gapUs = sinceTick.nsecsElapsed() / 1000;
        const qint64 cpuUs = threadCpuUs();
        stallsUs.push_back(gapUs);
        if (gapUs > worstUs) {
            worstUs = gapUs;
            worstRunningUs = cpuUs - cpuAtTickUs;
        }
        over16ms += gapUs > 16000 ? 1 : 0;
        sinceTick.restart();
        cpuAtTickUs = cpuUs;
    });
    const double rssStart = bench::processMemoryMb("VmRSS");
    const SqliteHeld heldBefore = held();
    QEventLoop loop;
    // Queued when the pusher is on the worker: quit() takes none of the summary's arguments.
    QObject::connect(pusher, &OutboxPusher::finished, &loop, &QEventLoop::quit);
    timer.start();
    report.start();
    sinceTick.start();
    cpuAtTickUs = threadCpuUs();
    probe.start();
    bool running = false;
    if (onGuiThread) {
        pusher->pushOnce();
        running = pusher->isRunning();
    } else {
        worker->onWorker([&] {
            pusher->pushOnce();
            running = pusher->isRunning();
        });
    }
    if (running)
        loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    probe.stop();
    report.stop();
    std::sort(stallsUs.begin(), stallsUs.end());
    const auto stallMs = [&stallsUs](double q) {
        if (stallsUs.empty())
            return 0.0;
        return double(stallsUs.at(std::min(stallsUs.size() - 1, size_t(q * double(stallsUs.size()))))) / 1000.0;
    };
    result.insert(QStringLiteral("event_loop_gap_p50_ms"), stallMs(0.5));
    result.insert(QStringLiteral("event_loop_gap_p99_ms"), stallMs(0.99));
    result.insert(QStringLiteral("event_loop_gap_max_ms"), stallsUs.empty() ? 0.0 : double(stallsUs.back()) / 1000.0);
    result.insert(QStringLiteral("event_loop_gap_max_running_ms"), double(worstRunningUs) / 1000.0);
    result.insert(QStringLiteral("event_loop_gaps"), qint64(stallsUs.size()));
    result.insert(QStringLiteral("event_loop_gaps_over_16ms"), over16ms);
    const qint64 pushRequests = requests;
    const double peak = bench::processMemoryMb("VmHWM");
    const double rssEnd = bench::processMemoryMb("VmRSS");
    const SqliteHeld heldAfter = held();
    PushSummary summary;
    if (onGuiThread)
        summary = pusher->lastSummary();
    else
        worker->onWorker([&] { summary = pusher->lastSummary(); });
    worker.reset(); // its connection closed before the checks read the store

    result.insert(QStringLiteral("operations"), queued);
    result.insert(QStringLiteral("wall_s"), seconds);
    result.insert(QStringLiteral("requests"), pushRequests);
    result.insert(QStringLiteral("requests_per_s"), double(pushRequests) / seconds);
    result.insert(QStringLiteral("operations_per_s"), double(summary.sent) / seconds);
    result.insert(QStringLiteral("rss_start_mb"), rssStart);
    result.insert(QStringLiteral("peak_rss_mb"), peak);
    result.insert(QStringLiteral("rss_end_mb"), rssEnd);
    result.insert(QStringLiteral("sqlite_statements_start"), heldBefore.statements);
    result.insert(QStringLiteral("sqlite_statements_end"), heldAfter.statements);
    result.insert(QStringLiteral("sqlite_heap_start_mb"), heldBefore.heapMb);
    result.insert(QStringLiteral("sqlite_heap_end_mb"), heldAfter.heapMb);
    result.insert(QStringLiteral("sent"), summary.sent);
    result.insert(QStringLiteral("conflicts"), summary.conflicts);
    result.insert(QStringLiteral("deferred"), summary.deferred);
    result.insert(QStringLiteral("stopped"), summary.stopped);
    if (!summary.error.isEmpty())
        result.insert(QStringLiteral("push_error"), summary.error);

    // The checks, after the clock stopped. Locally: every row sent, and each row that changed points holds the one
    // event Square made for it.
    auto scalar = [&db](const char* sql) {
        auto value = db->scalar(QString::fromLatin1(sql));
        return value ? value->toLongLong() : -1;
    };
    const qint64 unsent = scalar("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'");
    const qint64 expectedEvents = scalar("SELECT COUNT(*) FROM outbox WHERE operation <> 'enroll' "
                                         "AND COALESCE(json_extract(payload, '$.points'), 0) <> 0");
    const qint64 ours = scalar("SELECT COUNT(*) FROM square_events WHERE state = 'ours'");
    QHash<QString, qint64> balances;
    {
        QSqlQuery query(db->connection());
        query.exec(QStringLiteral("SELECT phone, balance FROM members WHERE origin <> 'generated'"));
        while (query.next())
            balances.insert(query.value(0).toString(), query.value(1).toLongLong());
    }
    // At Square: one account per member with the member's balance, and exactly one event per such row.
    auto accounts = searchAll(client, QStringLiteral("/v2/loyalty/accounts/search"),
                              QJsonObject {{QStringLiteral("limit"), 200}}, "loyalty_accounts");
    auto events = searchAll(client, QStringLiteral("/v2/loyalty/events/search"),
                            QJsonObject {{QStringLiteral("limit"), 30}}, "events");
    if (!accounts || !events)
        return fail(QStringLiteral("Reading Square back failed."));
    qint64 mismatches = 0;
    for (const QJsonValue& value : std::as_const(*accounts)) {
        const QJsonObject account = value.toObject();
        const QString phone =
            account.value(QLatin1String("mapping")).toObject().value(QLatin1String("phone_number")).toString();
        const auto local = balances.constFind(phone);
        if (local == balances.constEnd() || *local != account.value(QLatin1String("balance")).toInteger())
            ++mismatches;
    }
    result.insert(QStringLiteral("outbox_not_sent"), unsent);
    result.insert(QStringLiteral("members"), qint64(balances.size()));
    result.insert(QStringLiteral("square_accounts"), qint64(accounts->size()));
    result.insert(QStringLiteral("balance_mismatches"), mismatches);
    result.insert(QStringLiteral("expected_events"), expectedEvents);
    result.insert(QStringLiteral("square_events"), qint64(events->size()));
    result.insert(QStringLiteral("events_recorded_as_ours"), ours);
    result.insert(QStringLiteral("spec_violations"), fake.violations());
    const bool verified = !summary.stopped && unsent == 0 && summary.sent == queued && summary.conflicts == 0
        && accounts->size() == balances.size() && mismatches == 0 && events->size() == expectedEvents
        && ours == expectedEvents && fake.violations() == 0;
    result.insert(QStringLiteral("verified"), verified);
    return result;
}

struct Mode
{
    QString name;
    int parallel = 1;
    QString store; // the template copied for this pass
    qint64 sampleOf = 0; // a sequential sample: the operation count it is scaled up to, else 0
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members with queued operations."), QStringLiteral("N"),
                      QStringLiteral("2000")});
    parser.addOption({QStringLiteral("operations"), QStringLiteral("Queued outbox rows, enrollments included."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("Delay of the fake Square before every answer."),
                      QStringLiteral("L"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("parallel"),
                      QStringLiteral("Members in flight in the parallel passes, comma-separated (e.g. 8,16)."),
                      QStringLiteral("K"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("sequential-operations"),
                      QStringLiteral("Rows in the strictly sequential pass (default: --operations; fewer gives a "
                                     "sample of the same mix, scaled up and labelled so; 0 skips it)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the stores (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("fake-square"), QStringLiteral("The loyaltytill-fake-square executable."),
                      QStringLiteral("FILE"), QStringLiteral(LOYALTYTILL_FAKE_SQUARE)});
    parser.addOption({QStringLiteral("gui-thread"),
                      QStringLiteral("Push on the probe's thread and connection, as the till did before sync had a "
                                     "thread of its own (default: on a worker thread, as the till does).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as JSON.")});
    parser.addOption({QStringLiteral("pass"), QStringLiteral("Internal: push the store FILE once, print JSON."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);
    const int latencyMs = parser.value(QStringLiteral("latency-ms")).toInt();
    const QString fakeProgram = parser.value(QStringLiteral("fake-square"));

    if (parser.isSet(QStringLiteral("pass"))) {
        const QJsonObject result =
            runPass(parser.value(QStringLiteral("pass")), parser.value(QStringLiteral("parallel")).toInt(), latencyMs,
                    fakeProgram, parser.isSet(QStringLiteral("gui-thread")));
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }

    const qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    const qint64 operations = parser.value(QStringLiteral("operations")).toLongLong();
    const qint64 sequentialOperations = parser.isSet(QStringLiteral("sequential-operations"))
        ? parser.value(QStringLiteral("sequential-operations")).toLongLong()
        : operations;
    QList<int> parallels;
    for (const QString& k : parser.value(QStringLiteral("parallel")).split(u',', Qt::SkipEmptyParts))
        parallels << std::max(2, k.toInt());
    if (members < 1 || operations < members || sequentialOperations < 0 || sequentialOperations > operations
        || latencyMs < 0 || parallels.isEmpty()) {
        bench::reportLine(QStringLiteral("loyaltytill-bench-sync: --operations >= --members >= 1, --parallel K >= 2, "
                                         "0 <= --sequential-operations <= --operations"));
        return 2;
    }
    if (!QFile::exists(fakeProgram)) {
        bench::reportLine(
            QStringLiteral("loyaltytill-bench-sync: no fake Square at %1 (give --fake-square FILE)").arg(fakeProgram));
        return 2;
    }

    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temporary.path();
    const QString full = dir + QStringLiteral("/queued.sqlite");
    bench::reportLine(QStringLiteral("Queueing %1 operations for %2 members ...").arg(operations).arg(members));
    auto filled = fillStore(full, members, operations);
    if (!filled) {
        bench::reportLine(filled.error().message);
        return 1;
    }
    QList<Mode> modes;
    for (int k : std::as_const(parallels))
        modes << Mode {QStringLiteral("parallel %1").arg(k), k, full, 0};
    if (sequentialOperations == operations)
        modes << Mode {QStringLiteral("sequential"), 1, full, 0};
    else if (sequentialOperations > 0) {
        // The same mix on fewer members: the same rows per member, so the same requests per row.
        const qint64 sampleMembers = std::max<qint64>(1, members * sequentialOperations / operations);
        const QString sample = dir + QStringLiteral("/queued-sample.sqlite");
        bench::reportLine(
            QStringLiteral("Queueing a sample of %1 operations for %2 members for the sequential pass ...")
                .arg(sequentialOperations)
                .arg(sampleMembers));
        if (auto made = fillStore(sample, sampleMembers, sequentialOperations); !made) {
            bench::reportLine(made.error().message);
            return 1;
        }
        modes << Mode {QStringLiteral("sequential (sample)"), 1, sample, operations};
    }

    QJsonArray passes;
    bool allVerified = true;
    for (const Mode& mode : std::as_const(modes)) {
        const QString copy = dir + QStringLiteral("/pass.sqlite");
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(copy + suffix);
        if (!QFile::copy(mode.store, copy)) {
            bench::reportLine(QStringLiteral("Cannot copy the store to %1").arg(copy));
            return 1;
        }
        bench::reportLine(QStringLiteral("Pushing: %1 ...").arg(mode.name));
        QProcess pass;
        pass.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments {QStringLiteral("--pass"),        copy,
                               QStringLiteral("--parallel"),    QString::number(mode.parallel),
                               QStringLiteral("--latency-ms"),  QString::number(latencyMs),
                               QStringLiteral("--fake-square"), fakeProgram};
        if (parser.isSet(QStringLiteral("gui-thread")))
            arguments << QStringLiteral("--gui-thread");
        pass.start(QCoreApplication::applicationFilePath(), arguments);
        pass.waitForFinished(-1);
        QJsonObject result = QJsonDocument::fromJson(pass.readAllStandardOutput()).object();
        if (result.isEmpty())
            result = {{QStringLiteral("error"), QStringLiteral("The pass ended without figures.")},
                      {QStringLiteral("verified"), false}};
        result.insert(QStringLiteral("mode"), mode.name);
        if (mode.sampleOf > 0) {
            const double scale = double(mode.sampleOf) / result.value(QLatin1String("operations")).toDouble(1);
            result.insert(QStringLiteral("extrapolated_operations"), mode.sampleOf);
            result.insert(QStringLiteral("extrapolated_wall_s"),
                          result.value(QLatin1String("wall_s")).toDouble() * scale);
        }
        allVerified = allVerified && result.value(QLatin1String("verified")).toBool();
        passes.append(result);
    }

    const QJsonObject figures {
        {QStringLiteral("members"), members},
        {QStringLiteral("operations"), operations},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("mix"),
         QJsonObject {{QStringLiteral("enroll"), filled->enrollments},
                      {QStringLiteral("accrue"), filled->accruals},
                      {QStringLiteral("redeem"), filled->redemptions},
                      {QStringLiteral("refund"), filled->refunds}}},
        {QStringLiteral("queued_rows"), filled->outboxRows},
        {QStringLiteral("queue_seconds"), filled->seconds},
        {QStringLiteral("passes"), passes},
    };
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(figures).toJson();
        return allVerified ? 0 : 1;
    }
    out << QStringLiteral("%1 queued rows for %2 members (%3 enroll, %4 accrue, %5 redeem, %6 refund), fake Square "
                          "answering after %7 ms\n\n")
               .arg(filled->outboxRows)
               .arg(members)
               .arg(filled->enrollments)
               .arg(filled->accruals)
               .arg(filled->redemptions)
               .arg(filled->refunds)
               .arg(latencyMs);
    out << QStringLiteral("pusher on %1; the probe: a 1 ms timer on the till's thread, the gaps between its ticks\n\n")
               .arg(parser.isSet(QStringLiteral("gui-thread")) ? QStringLiteral("the probe's (GUI) thread")
                                                               : QStringLiteral("a worker thread, as in the till"));
    out << "| push | rows | wall s | HTTP requests | requests/s | rows/s | RSS start MB | peak RSS MB | RSS end MB "
           "| event loop gap p50 / p99 / max ms | its thread ran in the max gap ms | gaps > 16 ms | checked |\n"
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const QJsonValue& value : std::as_const(passes)) {
        const QJsonObject pass = value.toObject();
        auto number = [&pass](const char* key, int decimals) {
            return QString::number(pass.value(QLatin1String(key)).toDouble(), 'f', decimals);
        };
        out << QStringLiteral(
                   "| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 / %11 / %12 | %13 | %14 of %15 | %16 |\n")
                   .arg(pass.value(QLatin1String("mode")).toString(), number("operations", 0), number("wall_s", 1),
                        number("requests", 0), number("requests_per_s", 0), number("operations_per_s", 0),
                        number("rss_start_mb", 1), number("peak_rss_mb", 1), number("rss_end_mb", 1))
                   .arg(number("event_loop_gap_p50_ms", 2), number("event_loop_gap_p99_ms", 1),
                        number("event_loop_gap_max_ms", 1), number("event_loop_gap_max_running_ms", 1),
                        number("event_loop_gaps_over_16ms", 0), number("event_loop_gaps", 0))
                   .arg(pass.value(QLatin1String("verified")).toBool() ? QStringLiteral("exactly once")
                                                                       : QStringLiteral("FAILED"));
    }
    out << '\n';
    for (const QJsonValue& value : std::as_const(passes)) {
        const QJsonObject pass = value.toObject();
        if (pass.contains(QLatin1String("extrapolated_wall_s")))
            out << QStringLiteral("sequential, extrapolated from its sample to %1 rows: %2 s (%3 min)\n")
                       .arg(pass.value(QLatin1String("extrapolated_operations")).toInteger())
                       .arg(pass.value(QLatin1String("extrapolated_wall_s")).toDouble(), 0, 'f', 0)
                       .arg(pass.value(QLatin1String("extrapolated_wall_s")).toDouble() / 60.0, 0, 'f', 1);
        if (!pass.value(QLatin1String("verified")).toBool())
            out << QStringLiteral("%1: %2\n")
                       .arg(pass.value(QLatin1String("mode")).toString(),
                            QString::fromUtf8(QJsonDocument(pass).toJson(QJsonDocument::Compact)));
    }
    out << QStringLiteral("checked: every row sent, Square's accounts and balances equal the store's, one Square "
                          "event per row that changes points, no request departing from Square's spec\n");
    return allVerified ? 0 : 1;
}
