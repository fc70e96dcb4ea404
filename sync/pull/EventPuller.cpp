#include "sync/pull/EventPuller.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/MemberStore.h"
#include "core/store/SquareEventStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
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
    auto mark = StoreSettings(m_db).state(PulledUntilKey);
    if (!mark) {
        fail(mark.error().message);
        return;
    }
    if (*mark)
        from = fromStorageTime(**mark);
    if (!from.isValid())
        from = m_startedAt;
    SquareEventFilter filter;
    filter.createdFrom = from.addSecs(-OverlapSeconds);
    walk(filter, [this] {
        // Every page was read: the next pass starts here (less the overlap).
        if (auto saved = StoreSettings(m_db).setState(PulledUntilKey, toStorageTime(m_startedAt)); !saved) {
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
            (void)SquareEventStore(m_db).ignoreHeldOf(accountId);
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
    MemberStore members(m_db);
    auto next = members.nextWithoutSquareHistory();
    if (!next) {
        fail(next.error().message);
        return;
    }
    if (*next == 0 || m_historiesRead >= HistoryAccountsPerPass) {
        applyHeld(false);
        return;
    }
    const qint64 memberId = *next;
    auto account = members.squareAccountId(memberId);
    if (!account) {
        fail(account.error().message);
        return;
    }
    ++m_historiesRead;
    SquareEventFilter filter;
    filter.accountId = *account;
    // Oldest events come last (newest first); they are held until the whole history is in, then applied.
    walk(filter, [this, memberId] {
        const auto markRead = [&] {
            return MemberStore(m_db).markSquareHistoryRead(memberId, m_clock.nowUtc());
        };
        if (auto done = inTransaction(m_db, markRead); !done) {
            fail(done.error().message);
            return;
        }
        m_ledger.touch(memberId);
        pullHistories();
    });
}

void EventPuller::applyHeld(bool secondLook)
{
    auto held = SquareEventStore(m_db).heldIds();
    if (!held) {
        fail(held.error().message);
        return;
    }
    if (!held->isEmpty()) {
        const auto classifyAll = [&]() -> Result<void> {
            for (const QString& id : std::as_const(*held))
                LT_TRY(m_ledger.classify(id, EventLedger::Mode::History));
            return {};
        };
        if (auto done = inTransaction(m_db, classifyAll); !done) {
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
    MemberStore members(m_db);
    for (qint64 member : candidates) {
        auto phone = members.phoneWhenSettledWithSquare(member);
        if (!phone) {
            fail(phone.error().message);
            return;
        }
        if (!phone->isEmpty())
            phones << *phone;
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
                    if (auto compared = compareAccount(account, secondLook); !compared) {
                        fail(compared.error().message);
                        return;
                    }
                }
                (*self)();
            });
    };
    (*step)();
}

// One of Square's balances against the store's: local = Square + what Square has not got yet. A difference is
// looked at again after the events in between are read; seen twice, it is a conflict for a manager.
Result<void> EventPuller::compareAccount(const SquareAccount& account, bool secondLook)
{
    MemberStore members(m_db);
    LT_TRY_ASSIGN(const auto link, members.bySquareAccount(account.id));
    if (!link)
        return {};
    const qint64 member = link->memberId;
    const qint64 local = link->balance;
    LT_TRY_ASSIGN(const qint64 notAtSquare, SyncOutbox(m_db, m_clock).pointsNotAtSquare(member));
    const qint64 square = *account.balance;
    (void)members.recordSquareBalance(member, square, m_clock.nowUtc());
    const qint64 difference = square - (local - notAtSquare);
    if (difference == 0)
        return {};
    if (!secondLook) {
        m_mismatched.insert(member);
        return {};
    }
    SyncConflicts conflicts(m_db, m_clock);
    if (auto known = conflicts.balanceMismatchKnown(member, difference); known && *known)
        return {};
    auto recorded = conflicts.record(
        {0, member, ConflictKind::BalanceMismatch, QString(),
         QStringLiteral("Square's balance is %1, the till expects %2.").arg(square).arg(local - notAtSquare),
         QJsonObject {{QStringLiteral("balance"), local},
                      {QStringLiteral("not_at_square"), notAtSquare},
                      {QStringLiteral("expected_at_square"), local - notAtSquare}},
         QJsonObject {{QStringLiteral("balance"), square},
                      {QStringLiteral("account_id"), account.id},
                      {QStringLiteral("difference"), difference}}});
    if (recorded)
        ++m_outcome.conflictsFound;
    return {};
}

void EventPuller::lookAgain(QList<qint64> members)
{
    // Events may have arrived between the pull and the balance read: read each account's recent events again.
    if (members.isEmpty()) {
        applyHeld(true);
        return;
    }
    const qint64 member = members.takeFirst();
    auto account = MemberStore(m_db).squareAccountId(member);
    if (!account || account->isEmpty()) {
        lookAgain(members);
        return;
    }
    SquareEventFilter filter;
    filter.accountId = *account;
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
