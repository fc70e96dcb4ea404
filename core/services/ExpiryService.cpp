#include "core/services/ExpiryService.h"

#include "core/common/Clock.h"
#include "core/common/LocalDays.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/services/EngineContext.h"
#include "core/store/LedgerStore.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace lt {

namespace {

// A member's entries as expiry counts them: the points, on the store's calendar day they were recorded.
const QList<DatedPoints>& datedPoints(const QList<LedgerStore::Movement>& entries, LocalDays& days,
                                      QList<DatedPoints>& dated)
{
    dated.clear();
    for (const LedgerStore::Movement& entry : entries)
        dated.append(DatedPoints {days.dayOf(entry.createdAt), entry.points});
    return dated;
}

// One pass of expireDue: what the scan finds due is written in transactions of MembersPerTransaction members.
class ExpiryRun
{
public:
    ExpiryRun(EngineContext& context, int months, QDate today, const Actor& actor)
        : m_context(context)
        , m_rules(months)
        , m_today(today)
        , m_actor(actor)
        // One text for every note of the pass: only the months differ.
        , m_note(QCoreApplication::translate("ExpiryService", "Points earned in %1 expired."))
    {
    }

    // Takes what the member has due; writes a batch when it is full.
    Result<void> add(const LedgerStore::MemberLedger& ledger)
    {
        if (m_readUpTo == 0)
            m_readUpTo = ledger.readUpTo;
        QList<ExpiringPoints> lots = m_rules.due(datedPoints(ledger.entries, m_days, m_dated), m_today);
        if (lots.isEmpty())
            return {};
        m_batch.append(Due {ledger.memberId, std::move(lots)});
        return m_batch.size() < ExpiryService::MembersPerTransaction ? Result<void>() : flush();
    }
    Result<void> flush();
    const QList<ExpiryService::Expired>& expired() const { return m_expired; }

private:
    struct Due
    {
        qint64 memberId = 0;
        QList<ExpiringPoints> lots;
    };

    Result<QList<ExpiryService::Expired>> record();
    QString noteFor(const QList<ExpiringPoints>& lots) const
    {
        QStringList months;
        for (const ExpiringPoints& lot : lots)
            months << m_rules.earnedIn(lot.expiresAt).toString(QStringLiteral("yyyy-MM"));
        return m_note.arg(months.join(QStringLiteral(", ")));
    }

    EngineContext& m_context;
    const ExpiryRules m_rules;
    const QDate m_today;
    const Actor& m_actor;
    const QString m_note;
    LocalDays m_days;
    QList<DatedPoints> m_dated;
    QList<Due> m_batch;
    QList<ExpiryService::Expired> m_expired;
    qint64 m_readUpTo = 0; // every entry up to this one is known: read by the scan, or looked at since
    QSet<qint64> m_moved; // members whose ledger moved after the scan read it
};

Result<void> ExpiryRun::flush()
{
    if (m_batch.isEmpty())
        return {};
    LT_TRY_ASSIGN(const QList<ExpiryService::Expired> written,
                  inBackgroundTransaction(m_context.db, [this]() { return record(); }));
    m_expired += written;
    m_batch.clear();
    return {};
}

// Inside the transaction, which holds the write lock: the entries made since the scan are found first (a sale at the
// till meanwhile), and those members' due points are read again. The next transaction looks only at the entries
// made after these: its own, and whatever came between the two.
Result<QList<ExpiryService::Expired>> ExpiryRun::record()
{
    const LedgerStore ledger(m_context.db);
    LT_TRY_ASSIGN(const LedgerStore::MovedMembers moved, ledger.movedAfter(m_readUpTo));
    for (const qint64 memberId : moved.memberIds) {
        if (memberId >= m_batch.constFirst().memberId) // earlier ones are written already (by id, as scanned)
            m_moved.insert(memberId);
    }
    m_readUpTo = moved.upTo;
    QList<LedgerStore::NewEntry> entries;
    QList<ExpiryService::Expired> expired;
    for (const Due& due : std::as_const(m_batch)) {
        QList<ExpiringPoints> lots = due.lots;
        if (m_moved.contains(due.memberId)) {
            LT_TRY_ASSIGN(const LedgerStore::MemberLedger now, ledger.memberLedger(due.memberId));
            lots = m_rules.due(datedPoints(now.entries, m_days, m_dated), m_today);
        }
        const qint64 points = ExpiryRules::total(lots);
        if (points <= 0)
            continue;
        LedgerStore::NewEntry entry;
        entry.memberId = due.memberId;
        entry.kind = LedgerKind::Expire;
        entry.points = -points;
        entry.note = noteFor(lots);
        entries.append(entry);
        expired.append(ExpiryService::Expired {due.memberId, points});
    }
    LT_TRY(LedgerWriter(m_context.db, m_context.clock, m_actor).appendMany(entries));
    return expired;
}

} // namespace

