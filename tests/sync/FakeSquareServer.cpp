#include "tests/sync/FakeSquareServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace lt::test {

namespace {
constexpr qint64 MaxRequestBytes = 1024 * 1024;
const char* const BufferProperty = "fakeSquareBuffer";

QString str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

bool validKey(const QJsonValue& key)
{
    return key.isString() && !key.toString().isEmpty() && key.toString().size() <= 128;
}
} // namespace

FakeSquareServer::FakeSquareServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeSquareServer::onConnection);
}

FakeSquareServer::~FakeSquareServer() = default;

bool FakeSquareServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeSquareServer::port() const
{
    return m_server->serverPort();
}

QString FakeSquareServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

qint64 FakeSquareServer::balanceForPhone(const QString& phone) const
{
    return m_balances.value(m_accountByPhone.value(phone), 0);
}

int FakeSquareServer::requestCount(const QString& pathContains) const
{
    return int(std::count_if(m_paths.begin(), m_paths.end(),
                             [&](const QString& path) { return path.contains(pathContains); }));
}

QString FakeSquareServer::now()
{
    // Distinct, increasing timestamps so that "newest first" is well defined.
    return QDateTime::currentDateTimeUtc().addMSecs(++m_sequence).toString(Qt::ISODateWithMs);
}

void FakeSquareServer::onConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeSquareServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property(BufferProperty).toByteArray() + socket->readAll();
    socket->setProperty(BufferProperty, buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > MaxRequestBytes)
            socket->abort();
        return;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qint64 length = headers.value("content-length", "0").toLongLong();
    if (length < 0 || length > MaxRequestBytes || requestLine.size() != 3) {
        send(socket, 400, R"({"errors":[{"category":"INVALID_REQUEST_ERROR","code":"BAD_REQUEST"}]})",
             "application/json");
        return;
    }
    if (buffer.size() < headerEnd + 4 + length)
        return;
    socket->setProperty(BufferProperty, QByteArray());
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    const QByteArray body = buffer.mid(headerEnd + 4, length);
    dispatch(socket, requestLine[0], QString::fromUtf8(requestLine[1]), headers, body);
}

bool FakeSquareServer::takeFault(const QString& path, FaultRule& rule)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (m_faults[i].pathContains.isEmpty() || path.contains(m_faults[i].pathContains)) {
            rule = m_faults[i];
            if (--m_faults[i].count <= 0)
                m_faults.removeAt(i);
            return true;
        }
    }
    if (m_failRate > 0 && QRandomGenerator::global()->generateDouble() < m_failRate) {
        static const Fault random[] = {Fault::ServerError, Fault::RateLimited, Fault::DropAfterCommit,
                                       Fault::MalformedJson};
        rule = FaultRule {random[QRandomGenerator::global()->bounded(4)]};
        return true;
    }
    return false;
}

void FakeSquareServer::dispatch(QTcpSocket* socket, const QByteArray& method, const QString& path,
                                const QHash<QByteArray, QByteArray>& headers, const QByteArray& body)
{
    ++m_requests;
    m_paths << path;
    QJsonObject request;
    if (!body.isEmpty()) {
        QJsonParseError parseError {};
        request = QJsonDocument::fromJson(body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            send(
                socket, 400,
                R"({"errors":[{"category":"INVALID_REQUEST_ERROR","code":"INVALID_CONTENT_TYPE","detail":"bad JSON"}]})",
                "application/json");
            return;
        }
    }
    if (request.contains(QLatin1String("idempotency_key")))
        m_keysSeen << str(request, "idempotency_key");

    FaultRule fault {Fault::Delay, 0};
    const bool faulty = takeFault(path, fault);
    const int delay = m_latencyMs + (faulty && fault.fault == Fault::Delay ? fault.delayMs : 0);

    Response response;
    const QByteArray auth = headers.value("authorization");
    const QByteArray version = headers.value("square-version");
    if (faulty && fault.fault == Fault::ServerError)
        response = error(500, QStringLiteral("API_ERROR"), QStringLiteral("INTERNAL_SERVER_ERROR"),
                         QStringLiteral("Injected failure."));
    else if (faulty && fault.fault == Fault::RateLimited)
        response = error(429, QStringLiteral("RATE_LIMIT_ERROR"), QStringLiteral("RATE_LIMITED"),
                         QStringLiteral("Slow down."));
    else if ((faulty && fault.fault == Fault::Unauthorized) || !auth.startsWith("Bearer ") || auth.size() <= 7
             || (!m_token.isEmpty() && auth != "Bearer " + m_token.toUtf8()))
        response = error(401, QStringLiteral("AUTHENTICATION_ERROR"), QStringLiteral("UNAUTHORIZED"),
                         QStringLiteral("This request could not be authorized."));
    else if (!QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"))
                  .match(QString::fromLatin1(version))
                  .hasMatch())
        response = error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("INVALID_SQUARE_VERSION_FORMAT"),
                         QStringLiteral("Square-Version must look like 2025-08-20."));
    else if (faulty && fault.fault == Fault::HtmlPage) {
        send(socket, 502, "<html><body>Bad gateway</body></html>", "text/html");
        return;
    } else
        response = handle(method, path, request);

    if (faulty && fault.fault == Fault::DropAfterCommit) {
        socket->abort();
        return;
    }
    QByteArray bytes = QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    if (faulty && fault.fault == Fault::MalformedJson && response.status == 200)
        bytes = bytes.left(bytes.size() / 2);
    const QByteArray extra =
        response.status == 429 ? "Retry-After: " + QByteArray::number(fault.retryAfterSeconds) + "\r\n" : QByteArray();
    const int status = response.status;
    if (delay <= 0) {
        send(socket, status, bytes, "application/json", extra);
        return;
    }
    QTimer::singleShot(delay, socket,
                       [socket, status, bytes, extra] { send(socket, status, bytes, "application/json", extra); });
}

