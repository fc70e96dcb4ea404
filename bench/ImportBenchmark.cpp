// The member import against its ceiling, in one run: how fast libphonenumber alone parses and validates the file's
// numbers on one thread and on every core, then `import` of the same numbers into an empty store and into a store
// of a million generated members (generated here and timed, or given with --database), each rate beside the
// all-core phone rate. --members 0 leaves the large store out.
//   loyaltytill-bench-import [--rows R] [--members N] [--sales M] [--database FILE] [--dir DIR] [--json]

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/exchange/MemberImporter.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/MemberStore.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <phonenumbers/phonenumberutil.h>
#include <string>
#include <thread>
#include <vector>

using namespace lt;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

QTextStream out(stdout);

void progress(const QString& line)
{
    QTextStream err(stderr);
    err << line << '\n';
}

// Numbers as people type them, in three styles, in the 555 exchange of every area the phone library accepts, from
// line 9999 down: demo members take the low lines, so none of these is a member yet.
std::vector<std::string> typedPhones(qint64 count)
{
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    std::vector<int> areas;
    for (int area = 201; area <= 989; ++area) {
        PhoneNumber number;
        if (util->Parse("+1" + std::to_string(area) + "5559999", "US", &number) == PhoneNumberUtil::NO_PARSING_ERROR
            && util->IsValidNumber(number))
            areas.push_back(area);
    }
    std::vector<std::string> phones;
    phones.reserve(size_t(count));
    for (int line = 9999; line >= 0 && qint64(phones.size()) < count; --line) {
        char digits[12]; // room for any int, as the compiler cannot see the loop keeps to four digits
        std::snprintf(digits, sizeof digits, "%04d", line);
        for (int area : areas) {
            const std::string a = std::to_string(area);
            switch (phones.size() % 3) {
            case 0:
                phones.push_back("(" + a + ") 555-" + digits);
                break;
            case 1:
                phones.push_back(a + "-555-" + digits);
                break;
            default:
                phones.push_back("+1 " + a + " 555 " + digits);
            }
            if (qint64(phones.size()) >= count)
                break;
        }
    }
    return phones;
}