bool ExpiryService::expiresLocally() const
{
    return m_context.program.expirationMonths.has_value() && m_context.program.squareProgramId.isEmpty();
}

Result<QList<ExpiringPoints>> ExpiryService::expiring(qint64 memberId, QDate today) const
{
    LT_TRY_ASSIGN(const MemberStore::Standing standing, MemberStore(m_context.db).standing(memberId));
    if (standing == MemberStore::Standing::Missing)
        return Error::notFound(QCoreApplication::translate("ExpiryService", "There is no member %1.").arg(memberId));
    if (!m_context.program.expirationMonths)
        return QList<ExpiringPoints>();
    LT_TRY_ASSIGN(const LedgerStore::MemberLedger ledger, LedgerStore(m_context.db).memberLedger(memberId));
    LocalDays days;
    QList<DatedPoints> dated;
    return ExpiryRules(*m_context.program.expirationMonths).live(datedPoints(ledger.entries, days, dated), today);
}

QString ExpiryService::forecastStateKey()
{
    return QStringLiteral("reports.expiry_forecast");
}

QString ExpiryService::forecastText(const Forecast& forecast)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(forecast.on.toString(Qt::ISODate))
        .arg(forecast.within30)
        .arg(forecast.within60)
        .arg(forecast.within90);
}

std::optional<ExpiryService::Forecast> ExpiryService::forecastFrom(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(' '));
    if (parts.size() != 4)
        return std::nullopt;
    Forecast forecast;
    forecast.on = QDate::fromString(parts.at(0), Qt::ISODate);
    bool ok30 = false;
    bool ok60 = false;
    bool ok90 = false;
    forecast.within30 = parts.at(1).toLongLong(&ok30);
    forecast.within60 = parts.at(2).toLongLong(&ok60);
    forecast.within90 = parts.at(3).toLongLong(&ok90);
    if (!forecast.on.isValid() || !ok30 || !ok60 || !ok90)
        return std::nullopt;
    return forecast;
}

Result<ExpiryService::Forecast> ExpiryService::forecast(QDate today) const
{
    Forecast forecast;
    forecast.on = today;
    if (!m_context.program.expirationMonths || !today.isValid())
        return forecast;
    const ExpiryRules rules(*m_context.program.expirationMonths);
    LocalDays days;
    QList<DatedPoints> dated;
    LT_TRY(LedgerStore(m_context.db).scanPositiveBalances([&](const LedgerStore::MemberLedger& ledger) {
        for (const ExpiringPoints& lot : rules.live(datedPoints(ledger.entries, days, dated), today)) {
            const qint64 daysLeft = today.daysTo(lot.expiresAt);
            forecast.within30 += daysLeft < 30 ? lot.points : 0;
            forecast.within60 += daysLeft < 60 ? lot.points : 0;
            forecast.within90 += daysLeft < 90 ? lot.points : 0;
        }
        return true;
    }));
    return forecast;
}

Result<QList<ExpiryService::Expired>> ExpiryService::expireDue(QDate today, const Actor& actor)
{
    if (!expiresLocally() || !today.isValid())
        return QList<Expired>();
    QElapsedTimer timer;
    timer.start();
    ExpiryRun run(m_context, *m_context.program.expirationMonths, today, actor);
    Result<void> added;
    LT_TRY(LedgerStore(m_context.db).scanPositiveBalances([&](const LedgerStore::MemberLedger& ledger) {
        added = run.add(ledger);
        return added.ok();
    }));
    LT_TRY(added);
    LT_TRY(run.flush());
    qCInfo(lcServices) << "expiry on" << today.toString(Qt::ISODate) << "took points from" << run.expired().size()
                       << "members in" << timer.elapsed() << "ms";
    return run.expired();
}

} // namespace lt
