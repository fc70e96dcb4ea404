#pragma once

#include "core/common/Result.h"
#include "core/store/SquareEventStore.h"
#include "sync/square/SquareEvent.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace lt {

class Clock;
class Database;

// How Square's events enter the store. Each event is kept once by its id, then settled: ours (Square returned it
// to a push, or it names a reward or an idempotency key of ours), applied (made elsewhere: one ledger entry, never
// queued back), held (its account is unknown here, its history is not read yet, or an operation of the member has
// an unknown outcome), or ignored (no points, or an account Square deleted).
class EventLedger
{
public:
    enum class Mode {
        Recent, // events of a member whose history is not read yet wait for that history
        History, // the member's history is being settled: take them
    };

    EventLedger(Database& db, const Clock& clock, QString locationId);

    void reset(); // before a pass: counts, unknown accounts and touched members start again
    // One page of events, in one transaction.
    Result<void> storePage(const QList<SquareEvent>& events, Mode mode);
    // Settles a stored event that is still held; runs inside the caller's transaction.
    Result<void> classify(const QString& eventId, Mode mode);
    // The member for a Square account: linked by phone when enrolled here too, otherwise created.
    Result<qint64> memberForPhone(const QString& phone, const QString& accountId, const QString& enrolledAt);

    int eventsRead() const { return m_eventsRead; }
    int eventsApplied() const { return m_eventsApplied; }
    QStringList& unknownAccounts() { return m_unknownAccounts; }
    const QSet<qint64>& touched() const { return m_touched; }
    void touch(qint64 memberId) { m_touched.insert(memberId); }

private:
    Result<void> recordGrant(const SquareEventStore::Event& event, qint64 memberId, qint64 ledgerId);

    Database& m_db;
    const Clock& m_clock;
    QString m_locationId;
    int m_eventsRead = 0;
    int m_eventsApplied = 0;
    QStringList m_unknownAccounts;
    QSet<qint64> m_touched;
};

} // namespace lt
