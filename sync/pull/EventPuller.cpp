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
// "square" once the mark is in Square's clock; earlier versions kept the till's clock in it.
const QString MarkClockKey = QStringLiteral("square.events_pulled_until_clock");
const QString SquareClock = QStringLiteral("square");
constexpr int DiscoverPerPass = 200;

QDateTime createdAt(const SquareEvent& event)
{
    return QDateTime::fromString(event.createdAt, Qt::ISODateWithMs).toUTC(); // checked by SquareEvent::fromJson
}
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
    StoreSettings settings(m_db);
    auto mark = settings.state(PulledUntilKey);
    auto clock = settings.state(MarkClockKey);
    if (!mark || !clock) {
        fail(!mark ? mark.error().message : clock.error().message);
        return;
    }
    m_mark = {};
    m_newestSeen = {};
    QDateTime tillMark;
    if (*mark) {
        const QDateTime at = fromStorageTime(**mark);
        (*clock && **clock == SquareClock ? m_mark : tillMark) = at;
    }
    SquareEventFilter filter;
    if (m_mark.isValid())
        filter.createdFrom = m_mark.addSecs(-OverlapSeconds);
    else // the first pass starts from the till's clock: older events come with each account's history
        filter.createdFrom = (tillMark.isValid() ? tillMark : m_clock.nowUtc()).addSecs(-TillClockAllowanceSeconds);
    walk(filter, true, [this] {
        // Every page was read: the next pass starts from the newest event, less the overlap.
        if (m_newestSeen.isValid()) {
            if (saveMark(m_mark.isValid() ? std::max(m_mark, m_newestSeen) : m_newestSeen))
                discoverAccounts();
        } else if (!m_mark.isValid()) {
            markSquaresNewest();
        } else {
            discoverAccounts();
        }
    });
}

void EventPuller::markSquaresNewest()
{
    m_api.searchEvents(SquareEventFilter {}, QString(), [this](const SquareResult<SquareEventPage>& page) {
        if (!page) {
            fail(page.error(), QStringLiteral("Reading Square's loyalty events failed: "));
            return;
        }
        QDateTime newest = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC); // none at Square yet: all that comes is new
        for (const SquareEvent& event : page->events)
            newest = std::max(newest, createdAt(event));
        if (saveMark(newest))
            discoverAccounts();
    });
}

bool EventPuller::saveMark(const QDateTime& mark)
{
    const auto save = [&]() -> Result<void> {
        StoreSettings settings(m_db);
        LT_TRY(settings.setState(PulledUntilKey, toStorageTime(mark)));
        return settings.setState(MarkClockKey, SquareClock);
    };
    if (auto saved = inTransaction(m_db, save); !saved) {
        fail(saved.error().message);
        return false;
    }
    m_mark = mark;
    return true;
}

void EventPuller::walk(const SquareEventFilter& filter, bool marks, std::function<void()> done)
{
    SquareEventPager::walk(
        m_api, filter,
        [this, marks](const QList<SquareEvent>& events) {
            if (auto stored = m_ledger.storePage(events, EventLedger::Mode::Recent); !stored) {
                fail(stored.error().message);
                return false;
            }
            for (const SquareEvent& event : events) {
                if (const QDateTime at = createdAt(event); marks && (!m_newestSeen.isValid() || m_newestSeen < at))
                    m_newestSeen = at;
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
    walk(filter, false, [this, memberId] {
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
    filter.createdFrom = m_mark.addSecs(-OverlapSeconds); // this pass's mark: what came after the pull is read
    walk(filter, false, [this, members] { lookAgain(members); });
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
