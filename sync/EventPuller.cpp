#include "sync/EventPuller.h"

#include "core/AuditLog.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/EngineContext.h"
#include "core/LedgerWriter.h"
#include "core/SyncConflicts.h"
#include "core/Transaction.h"
#include "sync/SquareClient.h"
#include "sync/SquareEvent.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

namespace lt {

Q_LOGGING_CATEGORY(lcPull, "loyaltytill.sync.pull")

namespace {
const QString PulledUntilKey = QStringLiteral("square.events_pulled_until");
constexpr int MaxPagesPerWalk = 20000;
constexpr int DiscoverPerPass = 200;
constexpr int AccountsPerSearch = 30; // SearchLoyaltyAccounts takes at most 30 mappings

QString rfc3339(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

// How an event made elsewhere enters the ledger.
QString ledgerKindFor(const QString& type)
{
    if (type == QLatin1String("ACCUMULATE_POINTS") || type == QLatin1String("ACCUMULATE_PROMOTION_POINTS"))
        return QStringLiteral("accrue");
    if (type == QLatin1String("CREATE_REWARD"))
        return QStringLiteral("redeem");
    if (type == QLatin1String("DELETE_REWARD"))
        return QStringLiteral("restore");
    if (type == QLatin1String("EXPIRE_POINTS"))
        return QStringLiteral("expire");
    return QStringLiteral("adjust");
}
} // namespace

struct EventPuller::Walk
{
    QJsonObject filter;
    PageHandler page;
    std::function<void()> done;
    QString cursor;
    int pages = 0;
};

EventPuller::EventPuller(Database& db, const Clock& clock, SquareClient& client, QString locationId, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_client(client)
    , m_locationId(std::move(locationId))
{
}

void EventPuller::pull(Callback done)
{
    if (m_running)
        return;
    m_running = true;
    m_done = std::move(done);
    m_outcome = {};
    m_unknownAccounts.clear();
    m_touchedMembers.clear();
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
    const QJsonObject filter {
        {QStringLiteral("date_time_filter"),
         QJsonObject {{QStringLiteral("created_at"),
                       QJsonObject {{QStringLiteral("start_at"), rfc3339(from.addSecs(-OverlapSeconds))}}}}}};
    walk(
        filter, [this](const QJsonArray& events) { return storePage(events, Mode::Recent); },
        [this] {
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

void EventPuller::walk(const QJsonObject& filter, PageHandler page, std::function<void()> done)
{
    auto w = std::make_shared<Walk>();
    w->filter = filter;
    w->page = std::move(page);
    w->done = std::move(done);
    walkPage(w);
}

void EventPuller::walkPage(const std::shared_ptr<Walk>& w)
{
    // A cursor is sent with the very same query it came from, as Square requires.
    QJsonObject body {{QStringLiteral("query"), QJsonObject {{QStringLiteral("filter"), w->filter}}},
                      {QStringLiteral("limit"), 30}};
    if (!w->cursor.isEmpty())
        body.insert(QStringLiteral("cursor"), w->cursor);
    m_client.post(QStringLiteral("/v2/loyalty/events/search"), body, [this, w](const SquareReply& reply) {
        if (!reply.ok) {
            fail(reply.error, QStringLiteral("Reading Square's loyalty events failed: "));
            return;
        }
        const QJsonValue events = reply.body.value(QLatin1String("events"));
        if (!events.isUndefined() && !events.isArray()) {
            fail(QStringLiteral("Square's event list is not a list; nothing was taken from it."));
            return;
        }
        if (auto stored = w->page(events.toArray()); !stored) {
            fail(stored.error().message);
            return;
        }
        const QJsonValue cursor = reply.body.value(QLatin1String("cursor"));
        if (cursor.isString() && !cursor.toString().isEmpty()) {
            if (++w->pages >= MaxPagesPerWalk) {
                fail(QStringLiteral("Square kept sending pages of events; the pull stopped after %1.")
                         .arg(MaxPagesPerWalk));
                return;
            }
            w->cursor = cursor.toString();
            walkPage(w);
            return;
        }
        w->done();
    });
}

Result<void> EventPuller::storePage(const QJsonArray& events, Mode mode)
{
    // A page is taken whole or not at all: one unusable event refuses it, and the pull mark stays where it was.
    QList<SquareEvent> parsed;
    for (const QJsonValue& value : events) {
        auto event = SquareEvent::fromJson(value.toObject());
        if (!event)
            return event.error();
        parsed.append(*event);
    }
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const QString now = toStorageTime(m_clock.nowUtc());
    for (const SquareEvent& event : parsed) {
        ++m_outcome.eventsPulled;
        QSqlQuery& insert = m_db.prepared(QStringLiteral(
            "INSERT INTO square_events (event_id, account_id, type, points, location_id, source, created_at, "
            "reward_id, reason, state, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?) "
            "ON CONFLICT (event_id) DO NOTHING"));
        {
            StatementScope scope(insert);
            if (auto done = m_db.exec(insert,
                                      {event.id, event.accountId, event.type, event.points, event.locationId,
                                       event.source, event.createdAt, event.rewardId, event.reason.left(500), now});
                !done)
                return done.error();
        }
        if (auto classified = classify(event.id, mode); !classified)
            return classified;
    }
    return transaction.commit();
}

Result<void> EventPuller::classify(const QString& eventId, Mode mode)
{
    QSqlQuery& read = m_db.prepared(QStringLiteral(
        "SELECT e.state, e.account_id, e.type, e.points, COALESCE(e.location_id, ''), COALESCE(e.reward_id, ''), "
        "COALESCE(e.reason, ''), e.created_at, m.id, m.square_history_at FROM square_events e "
        "LEFT JOIN members m ON m.square_account_id = e.account_id WHERE e.event_id = ?"));
    QString state, accountId, type, locationId, rewardId, reason, createdAt;
    qint64 points = 0;
    qint64 memberId = 0;
    bool historyRead = false;
    {
        StatementScope scope(read);
        if (auto done = m_db.exec(read, {eventId}); !done)
            return done;
        if (!read.next())
            return {};
        state = read.value(0).toString();
        accountId = read.value(1).toString();
        type = read.value(2).toString();
        points = read.value(3).toLongLong();
        locationId = read.value(4).toString();
        rewardId = read.value(5).toString();
        reason = read.value(6).toString();
        createdAt = read.value(7).toString();
        memberId = read.value(8).isNull() ? 0 : read.value(8).toLongLong();
        historyRead = !read.value(9).isNull();
    }
    if (state != QLatin1String("held"))
        return {};
    if (memberId == 0) {
        if (!m_unknownAccounts.contains(accountId))
            m_unknownAccounts << accountId;
        return {};
    }
    if (!historyRead && mode != Mode::History)
        return {}; // the account's history pull takes it, with everything before it

    auto settle = [&](const QString& newState, qint64 outboxId, qint64 ledgerId) -> Result<void> {
        return m_db.exec(QStringLiteral("UPDATE square_events SET state = ?, member_id = ?, outbox_id = ?, "
                                        "ledger_id = ? WHERE event_id = ?"),
                         {newState, memberId, outboxId > 0 ? QVariant(outboxId) : QVariant(),
                          ledgerId > 0 ? QVariant(ledgerId) : QVariant(), eventId});
    };

    // Ours, though the answer that named it was lost or carried no event id.
    if (!rewardId.isEmpty()) {
        auto ours = m_db.scalar(QStringLiteral("SELECT id FROM outbox WHERE member_id = ? AND square_ref = ?"),
                                {memberId, rewardId});
        if (!ours)
            return ours.error();
        if (!ours->isNull())
            return settle(QStringLiteral("ours"), ours->toLongLong(), 0);
    }
    static const QRegularExpression refPattern(QStringLiteral("\\[ref ([0-9A-Za-z-]{8,64})\\]"));
    if (type == QLatin1String("ADJUST_POINTS")) {
        if (auto m = refPattern.match(reason); m.hasMatch()) {
            auto ours = m_db.scalar(QStringLiteral("SELECT id FROM outbox WHERE idempotency_key = ? AND member_id = ?"),
                                    {m.captured(1), memberId});
            if (!ours)
                return ours.error();
            if (!ours->isNull()) {
                // The answer was lost but Square applied it: the row is settled.
                if (auto sent = m_db.exec(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ? "
                                                         "WHERE id = ? AND state = 'pending'"),
                                          {toStorageTime(m_clock.nowUtc()), ours->toLongLong()});
                    !sent)
                    return sent;
                return settle(QStringLiteral("ours"), ours->toLongLong(), 0);
            }
        }
    }
    if (type == QLatin1String("ACCUMULATE_POINTS") && locationId == m_locationId) {
        auto ours = m_db.scalar(
            QStringLiteral("SELECT o.id FROM outbox o WHERE o.member_id = ? AND o.state = 'sent' AND "
                           "o.operation = 'accrue' AND json_extract(o.payload, '$.points') = ? AND NOT EXISTS "
                           "(SELECT 1 FROM square_events s WHERE s.outbox_id = o.id) ORDER BY o.id LIMIT 1"),
            {memberId, points});
        if (!ours)
            return ours.error();
        if (!ours->isNull())
            return settle(QStringLiteral("ours"), ours->toLongLong(), 0);
    }
    // An operation of this member may have reached Square without our knowing: wait until the push settles it.
    auto doubt = m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'pending' "
                                            "AND first_attempt_at IS NOT NULL AND operation <> 'enroll'"),
                             {memberId});
    if (!doubt)
        return doubt.error();
    if (doubt->toLongLong() > 0)
        return {};

    if (points == 0)
        return settle(QStringLiteral("ignored"), 0, 0);
    EngineContext context {m_db, m_clock, {}, PhoneNumberNormalizer(), QStringLiteral("Square")};
    LedgerWriter::Entry entry;
    entry.memberId = memberId;
    entry.kind = ledgerKindFor(type);
    entry.points = points;
    entry.note =
        QStringLiteral("Square %1%2").arg(type, locationId.isEmpty() ? QString() : QStringLiteral(" at ") + locationId);
    // Made elsewhere: mirrored here, never queued back to Square.
    auto written = LedgerWriter(context).append(entry, QString());
    if (!written)
        return written.error();
    ++m_outcome.eventsApplied;
    m_touchedMembers.insert(memberId);
    return settle(QStringLiteral("applied"), 0, *written);
}

void EventPuller::discoverAccounts()
{
    if (m_unknownAccounts.isEmpty() || m_outcome.accountsDiscovered >= DiscoverPerPass) {
        pullHistories();
        return;
    }
    const QString accountId = m_unknownAccounts.takeFirst();
    m_client.get(
        QStringLiteral("/v2/loyalty/accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(accountId)),
        [this, accountId](const SquareReply& reply) {
            if (!reply.ok && reply.httpStatus == 404) {
                // Deleted or merged away: its events cannot belong to anyone here.
                (void)m_db.exec(QStringLiteral("UPDATE square_events SET state = 'ignored' "
                                               "WHERE account_id = ? AND state = 'held'"),
                                {accountId});
                discoverAccounts();
                return;
            }
            if (!reply.ok) {
                fail(reply.error, QStringLiteral("Reading a Square loyalty account failed: "));
                return;
            }
            const QJsonObject account = reply.body.value(QLatin1String("loyalty_account")).toObject();
            const QString phone =
                account.value(QLatin1String("mapping")).toObject().value(QLatin1String("phone_number")).toString();
            if (account.value(QLatin1String("id")).toString() != accountId) {
                fail(QStringLiteral("Square answered for another loyalty account than the one asked for."));
                return;
            }
            auto member = memberForPhone(phone, accountId, account.value(QLatin1String("enrolled_at")).toString());
            if (!member) {
                qCWarning(lcPull) << "account" << accountId << "not taken:" << member.error().message;
            } else if (*member > 0) {
                ++m_outcome.accountsDiscovered;
                m_touchedMembers.insert(*member);
            }
            discoverAccounts();
        });
}

Result<qint64> EventPuller::memberForPhone(const QString& phone, const QString& accountId, const QString& enrolledAt)
{
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
    if (!e164.match(phone).hasMatch())
        return Error::invalid(QStringLiteral("the account has no usable phone number"));
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto existing = m_db.scalar(QStringLiteral("SELECT id FROM members WHERE phone = ?"), {phone});
    if (!existing)
        return existing.error();
    qint64 memberId = 0;
    const QString now = toStorageTime(m_clock.nowUtc());
    if (!existing->isNull()) {
        // Enrolled here too but not linked yet: link now; the account's history is read next.
        memberId = existing->toLongLong();
        if (auto done = m_db.exec(QStringLiteral("UPDATE members SET square_account_id = ?, square_history_at = NULL "
                                                 "WHERE id = ? AND square_account_id IS NULL"),
                                  {accountId, memberId});
            !done)
            return done.error();
    } else {
        const QDateTime enrolled = QDateTime::fromString(enrolledAt, Qt::ISODateWithMs);
        const QString at = enrolled.isValid() ? toStorageTime(enrolled.toUTC()) : now;
        // Enrolled at Square (its POS or another store's till), which asked for the customer's consent there.
        QSqlQuery insert(m_db.connection());
        insert.prepare(QStringLiteral("INSERT INTO members (phone, consent, consent_at, consent_version, enrolled_at, "
                                      "square_account_id, origin) VALUES (?, 1, ?, 'square', ?, ?, 'import')"));
        for (const QVariant& v : {QVariant(phone), QVariant(at), QVariant(at), QVariant(accountId)})
            insert.addBindValue(v);
        if (!insert.exec())
            return Database::errorFrom(insert);
        memberId = insert.lastInsertId().toLongLong();
        if (auto audited =
                AuditLog(m_db, m_clock)
                    .record(QStringLiteral("Square"), QStringLiteral("member.pull"),
                            QStringLiteral("member:%1").arg(memberId), {{QStringLiteral("account"), accountId}});
            !audited)
            return audited.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return memberId;
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
    const QJsonObject filter {{QStringLiteral("loyalty_account_filter"),
                               QJsonObject {{QStringLiteral("loyalty_account_id"), account->toString()}}}};
    // Oldest events come last (newest first); they are held until the whole history is in, then applied.
    walk(
        filter, [this](const QJsonArray& events) { return storePage(events, Mode::Recent); },
        [this, memberId] {
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
            m_touchedMembers.insert(memberId);
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
                done = classify(id, Mode::History);
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
    const QSet<qint64>& candidates = secondLook ? m_mismatched : m_touchedMembers;
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
    for (qsizetype i = 0; i < phones.size(); i += AccountsPerSearch)
        batches->append(phones.mid(i, AccountsPerSearch));
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
        const QStringList batch = batches->takeFirst();
        QJsonArray mappings;
        for (const QString& phone : batch)
            mappings.append(QJsonObject {{QStringLiteral("phone_number"), phone}});
        const QJsonObject body {{QStringLiteral("query"), QJsonObject {{QStringLiteral("mappings"), mappings}}},
                                {QStringLiteral("limit"), AccountsPerSearch}};
        m_client.post(
            QStringLiteral("/v2/loyalty/accounts/search"), body,
            [this, secondLook, self = weak.lock()](const SquareReply& reply) {
                if (!reply.ok) {
                    fail(reply.error, QStringLiteral("Reading Square's balances failed: "));
                    return;
                }
                for (const QJsonValue& value : reply.body.value(QLatin1String("loyalty_accounts")).toArray()) {
                    const QJsonObject account = value.toObject();
                    const QJsonValue balance = account.value(QLatin1String("balance"));
                    const QString id = account.value(QLatin1String("id")).toString();
                    if (id.isEmpty() || !balance.isDouble() || double(balance.toInteger()) != balance.toDouble()) {
                        fail(QStringLiteral("Square sent a loyalty account without an id or an integer balance."));
                        return;
                    }
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
                    const qint64 square = balance.toInteger();
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
    const QJsonObject filter {
        {QStringLiteral("loyalty_account_filter"),
         QJsonObject {{QStringLiteral("loyalty_account_id"), account->toString()}}},
        {QStringLiteral("date_time_filter"),
         QJsonObject {{QStringLiteral("created_at"),
                       QJsonObject {{QStringLiteral("start_at"), rfc3339(m_startedAt.addSecs(-OverlapSeconds))}}}}}};
    walk(
        filter, [this](const QJsonArray& events) { return storePage(events, Mode::Recent); },
        [this, members] { lookAgain(members); });
}

void EventPuller::fail(const SquareError& error, const QString& context)
{
    m_outcome.squareError = error;
    fail(context + error.message());
}

void EventPuller::fail(const QString& error)
{
    qCWarning(lcPull) << "pull stopped:" << error;
    m_outcome.ok = false;
    m_outcome.error = error;
    m_running = false;
    if (m_done)
        m_done(m_outcome);
}

void EventPuller::finish()
{
    m_outcome.ok = true;
    m_running = false;
    if (m_done)
        m_done(m_outcome);
}

} // namespace lt
