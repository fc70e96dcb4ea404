#include "sync/outbox/OutboxPusher.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"
#include "sync/SyncLogging.h"
#include "sync/outbox/AppliedEventSearch.h"
#include "sync/outbox/RefusedOperation.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareEvent.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace lt {

namespace {
QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

bool alwaysApplies(const QString& ledgerKind)
{
    // Reversals of points Square already has, and balances brought in: the till decided, Square must record them
    // even when its balance (missing another till's unsent sales) would go below zero.
    return ledgerKind == QLatin1String("refund") || ledgerKind == QLatin1String("void")
        || ledgerKind == QLatin1String("opening") || ledgerKind == QLatin1String("restore");
}
} // namespace

OutboxPusher::OutboxPusher(Database& db, const Clock& clock, SquareClient& client, QString locationId, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_client(client)
    , m_locationId(std::move(locationId))
{
}

int OutboxPusher::rowRetryDelayMs(int attempts)
{
    const int exponent = std::clamp(attempts - 1, 0, 6);
    return std::min(60000 << exponent, 3600000);
}

void OutboxPusher::pushOnce()
{
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_summary = {};
    m_membersInFlight.clear();
    if (m_windowFromSettings) {
        const qint64 hours = StoreSettings(m_db).value(StoreSettings::SyncIdempotencyWindowHours).toLongLong();
        m_windowMs = std::max<qint64>(1, hours) * 3600 * 1000;
    }
    if (m_programId.isEmpty())
        fetchProgram();
    else
        fill();
}

void OutboxPusher::fetchProgram()
{
    // A seller has one program; "main" names it. Its id is needed to create accounts.
    m_client.get(QStringLiteral("/v2/loyalty/programs/main"), [this](const SquareReply& reply) {
        if (!reply.ok) {
            m_summary.unauthorized = reply.error.stopsSync();
            stop(QStringLiteral("Reading the loyalty program failed: ") + reply.error.message());
            return;
        }
        m_programId = reply.body.value(QLatin1String("program")).toObject().value(QLatin1String("id")).toString();
        if (m_programId.isEmpty()) {
            stop(QStringLiteral("Square answered without a loyalty program id."));
            return;
        }
        fill();
    });
}

void OutboxPusher::fill()
{
    if (!m_running || m_filling)
        return;
    m_filling = true;
    if (!m_stopping && m_membersInFlight.size() < m_maxInFlight) {
        auto rows = loadCandidates(m_maxInFlight - int(m_membersInFlight.size()));
        if (!rows) {
            m_filling = false;
            stop(rows.error().message);
            return;
        }
        for (const Row& row : *rows) {
            m_membersInFlight.insert(row.memberId);
            start(row);
        }
    }
    m_filling = false;
    if (m_membersInFlight.isEmpty())
        finish();
}

Result<QList<OutboxPusher::Row>> OutboxPusher::loadCandidates(int wanted)
{
    QStringList busy;
    for (qint64 member : std::as_const(m_membersInFlight))
        busy << QString::number(member);
    // The first pending row of each member that is due, oldest first; a member whose link to Square is in
    // question (phone rejected, account gone) waits for a manager.
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral("SELECT o.id, o.member_id, o.operation, COALESCE(l.kind, ''), o.payload, o.idempotency_key, "
                       "o.attempts, o.first_attempt_at, o.square_ref, m.square_account_id, m.phone "
                       "FROM outbox o JOIN members m ON m.id = o.member_id LEFT JOIN ledger l ON l.id = o.ledger_id "
                       "WHERE o.state = 'pending' AND m.origin <> 'generated' "
                       "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
                       "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.member_id = o.member_id AND p.state = 'pending' "
                       "AND p.id < o.id) "
                       "AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.member_id = o.member_id "
                       "AND c.resolved_at IS NULL AND (c.kind = 'phone_rejected' OR c.kind = 'account_missing')) "
                       "%1 ORDER BY o.id LIMIT ?")
            .arg(busy.isEmpty() ? QString() : QStringLiteral("AND o.member_id NOT IN (%1)").arg(busy.join(u','))));
    query.addBindValue(toStorageTime(m_clock.nowUtc()));
    query.addBindValue(wanted);
    if (!query.exec())
        return Database::errorFrom(query);
    QList<Row> rows;
    QStringList ids;
    while (query.next()) {
        Row row;
        row.id = query.value(0).toLongLong();
        row.memberId = query.value(1).toLongLong();
        row.operation = query.value(2).toString();
        row.ledgerKind = query.value(3).toString();
        row.payload = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
        row.idempotencyKey = query.value(5).toString();
        row.attempts = query.value(6).toInt();
        if (!query.value(7).isNull())
            row.firstAttemptAt = fromStorageTime(query.value(7).toString());
        row.squareRef = query.value(8).toString();
        row.accountId = query.value(9).toString();
        row.phone = query.value(10).toString();
        if (!row.firstAttemptAt.isValid())
            ids << QString::number(row.id);
        rows.append(row);
    }
    query.finish();
    if (!ids.isEmpty()) {
        // Recorded before the first request leaves, so that after any crash the row is known to be in doubt.
        const QString now = toStorageTime(m_clock.nowUtc());
        // One statement whatever the ids (the store keeps every statement text it prepared).
        if (auto done = m_db.exec(QStringLiteral("UPDATE outbox SET first_attempt_at = ? WHERE first_attempt_at IS "
                                                 "NULL AND id IN (SELECT value FROM json_each(?))"),
                                  {now, QStringLiteral("[%1]").arg(ids.join(u','))});
            !done)
            return done.error();
        for (Row& row : rows) {
            if (!row.firstAttemptAt.isValid())
                row.firstAttemptAt = fromStorageTime(now);
        }
    }
    return rows;
}

