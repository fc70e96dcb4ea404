#include "core/exchange/DemoDataGenerator.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/CardNumber.h"
#include "core/domain/PointsRules.h"
#include "core/domain/SearchTerms.h"
#include "core/services/CardNumberAllocator.h"
#include "core/services/EngineContext.h"
#include "core/store/BulkMemberWriter.h"
#include "core/store/MemberStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

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

// The members: names in several scripts, 555 numbers, e-mails, birthdays and cards for most of them, enrolled
// two to three years ago. Member N's card has the serial `cardsAfter` + N.
Result<void> writeMembers(BulkMemberWriter& writer, const GenerateOptions& options, const QList<int>& areas,
                          qint64 cardsAfter, const QDateTime& now, std::mt19937_64& rng, GenerateReport& report)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const qint64 enrolFrom = now.addYears(-3).toSecsSinceEpoch();
    const qint64 enrolSpan = now.addYears(-2).toSecsSinceEpoch() - enrolFrom;
    const QList<DemoName> names = demoNames();
    const qint64 linesPerArea = (options.members + areas.size() - 1) / areas.size();
    BulkMemberWriter::Member member;
    member.consentVersion = "1";
    for (qint64 i = 0; i < options.members; ++i) {
        const qint64 id = i + 1;
        const DemoName& name = names.at(int(rng() % quint64(names.size())));
        member.id = id;
        // In the order of the phone index, which then grows at its end: the same low lines of every area, one area
        // after the other (the high lines stay free for numbers that are not members yet).
        member.phone = "+1" + QByteArray::number(areas.at(int(i / linesPerArea))) + "555"
            + QByteArray::number(i % linesPerArea).rightJustified(4, '0');
        member.name = name.utf8;
        member.email = QByteArray();
        if (unit(rng) < 0.6)
            member.email = name.emailPrefix + QByteArray::number(id) + "@example.com";
        member.birthday = QByteArray();
        if (unit(rng) < 0.5)
            member.birthday =
                QDate(1950 + int(rng() % 55), 1 + int(rng() % 12), 1 + int(rng() % 28)).toString(Qt::ISODate).toUtf8();
        member.enrolledAt = isoUtc(enrolFrom + qint64(unit(rng) * double(enrolSpan)));
        member.consent = unit(rng) < 0.5;
        // The e-mail is lower-case ASCII, so it is its own search term.
        member.searchTerms = member.email.isEmpty() ? name.terms : name.terms + QList<QByteArray> {member.email};
        member.card = unit(rng) < 0.7 ? CardNumber::fromSerial(cardsAfter + id).toUtf8() : QByteArray();
        LT_TRY(writer.addMember(member));
        ++report.members;
        if (options.progress && id % 50000 == 0)
            options.progress(QStringLiteral("members"), id, options.members);
    }
    return {};
}

