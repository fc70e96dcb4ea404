#pragma once

#include "sync/square/SquareEnvironment.h"
#include "sync/square/SquareResponse.h"
#include "sync/square/SquareTransport.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace lt {

// Square's REST API over an injected QNetworkAccessManager. Each call retries network failures, 5xx, 429 and
// unreadable bodies with capped exponential back-off and jitter, resending the very same bytes (so the same
// idempotency key); other 4xx are answered at once. The callback runs exactly once, on this object's thread.
class SquareClient : public QObject, public SquareTransport
{
    Q_OBJECT
public:
    static constexpr const char* SquareVersion = "2025-08-20";

    struct Options
    {
        int timeoutMs = 20000; // per attempt
        int maxAttempts = 5;
        int baseDelayMs = 500;
        int maxDelayMs = 30000;
        int maxRetryAfterMs = 120000; // a longer Retry-After ends this call; the outbox reschedules it
        qint64 maxResponseBytes = 1024 * 1024;
    };
    using Callback = SquareTransport::Callback;

    SquareClient(QNetworkAccessManager& network, SquareEnvironment environment, QString accessToken,
                 QObject* parent = nullptr);
    SquareClient(QNetworkAccessManager& network, SquareEnvironment environment, QString accessToken,
                 const Options& options, QObject* parent = nullptr);
    ~SquareClient() override;

    const SquareEnvironment& environment() const { return m_environment; }
    void post(const QString& path, const QJsonObject& body, Callback done) override;
    void get(const QString& path, Callback done) override;
    // As post() and get(), but a success's body is left unparsed in SquareReply::rawBody, for a caller on another
    // thread to parse there (RelayedSquareClient); errors and retries are as above.
    void postRaw(const QString& path, const QJsonObject& body, Callback done);
    void getRaw(const QString& path, Callback done);
    int inFlight() const { return m_inFlight; }

private:
    struct Call;
    void send(QByteArray verb, const QString& path, const QJsonObject* body, SquareResponse::Body answer,
              Callback done);
    void start(const std::shared_ptr<Call>& call);
    void attempt(const std::shared_ptr<Call>& call);
    void finished(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    void retryOrFinish(const std::shared_ptr<Call>& call, const SquareReply& reply);
    int backoffMs(int attempt) const;

    QNetworkAccessManager& m_network;
    SquareEnvironment m_environment;
    QString m_token;
    Options m_options;
    int m_inFlight = 0;
};

} // namespace lt