void OutboxPusher::start(const Row& row)
{
    if (row.operation == QLatin1String("enroll")) {
        pushEnroll(row);
        return;
    }
    ensureAccount(row,
                  [this](const Row& linked) { checkEvents(linked, [this](const Row& checked) { send(checked); }); });
}

void OutboxPusher::pushEnroll(const Row& row)
{
    const auto sent = [this](const Row& linked) {
        done(linked, SquareReply {true, 200, {}, {}, 0}, linked.accountId, {});
    };
    if (!row.accountId.isEmpty()) {
        sent(row);
        return;
    }
    ensureAccount(row, sent);
}

void OutboxPusher::ensureAccount(const Row& row, const Step& then)
{
    if (!row.accountId.isEmpty()) {
        then(row);
        return;
    }
    QString phone = row.payload.value(QLatin1String("phone")).toString();
    if (phone.isEmpty())
        phone = row.phone;
    if (phone.isEmpty()) {
        SquareError error;
        error.kind = SquareError::Kind::Rejected;
        error.code = QStringLiteral("INVALID_PHONE_NUMBER");
        error.detail = QStringLiteral("The member has no phone number, which Square requires.");
        refused(row, error);
        return;
    }
    // The enrollment's own key creates the account; any other row that must link first uses a key derived
    // from its own, so the account is created at most once per row.
    const QString key = row.operation == QLatin1String("enroll")
        ? row.idempotencyKey
        : QString(row.idempotencyKey + QStringLiteral(":account"));
    linkAccount(row, phone, key, then);
}

void OutboxPusher::linkAccount(const Row& row, const QString& phone, const QString& key, const Step& then)
{
    // One account per phone at Square: link to it when it exists (enrolled at Square's POS or by another till).
    const QJsonObject search {{QStringLiteral("query"),
                               QJsonObject {{QStringLiteral("mappings"),
                                             QJsonArray {QJsonObject {{QStringLiteral("phone_number"), phone}}}}}},
                              {QStringLiteral("limit"), 1}};
    m_client.post(
        QStringLiteral("/v2/loyalty/accounts/search"), search, [this, row, phone, key, then](const SquareReply& reply) {
            if (!reply.ok) {
                done(row, reply, {}, {});
                return;
            }
            const QJsonArray accounts = reply.body.value(QLatin1String("loyalty_accounts")).toArray();
            if (!accounts.isEmpty()) {
                linkThen(row, accounts.at(0).toObject().value(QLatin1String("id")).toString(), false, then);
                return;
            }
            const QJsonObject body {
                {QStringLiteral("idempotency_key"), key},
                {QStringLiteral("loyalty_account"),
                 QJsonObject {{QStringLiteral("program_id"), m_programId},
                              {QStringLiteral("mapping"), QJsonObject {{QStringLiteral("phone_number"), phone}}}}}};
            m_client.post(QStringLiteral("/v2/loyalty/accounts"), body, [this, row, then](const SquareReply& created) {
                if (!created.ok) {
                    done(row, created, {}, {});
                    return;
                }
                linkThen(row,
                         created.body.value(QLatin1String("loyalty_account"))
                             .toObject()
                             .value(QLatin1String("id"))
                             .toString(),
                         true, then);
            });
        });
}

