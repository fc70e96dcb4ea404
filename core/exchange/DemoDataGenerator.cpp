#include "core/exchange/DemoDataGenerator.h"

#include "core/common/Clock.h"
#include "core/domain/CardNumber.h"
#include "core/domain/PointsRules.h"
#include "core/domain/SearchTerms.h"
#include "core/services/EngineContext.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <cstdio>
#include <random>
#include <vector>

namespace lt {

namespace {

const char* const FirstNames[] = {"Olivia", "Liam",   "Emma",   "Noah",     "Sofía", "Mateo",  "Zoë",    "Chloé",
                                  "Ana",    "José",   "Wei",    "Mei",      "Yuki",  "Haruto", "Aarav",  "Priya",
                                  "Fatima", "Omar",   "Ngozi",  "Kwame",    "Lucas", "Mia",    "Élodie", "Søren",
                                  "Björn",  "Ingrid", "Dmitri", "Олена",    "Ahmed", "Chen",   "Grace",  "Henry",
                                  "Isla",   "Jack",   "Leila",  "Mohammed", "Nora",  "Oscar",  "Paula",  "Rafael"};
const char* const LastNames[] = {"Smith",  "Johnson",  "García",  "Müller",    "Nguyễn", "Kim",    "O'Brien", "Rossi",
                                 "Silva",  "Kowalski", "Dubois",  "Hernández", "Wang",   "Li",     "Tanaka",  "Patel",
                                 "Okafor", "Mensah",   "Ivanova", "Andersson", "Cohen",  "Haddad", "Novak",   "Brown",
                                 "López",  "Martin",   "Schmidt", "Jensen",    "Costa",  "Yılmaz"};

QByteArray asciiLetters(const QString& text)
{
    QByteArray out;
    for (QChar c : SearchTerms::fold(text)) {
        if (c.unicode() < 128 && c.isLetter())
            out.append(char(c.unicode()));
    }
    return out;
}

struct DemoName
{
    QByteArray utf8;
    QList<QByteArray> terms;
    QByteArray emailPrefix; // "jose.garcia"
};

// Every first and last name pair with its search terms, worked out once instead of once per member.
QList<DemoName> demoNames()
{
    QList<DemoName> names;
    for (const char* first : FirstNames) {
        for (const char* last : LastNames) {
            const QString name = QString::fromUtf8(first) + QLatin1Char(' ') + QString::fromUtf8(last);
            DemoName demo {name.toUtf8(),
                           {},
                           asciiLetters(QString::fromUtf8(first)).toLower() + '.'
                               + asciiLetters(QString::fromUtf8(last)).toLower()};
            for (const QString& term : SearchTerms::forMember(name, QString()))
                demo.terms << term.toUtf8();
            names << demo;
        }
    }
    return names;
}

// ISO 8601 UTC with milliseconds, as toStorageTime writes it, without QDateTime's cost per row.
QByteArray isoUtc(qint64 secondsSinceEpoch)
{
    // Days to civil date: H. Hinnant's algorithm, valid for the proleptic Gregorian calendar.
    const qint64 days = secondsSinceEpoch / 86400;
    const qint64 rest = secondsSinceEpoch % 86400;
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.000Z", year, month, day,
                                rest / 3600, rest % 3600 / 60, rest % 60);
    return QByteArray(text, n);
}

// Area codes whose 555 numbers the phone library accepts, so generated numbers pass the same validation as real ones.
QList<int> validAreaCodes()
{
    QList<int> areas;
    const PhoneNumberNormalizer us(QStringLiteral("US"));
    for (int area = 201; area <= 989; ++area) {
        if (area % 100 == 11)
            continue;
        if (us.normalize(QStringLiteral("+1") + QString::number(area) + QStringLiteral("5551234")))
            areas << area;
    }
    return areas;
}
} // namespace

