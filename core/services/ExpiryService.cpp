#include "core/services/ExpiryService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/services/EngineContext.h"
#include "core/store/LedgerStore.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace lt {

namespace {

// The store's calendar day of a stored UTC moment. Going through QDateTime's time zone code for each of millions
// of entries would cost seconds, so the local days already met are kept as [start, end) intervals.
class LocalDays
{
public:
    QDate dayOf(const QDateTime& utc)
    {
        const qint64 msecs = utc.toMSecsSinceEpoch();
        const auto after = std::upper_bound(m_days.begin(), m_days.end(), msecs,
                                            [](qint64 value, const Day& day) { return value < day.startMsecs; });
        if (after != m_days.begin() && msecs < std::prev(after)->endMsecs)
            return std::prev(after)->date;
        const QDate date = utc.toLocalTime().date();
        const Day day {date.startOfDay(Qt::LocalTime).toMSecsSinceEpoch(),
                       date.addDays(1).startOfDay(Qt::LocalTime).toMSecsSinceEpoch(), date};
        if (day.startMsecs <= msecs && msecs < day.endMsecs)
            m_days.insert(after, day); // days do not overlap, so it goes where the search ended
        return date;
    }

private:
    struct Day
    {
        qint64 startMsecs = 0;
        qint64 endMsecs = 0;
        QDate date;
    };
    std::vector<Day> m_days; // ascending
};

// A member's entries as expiry counts them: the points, on the store's calendar day they were recorded.
const QList<DatedPoints>& datedPoints(const QList<LedgerStore::Movement>& entries, LocalDays& days,
                                      QList<DatedPoints>& dated)
{
    dated.clear();
    for (const LedgerStore::Movement& entry : entries)
        dated.append(DatedPoints {days.dayOf(entry.createdAt), entry.points});
    return dated;
}

// What one member has due, as the scan found it.
struct Due
{
    qint64 memberId = 0;
    qint64 lastEntryId = 0;
    QList<ExpiringPoints> lots;
};

QString noteFor(const QList<ExpiringPoints>& lots, const ExpiryRules& rules)
{
    QStringList months;
    for (const ExpiringPoints& lot : lots)
        months << rules.earnedIn(lot.expiresAt).toString(QStringLiteral("yyyy-MM"));
    return QCoreApplication::translate("ExpiryService", "Points earned in %1 expired after %n month(s).", nullptr,
                                       rules.months())
        .arg(months.join(QStringLiteral(", ")));
}

// One write transaction: an Expire entry for each member of the batch, sent nowhere. A member whose ledger moved
// since the scan (a sale at the till meanwhile) has what is due read again, inside the transaction.
Result<QList<ExpiryService::Expired>> recordBatch(EngineContext& context, const QList<Due>& batch,
                                                  const ExpiryRules& rules, QDate today, const Actor& actor)
{
    return inTransaction(context.db, [&]() -> Result<QList<ExpiryService::Expired>> {
        const LedgerStore ledger(context.db);
        LedgerWriter writer(context.db, context.clock, actor);
        LocalDays days;
        QList<DatedPoints> dated;
        QList<ExpiryService::Expired> expired;
        for (const Due& due : batch) {
            QList<ExpiringPoints> lots = due.lots;
            LT_TRY_ASSIGN(const qint64 lastEntryId, ledger.lastEntryId(due.memberId));
            if (lastEntryId != due.lastEntryId) {
                LT_TRY_ASSIGN(const LedgerStore::MemberLedger now, ledger.memberLedger(due.memberId));
                lots = rules.due(datedPoints(now.entries, days, dated), today);
            }
            const qint64 points = ExpiryRules::total(lots);
            if (points <= 0)
                continue;
            LedgerStore::NewEntry entry;
            entry.memberId = due.memberId;
            entry.kind = LedgerKind::Expire;
            entry.points = -points;
            entry.note = noteFor(lots, rules);
            LT_TRY(writer.append(entry, std::nullopt));
            expired.append(ExpiryService::Expired {due.memberId, points});
        }
        return expired;
    });
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

Result<QList<ExpiryService::Expired>> ExpiryService::expireDue(QDate today, const Actor& actor)
{
    QList<Expired> expired;
    if (!expiresLocally() || !today.isValid())
        return expired;
    QElapsedTimer timer;
    timer.start();
    const ExpiryRules rules(*m_context.program.expirationMonths);
    LocalDays days;
    QList<DatedPoints> dated;
    QList<Due> batch;
    auto flush = [&]() -> Result<void> {
        if (batch.isEmpty())
            return {};
        LT_TRY_ASSIGN(const QList<Expired> written, recordBatch(m_context, batch, rules, today, actor));
        expired += written;
        batch.clear();
        return {};
    };
    Result<void> flushed;
    LT_TRY(LedgerStore(m_context.db).scanPositiveBalances([&](const LedgerStore::MemberLedger& ledger) {
        QList<ExpiringPoints> lots = rules.due(datedPoints(ledger.entries, days, dated), today);
        if (lots.isEmpty())
            return true;
        batch.append(Due {ledger.memberId, ledger.lastEntryId, std::move(lots)});
        if (batch.size() < MembersPerTransaction)
            return true;
        flushed = flush();
        return flushed.ok();
    }));
    LT_TRY(flushed);
    LT_TRY(flush());
    qCInfo(lcServices) << "expiry on" << today.toString(Qt::ISODate) << "took points from" << expired.size()
                       << "members in" << timer.elapsed() << "ms";
    return expired;
}

} // namespace lt