void OutboxPusher::linkThen(const Row& row, const QString& accountId, bool fresh, const Step& then)
{
    Result<void> linked = accountId.isEmpty()
        ? Result<void>(Error::invalid(QStringLiteral("Square answered without a loyalty account id.")))
        : link(row, accountId, fresh);
    if (!linked) {
        stop(linked.error().message);
        release(row);
        return;
    }
    Row next = row;
    next.accountId = accountId;
    then(next);
}

void OutboxPusher::checkEvents(const Row& row, const Step& then)
{
    // Within Square's idempotency memory a resend with the same key is safe. Beyond it, an attempt whose answer was
    // lost may have been applied: look for it among the account's events first (they carry no reference of ours,
    // so accumulations are matched by type, points and location, adjustments by the key in their reason).
    // The first attempt is recorded before its request leaves, so a row whose process died mid-request (attempts
    // still 0) is checked too.
    if (!row.firstAttemptAt.isValid() || row.firstAttemptAt.msecsTo(m_clock.nowUtc()) < m_windowMs) {
        then(row);
        return;
    }
    QString tierId;
    AppliedEventSearch::Query query;
    query.accountId = row.accountId;
    query.operation = row.operation;
    query.reward = usesRewardTier(row, tierId);
    query.points = row.points();
    query.idempotencyKey = row.idempotencyKey;
    query.rewardId = row.squareRef;
    query.locationId = m_locationId;
    query.since = row.firstAttemptAt;
    AppliedEventSearch::run(m_client, m_db, query, [this, row, then](const AppliedEventSearch::Outcome& outcome) {
        if (!outcome.failure.ok) {
            done(row, outcome.failure, row.accountId, {});
            return;
        }
        if (!outcome.match.isEmpty()) {
            ++m_summary.confirmedFromEvents;
            done(row, SquareReply {true, 200, {}, {}, 0}, row.accountId, outcome.match);
            return;
        }
        Row checked = row;
        if (!outcome.createdRewardId.isEmpty()) {
            // Kept before redeeming, as after a create whose answer arrived.
            if (auto stored = storeRef(row, outcome.createdRewardId); !stored) {
                stop(stored.error().message);
                release(row);
                return;
            }
            checked.squareRef = outcome.createdRewardId;
        }
        then(checked);
    });
}

bool OutboxPusher::usesRewardTier(const Row& row, QString& tierId) const
{
    if (row.operation != QLatin1String("redeem") || row.payload.value(QLatin1String("force")).toBool())
        return false;
    tierId = row.payload.value(QLatin1String("reward_tier_id")).toString();
    if (tierId.isEmpty())
        return false;
    auto program = ProgramRepository(m_db, m_clock).load();
    if (!program || program->squareProgramId.isEmpty())
        return false;
    const RewardTier* tier = program->tier(tierId);
    // Square's tiers are fixed: a tier of another cost, or one where the cashier chose the points, is an adjustment.
    return tier && !tier->partial && -tier->points == row.points();
}

void OutboxPusher::send(const Row& row)
{
    const qint64 points = row.points();
    if (points == 0) {
        // Nothing changes at Square, and Accumulate refuses 0 points.
        done(row, SquareReply {true, 200, {}, {}, 0}, row.accountId, {});
        return;
    }
    if (row.operation == QLatin1String("accrue") && points > 0) {
        m_client.post(
            QStringLiteral("/v2/loyalty/accounts/%1/accumulate").arg(segment(row.accountId)),
            QJsonObject {{QStringLiteral("idempotency_key"), row.idempotencyKey},
                         {QStringLiteral("location_id"), m_locationId},
                         {QStringLiteral("accumulate_points"), QJsonObject {{QStringLiteral("points"), points}}}},
            [this, row](const SquareReply& reply) {
                done(row, reply, row.accountId, reply.body.value(QLatin1String("events")).toArray());
            });
        return;
    }
    QString tierId;
    if (usesRewardTier(row, tierId)) {
        pushReward(row, tierId);
        return;
    }
    pushAdjust(row);
}

