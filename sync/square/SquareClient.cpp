#include "sync/square/SquareClient.h"

#include "sync/SyncLogging.h"
#include "sync/square/SquareResponse.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace lt {

struct SquareClient::Call
{
    QByteArray verb;
    QString path;
    QByteArray body; // serialised once so that every retry sends identical bytes
    SquareResponse::Body answer = SquareResponse::Body::Parsed;
    Callback done;
    int attempts = 0;
    bool tooLarge = false;
};

SquareClient::SquareClient(QNetworkAccessManager& network, SquareEnvironment environment, QString accessToken,
                           QObject* parent)
    : SquareClient(network, std::move(environment), std::move(accessToken), Options {}, parent)
{
}

SquareClient::SquareClient(QNetworkAccessManager& network, SquareEnvironment environment, QString accessToken,
                           const Options& options, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_environment(std::move(environment))
    , m_token(std::move(accessToken))
    , m_options(options)
{
}

SquareClient::~SquareClient() = default;

void SquareClient::post(const QString& path, const QJsonObject& body, Callback done)
{
    send("POST", path, &body, SquareResponse::Body::Parsed, std::move(done));
}

void SquareClient::get(const QString& path, Callback done)
{
    send("GET", path, nullptr, SquareResponse::Body::Parsed, std::move(done));
}

void SquareClient::postRaw(const QString& path, const QJsonObject& body, Callback done)
{
    send("POST", path, &body, SquareResponse::Body::Raw, std::move(done));
}

void SquareClient::getRaw(const QString& path, Callback done)
{
    send("GET", path, nullptr, SquareResponse::Body::Raw, std::move(done));
}

void SquareClient::send(QByteArray verb, const QString& path, const QJsonObject* body, SquareResponse::Body answer,
                        Callback done)
{
    auto call = std::make_shared<Call>();
    call->verb = std::move(verb);
    call->path = path;
    if (body)
        call->body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    call->answer = answer;
    call->done = std::move(done);
    start(call);
}

void SquareClient::start(const std::shared_ptr<Call>& call)
{
    ++m_inFlight;
    attempt(call);
}

void SquareClient::attempt(const std::shared_ptr<Call>& call)
{
    ++call->attempts;
    call->tooLarge = false;
    QNetworkRequest request(m_environment.url(call->path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Square-Version", SquareVersion);
    request.setRawHeader("Accept", "application/json");
    if (!call->body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // A redirect could carry the bearer token to another host; Square's API never redirects.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply* reply =
        call->verb == "GET" ? m_network.get(request) : m_network.sendCustomRequest(request, call->verb, call->body);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, call, reply](qint64 received, qint64 total) {
        if (received > m_options.maxResponseBytes || total > m_options.maxResponseBytes) {
            call->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finished(call, reply); });
}

void SquareClient::finished(const std::shared_ptr<Call>& call, QNetworkReply* reply)
{
    reply->deleteLater();
    SquareReply result;
    result.attempts = call->attempts;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (call->tooLarge) {
        result.error.kind = SquareError::Kind::BadResponse;
        result.error.httpStatus = result.httpStatus;
        result.error.detail = QStringLiteral("The response is larger than %1 bytes.").arg(m_options.maxResponseBytes);
        retryOrFinish(call, result);
        return;
    }
    if (result.httpStatus == 0) {
        result.error.kind = SquareError::Kind::Network;
        // errorString() names the URL's host, never the headers, so the token cannot leak through it.
        result.error.detail = reply->errorString();
        retryOrFinish(call, result);
        return;
    }
    SquareHttpAnswer answer;
    answer.httpStatus = result.httpStatus;
    answer.contentType = reply->rawHeader("Content-Type");
    if (reply->hasRawHeader("Retry-After"))
        answer.retryAfter = reply->rawHeader("Retry-After");
    answer.body = reply->read(m_options.maxResponseBytes + 1);
    const SquareResponse response = SquareResponse::read(answer, m_options.maxRetryAfterMs, call->answer);
    result.ok = response.ok;
    result.body = response.body;
    result.rawBody = response.raw;
    result.error = response.error;
    retryOrFinish(call, result);
}

void SquareClient::retryOrFinish(const std::shared_ptr<Call>& call, const SquareReply& reply)
{
    const bool again = !reply.ok && reply.error.retryable() && call->attempts < m_options.maxAttempts
        && reply.error.retryAfterMs <= m_options.maxRetryAfterMs;
    if (!again) {
        --m_inFlight;
        if (!reply.ok)
            qCInfo(lcSquare) << call->verb << call->path << "failed:" << reply.error.logSummary();
        call->done(reply);
        return;
    }
    const int delay = std::max(backoffMs(call->attempts), reply.error.retryAfterMs);
    qCDebug(lcSquare) << call->verb << call->path << "attempt" << call->attempts << reply.error.logSummary()
                      << "retrying in" << delay << "ms";
    QTimer::singleShot(delay, this, [this, call] { attempt(call); });
}

int SquareClient::backoffMs(int attempt) const
{
    const int exponent = std::min(attempt - 1, 16);
    const qint64 ceiling = std::min<qint64>(m_options.maxDelayMs, qint64(m_options.baseDelayMs) << exponent);
    // Full jitter over the upper half, so that tills that failed together do not retry together.
    const qint64 low = ceiling / 2;
    return int(low + QRandomGenerator::global()->bounded(ceiling - low + 1));
}

} // namespace lt
