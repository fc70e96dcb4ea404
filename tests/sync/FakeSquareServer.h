#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace lt::test {

// A stateful stand-in for Square's Loyalty API, on 127.0.0.1 only, for the sync tests and for trying the admin
// CLI by hand. It keeps accounts mapped by E.164 phone, balances and an event ledger, and follows Square's rules
// where the sync depends on them: idempotency keys (same key and body → the first answer; same key with another
// body → IDEMPOTENCY_KEY_REUSED), required fields, INVALID_PHONE_NUMBER, events newest first in pages of ≤30.
// Faults are injected per request: 500, 429 with Retry-After, delays, a connection closed after the change was
// committed, a malformed JSON body, an HTML proxy page.
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

    QString programId() const { return m_programId; }
    int accountCount() const { return int(m_accounts.size()); }
    QString accountIdForPhone(const QString& phone) const { return m_accountByPhone.value(phone); }
    qint64 balanceForPhone(const QString& phone) const;
    int eventCount() const { return int(m_events.size()); }
    int requestCount() const { return m_requests; }
    int requestCount(const QString& pathContains) const;
    QStringList idempotencyKeysSeen() const { return m_keysSeen; } // in arrival order, repeats included

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

    void onConnection();
    void onReadyRead(QTcpSocket* socket);
    void dispatch(QTcpSocket* socket, const QByteArray& method, const QString& path,
                  const QHash<QByteArray, QByteArray>& headers, const QByteArray& body);
    Response handle(const QByteArray& method, const QString& path, const QJsonObject& request);
    Response idempotent(const QString& path, const QJsonObject& request, const std::function<Response()>& apply);
    Response createAccount(const QJsonObject& request);
    Response searchAccounts(const QJsonObject& request) const;
    Response changePoints(const QString& accountId, const QString& action, const QJsonObject& request);
    Response searchEvents(const QJsonObject& request) const;
    QJsonObject accountJson(const QString& id) const;
    bool takeFault(const QString& path, FaultRule& rule);
    static Response error(int status, const QString& category, const QString& code, const QString& detail,
                          const QString& field = {});
    static void send(QTcpSocket* socket, int status, const QByteArray& body, const QByteArray& contentType,
                     const QByteArray& extraHeaders = {});
    QString now();

    QTcpServer* m_server;
    QString m_token;
    QList<FaultRule> m_faults;
    int m_latencyMs = 0;
    double m_failRate = 0;
    int m_requests = 0;
    QStringList m_paths;
    QStringList m_keysSeen;
    QString m_programId = QStringLiteral("fake-program-0001");
    QMap<QString, QJsonObject> m_accounts; // by id
    QHash<QString, QString> m_accountByPhone;
    QHash<QString, qint64> m_balances;
    QHash<QString, qint64> m_lifetime;
    QJsonArray m_events; // oldest first
    QHash<QString, Stored> m_idempotency;
    qint64 m_sequence = 0;
};

} // namespace lt::test
