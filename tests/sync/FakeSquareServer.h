#pragma once

#include "tests/sync/FakeSquarePromotions.h"
#include "tests/sync/SquareSpecValidator.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace lt::test {

// A stateful stand-in for Square's Loyalty API, on 127.0.0.1 only, for the sync tests and for trying the admin
// CLI by hand. It keeps one loyalty program (reward tiers, accrual rules, promotions), accounts mapped by E.164
// phone, balances, rewards and an event ledger, and follows Square's rules where the sync depends on them: every
// request is checked against Square's OpenAPI description (a violation is answered 400 and kept in specViolations()),
// idempotency keys (same key and body → the first answer; same key with another body → IDEMPOTENCY_KEY_REUSED; only
// successes are remembered, and forgetIdempotencyKeys() ends that memory), INVALID_PHONE_NUMBER, reward points locked
// on creation, events newest first in pages of ≤30 with cursors bound to their query. Tests can also act as Square POS
// or the Dashboard (enrollElsewhere, accumulateElsewhere, ...): those events have source SQUARE. Faults are injected
// per request: 500, 429 with Retry-After, delays, a connection closed after the change was committed, a malformed JSON
// body, an HTML proxy page.
class FakeSquareServer : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        ServerError, // 500, nothing committed
        RateLimited, // 429 with Retry-After, nothing committed
        Delay, // the request is handled and answered after delayMs
        DropAfterCommit, // the change is committed, then the connection closes without an answer
        MalformedJson, // the change is committed, then a truncated JSON body is sent with status 200
        HtmlPage, // 502 with an HTML body, as a proxy would send, nothing committed
        Unauthorized, // 401 whatever the token
    };
    struct FaultRule
    {
        Fault fault;
        int count = 1; // how many matching requests it hits
        QString pathContains = {}; // empty: any request
        int delayMs = 0;
        int retryAfterSeconds = 1;
    };

    explicit FakeSquareServer(QObject* parent = nullptr);
    ~FakeSquareServer() override;

    bool listen(quint16 port = 0); // on 127.0.0.1 only
    quint16 port() const;
    QString baseUrl() const;

    void setAccessToken(const QString& token) { m_token = token; } // empty: any bearer token is accepted
    void addFault(const FaultRule& rule) { m_faults.append(rule); }
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setFailRate(double rate) { m_failRate = rate; } // random 500/429/drop-after-commit/malformed faults

    // The OpenAPI description requests are checked against (default: SquareSpecValidator::defaultSpecFile()).
    bool loadSpec(const QString& specFile);
    QString specError() const { return m_spec.errorString(); }
    // Requests that departed from Square's spec, as "POST /v2/loyalty/accounts: loyalty_account: is required".
    QStringList specViolations() const { return m_violations; }

    QString programId() const { return m_programId; }
    QJsonObject program() const { return m_program; }
    void setProgram(const QJsonObject& program); // as edited in the Dashboard; keeps programId() without an id
    int accountCount() const { return int(m_accounts.size()); }
    QString accountIdForPhone(const QString& phone) const { return m_accountByPhone.value(phone); }
    qint64 balanceForPhone(const QString& phone) const;
    qint64 balance(const QString& accountId) const;
    QJsonObject account(const QString& accountId) const; // as GET would answer it; empty when there is none
    QJsonObject reward(const QString& rewardId) const; // empty when there is none
    int eventCount() const { return int(m_events.size()); }
    QJsonArray events() const; // oldest first, those of deleted accounts included
    int requestCount() const { return m_requests; }
    int requestCount(const QString& pathContains) const;
    QStringList idempotencyKeysSeen() const { return m_keysSeen; } // in arrival order, repeats included
    void forgetIdempotencyKeys() { m_idempotency.clear(); } // Square's memory is finite: a resent key runs again

    // Done at Square POS or in the Dashboard, not through the API: events have source SQUARE. Unknown accounts
    // or tiers, or a balance too small for a reward, are warned about and change nothing.
    QString enrollElsewhere(const QString& phone); // the account id (the existing one when the phone has one)
    void accumulateElsewhere(const QString& accountId, qint64 points,
                             const QString& locationId = QStringLiteral("other-location"));
    void adjustElsewhere(const QString& accountId, qint64 points, const QString& reason);
    QString createRewardElsewhere(const QString& accountId, const QString& tierId); // the reward id, or empty
    void expirePoints(const QString& accountId, qint64 points); // an EXPIRE_POINTS event taking points away
    void deleteAccount(const QString& accountId); // as after a customer merge: 404 from now on, phone free again

    // The program's loyalty promotions (FakeSquarePromotions): created in the Dashboard (checked as
    // CreateLoyaltyPromotion checks them; the id, or empty when refused), canceled there, or ended as their last
    // period passes. ListLoyaltyPromotions, CreateLoyaltyPromotion, RetrieveLoyaltyPromotion and
    // CancelLoyaltyPromotion serve them through the API.
    QString createPromotionElsewhere(const QJsonObject& promotion);
    void cancelPromotionElsewhere(const QString& promotionId);
    void endPromotion(const QString& promotionId);
    QJsonObject promotion(const QString& promotionId) const { return m_promotions.promotion(promotionId); }
    int promotionCount() const { return m_promotions.count(); }