void FakeSquareServer::send(QTcpSocket* socket, int status, const QByteArray& body, const QByteArray& contentType,
                            const QByteArray& extraHeaders)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") + "\r\n";
    head += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

FakeSquareServer::Response FakeSquareServer::error(int status, const QString& category, const QString& code,
                                                   const QString& detail, const QString& field)
{
    QJsonObject e {
        {QStringLiteral("category"), category}, {QStringLiteral("code"), code}, {QStringLiteral("detail"), detail}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    return {status, QJsonObject {{QStringLiteral("errors"), QJsonArray {e}}}};
}

FakeSquareServer::Response FakeSquareServer::handle(const QByteArray& method, const QString& path,
                                                    const QJsonObject& request)
{
    static const QRegularExpression accountAction(QStringLiteral("^/v2/loyalty/accounts/([^/]+)/(accumulate|adjust)$"));
    static const QRegularExpression accountGet(QStringLiteral("^/v2/loyalty/accounts/([^/]+)$"));
    static const QRegularExpression programGet(QStringLiteral("^/v2/loyalty/programs/([^/]+)$"));
    if (method == "GET") {
        if (auto m = programGet.match(path); m.hasMatch()) {
            if (m.captured(1) != QLatin1String("main") && m.captured(1) != m_programId)
                return error(404, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("NOT_FOUND"),
                             QStringLiteral("No such program."));
            return {200,
                    QJsonObject {{QStringLiteral("program"),
                                  QJsonObject {{QStringLiteral("id"), m_programId},
                                               {QStringLiteral("status"), QStringLiteral("ACTIVE")}}}}};
        }
        if (auto m = accountGet.match(path); m.hasMatch() && m_accounts.contains(m.captured(1)))
            return {200, QJsonObject {{QStringLiteral("loyalty_account"), accountJson(m.captured(1))}}};
        return error(404, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("NOT_FOUND"),
                     QStringLiteral("Not found."));
    }
    if (method != "POST")
        return error(405, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("METHOD_NOT_ALLOWED"), {});
    if (path == QLatin1String("/v2/loyalty/accounts"))
        return idempotent(path, request, [&] { return createAccount(request); });
    if (path == QLatin1String("/v2/loyalty/accounts/search"))
        return searchAccounts(request);
    if (path == QLatin1String("/v2/loyalty/events/search"))
        return searchEvents(request);
    if (auto m = accountAction.match(path); m.hasMatch())
        return idempotent(path, request, [&] { return changePoints(m.captured(1), m.captured(2), request); });
    return error(404, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("NOT_FOUND"),
                 QStringLiteral("No such endpoint."));
}

FakeSquareServer::Response FakeSquareServer::idempotent(const QString& path, const QJsonObject& request,
                                                        const std::function<Response()>& apply)
{
    const QJsonValue key = request.value(QLatin1String("idempotency_key"));
    if (!validKey(key))
        return error(400, QStringLiteral("INVALID_REQUEST_ERROR"),
                     key.isUndefined() ? QStringLiteral("MISSING_REQUIRED_PARAMETER") : QStringLiteral("INVALID_VALUE"),
                     QStringLiteral("idempotency_key must be 1 to 128 characters."), QStringLiteral("idempotency_key"));
    if (auto it = m_idempotency.constFind(key.toString()); it != m_idempotency.constEnd()) {
        if (it->path != path || it->request != request)
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("IDEMPOTENCY_KEY_REUSED"),
                         QStringLiteral("The idempotency key was used with a different request."));
        return it->response;
    }
    Response response = apply();
    // Only successes are remembered, as Square does: a corrected request may reuse the key.
    if (response.status == 200)
        m_idempotency.insert(key.toString(), Stored {path, request, response});
    return response;
}

