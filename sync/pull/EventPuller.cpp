#include "sync/pull/EventPuller.h"

#include "core/common/Clock.h"
#include "core/services/EngineContext.h"
#include "core/store/Database.h"
#include "core/store/SyncConflicts.h"
#include "core/store/Transaction.h"
#include "sync/SyncLogging.h"
#include "sync/square/SquareEventPager.h"
#include "sync/square/SquareLoyaltyApi.h"

#include <QJsonObject>

#include <memory>

namespace lt {

namespace {
const QString PulledUntilKey = QStringLiteral("square.events_pulled_until");
constexpr int DiscoverPerPass = 200;
} // namespace

EventPuller::EventPuller(Database& db, const Clock& clock, SquareLoyaltyApi& api, QString locationId, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_api(api)
    , m_locationId(locationId)
    , m_ledger(db, clock, std::move(locationId))
{
}

void EventPuller::pull(Callback done)
{
    if (m_running)
        return;
    m_running = true;
    m_done = std::move(done);
    m_outcome = {};
    m_ledger.reset();
    m_mismatched.clear();
    m_historiesRead = 0;
    pullRecent();
}

void EventPuller::pullRecent()
{
    m_startedAt = m_clock.nowUtc();
    QDateTime from = m_startedAt;
    auto mark = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {PulledUntilKey});
    if (!mark) {
        fail(mark.error().message);
        return;
    }
    if (!mark->isNull())
        from = fromStorageTime(mark->toString());
    if (!from.isValid())
        from = m_startedAt;
    SquareEventFilter filter;
    filter.createdFrom = from.addSecs(-OverlapSeconds);
    walk(filter, [this] {
        // Every page was read: the next pass starts here (less the overlap).
        if (auto saved = m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                   {PulledUntilKey, toStorageTime(m_startedAt)});
            !saved) {
            fail(saved.error().message);
            return;
        }
        discoverAccounts();
    });
}

void EventPuller::walk(const SquareEventFilter& filter, std::function<void()> done)
{
    SquareEventPager::walk(
        m_api, filter,
        [this](const QList<SquareEvent>& events) {
            if (auto stored = m_ledger.storePage(events, EventLedger::Mode::Recent); !stored) {
                fail(stored.error().message);
                return false;
            }
            return true;
        },
        [this, done = std::move(done)](const SquareResult<void>& walked) {
            if (!walked) {
                fail(walked.error(), QStringLiteral("Reading Square's loyalty events failed: "));
                return;
            }
            done();
        });
}

void EventPuller::discoverAccounts()
{
    if (m_ledger.unknownAccounts().isEmpty() || m_outcome.accountsDiscovered >= DiscoverPerPass) {
        pullHistories();
        return;
    }
    const QString accountId = m_ledger.unknownAccounts().takeFirst();
    m_api.retrieveAccount(accountId, [this, accountId](const SquareResult<SquareAccount>& account) {
        if (!account && account.error().httpStatus == 404) {
            // Deleted or merged away: its events cannot belong to anyone here.
            (void)m_db.exec(QStringLiteral("UPDATE square_events SET state = 'ignored' "
                                           "WHERE account_id = ? AND state = 'held'"),
                            {accountId});
            discoverAccounts();
            return;
        }
        if (!account) {
            fail(account.error(), QStringLiteral("Reading a Square loyalty account failed: "));
            return;
        }
        auto member = m_ledger.memberForPhone(account->phone, accountId, account->enrolledAt);
        if (!member) {
            qCWarning(lcPull) << "account" << accountId << "not taken:" << member.error().message;
        } else if (*member > 0) {
            ++m_outcome.accountsDiscovered;
            m_ledger.touch(*member);
        }
        discoverAccounts();
    });
}