void OutboxPusher::pushReward(const Row& row, const QString& tierId)
{
    if (!row.squareRef.isEmpty()) {
        redeemReward(row, row.squareRef);
        return;
    }
    const QJsonObject body {{QStringLiteral("idempotency_key"), row.idempotencyKey},
                            {QStringLiteral("reward"),
                             QJsonObject {{QStringLiteral("loyalty_account_id"), row.accountId},
                                          {QStringLiteral("reward_tier_id"), tierId}}}};
    m_client.post(QStringLiteral("/v2/loyalty/rewards"), body, [this, row](const SquareReply& reply) {
        if (!reply.ok) {
            done(row, reply, row.accountId, {});
            return;
        }
        const QString rewardId =
            reply.body.value(QLatin1String("reward")).toObject().value(QLatin1String("id")).toString();
        if (rewardId.isEmpty()) {
            stop(QStringLiteral("Square answered without a reward id."));
            release(row);
            return;
        }
        // Kept before redeeming: a restart redeems this reward instead of creating another.
        if (auto stored = storeRef(row, rewardId); !stored) {
            stop(stored.error().message);
            release(row);
            return;
        }
        redeemReward(row, rewardId);
    });
}

void OutboxPusher::redeemReward(const Row& row, const QString& rewardId)
{
    m_client.post(
        QStringLiteral("/v2/loyalty/rewards/%1/redeem").arg(segment(rewardId)),
        QJsonObject {{QStringLiteral("idempotency_key"), QString(row.idempotencyKey + QStringLiteral(":redeem"))},
                     {QStringLiteral("location_id"), m_locationId}},
        [this, row](const SquareReply& reply) {
            const QJsonValue event = reply.body.value(QLatin1String("event"));
            done(row, reply, row.accountId, event.isObject() ? QJsonArray {event} : QJsonArray {});
        });
}

void OutboxPusher::pushAdjust(const Row& row)
{
    const qint64 points = row.points();
    QString reason = row.payload.value(QLatin1String("reason")).toString().simplified();
    if (reason.isEmpty())
        reason = QStringLiteral("LoyaltyTill ") + row.operation;
    // The key in the reason lets a later check find this adjustment among the account's events.
    reason = reason.left(3400) + QStringLiteral(" [ref %1]").arg(row.idempotencyKey);
    const bool allowNegative =
        points > 0 || alwaysApplies(row.ledgerKind) || row.payload.value(QLatin1String("force")).toBool();
    QJsonObject body {{QStringLiteral("idempotency_key"), row.idempotencyKey},
                      {QStringLiteral("adjust_points"),
                       QJsonObject {{QStringLiteral("points"), points}, {QStringLiteral("reason"), reason}}}};
    if (allowNegative)
        body.insert(QStringLiteral("allow_negative_balance"), true);
    m_client.post(QStringLiteral("/v2/loyalty/accounts/%1/adjust").arg(segment(row.accountId)), body,
                  [this, row](const SquareReply& reply) {
                      const QJsonValue event = reply.body.value(QLatin1String("event"));
                      done(row, reply, row.accountId, event.isObject() ? QJsonArray {event} : QJsonArray {});
                  });
}

void OutboxPusher::done(const Row& row, const SquareReply& reply, const QString& accountId, const QJsonArray& events)
{
    if (reply.ok) {
        Row sent = row;
        sent.accountId = accountId;
        if (auto stored = markSent(sent, accountId, events); !stored) {
            stop(stored.error().message);
        } else {
            ++m_summary.sent;
            emit rowSent(row.id);
        }
        release(row);
        return;
    }
    if (reply.error.retryable() || reply.error.stopsSync()) {
        if (auto stored = markDeferred(row, reply.error); !stored) {
            stop(stored.error().message);
        } else {
            ++m_summary.deferred;
            m_summary.unauthorized = m_summary.unauthorized || reply.error.stopsSync();
            // Square is unreachable or refuses the token: the rest would fail the same way.
            stop(reply.error.message());
        }
        release(row);
        return;
    }
    refused(row, reply.error);
}

void OutboxPusher::refused(const Row& row, const SquareError& error)
{
    // Both sides' facts for the manager: Square's current balance when the account can still be read.
    auto record = [this, row, error](const QJsonObject& account, bool accountGone) {
        QJsonObject squareFacts {{QStringLiteral("http_status"), error.httpStatus},
                                 {QStringLiteral("code"), error.code},
                                 {QStringLiteral("detail"), error.detail.left(500)},
                                 {QStringLiteral("field"), error.field}};
        if (!row.accountId.isEmpty())
            squareFacts.insert(QStringLiteral("account_id"), row.accountId);
        if (account.value(QLatin1String("balance")).isDouble())
            squareFacts.insert(QStringLiteral("balance"), account.value(QLatin1String("balance")).toInteger());
        QString message = error.message();
        if (accountGone)
            squareFacts.insert(QStringLiteral("account_found"), false);
        if (auto stored = markConflict(row, error, message, squareFacts); !stored)
            stop(stored.error().message);
        release(row);
    };
    if (row.accountId.isEmpty() || error.code == QLatin1String("INVALID_PHONE_NUMBER")) {
        record({}, false);
        return;
    }
    m_client.get(
        QStringLiteral("/v2/loyalty/accounts/%1").arg(segment(row.accountId)), [record](const SquareReply& reply) {
            const bool gone = !reply.ok && reply.httpStatus == 404;
            record(reply.ok ? reply.body.value(QLatin1String("loyalty_account")).toObject() : QJsonObject {}, gone);
        });
}