QJsonObject FakeSquareServer::accountJson(const QString& id) const
{
    QJsonObject account = m_accounts.value(id);
    account.insert(QStringLiteral("balance"), m_balances.value(id));
    account.insert(QStringLiteral("lifetime_points"), m_lifetime.value(id));
    return account;
}

FakeSquareServer::Response FakeSquareServer::createAccount(const QJsonObject& request)
{
    const QJsonObject account = request.value(QLatin1String("loyalty_account")).toObject();
    if (account.isEmpty())
        return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                     QStringLiteral("loyalty_account is required."), QStringLiteral("loyalty_account"));
    if (str(account, "program_id") != m_programId)
        return error(404, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("NOT_FOUND"),
                     QStringLiteral("No such program."), QStringLiteral("loyalty_account.program_id"));
    const QString phone = str(account.value(QLatin1String("mapping")).toObject(), "phone_number");
    if (phone.isEmpty())
        return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                     QStringLiteral("Must provide phone_number in the mapping field."),
                     QStringLiteral("loyalty_account.mapping.phone_number"));
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9]\\d{7,14}$"));
    if (!e164.match(phone).hasMatch())
        return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("INVALID_PHONE_NUMBER"),
                     QStringLiteral("Invalid phone number."), QStringLiteral("loyalty_account.mapping.phone_number"));
    if (m_accountByPhone.contains(phone))
        return error(409, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("CONFLICT"),
                     QStringLiteral("A loyalty account with this phone number exists."));
    const QString id = QStringLiteral("acct-%1").arg(m_accounts.size() + 1, 4, 10, QLatin1Char('0'));
    const QString at = now();
    m_accounts.insert(id,
                      QJsonObject {{QStringLiteral("id"), id},
                                   {QStringLiteral("program_id"), m_programId},
                                   {QStringLiteral("mapping"),
                                    QJsonObject {{QStringLiteral("id"), QString(id + QStringLiteral("-map"))},
                                                 {QStringLiteral("created_at"), at},
                                                 {QStringLiteral("phone_number"), phone}}},
                                   {QStringLiteral("created_at"), at},
                                   {QStringLiteral("updated_at"), at},
                                   {QStringLiteral("enrolled_at"), at}});
    m_accountByPhone.insert(phone, id);
    return {200, QJsonObject {{QStringLiteral("loyalty_account"), accountJson(id)}}};
}

FakeSquareServer::Response FakeSquareServer::searchAccounts(const QJsonObject& request) const
{
    const QJsonObject query = request.value(QLatin1String("query")).toObject();
    const QJsonArray mappings = query.value(QLatin1String("mappings")).toArray();
    if (mappings.size() > 30)
        return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("INVALID_ARRAY_LENGTH"),
                     QStringLiteral("At most 30 mappings."), QStringLiteral("query.mappings"));
    QJsonArray found;
    if (mappings.isEmpty()) {
        for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it)
            found.append(accountJson(it.key()));
    }
    for (const QJsonValue& mapping : mappings) {
        const QString id = m_accountByPhone.value(str(mapping.toObject(), "phone_number"));
        if (!id.isEmpty())
            found.append(accountJson(id));
    }
    QJsonObject body;
    if (!found.isEmpty())
        body.insert(QStringLiteral("loyalty_accounts"), found);
    return {200, body};
}