void EventPuller::pullHistories()
{
    auto next = m_db.scalar(QStringLiteral("SELECT id FROM members WHERE square_account_id IS NOT NULL AND "
                                           "square_history_at IS NULL AND origin <> 'generated' ORDER BY id LIMIT 1"));
    if (!next) {
        fail(next.error().message);
        return;
    }
    if (next->isNull() || m_historiesRead >= HistoryAccountsPerPass) {
        applyHeld(false);
        return;
    }
    const qint64 memberId = next->toLongLong();
    auto account = m_db.scalar(QStringLiteral("SELECT square_account_id FROM members WHERE id = ?"), {memberId});
    if (!account) {
        fail(account.error().message);
        return;
    }
    ++m_historiesRead;
    SquareEventFilter filter;
    filter.accountId = account->toString();
    // Oldest events come last (newest first); they are held until the whole history is in, then applied.
    walk(filter, [this, memberId] {
        Transaction transaction(m_db);
        Result<void> done = transaction.begin();
        if (done)
            done = m_db.exec(QStringLiteral("UPDATE members SET square_history_at = ? WHERE id = ?"),
                             {toStorageTime(m_clock.nowUtc()), memberId});
        if (done)
            done = transaction.commit();
        if (!done) {
            fail(done.error().message);
            return;
        }
        m_ledger.touch(memberId);
        pullHistories();
    });
}

void EventPuller::applyHeld(bool secondLook)
{
    QSqlQuery held(m_db.connection());
    if (!held.exec(QStringLiteral("SELECT event_id FROM square_events WHERE state = 'held' ORDER BY created_at"))) {
        fail(Database::errorFrom(held).message);
        return;
    }
    QStringList ids;
    while (held.next())
        ids << held.value(0).toString();
    held.finish();
    if (!ids.isEmpty()) {
        Transaction transaction(m_db);
        Result<void> done = transaction.begin();
        for (const QString& id : std::as_const(ids)) {
            if (done)
                done = m_ledger.classify(id, EventLedger::Mode::History);
        }
        if (done)
            done = transaction.commit();
        if (!done) {
            fail(done.error().message);
            return;
        }
    }
    compareBalances(secondLook);
}

