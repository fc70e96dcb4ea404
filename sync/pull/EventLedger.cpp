#include "sync/pull/EventLedger.h"

#include "core/common/Clock.h"
#include "core/services/BonusGranter.h"
#include "core/services/EnrollmentService.h"
#include "core/store/Database.h"
#include "core/store/GrantStore.h"
#include "core/store/LedgerWriter.h"
#include "core/store/SquareEventStore.h"
#include "core/store/SyncOutbox.h"
#include "core/store/Transaction.h"
#include "sync/square/AdjustmentReference.h"

namespace lt {

namespace {
// How an event made elsewhere enters the ledger.
LedgerKind ledgerKindFor(const QString& type)
{
    if (type == QLatin1String("ACCUMULATE_POINTS") || type == QLatin1String("ACCUMULATE_PROMOTION_POINTS"))
        return LedgerKind::Accrue;
    if (type == QLatin1String("CREATE_REWARD"))
        return LedgerKind::Redeem;
    if (type == QLatin1String("DELETE_REWARD"))
        return LedgerKind::Restore;
    if (type == QLatin1String("EXPIRE_POINTS"))
        return LedgerKind::Expire;
    return LedgerKind::Adjust;
}
} // namespace

EventLedger::EventLedger(Database& db, const Clock& clock, QString locationId)
    : m_db(db)
    , m_clock(clock)
    , m_locationId(std::move(locationId))
{
}

void EventLedger::reset()
{
    m_eventsRead = 0;
    m_eventsApplied = 0;
    m_unknownAccounts.clear();
    m_touched.clear();
}

Result<void> EventLedger::storePage(const QList<SquareEvent>& events, Mode mode)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        const QDateTime now = m_clock.nowUtc();
        SquareEventStore store(m_db);
        for (const SquareEvent& event : events) {
            ++m_eventsRead;
            LT_TRY(store.keepHeld(event.stored(), now));
            LT_TRY(classify(event.id, mode));
        }
        return {};
    });
}

Result<void> EventLedger::classify(const QString& eventId, Mode mode)
{
    SquareEventStore store(m_db);
    LT_TRY_ASSIGN(const std::optional<SquareEventStore::Kept> kept, store.byId(eventId));
    if (!kept || kept->state != SquareEventState::Held)
        return {};
    const SquareEventStore::Event& event = kept->event;
    const qint64 memberId = kept->memberId;
    if (memberId == 0) {
        if (!m_unknownAccounts.contains(event.accountId))
            m_unknownAccounts << event.accountId;
        return {};
    }
    if (!kept->memberHistoryRead && mode != Mode::History)
        return {}; // the account's history pull takes it, with everything before it

    const auto settle = [&](SquareEventState state, qint64 outboxId, qint64 ledgerId) {
        return store.settle(eventId, state, memberId, outboxId, ledgerId);
    };
    SyncOutbox outbox(m_db, m_clock);
    // Ours, though the answer that named it was lost or carried no event id.
    if (!event.rewardId.isEmpty()) {
        LT_TRY_ASSIGN(const qint64 ours, outbox.idBySquareRef(memberId, event.rewardId));
        if (ours > 0)
            return settle(SquareEventState::Ours, ours, 0);
    }
    if (const QString key = AdjustmentReference::keyIn(event.reason);
        event.type == QLatin1String("ADJUST_POINTS") && !key.isEmpty()) {
        LT_TRY_ASSIGN(const qint64 ours, outbox.idByIdempotencyKey(memberId, key));
        if (ours > 0) {
            // The answer was lost but Square applied it: the row is settled.
            LT_TRY(outbox.markSentFromEvent(ours));
            return settle(SquareEventState::Ours, ours, 0);
        }
    }
    if (event.type == QLatin1String("ACCUMULATE_POINTS") && event.locationId == m_locationId) {
        LT_TRY_ASSIGN(const qint64 ours, outbox.unclaimedSentAccrual(memberId, event.points));
        if (ours > 0)
            return settle(SquareEventState::Ours, ours, 0);
    }
    // An operation of this member may have reached Square without our knowing: wait until the push settles it.
    LT_TRY_ASSIGN(const bool inDoubt, outbox.hasUnknownOutcome(memberId));
    if (inDoubt)
        return {};

    if (event.points == 0)
        return settle(SquareEventState::Ignored, 0, 0);
    LedgerStore::NewEntry entry;
    entry.memberId = memberId;
    entry.kind = ledgerKindFor(event.type);
    entry.points = event.points;
    entry.note =
        QStringLiteral("Square %1%2")
            .arg(event.type, event.locationId.isEmpty() ? QString() : QStringLiteral(" at ") + event.locationId);
    // Made elsewhere: mirrored here, never queued back to Square.
    LT_TRY_ASSIGN(const qint64 written,
                  LedgerWriter(m_db, m_clock, QStringLiteral("Square")).append(entry, std::nullopt));
    LT_TRY(recordGrant(event, memberId, written));
    ++m_eventsApplied;
    m_touched.insert(memberId);
    return settle(SquareEventState::Applied, 0, written);
}

Result<void> EventLedger::recordGrant(const SquareEventStore::Event& event, qint64 memberId, qint64 ledgerId)
{
    // A bonus another till of the store granted (its natural key is in the reason): recorded under that key, so
    // that this till's own pass recognises it and never grants it again.
    GrantKind kind = GrantKind::Birthday;
    QString period;
    const QString key = AdjustmentReference::keyIn(event.reason);
    if (event.type != QLatin1String("ADJUST_POINTS") || !BonusGranter::parseKey(key, &kind, &period))
        return {};
    Grant grant;
    grant.key = key;
    grant.memberId = memberId;
    grant.kind = kind;
    grant.period = period;
    grant.points = event.points;
    grant.ledgerId = ledgerId;
    grant.createdAt = m_clock.nowUtc();
    LT_TRY(GrantStore(m_db).insert(grant, QStringLiteral("square")));
    return {};
}

Result<qint64> EventLedger::memberForPhone(const QString& phone, const QString& accountId, const QString& enrolledAt)
{
    // Enrolled the one way a member Square knows is: linked by phone when enrolled here too, otherwise created.
    SquareEnrollment account;
    account.phone = phone;
    account.accountId = accountId;
    account.enrolledAt = QDateTime::fromString(enrolledAt, Qt::ISODateWithMs);
    LT_TRY_ASSIGN(const Enrollment enrolled, EnrollmentService::enrollFromSquare(m_db, m_clock, account));
    return enrolled.member.id;
}

} // namespace lt