// Numbers parsed and validated a second by `threads` threads, each taking every threads-th number.
double phoneRate(const std::vector<std::string>& phones, int threads, qint64& invalid)
{
    std::atomic<qint64> bad {0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&phones, &bad, t, threads]() {
            const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
            qint64 mine = 0;
            for (size_t i = size_t(t); i < phones.size(); i += size_t(threads)) {
                PhoneNumber number;
                if (util->Parse(phones[i], "US", &number) != PhoneNumberUtil::NO_PARSING_ERROR
                    || !util->IsValidNumber(number))
                    ++mine;
            }
            bad += mine;
        });
    }
    for (std::thread& worker : workers)
        worker.join();
    invalid = bad;
    return double(phones.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

QByteArray memberCsv(const std::vector<std::string>& phones)
{
    QByteArray csv = "phone,name,email,birthday,consent,balance\n";
    csv.reserve(qsizetype(phones.size()) * 80);
    for (size_t i = 0; i < phones.size(); ++i) {
        csv += '"' + QByteArray::fromStdString(phones[i]) + "\",Imported Member " + QByteArray::number(qint64(i))
            + ",member" + QByteArray::number(qint64(i)) + "@example.com,1985-06-15," + (i % 2 ? "yes" : "no") + ","
            + QByteArray::number(qint64(i % 500)) + '\n';
    }
    return csv;
}

struct Store
{
    std::unique_ptr<Database> db;
    std::unique_ptr<LoyaltyEngine> engine;
};

Result<Store> openStore(const QString& path, const Clock& clock)
{
    Database::Options options;
    options.quickCheck = false;
    LT_TRY_ASSIGN(std::unique_ptr<Database> db, Database::open(path, options));
    LT_TRY_ASSIGN(std::unique_ptr<LoyaltyEngine> engine, LoyaltyEngine::create(*db, clock));
    return Store {std::move(db), std::move(engine)};
}

// Rows imported a second, or an error when the import refused a row.
Result<double> importRate(Store& store, QByteArray csv)
{
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    LT_TRY_ASSIGN(const ImportReport report,
                  MemberImporter(store.engine->context())
                      .importCsv(buffer, ImportOptions {}, Actor::named(QStringLiteral("bench"))));
    if (!report.committed)
        return Error::invalid(QStringLiteral("the import refused line %1: %2")
                                  .arg(report.errors.value(0).line)
                                  .arg(report.errors.value(0).reason));
    return double(report.imported) / report.seconds;
}

// The large store, generated or copied from --database, and the import's rate into it.
Result<double> largeStoreRate(const QCommandLineParser& parser, const QString& largePath, const Clock& clock,
                              const QByteArray& csv, qint64& members, qint64& sales, double& generateSeconds)
{
    if (parser.isSet(QStringLiteral("database"))) {
        if (!QFile::copy(parser.value(QStringLiteral("database")), largePath))
            return Error::invalid(QStringLiteral("Cannot copy %1.").arg(parser.value(QStringLiteral("database"))));
    }
    LT_TRY_ASSIGN(Store large, openStore(largePath, clock));
    if (!parser.isSet(QStringLiteral("database"))) {
        progress(QStringLiteral("Generating %1 members and %2 sales ...").arg(members).arg(sales));
        GenerateOptions options;
        options.members = members;
        options.sales = sales;
        LT_TRY_ASSIGN(const auto generated, DemoDataGenerator(large.engine->context()).generate(options));
        generateSeconds = generated.seconds;
    } else {
        auto counted = MemberStore(*large.db).count();
        members = counted ? *counted : 0;
        sales = -1;
    }
    progress(QStringLiteral("Importing %1 members into a store of %2 ...").arg(csv.count('\n') - 1).arg(members));
    return importRate(large, csv);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Rows in the imported file."), QStringLiteral("R"),
                      QStringLiteral("200000")});
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members of the large store, generated (0: none)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("sales"), QStringLiteral("Sales of the large store, generated."),
                      QStringLiteral("M"), QStringLiteral("5000000")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Import into a copy of this store instead of generating one."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the stores (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as JSON.")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();
    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temporary.path();
    const int cores = std::max(1, QThread::idealThreadCount());
    SystemClock clock;

    progress(QStringLiteral("Parsing and validating %1 numbers with libphonenumber ...").arg(rows));
    const std::vector<std::string> phones = typedPhones(rows);
    qint64 invalid = 0;
    phoneRate(phones, 1, invalid); // warms the library's caches
    const double phoneOne = phoneRate(phones, 1, invalid);
    const double phoneAll = phoneRate(phones, cores, invalid);
    if (invalid > 0) {
        progress(QStringLiteral("%1 of the numbers are not valid.").arg(invalid));
        return 1;
    }
    const QByteArray csv = memberCsv(phones);

    progress(QStringLiteral("Importing %1 members into an empty store ...").arg(rows));
    const QString emptyPath = dir + QStringLiteral("/empty.sqlite");
    QFile::remove(emptyPath);
    auto empty = openStore(emptyPath, clock);
    if (!empty) {
        progress(empty.error().message);
        return 1;
    }
    auto intoEmpty = importRate(*empty, csv);
    if (!intoEmpty) {
        progress(intoEmpty.error().message);
        return 1;
    }
    empty->engine.reset();
    empty->db.reset();

    const QString largePath = dir + QStringLiteral("/large.sqlite");
    QFile::remove(largePath);
    double generateSeconds = 0;
    qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    qint64 sales = parser.value(QStringLiteral("sales")).toLongLong();
    const bool withLarge = members > 0 || parser.isSet(QStringLiteral("database"));
    double intoLarge = 0;
    if (withLarge) {
        auto large = largeStoreRate(parser, largePath, clock, csv, members, sales, generateSeconds);
        if (!large) {
            progress(large.error().message);
            return 1;
        }
        intoLarge = *large;
    }

    const QJsonObject figures {
        {QStringLiteral("rows"), rows},
        {QStringLiteral("cores"), cores},
        {QStringLiteral("phone_parse_validate_per_s_1_thread"), phoneOne},
        {QStringLiteral("phone_parse_validate_per_s_all_cores"), phoneAll},
        {QStringLiteral("import_empty_rows_per_s"), *intoEmpty},
        {QStringLiteral("import_empty_ratio"), *intoEmpty / phoneAll},
        {QStringLiteral("large_store_members"), members},
        {QStringLiteral("large_store_sales"), sales},
        {QStringLiteral("generate_seconds"), generateSeconds},
        {QStringLiteral("import_large_rows_per_s"), intoLarge},
        {QStringLiteral("import_large_ratio"), intoLarge / phoneAll},
    };
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(figures).toJson();
        return 0;
    }
    out << QStringLiteral("| Figure | Rate (rows/s) | Share of the all-core phone rate |\n|---|---:|---:|\n");
    out << QStringLiteral("| libphonenumber parse+validate, 1 thread | %1 | |\n").arg(phoneOne, 0, 'f', 0);
    out << QStringLiteral("| libphonenumber parse+validate, %1 threads | %2 | 1.00 |\n")
               .arg(cores)
               .arg(phoneAll, 0, 'f', 0);
    out << QStringLiteral("| import into an empty store | %1 | %2 |\n")
               .arg(*intoEmpty, 0, 'f', 0)
               .arg(*intoEmpty / phoneAll, 0, 'f', 2);
    if (withLarge)
        out << QStringLiteral("| import into a store of %1 members | %2 | %3 |\n")
                   .arg(members)
                   .arg(intoLarge, 0, 'f', 0)
                   .arg(intoLarge / phoneAll, 0, 'f', 2);
    if (generateSeconds > 0)
        out << QStringLiteral("\ngenerate --members %1 --sales %2: %3 s\n")
                   .arg(members)
                   .arg(sales)
                   .arg(generateSeconds, 0, 'f', 1);
    return 0;
}
