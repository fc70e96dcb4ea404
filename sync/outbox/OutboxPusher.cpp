#include "sync/outbox/OutboxPusher.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"
#include "sync/SyncLogging.h"
#include "sync/outbox/AppliedEventSearch.h"
#include "sync/outbox/RefusedOperation.h"
#include "sync/square/SquareLoyaltyApi.h"

#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace lt {

namespace {
bool alwaysApplies(const QString& ledgerKind)
{
    // Reversals of points Square already has, and balances brought in: the till decided, Square must record them
    // even when its balance (missing another till's unsent sales) would go below zero.
    return ledgerKind == QLatin1String("refund") || ledgerKind == QLatin1String("void")
        || ledgerKind == QLatin1String("opening") || ledgerKind == QLatin1String("restore");
}
} // namespace

OutboxPusher::OutboxPusher(Database& db, const Clock& clock, SquareLoyaltyApi& api, QString locationId, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_api(api)
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
    // Its id is needed to create accounts.
    m_api.retrieveProgram([this](const SquareResult<SquareProgram>& program) {
        if (!program) {
            m_summary.unauthorized = program.error().stopsSync();
            stop(program.error().inContext(QStringLiteral("Reading the loyalty program failed: ")));
            return;
        }
        m_programId = program->id;
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
    const auto linked = [this](const Row& enrolled) {
        sent(enrolled, enrolled.accountId);
    };
    if (!row.accountId.isEmpty()) {
        linked(row);
        return;
    }
    ensureAccount(row, linked);
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
    m_api.searchAccountsByPhone(
        {phone}, [this, row, phone, key, then](const SquareResult<QList<SquareAccount>>& found) {
            if (!found) {
                failed(row, found.error());
                return;
            }
            if (!found->isEmpty()) {
                linkThen(row, found->first().id, false, then);
                return;
            }
            m_api.createAccount(m_programId, phone, key, [this, row, then](const SquareResult<SquareAccount>& created) {
                if (!created) {
                    failed(row, created.error());
                    return;
                }
                linkThen(row, created->id, true, then);
            });
        });
}

void OutboxPusher::linkThen(const Row& row, const QString& accountId, bool fresh, const Step& then)
{
    if (auto linked = link(row, accountId, fresh); !linked) {
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
    AppliedEventSearch::run(m_api, m_db, query,
                            [this, row, then](const SquareResult<AppliedEventSearch::Outcome>& outcome) {
                                if (!outcome) {
                                    failed(row, outcome.error());
                                    return;
                                }
                                if (outcome->match) {
                                    ++m_summary.confirmedFromEvents;
                                    sent(row, row.accountId, SquareEvents {{*outcome->match}, {}});
                                    return;
                                }
                                Row checked = row;
                                if (!outcome->createdRewardId.isEmpty()) {
                                    // Kept before redeeming, as after a create whose answer arrived.
                                    if (auto stored = storeRef(row, outcome->createdRewardId); !stored) {
                                        stop(stored.error().message);
                                        release(row);
                                        return;
                                    }
                                    checked.squareRef = outcome->createdRewardId;
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
        sent(row, row.accountId);
        return;
    }
    if (row.operation == QLatin1String("accrue") && points > 0) {
        m_api.accumulatePoints(row.accountId, points, m_locationId, row.idempotencyKey,
                               [this, row](const SquareResult<SquareEvents>& created) { answered(row, created); });
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
    m_api.createReward(row.accountId, tierId, row.idempotencyKey,
                       [this, row](const SquareResult<SquareReward>& reward) {
                           if (!reward) {
                               failed(row, reward.error());
                               return;
                           }
                           // Kept before redeeming: a restart redeems this reward instead of creating another.
                           if (auto stored = storeRef(row, reward->id); !stored) {
                               stop(stored.error().message);
                               release(row);
                               return;
                           }
                           redeemReward(row, reward->id);
                       });
}

void OutboxPusher::redeemReward(const Row& row, const QString& rewardId)
{
    m_api.redeemReward(rewardId, m_locationId, row.idempotencyKey + QStringLiteral(":redeem"),
                       [this, row](const SquareResult<SquareEvents>& created) { answered(row, created); });
}

void OutboxPusher::pushAdjust(const Row& row)
{
    const qint64 points = row.points();
    QString reason = row.payload.value(QLatin1String("reason")).toString().simplified();
    if (reason.isEmpty())
        reason = QStringLiteral("LoyaltyTill ") + row.operation;
    const bool allowNegative =
        points > 0 || alwaysApplies(row.ledgerKind) || row.payload.value(QLatin1String("force")).toBool();
    m_api.adjustPoints(row.accountId, points, reason, allowNegative, row.idempotencyKey,
                       [this, row](const SquareResult<SquareEvents>& created) { answered(row, created); });
}

void OutboxPusher::answered(const Row& row, const SquareResult<SquareEvents>& created)
{
    if (created)
        sent(row, row.accountId, *created);
    else
        failed(row, created.error());
}

void OutboxPusher::sent(const Row& row, const QString& accountId, const SquareEvents& created)
{
    for (const QString& why : created.unusable)
        qCWarning(lcOutbox) << "outbox row" << row.id << "answer carried an unusable event:" << why;
    Row settled = row;
    settled.accountId = accountId;
    if (auto stored = markSent(settled, accountId, created.events); !stored) {
        stop(stored.error().message);
    } else {
        ++m_summary.sent;
        emit rowSent(row.id);
    }
    release(row);
}

void OutboxPusher::failed(const Row& row, const SquareError& error)
{
    if (error.kind == SquareError::Kind::Malformed) {
        // Square said yes but its answer cannot be used: the row stays as it was, its outcome unknown.
        stop(error.message());
        release(row);
        return;
    }
    if (error.retryable() || error.stopsSync()) {
        if (auto stored = markDeferred(row, error); !stored) {
            stop(stored.error().message);
        } else {
            ++m_summary.deferred;
            m_summary.unauthorized = m_summary.unauthorized || error.stopsSync();
            // Square is unreachable or refuses the token: the rest would fail the same way.
            stop(error.message());
        }
        release(row);
        return;
    }
    refused(row, error);
}

void OutboxPusher::refused(const Row& row, const SquareError& error)
{
    // Both sides' facts for the manager: Square's current balance when the account can still be read.
    auto record = [this, row, error](std::optional<qint64> balance, bool accountGone) {
        QJsonObject squareFacts {{QStringLiteral("http_status"), error.httpStatus},
                                 {QStringLiteral("code"), error.code},
                                 {QStringLiteral("detail"), error.detail.left(500)},
                                 {QStringLiteral("field"), error.field}};
        if (!row.accountId.isEmpty())
            squareFacts.insert(QStringLiteral("account_id"), row.accountId);
        if (balance)
            squareFacts.insert(QStringLiteral("balance"), *balance);
        QString message = error.message();
        if (accountGone)
            squareFacts.insert(QStringLiteral("account_found"), false);
        if (auto stored = markConflict(row, error, message, squareFacts); !stored)
            stop(stored.error().message);
        release(row);
    };
    if (row.accountId.isEmpty() || error.code == QLatin1String("INVALID_PHONE_NUMBER")) {
        record(std::nullopt, false);
        return;
    }
    m_api.retrieveAccount(row.accountId, [record](const SquareResult<SquareAccount>& account) {
        record(account ? account->balance : std::nullopt, !account && account.error().httpStatus == 404);
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

Result<void> OutboxPusher::markSent(const Row& row, const QString& accountId, const QList<SquareEvent>& events)
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
    for (const SquareEvent& event : events) {
        QSqlQuery& insert = m_db.prepared(QStringLiteral(
            "INSERT INTO square_events (event_id, account_id, member_id, type, points, location_id, source, "
            "created_at, reward_id, reason, state, outbox_id, pulled_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ours', ?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET state = 'ours', outbox_id = excluded.outbox_id, "
            "member_id = excluded.member_id WHERE square_events.state = 'held'"));
        StatementScope scope(insert);
        if (auto done = m_db.exec(insert,
                                  {event.id, accountId.isEmpty() ? event.accountId : accountId, row.memberId,
                                   event.type, event.points, event.locationId, event.source, event.createdAt,
                                   event.rewardId, event.reason.left(500), row.id, now});
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
