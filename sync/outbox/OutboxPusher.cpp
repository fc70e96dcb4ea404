#include "sync/outbox/OutboxPusher.h"

#include "core/common/Clock.h"
#include "core/services/BonusGranter.h"
#include "core/store/Database.h"
#include "core/store/MemberStore.h"
#include "core/store/ProgramRepository.h"
#include "core/store/SquareEventStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/SyncOutbox.h"
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
bool alwaysApplies(const std::optional<LedgerKind>& ledgerKind)
{
    // Reversals of points Square already has, and balances brought in: the till decided, Square must record them
    // even when its balance (missing another till's unsent sales) would go below zero.
    return ledgerKind
        && (*ledgerKind == LedgerKind::Refund || *ledgerKind == LedgerKind::Void || *ledgerKind == LedgerKind::Opening
            || *ledgerKind == LedgerKind::Restore);
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
    SyncOutbox outbox(m_db, m_clock);
    LT_TRY_ASSIGN(QList<Row> rows, outbox.dueForPush(wanted, m_membersInFlight));
    QList<qint64> firstTried;
    for (const Row& row : std::as_const(rows)) {
        if (!row.firstAttemptAt.isValid())
            firstTried << row.id;
    }
    if (!firstTried.isEmpty()) {
        // Recorded before the first request leaves, so that after any crash the row is known to be in doubt.
        const QDateTime now = fromStorageTime(toStorageTime(m_clock.nowUtc()));
        LT_TRY(outbox.markFirstAttempt(firstTried, now));
        for (Row& row : rows) {
            if (!row.firstAttemptAt.isValid())
                row.firstAttemptAt = now;
        }
    }
    return rows;
}

void OutboxPusher::start(const Row& row)
{
    if (row.operation == OutboxOperation::Enroll) {
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
    const QString key = row.operation == OutboxOperation::Enroll
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
    // A bonus's natural key is shared by every till of the store: another till may have sent the same bonus days
    // ago, beyond Square's memory of the key, so such a row is looked for among the events before its first send.
    GrantKind grantKind = GrantKind::Birthday;
    QString period;
    const bool sharedKey =
        row.operation == OutboxOperation::Adjust && BonusGranter::parseKey(row.idempotencyKey, &grantKind, &period);
    if (!sharedKey && (!row.firstAttemptAt.isValid() || row.firstAttemptAt.msecsTo(m_clock.nowUtc()) < m_windowMs)) {
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
    // Another till's pass gives a bonus at most a year and a period before this one catches up on it.
    const QDateTime firstAttempt = row.firstAttemptAt.isValid() ? row.firstAttemptAt : m_clock.nowUtc();
    query.since = sharedKey ? firstAttempt.addDays(-400) : row.firstAttemptAt;
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
    if (row.operation != OutboxOperation::Redeem || row.payload.value(QLatin1String("force")).toBool())
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
    if (row.operation == OutboxOperation::Accrue && points > 0) {
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
        reason = QStringLiteral("LoyaltyTill ") + toStorage(row.operation);
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
    return MemberStore(m_db).linkSquareAccount(row.memberId, accountId,
                                               fresh ? std::optional(m_clock.nowUtc()) : std::nullopt);
}

Result<void> OutboxPusher::storeRef(const Row& row, const QString& ref)
{
    return SyncOutbox(m_db, m_clock).setSquareRef(row.id, ref);
}

Result<void> OutboxPusher::markSent(const Row& row, const QString& accountId, const QList<SquareEvent>& events)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        LT_TRY(SyncOutbox(m_db, m_clock).markSent(row.id));
        // The events Square created for this row are ours: the pull must not count them again.
        const QDateTime now = m_clock.nowUtc();
        SquareEventStore kept(m_db);
        for (const SquareEvent& event : events) {
            SquareEventStore::Event ours = event.stored();
            if (!accountId.isEmpty())
                ours.accountId = accountId;
            LT_TRY(kept.keepOurs(ours, row.memberId, row.id, now));
        }
        return {};
    });
}

Result<void> OutboxPusher::markConflict(const Row& row, const SquareError& error, const QString& message,
                                        const QJsonObject& squareFacts)
{
    qCWarning(lcOutbox) << "outbox row" << row.id << toStorage(row.operation)
                        << "refused by Square:" << error.logSummary();
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
    return SyncOutbox(m_db, m_clock).markDeferred(row.id, error.message(), m_clock.nowUtc().addMSecs(delay));
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
