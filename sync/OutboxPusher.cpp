#include "sync/OutboxPusher.h"

#include "core/Clock.h"
#include "core/Database.h"
#include "core/Transaction.h"
#include "sync/SquareClient.h"
#include "sync/SquareConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

namespace lt {

Q_LOGGING_CATEGORY(lcOutbox, "loyaltytill.sync.outbox")

namespace {
QString conflictText(const SquareError& error)
{
    return error.message();
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
    m_summary = {};
    if (m_programId.isEmpty())
        fetchProgram();
    else
        next();
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
        next();
    });
}

Result<bool> OutboxPusher::loadNext(Row& row)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT o.id, o.member_id, o.operation, o.payload, o.idempotency_key, o.attempts, m.square_account_id, "
        "m.phone FROM outbox o JOIN members m ON m.id = o.member_id "
        "WHERE o.state = 'pending' AND m.origin <> 'generated' "
        "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
        "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.member_id = o.member_id AND p.state = 'pending' "
        "AND p.id < o.id) ORDER BY o.id LIMIT 1"));
    StatementScope scope(query);
    if (auto done = m_db.exec(query, {toStorageTime(m_clock.nowUtc())}); !done)
        return done.error();
    if (!query.next())
        return false;
    row.id = query.value(0).toLongLong();
    row.memberId = query.value(1).toLongLong();
    row.operation = query.value(2).toString();
    row.payload = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
    row.idempotencyKey = query.value(4).toString();
    row.attempts = query.value(5).toInt();
    row.accountId = query.value(6).toString();
    row.phone = query.value(7).toString();
    return true;
}

void OutboxPusher::next()
{
    Row row;
    auto found = loadNext(row);
    if (!found) {
        stop(found.error().message);
        return;
    }
    if (!*found) {
        finish();
        return;
    }
    if (row.operation == QLatin1String("enroll"))
        pushEnroll(row);
    else
        pushPoints(row);
}

void OutboxPusher::pushEnroll(const Row& row)
{
    if (!row.accountId.isEmpty()) {
        handle(row, SquareReply {true, 200, {}, {}, 0}, row.accountId);
        return;
    }
    QString phone = row.payload.value(QLatin1String("phone")).toString();
    if (phone.isEmpty())
        phone = row.phone;
    if (phone.isEmpty()) {
        if (auto done = markConflict(row, QStringLiteral("The member has no phone number, which Square requires."));
            !done) {
            stop(done.error().message);
            return;
        }
        next();
        return;
    }
    // One account per phone at Square: link to it when it exists (enrolled at Square POS or by another till).
    const QJsonObject search {{QStringLiteral("query"),
                               QJsonObject {{QStringLiteral("mappings"),
                                             QJsonArray {QJsonObject {{QStringLiteral("phone_number"), phone}}}}}},
                              {QStringLiteral("limit"), 1}};
    m_client.post(QStringLiteral("/v2/loyalty/accounts/search"), search, [this, row, phone](const SquareReply& reply) {
        if (!reply.ok) {
            handle(row, reply);
            return;
        }
        const QJsonArray accounts = reply.body.value(QLatin1String("loyalty_accounts")).toArray();
        if (!accounts.isEmpty()) {
            handle(row, reply, accounts.at(0).toObject().value(QLatin1String("id")).toString());
            return;
        }
        createAccount(row, phone);
    });
}

void OutboxPusher::createAccount(const Row& row, const QString& phone)
{
    const QJsonObject body {
        {QStringLiteral("idempotency_key"), row.idempotencyKey},
        {QStringLiteral("loyalty_account"),
         QJsonObject {{QStringLiteral("program_id"), m_programId},
                      {QStringLiteral("mapping"), QJsonObject {{QStringLiteral("phone_number"), phone}}}}}};
    m_client.post(QStringLiteral("/v2/loyalty/accounts"), body, [this, row](const SquareReply& reply) {
        handle(row, reply,
               reply.body.value(QLatin1String("loyalty_account")).toObject().value(QLatin1String("id")).toString());
    });
}