// The sales over the last two years, earning points under the program, and some redemptions of its cheapest
// fixed reward; then each member's balance and lifetime points from what was written.
Result<void> writeSales(BulkMemberWriter& writer, const GenerateOptions& options, const LoyaltyProgram& program,
                        const QDateTime& now, std::mt19937_64& rng, GenerateReport& report)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const qint64 salesFrom = now.addYears(-2).toSecsSinceEpoch();
    const qint64 salesSpan = now.toSecsSinceEpoch() - salesFrom;
    std::vector<qint64> balance(size_t(options.members) + 1, 0);
    std::vector<qint64> lifetime(size_t(options.members) + 1, 0);
    std::vector<qint64> lastSale(size_t(options.members) + 1, 0);
    const RewardTier* reward = nullptr;
    for (const RewardTier& tier : program.rewardTiers) {
        if (!tier.partial && (!reward || tier.points < reward->points))
            reward = &tier;
    }
    const PointsRules rules(program);
    const QByteArray currency = program.currency.toUtf8();
    std::exponential_distribution<double> spend(1.0 / 3500.0); // mean 35.00
    for (qint64 s = 1; s <= options.sales; ++s) {
        // A few loyal members buy often; many come rarely: what churn and repeat-rate reports need to show.
        const double u = unit(rng);
        const qint64 memberId = 1 + std::min<qint64>(options.members - 1, qint64(u * u * double(options.members)));
        const qint64 amount = std::clamp<qint64>(100 + qint64(spend(rng)), 100, 50000);
        const qint64 points = rules.pointsFor(Sale {QString(), Money(amount, program.currency), {}});
        const QByteArray at = isoUtc(salesFrom + salesSpan * s / (options.sales + 1));
        LT_TRY(writer.addSale(s, "D" + QByteArray::number(s).rightJustified(9, '0'), memberId, amount, currency, points,
                              at));
        lastSale[size_t(memberId)] = s;
        if (points > 0) {
            LT_TRY(writer.addLedgerEntry(memberId, LedgerKind::Accrue, points, s, QByteArray(), std::nullopt, at));
            ++report.ledgerEntries;
            balance[size_t(memberId)] += points;
            lifetime[size_t(memberId)] += points;
        }
        if (reward && balance[size_t(memberId)] >= reward->points && unit(rng) < 0.3) {
            LT_TRY(writer.addLedgerEntry(memberId, LedgerKind::Redeem, -reward->points, 0, reward->id.toUtf8(),
                                         reward->amountMinor, at));
            ++report.ledgerEntries;
            balance[size_t(memberId)] -= reward->points;
        }
        ++report.sales;
        if (options.progress && s % 250000 == 0)
            options.progress(QStringLiteral("sales"), s, options.sales);
    }
    for (qint64 id = 1; id <= options.members; ++id) {
        const qint64 last = lastSale[size_t(id)];
        if (lifetime[size_t(id)] != 0 || last != 0)
            LT_TRY(writer.setPoints(id, balance[size_t(id)], lifetime[size_t(id)],
                                    last == 0 ? QByteArray()
                                              : isoUtc(salesFrom + salesSpan * last / (options.sales + 1))));
    }
    return {};
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
    LT_TRY_ASSIGN(const qint64 existing, MemberStore(m_context.db).count());
    if (existing > 0)
        return Error::refused(
            QCoreApplication::translate("DemoDataGenerator",
                                        "Demo data goes into an empty store only; this one has %1 members.")
                .arg(existing));
    const QList<int> areas = validAreaCodes();
    if (areas.isEmpty() || options.members > qint64(areas.size()) * 10000)
        return Error::invalid(
            QCoreApplication::translate("DemoDataGenerator", "Not enough demo phone numbers for %1 members.")
                .arg(options.members));

    LT_TRY_ASSIGN(std::unique_ptr<BulkMemberWriter> writer, BulkMemberWriter::begin(m_context.db));
    writer->reserveSales(options.sales);
    // Cards are numbered after every number reserved for pre-printed cards (read inside the write lock), which
    // belong to the customers they are handed to, not to demo members.
    LT_TRY_ASSIGN(const qint64 nextSerial, CardNumberAllocator(m_context.db, m_context.clock).nextSerial());
    const qint64 cardsAfter = nextSerial - 1;
    if (cardsAfter + options.members > CardNumberAllocator::HighestSerial)
        return Error::refused(
            QCoreApplication::translate("DemoDataGenerator", "Not enough card numbers are left for %1 demo members.")
                .arg(options.members));
    // One random sequence for members and sales, so that a seed always gives the same store.
    std::mt19937_64 rng(options.seed);
    const QDateTime now = m_context.clock.nowUtc();
    GenerateReport report;
    LT_TRY(writeMembers(*writer, options, areas, cardsAfter, now, rng, report));
    LT_TRY(writeSales(*writer, options, m_context.program, now, rng, report));
    if (options.progress)
        options.progress(QStringLiteral("indexes"), 0, writer->indexCount());
    LT_TRY(writer->commit());
    writer.reset();
    report.seconds = double(timer.elapsed()) / 1000.0;
    qCDebug(lcExchange) << "generated" << report.members << "demo members," << report.sales << "sales and"
                        << report.ledgerEntries << "ledger entries in" << report.seconds << "s";
    return report;
}

} // namespace lt