FakeSquareServer::Response FakeSquareServer::changePoints(const QString& accountId, const QString& action,
                                                          const QJsonObject& request)
{
    if (!m_accounts.contains(accountId))
        return error(404, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("NOT_FOUND"),
                     QStringLiteral("No such loyalty account."));
    QJsonObject event {{QStringLiteral("id"), QStringLiteral("event-%1").arg(m_events.size() + 1)},
                       {QStringLiteral("created_at"), now()},
                       {QStringLiteral("loyalty_account_id"), accountId},
                       {QStringLiteral("source"), QStringLiteral("LOYALTY_API")}};
    qint64 points = 0;
    if (action == QLatin1String("accumulate")) {
        if (str(request, "location_id").isEmpty())
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                         QStringLiteral("location_id is required."), QStringLiteral("location_id"));
        const QJsonValue value =
            request.value(QLatin1String("accumulate_points")).toObject().value(QLatin1String("points"));
        points = value.toInteger();
        if (!value.isDouble() || points < 1)
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("INVALID_VALUE"),
                         QStringLiteral("accumulate_points.points must be at least 1."),
                         QStringLiteral("accumulate_points.points"));
        event.insert(QStringLiteral("type"), QStringLiteral("ACCUMULATE_POINTS"));
        event.insert(QStringLiteral("location_id"), str(request, "location_id"));
        event.insert(
            QStringLiteral("accumulate_points"),
            QJsonObject {{QStringLiteral("loyalty_program_id"), m_programId}, {QStringLiteral("points"), points}});
    } else {
        const QJsonObject adjust = request.value(QLatin1String("adjust_points")).toObject();
        if (!adjust.value(QLatin1String("points")).isDouble())
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                         QStringLiteral("adjust_points.points is required."), QStringLiteral("adjust_points.points"));
        points = adjust.value(QLatin1String("points")).toInteger();
        if (str(adjust, "reason").size() > 3500)
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("VALUE_TOO_LONG"),
                         QStringLiteral("reason is too long."), QStringLiteral("adjust_points.reason"));
        if (!request.value(QLatin1String("allow_negative_balance")).toBool()
            && m_balances.value(accountId) + points < 0)
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("BAD_REQUEST"),
                         QStringLiteral("Insufficient balance."));
        event.insert(QStringLiteral("type"), QStringLiteral("ADJUST_POINTS"));
        event.insert(QStringLiteral("adjust_points"),
                     QJsonObject {{QStringLiteral("loyalty_program_id"), m_programId},
                                  {QStringLiteral("points"), points},
                                  {QStringLiteral("reason"), str(adjust, "reason")}});
    }
    m_balances[accountId] += points;
    if (points > 0)
        m_lifetime[accountId] += points;
    m_events.append(event);
    if (action == QLatin1String("accumulate"))
        return {200, QJsonObject {{QStringLiteral("events"), QJsonArray {event}}}};
    return {200, QJsonObject {{QStringLiteral("event"), event}}};
}

FakeSquareServer::Response FakeSquareServer::searchEvents(const QJsonObject& request) const
{
    const int limit = request.value(QLatin1String("limit")).toInt(30);
    if (limit < 1 || limit > 30)
        return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("INVALID_VALUE"),
                     QStringLiteral("limit must be 1 to 30."), QStringLiteral("limit"));
    const QString accountId = str(request.value(QLatin1String("query"))
                                      .toObject()
                                      .value(QLatin1String("filter"))
                                      .toObject()
                                      .value(QLatin1String("loyalty_account_filter"))
                                      .toObject(),
                                  "loyalty_account_id");
    QJsonArray matching;
    for (qsizetype i = m_events.size() - 1; i >= 0; --i) { // newest first
        const QJsonObject event = m_events.at(i).toObject();
        if (accountId.isEmpty() || str(event, "loyalty_account_id") == accountId)
            matching.append(event);
    }
    qsizetype offset = 0;
    const QString cursor = str(request, "cursor");
    if (!cursor.isEmpty()) {
        bool ok = false;
        offset = cursor.mid(7).toLongLong(&ok);
        if (!cursor.startsWith(QLatin1String("cursor-")) || !ok || offset <= 0 || offset >= matching.size())
            return error(400, QStringLiteral("INVALID_REQUEST_ERROR"), QStringLiteral("INVALID_CURSOR"),
                         QStringLiteral("The cursor is not valid."), QStringLiteral("cursor"));
    }
    QJsonArray page;
    for (qsizetype i = offset; i < matching.size() && page.size() < limit; ++i)
        page.append(matching.at(i));
    QJsonObject body {{QStringLiteral("events"), page}};
    if (offset + page.size() < matching.size())
        body.insert(QStringLiteral("cursor"), QStringLiteral("cursor-%1").arg(offset + page.size()));
    return {200, body};
}

} // namespace lt::test