void OutboxPusher::pushPoints(const Row& row)
{
    const qint64 points = row.payload.value(QLatin1String("points")).toInteger();
    if (points == 0) {
        // Nothing changes at Square, and Accumulate refuses 0 points.
        handle(row, SquareReply {true, 200, {}, {}, 0}, row.accountId);
        return;
    }
    if (row.accountId.isEmpty()) {
        // Ordering puts a member's enroll first, so only a member who could not be enrolled gets here.
        if (auto done = markConflict(row, QStringLiteral("The member is not linked to a Square loyalty account."));
            !done) {
            stop(done.error().message);
            return;
        }
        next();
        return;
    }
    const QString base =
        QStringLiteral("/v2/loyalty/accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(row.accountId));
    auto done = [this, row](const SquareReply& reply) {
        handle(row, reply, row.accountId);
    };
    if (row.operation == QLatin1String("accrue") && points > 0) {
        m_client.post(
            base + QStringLiteral("/accumulate"),
            QJsonObject {{QStringLiteral("idempotency_key"), row.idempotencyKey},
                         {QStringLiteral("location_id"), m_locationId},
                         {QStringLiteral("accumulate_points"), QJsonObject {{QStringLiteral("points"), points}}}},
            done);
        return;
    }
    QString reason = row.payload.value(QLatin1String("reason")).toString();
    if (reason.isEmpty())
        reason = QStringLiteral("LoyaltyTill ") + row.operation;
    // The till already decided offline, against its own ledger; Square must record it even when its balance
    // (missing another till's unsynced sales) would go below zero.
    m_client.post(
        base + QStringLiteral("/adjust"),
        QJsonObject {{QStringLiteral("idempotency_key"), row.idempotencyKey},
                     {QStringLiteral("adjust_points"),
                      QJsonObject {{QStringLiteral("points"), points}, {QStringLiteral("reason"), reason.left(3500)}}},
                     {QStringLiteral("allow_negative_balance"), true}},
        done);
}

void OutboxPusher::handle(const Row& row, const SquareReply& reply, const QString& accountId)
{
    Result<void> stored;
    if (reply.ok) {
        if (row.operation == QLatin1String("enroll") && accountId.isEmpty()) {
            stop(QStringLiteral("Square answered without a loyalty account id."));
            return;
        }
        stored = markSent(row, accountId);
        if (stored) {
            ++m_summary.sent;
            emit rowSent(row.id);
        }
    } else if (reply.error.retryable() || reply.error.stopsSync()) {
        stored = markDeferred(row, reply.error);
        if (stored) {
            ++m_summary.deferred;
            m_summary.unauthorized = reply.error.stopsSync();
            // Square is unreachable or refuses the token: the rest would fail the same way.
            stop(reply.error.message());
            return;
        }
    } else {
        stored = markConflict(row, conflictText(reply.error));
    }
    if (!stored) {
        stop(stored.error().message);
        return;
    }
    // Continue from the event loop so that a long outbox does not grow the stack.
    QTimer::singleShot(0, this, [this] { next(); });
}

Result<void> OutboxPusher::markSent(const Row& row, const QString& accountId)
{
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (row.operation == QLatin1String("enroll")) {
        if (auto done = m_db.exec(QStringLiteral("UPDATE members SET square_account_id = ? WHERE id = ?"),
                                  {accountId, row.memberId});
            !done)
            return done.error();
    }
    if (auto done = m_db.exec(QStringLiteral("UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
                                             "last_error = NULL, next_attempt_at = NULL WHERE id = ?"),
                              {row.id});
        !done)
        return done.error();
    return transaction.commit();
}

Result<void> OutboxPusher::markConflict(const Row& row, const QString& error)
{
    qCWarning(lcOutbox) << "outbox row" << row.id << row.operation << "refused by Square:" << error;
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto done = m_db.exec(QStringLiteral("UPDATE outbox SET state = 'conflict', attempts = attempts + 1, "
                                             "last_error = ?, next_attempt_at = NULL WHERE id = ?"),
                              {error, row.id});
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    ++m_summary.conflicts;
    emit rowConflict(row.id, error);
    return {};
}

Result<void> OutboxPusher::markDeferred(const Row& row, const SquareError& error)
{
    const int delay = std::max(rowRetryDelayMs(row.attempts + 1), error.retryAfterMs);
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto done = m_db.exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                                             "next_attempt_at = ? WHERE id = ?"),
                              {error.message(), toStorageTime(m_clock.nowUtc().addMSecs(delay)), row.id});
        !done)
        return done.error();
    return transaction.commit();
}

void OutboxPusher::stop(const QString& error)
{
    m_summary.stopped = true;
    m_summary.error = error;
    finish();
}

void OutboxPusher::finish()
{
    m_running = false;
    // The till shows when the store last reached Square; a pass that stopped early does not count.
    if (!m_summary.stopped)
        (void)SquareConnection::recordPass(m_db, m_clock.nowUtc());
    emit finished(m_summary);
}

} // namespace lt