void EventPuller::compareBalances(bool secondLook)
{
    const QSet<qint64>& candidates = secondLook ? m_mismatched : m_ledger.touched();
    // Members in a settled state only: no held events, no operation of unknown outcome.
    QStringList phones;
    QSqlQuery& read = m_db.prepared(QStringLiteral(
        "SELECT m.phone FROM members m WHERE m.id = ? AND m.phone IS NOT NULL AND m.square_account_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM square_events e WHERE e.account_id = m.square_account_id AND e.state = 'held') "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.member_id = m.id AND o.state = 'pending' "
        "AND o.first_attempt_at IS NOT NULL)"));
    for (qint64 member : candidates) {
        StatementScope scope(read);
        if (auto done = m_db.exec(read, {member}); !done) {
            fail(done.error().message);
            return;
        }
        if (read.next())
            phones << read.value(0).toString();
    }
    if (!secondLook)
        m_mismatched.clear();
    auto batches = std::make_shared<QList<QStringList>>();
    for (qsizetype i = 0; i < phones.size(); i += SquareLoyaltyApi::MaxPhonesPerSearch)
        batches->append(phones.mid(i, SquareLoyaltyApi::MaxPhonesPerSearch));
    auto step = std::make_shared<std::function<void()>>();
    // The step holds itself only weakly; the request in flight holds it strongly.
    *step = [this, batches, weak = std::weak_ptr(step), secondLook] {
        if (batches->isEmpty()) {
            if (!secondLook && !m_mismatched.isEmpty())
                lookAgain(QList<qint64>(m_mismatched.begin(), m_mismatched.end()));
            else
                finish();
            return;
        }
        m_api.searchAccountsByPhone(
            batches->takeFirst(),
            [this, secondLook, self = weak.lock()](const SquareResult<QList<SquareAccount>>& accounts) {
                if (!accounts) {
                    fail(accounts.error(), QStringLiteral("Reading Square's balances failed: "));
                    return;
                }
                // All or nothing: one account without a balance refuses the answer before anything is written.
                for (const SquareAccount& account : *accounts) {
                    if (!account.balance) {
                        fail(QStringLiteral("Square sent a loyalty account without an id or an integer balance."));
                        return;
                    }
                }
                for (const SquareAccount& account : *accounts) {
                    const QString& id = account.id;
                    QSqlQuery query(m_db.connection());
                    query.prepare(QStringLiteral(
                        "SELECT m.id, m.balance, (SELECT COALESCE(sum(json_extract(o.payload, '$.points')), 0) "
                        "FROM outbox o WHERE o.member_id = m.id AND o.operation <> 'enroll' AND (o.state = 'pending' "
                        "OR (o.state = 'conflict' AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE "
                        "c.outbox_id = o.id AND c.resolution = 'accept-square')))) FROM members m "
                        "WHERE m.square_account_id = ?"));
                    query.addBindValue(id);
                    if (!query.exec()) {
                        fail(Database::errorFrom(query).message);
                        return;
                    }
                    if (!query.next())
                        continue;
                    const qint64 member = query.value(0).toLongLong();
                    const qint64 local = query.value(1).toLongLong();
                    const qint64 notAtSquare = query.value(2).toLongLong();
                    query.finish();
                    const qint64 square = *account.balance;
                    (void)m_db.exec(QStringLiteral("UPDATE members SET square_balance = ?, square_checked_at = ? "
                                                   "WHERE id = ?"),
                                    {square, toStorageTime(m_clock.nowUtc()), member});
                    const qint64 difference = square - (local - notAtSquare);
                    if (difference == 0)
                        continue;
                    if (!secondLook) {
                        m_mismatched.insert(member);
                        continue;
                    }
                    // Seen twice, with the events in between read: a disagreement for a manager.
                    auto known = m_db.scalar(
                        QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE member_id = ? AND kind = "
                                       "'balance_mismatch' AND (resolved_at IS NULL OR (resolution = 'dismiss' AND "
                                       "json_extract(square_facts, '$.difference') = ?))"),
                        {member, difference});
                    if (known && known->toLongLong() > 0)
                        continue;
                    EngineContext context {m_db, m_clock, {}, PhoneNumberNormalizer(), QStringLiteral("Square")};
                    auto recorded = SyncConflicts(context).record(
                        {0, member, QStringLiteral("balance_mismatch"), QString(),
                         QStringLiteral("Square's balance is %1, the till expects %2.")
                             .arg(square)
                             .arg(local - notAtSquare),
                         QJsonObject {{QStringLiteral("balance"), local},
                                      {QStringLiteral("not_at_square"), notAtSquare},
                                      {QStringLiteral("expected_at_square"), local - notAtSquare}},
                         QJsonObject {{QStringLiteral("balance"), square},
                                      {QStringLiteral("account_id"), id},
                                      {QStringLiteral("difference"), difference}}});
                    if (recorded)
                        ++m_outcome.conflictsFound;
                }
                (*self)();
            });
    };
    (*step)();
}

void EventPuller::lookAgain(QList<qint64> members)
{
    // Events may have arrived between the pull and the balance read: read each account's recent events again.
    if (members.isEmpty()) {
        applyHeld(true);
        return;
    }
    const qint64 member = members.takeFirst();
    auto account = m_db.scalar(QStringLiteral("SELECT square_account_id FROM members WHERE id = ?"), {member});
    if (!account || account->isNull()) {
        lookAgain(members);
        return;
    }
    SquareEventFilter filter;
    filter.accountId = account->toString();
    filter.createdFrom = m_startedAt.addSecs(-OverlapSeconds);
    walk(filter, [this, members] { lookAgain(members); });
}

void EventPuller::fail(const SquareError& error, const QString& context)
{
    qCWarning(lcPull) << "pull stopped:" << context << error.logSummary();
    m_outcome.squareError = error;
    stopWith(error.inContext(context));
}

void EventPuller::fail(const QString& error)
{
    qCWarning(lcPull) << "pull stopped:" << error;
    stopWith(error);
}

void EventPuller::stopWith(const QString& error)
{
    m_outcome.ok = false;
    m_outcome.eventsPulled = m_ledger.eventsRead();
    m_outcome.eventsApplied = m_ledger.eventsApplied();
    m_outcome.error = error;
    m_running = false;
    if (m_done)
        m_done(m_outcome);
}

void EventPuller::finish()
{
    m_outcome.ok = true;
    m_outcome.eventsPulled = m_ledger.eventsRead();
    m_outcome.eventsApplied = m_ledger.eventsApplied();
    m_running = false;
    if (m_done)
        m_done(m_outcome);
}

} // namespace lt