Result<GenerateReport> DemoDataGenerator::generate(const GenerateOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    if (options.members < 1 || options.members > MaximumMembers)
        return Error::invalid(
            QCoreApplication::translate("DemoDataGenerator", "Generate between 1 and %1 members.").arg(MaximumMembers),
            QStringLiteral("members"));
    if (options.sales < 0 || options.sales > MaximumSales)
        return Error::invalid(
            QCoreApplication::translate("DemoDataGenerator", "Generate between 0 and %1 sales.").arg(MaximumSales),
            QStringLiteral("sales"));
    auto existing = m_context.db.scalar(QStringLiteral("SELECT count(*) FROM members"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return Error::refused(
            QCoreApplication::translate("DemoDataGenerator",
                                        "Demo data goes into an empty store only; this one has %1 members.")
                .arg(existing->toLongLong()));
    const QList<int> areas = validAreaCodes();
    if (areas.isEmpty() || options.members > qint64(areas.size()) * 10000)
        return Error::invalid(
            QCoreApplication::translate("DemoDataGenerator", "Not enough demo phone numbers for %1 members.")
                .arg(options.members));

    auto connection = SqliteConnection::from(m_context.db);
    if (!connection)
        return connection.error();
    SqliteConnection& sql = *connection;
    // A page cache large enough for the whole working set: otherwise every index insert re-reads pages from the WAL.
    if (auto cache = sql.exec("PRAGMA cache_size = -1048576"); !cache)
        return cache.error();
    // The rows are consistent by construction (ids are assigned here); `check` verifies every reference.
    if (auto keys = sql.exec("PRAGMA foreign_keys = OFF"); !keys)
        return keys.error();
    if (auto begun = sql.exec("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    auto fail = [&sql](const Error& error) {
        (void)sql.exec("ROLLBACK");
        (void)sql.exec("PRAGMA cache_size = -2000");
        (void)sql.exec("PRAGMA foreign_keys = ON");
        return error;
    };

    // Secondary indexes are rebuilt once at the end: far cheaper than maintaining them row by row.
    QList<QByteArray> indexes;
    QSqlQuery indexSql(m_context.db.connection());
    if (!indexSql.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                                      "AND tbl_name IN ('members', 'cards', 'member_search', 'sales', 'ledger')")))
        return fail(Database::errorFrom(indexSql));
    QList<QByteArray> drops;
    while (indexSql.next()) {
        drops << "DROP INDEX " + indexSql.value(0).toString().toUtf8();
        indexes << indexSql.value(1).toString().toUtf8();
    }
    indexSql.finish();
    for (const QByteArray& drop : drops) {
        if (auto done = sql.exec(drop.constData()); !done)
            return fail(done.error());
    }

    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const QDateTime now = m_context.clock.nowUtc();
    const qint64 enrolFrom = now.addYears(-3).toSecsSinceEpoch();
    const qint64 enrolSpan = now.addYears(-2).toSecsSinceEpoch() - enrolFrom;
    const qint64 salesFrom = now.addYears(-2).toSecsSinceEpoch();
    const qint64 salesSpan = now.toSecsSinceEpoch() - salesFrom;
    const QByteArray consentVersion = "1";
    GenerateReport report;

    {
        SqliteStatement member(sql,
                               "INSERT INTO members (id, phone, name, email, birthday, consent, consent_at, "
                               "consent_version, enrolled_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "'generated')");
        SqliteStatement term(sql, "INSERT OR IGNORE INTO member_search (term, member_id) VALUES (?, ?)");
        SqliteStatement card(sql, "INSERT INTO cards (number, member_id, issued_at) VALUES (?, ?, ?)");
        const QList<DemoName> names = demoNames();
        for (qint64 i = 0; i < options.members; ++i) {
            const qint64 id = i + 1;
            const DemoName& name = names.at(int(rng() % quint64(names.size())));
            const QByteArray phone = "+1" + QByteArray::number(areas.at(int(i % areas.size()))) + "555"
                + QByteArray::number(i / areas.size()).rightJustified(4, '0');
            QByteArray email;
            if (unit(rng) < 0.6)
                email = name.emailPrefix + QByteArray::number(id) + "@example.com";
            QByteArray birthday;
            if (unit(rng) < 0.5)
                birthday = QDate(1950 + int(rng() % 55), 1 + int(rng() % 12), 1 + int(rng() % 28))
                               .toString(Qt::ISODate)
                               .toUtf8();
            const QByteArray enrolled = isoUtc(enrolFrom + qint64(unit(rng) * double(enrolSpan)));
            const bool consent = unit(rng) < 0.5;
            member.bind(1, id).bind(2, phone).bind(3, name.utf8).bind(4, email.isNull() ? QByteArray("") : email);
            member.bind(5, birthday).bind(6, consent ? 1 : 0);
            if (consent)
                member.bind(7, enrolled).bind(8, consentVersion);
            else
                member.bindNull(7).bindNull(8);
            member.bind(9, enrolled);
            if (auto done = member.run(QStringLiteral("member")); !done)
                return fail(done.error());
            // The e-mail is lower-case ASCII, so it is its own search term.
            for (const QByteArray& word : email.isEmpty() ? name.terms : name.terms + QList<QByteArray> {email}) {
                if (auto done = term.bind(1, word).bind(2, id).run(QStringLiteral("search term")); !done)
                    return fail(done.error());
            }
            if (unit(rng) < 0.7) {
                if (auto done = card.bind(1, CardNumber::fromSerial(id).toUtf8())
                                    .bind(2, id)
                                    .bind(3, enrolled)
                                    .run(QStringLiteral("card"));
                    !done)
                    return fail(done.error());
            }
            ++report.members;
            if (options.progress && id % 50000 == 0)
                options.progress(QStringLiteral("members"), id, options.members);
        }
    }

    std::vector<qint64> balance(size_t(options.members) + 1, 0);
    std::vector<qint64> lifetime(size_t(options.members) + 1, 0);
    {
        const LoyaltyProgram& program = m_context.program;
        const RewardTier* reward = nullptr;
        for (const RewardTier& tier : program.rewardTiers) {
            if (!tier.partial && (!reward || tier.points < reward->points))
                reward = &tier;
        }
        const PointsRules rules(program);
        const QByteArray currency = program.currency.toUtf8();
        std::exponential_distribution<double> spend(1.0 / 3500.0); // mean 35.00
        SqliteStatement sale(sql,
                             "INSERT INTO sales (id, reference, member_id, amount_minor, currency, points, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        SqliteStatement ledger(sql,
                               "INSERT INTO ledger (member_id, kind, points, sale_id, reward_tier_id, "
                               "discount_minor, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, 'demo', ?)");
        const QByteArray accrue = "accrue";
        const QByteArray redeem = "redeem";
        for (qint64 s = 1; s <= options.sales; ++s) {
            // A few loyal members buy often; many come rarely: what churn and repeat-rate reports need to show.
            const double u = unit(rng);
            const qint64 memberId = 1 + std::min<qint64>(options.members - 1, qint64(u * u * double(options.members)));
            const qint64 amount = std::clamp<qint64>(100 + qint64(spend(rng)), 100, 50000);
            const qint64 points = rules.pointsFor(Sale {QString(), Money(amount, program.currency), {}});
            const QByteArray at = isoUtc(salesFrom + salesSpan * s / (options.sales + 1));
            sale.bind(1, s).bind(2, "D" + QByteArray::number(s).rightJustified(9, '0')).bind(3, memberId);
            sale.bind(4, amount).bind(5, currency).bind(6, points).bind(7, at);
            if (auto done = sale.run(QStringLiteral("sale")); !done)
                return fail(done.error());
            if (points > 0) {
                ledger.bind(1, memberId).bind(2, accrue).bind(3, points).bind(4, s).bindNull(5).bindNull(6).bind(7, at);
                if (auto done = ledger.run(QStringLiteral("ledger")); !done)
                    return fail(done.error());
                ++report.ledgerEntries;
                balance[size_t(memberId)] += points;
                lifetime[size_t(memberId)] += points;
            }
            if (reward && balance[size_t(memberId)] >= reward->points && unit(rng) < 0.3) {
                ledger.bind(1, memberId).bind(2, redeem).bind(3, -reward->points).bindNull(4);
                ledger.bind(5, reward->id.toUtf8()).bind(6, reward->amountMinor).bind(7, at);
                if (auto done = ledger.run(QStringLiteral("ledger")); !done)
                    return fail(done.error());
                ++report.ledgerEntries;
                balance[size_t(memberId)] -= reward->points;
            }
            ++report.sales;
            if (options.progress && s % 250000 == 0)
                options.progress(QStringLiteral("sales"), s, options.sales);
        }
        SqliteStatement update(sql, "UPDATE members SET balance = ?, lifetime_points = ? WHERE id = ?");
        for (qint64 id = 1; id <= options.members; ++id) {
            if (lifetime[size_t(id)] == 0)
                continue;
            if (auto done = update.bind(1, balance[size_t(id)])
                                .bind(2, lifetime[size_t(id)])
                                .bind(3, id)
                                .run(QStringLiteral("balance"));
                !done)
                return fail(done.error());
        }
    }
    if (options.progress)
        options.progress(QStringLiteral("indexes"), 0, indexes.size());
    for (const QByteArray& create : indexes) {
        if (auto done = sql.exec(create.constData()); !done)
            return fail(done.error());
    }
    if (auto committed = sql.exec("COMMIT"); !committed)
        return fail(committed.error());
    (void)sql.exec("PRAGMA cache_size = -2000");
    (void)sql.exec("PRAGMA foreign_keys = ON");
    (void)sql.exec("PRAGMA optimize");
    report.seconds = double(timer.elapsed()) / 1000.0;
    return report;
}

} // namespace lt
