#include "sync/pull/EventLedger.h"

#include "core/common/Clock.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/Transaction.h"
#include "sync/square/AdjustmentReference.h"

#include <QRegularExpression>

namespace lt {

namespace {
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
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const QString now = toStorageTime(m_clock.nowUtc());
    for (const SquareEvent& event : events) {
        ++m_eventsRead;
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

Result<void> EventLedger::classify(const QString& eventId, Mode mode)
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
    if (const QString key = AdjustmentReference::keyIn(reason);
        type == QLatin1String("ADJUST_POINTS") && !key.isEmpty()) {
        auto ours = m_db.scalar(QStringLiteral("SELECT id FROM outbox WHERE idempotency_key = ? AND member_id = ?"),
                                {key, memberId});
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
    LedgerWriter::Entry entry;
    entry.memberId = memberId;
    entry.kind = ledgerKindFor(type);
    entry.points = points;
    entry.note =
        QStringLiteral("Square %1%2").arg(type, locationId.isEmpty() ? QString() : QStringLiteral(" at ") + locationId);
    // Made elsewhere: mirrored here, never queued back to Square.
    auto written = LedgerWriter(m_db, m_clock, QStringLiteral("Square")).append(entry, QString());
    if (!written)
        return written.error();
    ++m_eventsApplied;
    m_touched.insert(memberId);
    return settle(QStringLiteral("applied"), 0, *written);
}

Result<qint64> EventLedger::memberForPhone(const QString& phone, const QString& accountId, const QString& enrolledAt)
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

} // namespace lt
