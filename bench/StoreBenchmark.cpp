// Measures the store on generated data: lookups by phone and card and durable accrual commits (p50/p99), the
// import rate and the generation time, each beside the same operation done with bare SQLite on the same file.
//   loyaltytill-bench-store [--members N] [--sales M] [--dir DIR] [--json]

#include "core/common/ApplicationIdentity.h"
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/domain/PhoneNumberNormalizer.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/exchange/MemberImporter.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <random>
#include <sys/resource.h>

#include "bench/BareSqlite.h"
#include "bench/LatencySample.h"

using namespace lt;

namespace {

QTextStream out(stdout);

void progress(const QString& line)
{
    QTextStream err(stderr);
    err << line << '\n';
}

// "(201) 555-0042": how a cashier types it, so lookups include normalisation as at the till.
QString typedPhone(const QString& e164)
{
    const QString digits = e164.mid(2);
    return QStringLiteral("(%1) %2-%3").arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
}

qint64 maxRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members to generate."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("sales"), QStringLiteral("Sales to generate."), QStringLiteral("M"),
                      QStringLiteral("5000000")});
    parser.addOption({QStringLiteral("samples"), QStringLiteral("Operations timed per figure."), QStringLiteral("K"),
                      QStringLiteral("20000")});
    parser.addOption({QStringLiteral("import-rows"), QStringLiteral("Rows in the import benchmark."),
                      QStringLiteral("R"), QStringLiteral("200000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the database (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as JSON.")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 members = parser.value(QStringLiteral("members")).toLongLong();
    const qint64 sales = parser.value(QStringLiteral("sales")).toLongLong();
    const int samples = parser.value(QStringLiteral("samples")).toInt();
    const int importRows = parser.value(QStringLiteral("import-rows")).toInt();

    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temporary.path();
    const QString path = dir + QStringLiteral("/bench.sqlite");
    QFile::remove(path);
    SystemClock clock;
    auto opened = Database::open(path);
    if (!opened) {
        progress(opened.error().message);
        return 1;
    }
    std::unique_ptr<Database> db = std::move(*opened);
    auto created = LoyaltyEngine::create(*db, clock);
    if (!created) {
        progress(created.error().message);
        return 1;
    }
    LoyaltyEngine& engine = **created;
    const Actor bench = Actor::named(QStringLiteral("bench"));

    progress(QStringLiteral("Generating %1 members and %2 sales ...").arg(members).arg(sales));
    GenerateOptions options;
    options.members = members;
    options.sales = sales;
    auto generated = DemoDataGenerator(engine.context()).generate(options);
    if (!generated) {
        progress(generated.error().message);
        return 1;
    }

    // Sample existing members, reading their phones and cards straight from the table.
    std::mt19937_64 rng(7);
    QList<QString> phones;
    QList<QString> cards;
    {
        QSqlQuery query(db->connection());
        query.exec(QStringLiteral("SELECT phone FROM members WHERE id % 97 = 0 LIMIT %1").arg(samples));
        while (query.next())
            phones << query.value(0).toString();
        query.exec(QStringLiteral("SELECT number FROM cards WHERE member_id % 89 = 0 LIMIT %1").arg(samples));
        while (query.next())
            cards << query.value(0).toString();
    }
    std::shuffle(phones.begin(), phones.end(), rng);
    std::shuffle(cards.begin(), cards.end(), rng);

    bench::BareSqlite bare(path);
    bench::LatencySample phoneLookup, phoneFloor, cardLookup, cardFloor, accrual, accrualFloor;
    qint64 misses = 0;
    progress(QStringLiteral("Timing lookups ..."));
    for (const QString& phone : phones) {
        const QString typed = typedPhone(phone);
        phoneLookup.time([&] { misses += engine.members().byPhone(typed).ok() ? 0 : 1; });
        const QByteArray e164 = phone.toUtf8();
        phoneFloor.time([&] { misses += bare.memberByPhone(e164) > 0 ? 0 : 1; });
    }
    for (const QString& card : cards) {
        cardLookup.time([&] { misses += engine.members().byCard(card).ok() ? 0 : 1; });
        const QByteArray number = card.toUtf8();
        cardFloor.time([&] { misses += bare.memberByCard(number) > 0 ? 0 : 1; });
    }
    progress(QStringLiteral("Timing durable accruals ..."));
    const int accruals = std::min(samples, 3000);
    std::uniform_int_distribution<qint64> pick(1, members);
    for (int i = 0; i < accruals; ++i) {
        const qint64 memberId = pick(rng);
        const Sale sale {QStringLiteral("B%1").arg(i), Money(1234 + i, engine.program().currency), {}};
        accrual.time([&] { misses += engine.accrual().accrue(memberId, sale, bench).ok() ? 0 : 1; });
        const QByteArray reference = QByteArrayLiteral("F") + QByteArray::number(i);
        accrualFloor.time([&] { misses += bare.accrue(pick(rng), reference, 1234, 12) ? 0 : 1; });
    }

    progress(QStringLiteral("Timing the import of %1 members ...").arg(importRows));
    // New numbers beyond the generated ones: the 555 exchange of area 212 is full at about 2,900 lines per area,
    // so the import uses lines from 9000 up in every area the generator used.
    QByteArray csv = "phone,name,email,birthday,consent,balance\n";
    QList<QByteArray> floorPhones;
    {
        QSqlQuery query(db->connection());
        query.exec(QStringLiteral("SELECT DISTINCT substr(phone, 1, 8) FROM members"));
        QList<QString> prefixes;
        while (query.next())
            prefixes << query.value(0).toString();
        const PhoneNumberNormalizer normalizer;
        int made = 0;
        for (int line = 9999; line >= 0 && made < importRows * 2; --line) {
            for (const QString& prefix : prefixes) {
                const QString phone = prefix + QString::number(line).rightJustified(4, QLatin1Char('0'));
                if (made < importRows)
                    csv += QStringLiteral("%1,Imported Member %2,member%2@example.com,1985-06-15,yes,%3\n")
                               .arg(typedPhone(phone))
                               .arg(made)
                               .arg(made % 500)
                               .toUtf8();
                else
                    floorPhones << (QStringLiteral("+1999") + QString::number(made)).toUtf8();
                if (++made >= importRows * 2)
                    break;
            }
        }
    }
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    auto imported = MemberImporter(engine.context()).importCsv(buffer, ImportOptions {}, bench);
    if (!imported || !imported->committed) {
        progress(imported ? QStringLiteral("import rejected rows: %1").arg(imported->errors.value(0).reason)
                          : imported.error().message);
        return 1;
    }
    const double importRate = double(imported->imported) / imported->seconds;
    // What validating one phone number costs in the phone library alone: the ceiling on an import's rate per core.
    bench::LatencySample phoneValidation;
    {
        const PhoneNumberNormalizer normalizer;
        for (const QString& phone : phones)
            phoneValidation.time([&] { misses += normalizer.normalize(typedPhone(phone)).ok() ? 0 : 1; });
    }
    const double importFloor = bare.insertRate(floorPhones);

    const QJsonObject figures {
        {QStringLiteral("members"), members},
        {QStringLiteral("sales"), sales},
        {QStringLiteral("ledger_entries"), generated->ledgerEntries},
        {QStringLiteral("generate_seconds"), generated->seconds},
        {QStringLiteral("lookup_phone_p50_ms"), phoneLookup.percentileMs(50)},
        {QStringLiteral("lookup_phone_p99_ms"), phoneLookup.percentileMs(99)},
        {QStringLiteral("floor_phone_p50_ms"), phoneFloor.percentileMs(50)},
        {QStringLiteral("floor_phone_p99_ms"), phoneFloor.percentileMs(99)},
        {QStringLiteral("lookup_card_p50_ms"), cardLookup.percentileMs(50)},
        {QStringLiteral("lookup_card_p99_ms"), cardLookup.percentileMs(99)},
        {QStringLiteral("floor_card_p50_ms"), cardFloor.percentileMs(50)},
        {QStringLiteral("floor_card_p99_ms"), cardFloor.percentileMs(99)},
        {QStringLiteral("accrual_p50_ms"), accrual.percentileMs(50)},
        {QStringLiteral("accrual_p99_ms"), accrual.percentileMs(99)},
        {QStringLiteral("floor_accrual_p50_ms"), accrualFloor.percentileMs(50)},
        {QStringLiteral("floor_accrual_p99_ms"), accrualFloor.percentileMs(99)},
        {QStringLiteral("import_members_per_s"), importRate},
        {QStringLiteral("floor_insert_rows_per_s"), importFloor},
        {QStringLiteral("phone_validation_p50_ms"), phoneValidation.percentileMs(50)},
        {QStringLiteral("failed_operations"), misses},
        {QStringLiteral("max_rss_mb"), double(maxRssKb()) / 1024.0},
    };
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(figures).toJson();
        return misses == 0 ? 0 : 1;
    }
    auto row = [](const QString& name, bench::LatencySample& ours, bench::LatencySample& floor) {
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6x |\n")
                   .arg(name)
                   .arg(ours.percentileMs(50), 0, 'f', 4)
                   .arg(ours.percentileMs(99), 0, 'f', 4)
                   .arg(floor.percentileMs(50), 0, 'f', 4)
                   .arg(floor.percentileMs(99), 0, 'f', 4)
                   .arg(ours.percentileMs(99) / floor.percentileMs(99), 0, 'f', 1);
    };
    out << QStringLiteral("%1 members, %2 sales, %3 ledger entries generated in %4 s\n\n")
               .arg(members)
               .arg(sales)
               .arg(generated->ledgerEntries)
               .arg(generated->seconds, 0, 'f', 1);
    out << "| operation | p50 ms | p99 ms | bare SQLite p50 ms | bare SQLite p99 ms | p99 / floor |\n"
           "|---|---|---|---|---|---|\n";
    row(QStringLiteral("lookup by phone (typed, normalised)"), phoneLookup, phoneFloor);
    row(QStringLiteral("lookup by card"), cardLookup, cardFloor);
    row(QStringLiteral("accrual commit (WAL, synchronous=FULL)"), accrual, accrualFloor);
    out << QStringLiteral("\nimport: %1 members/s (bare SQLite insert of member rows only: %2 rows/s)\n")
               .arg(importRate, 0, 'f', 0)
               .arg(importFloor, 0, 'f', 0);
    out << QStringLiteral("libphonenumber parse + validate of one typed number: p50 %1 ms (at most %2 numbers/s on "
                          "one core)\n")
               .arg(phoneValidation.percentileMs(50), 0, 'f', 4)
               .arg(1000.0 / phoneValidation.percentileMs(50), 0, 'f', 0);
    out << QStringLiteral("samples: %1 phone, %2 card, %3 accruals; failed operations: %4; max RSS %5 MB\n")
               .arg(phoneLookup.size())
               .arg(cardLookup.size())
               .arg(accrual.size())
               .arg(misses)
               .arg(double(maxRssKb()) / 1024.0, 0, 'f', 0);
    return misses == 0 ? 0 : 1;
}