Result<void> OutboxPusher::link(const Row& row, const QString& accountId, bool fresh)
{
    // A new account has no history at Square; one found by phone may have years of it, read by the next pull.
    return m_db.exec(QStringLiteral("UPDATE members SET square_account_id = ?, square_history_at = ? WHERE id = ?"),
                     {accountId, fresh ? QVariant(toStorageTime(m_clock.nowUtc())) : QVariant(), row.memberId});
}

Result<void> OutboxPusher::storeRef(const Row& row, const QString& ref)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET square_ref = ? WHERE id = ?"), {ref, row.id});
}

Result<void> OutboxPusher::markSent(const Row& row, const QString& accountId, const QJsonArray& events, bool)
{
    const QString now = toStorageTime(m_clock.nowUtc());
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto done = m_db.exec(QStringLiteral("UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
                                             "last_error = NULL, next_attempt_at = NULL, sent_at = ? WHERE id = ?"),
                              {now, row.id});
        !done)
        return done.error();
    // The events Square created for this row are ours: the pull must not count them again.
    for (const QJsonValue& value : events) {
        auto event = SquareEvent::fromJson(value.toObject());
        if (!event) {
            qCWarning(lcOutbox) << "outbox row" << row.id
                                << "answer carried an unusable event:" << event.error().message;
            continue;
        }
        QSqlQuery& insert = m_db.prepared(QStringLiteral(
            "INSERT INTO square_events (event_id, account_id, member_id, type, points, location_id, source, "
            "created_at, reward_id, reason, state, outbox_id, pulled_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ours', ?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET state = 'ours', outbox_id = excluded.outbox_id, "
            "member_id = excluded.member_id WHERE square_events.state = 'held'"));
        StatementScope scope(insert);
        if (auto done = m_db.exec(insert,
                                  {event->id, accountId.isEmpty() ? event->accountId : accountId, row.memberId,
                                   event->type, event->points, event->locationId, event->source, event->createdAt,
                                   event->rewardId, event->reason.left(500), row.id, now});
            !done)
            return done.error();
    }
    return transaction.commit();
}

Result<void> OutboxPusher::markConflict(const Row& row, const SquareError& error, const QString& message,
                                        const QJsonObject& squareFacts)
{
    qCWarning(lcOutbox) << "outbox row" << row.id << row.operation << "refused by Square:" << error.logSummary();
    const RefusedOperation refused {row.id, row.memberId, row.operation, row.ledgerKind, row.payload};
    if (auto recorded = refused.record(m_db, m_clock, error, message, squareFacts); !recorded)
        return recorded;
    ++m_summary.conflicts;
    emit rowConflict(row.id, message);
    return {};
}

Result<void> OutboxPusher::markDeferred(const Row& row, const SquareError& error)
{
    const int delay = std::max(rowRetryDelayMs(row.attempts + 1), error.retryAfterMs);
    return m_db.exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                                    "WHERE id = ?"),
                     {error.message(), toStorageTime(m_clock.nowUtc().addMSecs(delay)), row.id});
}

void OutboxPusher::release(const Row& row)
{
    m_membersInFlight.remove(row.memberId);
    // From the event loop, so that a long outbox does not grow the stack.
    QTimer::singleShot(0, this, [this] { fill(); });
}

void OutboxPusher::stop(const QString& error)
{
    // The store's errors, and Square's answers when unreachable or refusing the token: none quotes a member.
    qCInfo(lcOutbox) << "push stopping:" << error;
    if (!m_summary.stopped) {
        m_summary.stopped = true;
        m_summary.error = error;
    }
    m_stopping = true;
    // Rows already in flight finish and are recorded; fill() ends the pass once none is left.
    QTimer::singleShot(0, this, [this] { fill(); });
}

void OutboxPusher::finish()
{
    if (!m_running)
        return;
    m_running = false;
    emit finished(m_summary);
}

} // namespace lt