private:
    struct Response
    {
        int status = 200;
        QJsonObject body;
    };
    struct Stored
    {
        QString path;
        QJsonObject request;
        Response response;
    };
    struct Stamp
    {
        QString text; // RFC 3339, UTC, milliseconds
        qint64 sequence = 0; // strictly increasing over everything stamped
    };
    struct Account
    {
        QJsonObject json; // without balance and lifetime_points
        qint64 balance = 0;
        qint64 lifetime = 0;
        qint64 sequence = 0; // creation order
    };
    struct Reward
    {
        QJsonObject json;
        qint64 updated = 0; // sequence of the last change
    };
    struct Event
    {
        QJsonObject json;
        qint64 sequence = 0;
        QDateTime createdAt;
    };
    struct Cursor
    {
        QString operation;
        QJsonValue query;
        qint64 afterKey = 0;
    };
    using Keyed = QList<std::pair<qint64, QJsonObject>>; // in answer order, keys strictly increasing

    void onConnection();
    void onReadyRead(QTcpSocket* socket);
    void dispatch(QTcpSocket* socket, const QByteArray& method, const QString& path,
                  const QHash<QByteArray, QByteArray>& headers, const QByteArray& body);
    Response handle(const SquareSpecValidator::Match& match, const QJsonObject& request);
    Response idempotent(const QString& path, const QJsonObject& request, const std::function<Response()>& apply);
    Response retrieveProgram(const QString& programId) const;
    Response promotions(const SquareSpecValidator::Match& match, const QJsonObject& request);
    Response calculatePoints(const QString& programId, const QJsonObject& request) const;
    Response createAccount(const QJsonObject& request);
    Response searchAccounts(const QJsonObject& request);
    Response retrieveAccount(const QString& accountId) const;
    Response changePoints(const QString& accountId, const QString& action, const QJsonObject& request);
    Response createReward(const QJsonObject& request);
    Response retrieveReward(const QString& rewardId) const;
    Response redeemReward(const QString& rewardId, const QJsonObject& request);
    Response deleteReward(const QString& rewardId);
    Response searchRewards(const QJsonObject& request);
    Response searchEvents(const QJsonObject& request);
    Response page(const QString& operation, const QJsonObject& request, const Keyed& items, int limit,
                  const QString& arrayName, bool keepEmptyArray);
    Response issueReward(const QString& accountId, const QString& tierId, const QString& orderId, const QString& source,
                         const QString& locationId);
    QString enroll(const QString& phone);
    QJsonObject addEvent(const QString& accountId, const QString& type, const QString& source,
                         const QString& locationId, const QString& detailKey, QJsonObject detail, qint64 change,
                         bool countsAsEarned);
    QJsonObject findTier(const QString& tierId) const;
    QJsonObject accountJson(const QString& id) const;
    bool takeFault(const QString& path, FaultRule& rule);
    static Response error(int status, const QString& category, const QString& code, const QString& detail,
                          const QString& field = {});
    static Response invalid(const QString& code, const QString& detail, const QString& field = {});
    static Response notFound(const QString& detail, const QString& field = {});
    static Response violationResponse(const QList<SquareSpecValidator::Violation>& violations);
    static void send(QTcpSocket* socket, int status, const QByteArray& body, const QByteArray& contentType,
                     const QByteArray& extraHeaders = {});
    Stamp stamp();

    QTcpServer* m_server;
    SquareSpecValidator m_spec;
    QStringList m_violations;
    QString m_token;
    QList<FaultRule> m_faults;
    int m_latencyMs = 0;
    double m_failRate = 0;
    int m_requests = 0;
    QStringList m_paths;
    QStringList m_keysSeen;
    QString m_programId = QStringLiteral("fake-program-0001");
    QJsonObject m_program;
    QMap<QString, Account> m_accounts; // by id
    QHash<QString, QString> m_accountByPhone;
    int m_accountsCreated = 0; // account ids are never reused, not even after deleteAccount
    QHash<QString, Reward> m_rewards; // by id
    FakeSquarePromotions m_promotions;
    QList<Event> m_events; // oldest first
    QHash<QString, Stored> m_idempotency;
    QHash<QString, Cursor> m_cursors;
    qint64 m_sequence = 0;
    QDateTime m_lastStamp;
};

} // namespace lt::test
