#include "tests/sync/FakeSquareServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace lt::test {

namespace {
constexpr qint64 MaxRequestBytes = 1024 * 1024;
const char* const BufferProperty = "fakeSquareBuffer";
const QString Invalid = QStringLiteral("INVALID_REQUEST_ERROR");
const QString Api = QStringLiteral("LOYALTY_API");
const QString Pos = QStringLiteral("SQUARE");

QString str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toObject();
}

QString opaqueId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool validPhone(const QString& phone)
{
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9]\\d{7,14}$"));
    return e164.match(phone).hasMatch();
}

std::optional<QDateTime> rfc3339(const QString& text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    // RFC 3339 needs the offset: Z or ±hh:mm.
    static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d{2}:\\d{2})$"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (!at.isValid() || !zone.match(text).hasMatch())
        return std::nullopt;
    return at;
}

QJsonObject defaultProgram(const QString& id)
{
    const QString created = QStringLiteral("2025-01-06T09:00:00Z");
    auto tier = [&](const QString& tierId, int points, const QString& name, qint64 version) {
        return QJsonObject {{QStringLiteral("id"), tierId},
                            {QStringLiteral("points"), points},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("created_at"), created},
                            {QStringLiteral("pricing_rule_reference"),
                             QJsonObject {{QStringLiteral("object_id"), QString(QStringLiteral("PR-") + tierId)},
                                          {QStringLiteral("catalog_version"), version}}}};
    };
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("reward_tiers"),
         QJsonArray {tier(QStringLiteral("tier-100"), 100, QStringLiteral("$5 off"), 1736154000000),
                     tier(QStringLiteral("tier-250"), 250, QStringLiteral("$15 off"), 1736154000000)}},
        {QStringLiteral("accrual_rules"),
         QJsonArray {QJsonObject {{QStringLiteral("accrual_type"), QStringLiteral("SPEND")},
                                  {QStringLiteral("points"), 1},
                                  {QStringLiteral("spend_data"),
                                   QJsonObject {{QStringLiteral("amount_money"),
                                                 QJsonObject {{QStringLiteral("amount"), 100},
                                                              {QStringLiteral("currency"), QStringLiteral("USD")}}},
                                                {QStringLiteral("tax_mode"), QStringLiteral("BEFORE_TAX")}}}}}},
        {QStringLiteral("terminology"),
         QJsonObject {{QStringLiteral("one"), QStringLiteral("Point")},
                      {QStringLiteral("other"), QStringLiteral("Points")}}},
        {QStringLiteral("expiration_policy"),
         QJsonObject {{QStringLiteral("expiration_duration"), QStringLiteral("P12M")}}},
        {QStringLiteral("location_ids"), QJsonArray {QStringLiteral("L-FAKE-0001"), QStringLiteral("other-location")}},
        {QStringLiteral("created_at"), created},
        {QStringLiteral("updated_at"), created},
    };
}
} // namespace

FakeSquareServer::FakeSquareServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_spec(SquareSpecValidator::defaultSpecFile())
    , m_program(defaultProgram(m_programId))
{
    if (!m_spec.isLoaded())
        qWarning("Fake Square: %s; every request will be refused.", qPrintable(m_spec.errorString()));
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

bool FakeSquareServer::loadSpec(const QString& specFile)
{
    return m_spec.load(specFile);
}

void FakeSquareServer::setProgram(const QJsonObject& program)
{
    m_program = program;
    if (str(program, "id").isEmpty())
        m_program.insert(QStringLiteral("id"), m_programId);
    else
        m_programId = str(program, "id");
}

qint64 FakeSquareServer::balanceForPhone(const QString& phone) const
{
    return balance(m_accountByPhone.value(phone));
}

qint64 FakeSquareServer::balance(const QString& accountId) const
{
    return m_accounts.value(accountId).balance;
}

QJsonObject FakeSquareServer::account(const QString& accountId) const
{
    return m_accounts.contains(accountId) ? accountJson(accountId) : QJsonObject();
}

QJsonObject FakeSquareServer::reward(const QString& rewardId) const
{
    return m_rewards.value(rewardId).json;
}

QJsonArray FakeSquareServer::events() const
{
    QJsonArray all;
    for (const Event& event : m_events)
        all.append(event.json);
    return all;
}

int FakeSquareServer::requestCount(const QString& pathContains) const
{
    return int(std::count_if(m_paths.begin(), m_paths.end(),
                             [&](const QString& path) { return path.contains(pathContains); }));
}

FakeSquareServer::Stamp FakeSquareServer::stamp()
{
    // Distinct, increasing timestamps so that "newest first" and time windows are well defined.
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (m_lastStamp.isValid() && at <= m_lastStamp)
        at = m_lastStamp.addMSecs(1);
    m_lastStamp = at;
    return {at.toString(Qt::ISODateWithMs), ++m_sequence};
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
    // Every request is checked against Square's spec, whatever else happens to it.
    const QList<SquareSpecValidator::Violation> violations = m_spec.check(method, path, body);
    for (const SquareSpecValidator::Violation& violation : violations) {
        const QString line = QString::fromLatin1(method) + QLatin1Char(' ') + path.section(QLatin1Char('?'), 0, 0)
            + QStringLiteral(": ") + violation.text();
        m_violations << line;
        qWarning("Fake Square: request departs from Square's spec: %s", qPrintable(line));
    }
    QJsonObject request;
    if (!body.trimmed().isEmpty())
        request = QJsonDocument::fromJson(body).object();
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
        response = error(400, Invalid, QStringLiteral("INVALID_SQUARE_VERSION_FORMAT"),
                         QStringLiteral("Square-Version must look like 2025-08-20."));
    else if (faulty && fault.fault == Fault::HtmlPage) {
        send(socket, 502, "<html><body>Bad gateway</body></html>", "text/html");
        return;
    } else if (!violations.isEmpty())
        response = violationResponse(violations);
    else
        response = handle(*m_spec.match(method, path), request);

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

FakeSquareServer::Response FakeSquareServer::invalid(const QString& code, const QString& detail, const QString& field)
{
    return error(400, Invalid, code, detail, field);
}

FakeSquareServer::Response FakeSquareServer::notFound(const QString& detail, const QString& field)
{
    return error(404, Invalid, QStringLiteral("NOT_FOUND"), detail, field);
}

FakeSquareServer::Response FakeSquareServer::violationResponse(const QList<SquareSpecValidator::Violation>& violations)
{
    // Square answers with every error it found; the status follows the first.
    QJsonArray errors;
    for (const SquareSpecValidator::Violation& violation : violations) {
        QJsonObject e {{QStringLiteral("category"), Invalid},
                       {QStringLiteral("code"), violation.code},
                       {QStringLiteral("detail"), violation.text()}};
        if (!violation.field.isEmpty())
            e.insert(QStringLiteral("field"), violation.field);
        errors.append(e);
    }
    const QString first = violations.first().code;
    const int status = first == QLatin1String("NOT_FOUND") ? 404
        : first == QLatin1String("METHOD_NOT_ALLOWED")     ? 405
                                                           : 400;
    return {status, QJsonObject {{QStringLiteral("errors"), errors}}};
}

FakeSquareServer::Response FakeSquareServer::handle(const SquareSpecValidator::Match& match, const QJsonObject& request)
{
    const QString& op = match.operationId;
    auto parameter = [&](const char* name) {
        return match.pathParameters.value(QLatin1String(name));
    };
    if (op == QLatin1String("RetrieveLoyaltyProgram"))
        return retrieveProgram(parameter("program_id"));
    if (op == QLatin1String("ListLoyaltyPrograms"))
        return {200, QJsonObject {{QStringLiteral("programs"), QJsonArray {m_program}}}};
    if (op == QLatin1String("CalculateLoyaltyPoints"))
        return calculatePoints(parameter("program_id"), request);
    if (op.endsWith(QLatin1String("LoyaltyPromotion")) || op == QLatin1String("ListLoyaltyPromotions"))
        return promotions(match, request);
    if (op == QLatin1String("CreateLoyaltyAccount"))
        return idempotent(match.pathTemplate, request, [&] { return createAccount(request); });
    if (op == QLatin1String("SearchLoyaltyAccounts"))
        return searchAccounts(request);
    if (op == QLatin1String("RetrieveLoyaltyAccount"))
        return retrieveAccount(parameter("account_id"));
    if (op == QLatin1String("AccumulateLoyaltyPoints") || op == QLatin1String("AdjustLoyaltyPoints")) {
        const QString id = parameter("account_id");
        const QString action =
            op == QLatin1String("AdjustLoyaltyPoints") ? QStringLiteral("adjust") : QStringLiteral("accumulate");
        return idempotent(QStringLiteral("/v2/loyalty/accounts/%1/%2").arg(id, action), request,
                          [&] { return changePoints(id, action, request); });
    }
    if (op == QLatin1String("CreateLoyaltyReward"))
        return idempotent(match.pathTemplate, request, [&] { return createReward(request); });
    if (op == QLatin1String("SearchLoyaltyRewards"))
        return searchRewards(request);
    if (op == QLatin1String("RetrieveLoyaltyReward"))
        return retrieveReward(parameter("reward_id"));
    if (op == QLatin1String("RedeemLoyaltyReward")) {
        const QString id = parameter("reward_id");
        return idempotent(QStringLiteral("/v2/loyalty/rewards/%1/redeem").arg(id), request,
                          [&] { return redeemReward(id, request); });
    }
    if (op == QLatin1String("DeleteLoyaltyReward"))
        return deleteReward(parameter("reward_id"));
    if (op == QLatin1String("SearchLoyaltyEvents"))
        return searchEvents(request);
    return notFound(QStringLiteral("The fake Square does not implement %1.").arg(op));
}

FakeSquareServer::Response FakeSquareServer::promotions(const SquareSpecValidator::Match& match,
                                                        const QJsonObject& request)
{
    const QString programId = match.pathParameters.value(QStringLiteral("program_id"));
    if (const Response program = retrieveProgram(programId); program.status != 200)
        return program;
    const QString& op = match.operationId;
    const QString promotionId = match.pathParameters.value(QStringLiteral("promotion_id"));
    auto answered = [](const FakeSquarePromotions::Answer& answer) {
        return Response {answer.status, answer.body};
    };
    if (op == QLatin1String("ListLoyaltyPromotions"))
        return answered(m_promotions.list(match.queryParameters));
    if (op == QLatin1String("CreateLoyaltyPromotion"))
        return idempotent(QStringLiteral("/v2/loyalty/programs/%1/promotions").arg(m_programId), request, [&] {
            const Stamp created = stamp();
            return answered(m_promotions.create(m_programId, request, created.text, created.sequence));
        });
    if (op == QLatin1String("RetrieveLoyaltyPromotion"))
        return answered(m_promotions.retrieve(promotionId));
    return answered(m_promotions.cancel(promotionId, stamp().text));
}

FakeSquareServer::Response FakeSquareServer::idempotent(const QString& path, const QJsonObject& request,
                                                        const std::function<Response()>& apply)
{
    const QString key = str(request, "idempotency_key"); // present and 1-128 characters: the spec checked it
    if (auto it = m_idempotency.constFind(key); it != m_idempotency.constEnd()) {
        if (it->path != path || it->request != request)
            return invalid(QStringLiteral("IDEMPOTENCY_KEY_REUSED"),
                           QStringLiteral("The idempotency key was used with a different request."),
                           QStringLiteral("idempotency_key"));
        return it->response;
    }
    Response response = apply();
    // Only successes are remembered, as Square does: a corrected request may reuse the key.
    if (response.status == 200)
        m_idempotency.insert(key, Stored {path, request, response});
    return response;
}

FakeSquareServer::Response FakeSquareServer::retrieveProgram(const QString& programId) const
{
    if (programId != QLatin1String("main") && programId != m_programId)
        return notFound(QStringLiteral("No loyalty program %1.").arg(programId), QStringLiteral("program_id"));
    return {200, QJsonObject {{QStringLiteral("program"), m_program}}};
}

FakeSquareServer::Response FakeSquareServer::calculatePoints(const QString& programId, const QJsonObject& request) const
{
    if (const Response program = retrieveProgram(programId); program.status != 200)
        return program;
    if (request.contains(QLatin1String("order_id")))
        return notFound(QStringLiteral("The fake Square has no orders."), QStringLiteral("order_id"));
    const QJsonObject money = obj(request, "transaction_amount_money");
    if (money.isEmpty())
        return invalid(QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                       QStringLiteral("Give order_id or transaction_amount_money."),
                       QStringLiteral("transaction_amount_money"));
    const qint64 amount = money.value(QLatin1String("amount")).toInteger();
    qint64 best = 0; // the rule giving the most points wins
    for (const QJsonValue& value : m_program.value(QLatin1String("accrual_rules")).toArray()) {
        const QJsonObject rule = value.toObject();
        const qint64 points = rule.value(QLatin1String("points")).toInteger();
        if (str(rule, "accrual_type") == QLatin1String("SPEND")) {
            const QJsonObject per = obj(obj(rule, "spend_data"), "amount_money");
            const qint64 step = per.value(QLatin1String("amount")).toInteger();
            if (step > 0 && str(per, "currency") == str(money, "currency"))
                best = std::max(best, amount / step * points);
        } else if (str(rule, "accrual_type") == QLatin1String("VISIT")) {
            const QJsonObject minimum = obj(obj(rule, "visit_data"), "minimum_amount_money");
            if (minimum.isEmpty() || amount >= minimum.value(QLatin1String("amount")).toInteger())
                best = std::max(best, points);
        }
    }
    return {200, QJsonObject {{QStringLiteral("points"), best}, {QStringLiteral("promotion_points"), 0}}};
}

QJsonObject FakeSquareServer::accountJson(const QString& id) const
{
    const Account account = m_accounts.value(id);
    QJsonObject json = account.json;
    json.insert(QStringLiteral("balance"), account.balance);
    json.insert(QStringLiteral("lifetime_points"), account.lifetime);
    return json;
}

QString FakeSquareServer::enroll(const QString& phone)
{
    const QString id = QStringLiteral("acct-%1").arg(++m_accountsCreated, 4, 10, QLatin1Char('0'));
    const Stamp at = stamp();
    Account account;
    account.sequence = at.sequence;
    account.json = QJsonObject {{QStringLiteral("id"), id},
                                {QStringLiteral("program_id"), m_programId},
                                {QStringLiteral("mapping"),
                                 QJsonObject {{QStringLiteral("id"), QString(id + QStringLiteral("-map"))},
                                              {QStringLiteral("created_at"), at.text},
                                              {QStringLiteral("phone_number"), phone}}},
                                {QStringLiteral("created_at"), at.text},
                                {QStringLiteral("updated_at"), at.text},
                                {QStringLiteral("enrolled_at"), at.text}};
    m_accounts.insert(id, account);
    m_accountByPhone.insert(phone, id);
    return id;
}

FakeSquareServer::Response FakeSquareServer::createAccount(const QJsonObject& request)
{
    const QJsonObject account = obj(request, "loyalty_account");
    if (str(account, "program_id") != m_programId)
        return notFound(QStringLiteral("No such program."), QStringLiteral("loyalty_account.program_id"));
    const QString phone = str(obj(account, "mapping"), "phone_number");
    if (phone.isEmpty())
        return invalid(QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                       QStringLiteral("Must provide phone_number in the mapping field."),
                       QStringLiteral("loyalty_account.mapping.phone_number"));
    if (!validPhone(phone))
        return invalid(QStringLiteral("INVALID_PHONE_NUMBER"), QStringLiteral("Invalid phone number."),
                       QStringLiteral("loyalty_account.mapping.phone_number"));
    if (m_accountByPhone.contains(phone))
        return error(409, Invalid, QStringLiteral("CONFLICT"),
                     QStringLiteral("A loyalty account with this phone number exists."));
    const QString id = enroll(phone);
    return {200, QJsonObject {{QStringLiteral("loyalty_account"), accountJson(id)}}};
}

FakeSquareServer::Response FakeSquareServer::retrieveAccount(const QString& accountId) const
{
    if (!m_accounts.contains(accountId))
        return notFound(QStringLiteral("No loyalty account %1.").arg(accountId), QStringLiteral("account_id"));
    return {200, QJsonObject {{QStringLiteral("loyalty_account"), accountJson(accountId)}}};
}

FakeSquareServer::Response FakeSquareServer::page(const QString& operation, const QJsonObject& request,
                                                  const Keyed& items, int limit, const QString& arrayName,
                                                  bool keepEmptyArray)
{
    // A cursor belongs to the query it came from (Square: "send the same original request body").
    const QJsonValue query = request.value(QLatin1String("query"));
    qint64 after = std::numeric_limits<qint64>::min();
    if (const QString cursor = str(request, "cursor"); !cursor.isEmpty()) {
        const auto it = m_cursors.constFind(cursor);
        if (it == m_cursors.constEnd() || it->operation != operation || it->query != query)
            return invalid(QStringLiteral("INVALID_CURSOR"), QStringLiteral("The cursor is not valid for this query."),
                           QStringLiteral("cursor"));
        after = it->afterKey;
    }
    QJsonArray found;
    qint64 last = after;
    bool more = false;
    for (const auto& [key, item] : items) {
        if (key <= after)
            continue;
        if (found.size() == limit) {
            more = true;
            break;
        }
        found.append(item);
        last = key;
    }
    QJsonObject body;
    if (!found.isEmpty() || keepEmptyArray)
        body.insert(arrayName, found);
    if (more) {
        const QString cursor = QStringLiteral("cur-") + opaqueId();
        m_cursors.insert(cursor, Cursor {operation, query, last});
        body.insert(QStringLiteral("cursor"), cursor);
    }
    return {200, body};
}

FakeSquareServer::Response FakeSquareServer::searchAccounts(const QJsonObject& request)
{
    const QJsonObject query = obj(request, "query");
    const QJsonArray mappings = query.value(QLatin1String("mappings")).toArray();
    const QJsonArray customers = query.value(QLatin1String("customer_ids")).toArray();
    if (!mappings.isEmpty() && !customers.isEmpty())
        return invalid(QStringLiteral("BAD_REQUEST"),
                       QStringLiteral("Search by mappings or by customer_ids, not both."), QStringLiteral("query"));
    if (mappings.size() > 30 || customers.size() > 30)
        return invalid(QStringLiteral("ARRAY_LENGTH_TOO_LONG"), QStringLiteral("At most 30 mappings or customer_ids."),
                       mappings.size() > 30 ? QStringLiteral("query.mappings") : QStringLiteral("query.customer_ids"));
    QStringList phones;
    for (const QJsonValue& mapping : mappings)
        phones << str(mapping.toObject(), "phone_number");
    Keyed items;
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        const QString phone = str(obj(it->json, "mapping"), "phone_number");
        // The fake links no customer profiles, so a customer_ids search finds nothing.
        if ((mappings.isEmpty() && customers.isEmpty()) || phones.contains(phone))
            items.append({it->sequence, accountJson(it.key())});
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; }); // oldest
    return page(QStringLiteral("SearchLoyaltyAccounts"), request, items,
                request.value(QLatin1String("limit")).toInt(30), QStringLiteral("loyalty_accounts"), false);
}

QJsonObject FakeSquareServer::addEvent(const QString& accountId, const QString& type, const QString& source,
                                       const QString& locationId, const QString& detailKey, QJsonObject detail,
                                       qint64 change, bool countsAsEarned)
{
    const Stamp at = stamp();
    detail.insert(QStringLiteral("loyalty_program_id"), m_programId);
    QJsonObject event {{QStringLiteral("id"), opaqueId()},      {QStringLiteral("type"), type},
                       {QStringLiteral("created_at"), at.text}, {QStringLiteral("loyalty_account_id"), accountId},
                       {QStringLiteral("source"), source},      {detailKey, detail}};
    if (!locationId.isEmpty())
        event.insert(QStringLiteral("location_id"), locationId);
    Account& account = m_accounts[accountId];
    account.balance += change;
    if (countsAsEarned && change > 0)
        account.lifetime += change;
    account.json.insert(QStringLiteral("updated_at"), at.text);
    m_events.append(Event {event, at.sequence, QDateTime::fromString(at.text, Qt::ISODateWithMs)});
    return event;
}

FakeSquareServer::Response FakeSquareServer::changePoints(const QString& accountId, const QString& action,
                                                          const QJsonObject& request)
{
    if (!m_accounts.contains(accountId))
        return notFound(QStringLiteral("No such loyalty account."), QStringLiteral("account_id"));
    if (action == QLatin1String("accumulate")) {
        const QJsonObject accumulate = obj(request, "accumulate_points");
        const bool hasPoints = accumulate.contains(QLatin1String("points"));
        const bool hasOrder = accumulate.contains(QLatin1String("order_id"));
        if (hasPoints && hasOrder)
            return invalid(QStringLiteral("BAD_REQUEST"), QStringLiteral("Give points or order_id, not both."),
                           QStringLiteral("accumulate_points"));
        if (hasOrder)
            return notFound(QStringLiteral("The fake Square has no orders."),
                            QStringLiteral("accumulate_points.order_id"));
        if (!hasPoints)
            return invalid(QStringLiteral("MISSING_REQUIRED_PARAMETER"),
                           QStringLiteral("accumulate_points needs points or order_id."),
                           QStringLiteral("accumulate_points.points"));
        const qint64 points = accumulate.value(QLatin1String("points")).toInteger();
        const QJsonObject event = addEvent(accountId, QStringLiteral("ACCUMULATE_POINTS"), Api,
                                           str(request, "location_id"), QStringLiteral("accumulate_points"),
                                           QJsonObject {{QStringLiteral("points"), points}}, points, true);
        return {200, QJsonObject {{QStringLiteral("events"), QJsonArray {event}}}};
    }
    const QJsonObject adjust = obj(request, "adjust_points");
    const qint64 points = adjust.value(QLatin1String("points")).toInteger();
    if (!request.value(QLatin1String("allow_negative_balance")).toBool() && m_accounts[accountId].balance + points < 0)
        return invalid(QStringLiteral("BAD_REQUEST"), QStringLiteral("Insufficient balance."));
    QJsonObject detail {{QStringLiteral("points"), points}};
    if (adjust.contains(QLatin1String("reason")))
        detail.insert(QStringLiteral("reason"), str(adjust, "reason"));
    const QJsonObject event = addEvent(accountId, QStringLiteral("ADJUST_POINTS"), Api, {},
                                       QStringLiteral("adjust_points"), detail, points, true);
    return {200, QJsonObject {{QStringLiteral("event"), event}}};
}

QJsonObject FakeSquareServer::findTier(const QString& tierId) const
{
    for (const QJsonValue& tier : m_program.value(QLatin1String("reward_tiers")).toArray()) {
        if (str(tier.toObject(), "id") == tierId)
            return tier.toObject();
    }
    return {};
}

FakeSquareServer::Response FakeSquareServer::issueReward(const QString& accountId, const QString& tierId,
                                                         const QString& orderId, const QString& source,
                                                         const QString& locationId)
{
    if (!m_accounts.contains(accountId))
        return notFound(QStringLiteral("No loyalty account %1.").arg(accountId),
                        QStringLiteral("reward.loyalty_account_id"));
    const QJsonObject tier = findTier(tierId);
    if (tier.isEmpty())
        return invalid(QStringLiteral("NOT_FOUND"),
                       QStringLiteral("The loyalty program has no reward tier %1.").arg(tierId),
                       QStringLiteral("reward.reward_tier_id"));
    const qint64 points = tier.value(QLatin1String("points")).toInteger();
    if (m_accounts[accountId].balance < points)
        return invalid(QStringLiteral("BAD_REQUEST"),
                       QStringLiteral("The loyalty account does not have enough points for this reward."),
                       QStringLiteral("reward.reward_tier_id"));
    const QString id = opaqueId();
    QJsonObject detail {{QStringLiteral("points"), -points}};
    if (source == Api) // Square names the reward in the event only for the Loyalty API
        detail.insert(QStringLiteral("reward_id"), id);
    addEvent(accountId, QStringLiteral("CREATE_REWARD"), source, locationId, QStringLiteral("create_reward"), detail,
             -points, false);
    const QString at = m_events.last().json.value(QLatin1String("created_at")).toString();
    QJsonObject reward {{QStringLiteral("id"), id},
                        {QStringLiteral("status"), QStringLiteral("ISSUED")},
                        {QStringLiteral("loyalty_account_id"), accountId},
                        {QStringLiteral("reward_tier_id"), tierId},
                        {QStringLiteral("points"), points},
                        {QStringLiteral("created_at"), at},
                        {QStringLiteral("updated_at"), at}};
    if (!orderId.isEmpty())
        reward.insert(QStringLiteral("order_id"), orderId);
    m_rewards.insert(id, Reward {reward, m_events.last().sequence});
    return {200, QJsonObject {{QStringLiteral("reward"), reward}}};
}

FakeSquareServer::Response FakeSquareServer::createReward(const QJsonObject& request)
{
    const QJsonObject reward = obj(request, "reward");
    return issueReward(str(reward, "loyalty_account_id"), str(reward, "reward_tier_id"), str(reward, "order_id"), Api,
                       {});
}

FakeSquareServer::Response FakeSquareServer::retrieveReward(const QString& rewardId) const
{
    if (!m_rewards.contains(rewardId))
        return notFound(QStringLiteral("No loyalty reward %1.").arg(rewardId), QStringLiteral("reward_id"));
    return {200, QJsonObject {{QStringLiteral("reward"), m_rewards.value(rewardId).json}}};
}

FakeSquareServer::Response FakeSquareServer::redeemReward(const QString& rewardId, const QJsonObject& request)
{
    if (!m_rewards.contains(rewardId))
        return notFound(QStringLiteral("No loyalty reward %1.").arg(rewardId), QStringLiteral("reward_id"));
    Reward& reward = m_rewards[rewardId];
    const QString status = str(reward.json, "status");
    if (status != QLatin1String("ISSUED"))
        return invalid(QStringLiteral("BAD_REQUEST"),
                       QStringLiteral("The reward is %1 and cannot be redeemed.").arg(status),
                       QStringLiteral("reward_id"));
    const QString accountId = str(reward.json, "loyalty_account_id");
    QJsonObject detail {{QStringLiteral("reward_id"), rewardId}};
    if (reward.json.contains(QLatin1String("order_id")))
        detail.insert(QStringLiteral("order_id"), str(reward.json, "order_id"));
    const QJsonObject event = addEvent(accountId, QStringLiteral("REDEEM_REWARD"), Api, str(request, "location_id"),
                                       QStringLiteral("redeem_reward"), detail, 0, false);
    Reward& changed = m_rewards[rewardId];
    changed.json.insert(QStringLiteral("status"), QStringLiteral("REDEEMED"));
    changed.json.insert(QStringLiteral("redeemed_at"), str(event, "created_at"));
    changed.json.insert(QStringLiteral("updated_at"), str(event, "created_at"));
    changed.updated = m_events.last().sequence;
    return {200, QJsonObject {{QStringLiteral("event"), event}}};
}

FakeSquareServer::Response FakeSquareServer::deleteReward(const QString& rewardId)
{
    if (!m_rewards.contains(rewardId))
        return notFound(QStringLiteral("No loyalty reward %1.").arg(rewardId), QStringLiteral("reward_id"));
    const QJsonObject reward = m_rewards.value(rewardId).json;
    const QString status = str(reward, "status");
    if (status != QLatin1String("ISSUED"))
        return invalid(QStringLiteral("BAD_REQUEST"),
                       QStringLiteral("Only an ISSUED reward can be deleted; this one is %1.").arg(status),
                       QStringLiteral("reward_id"));
    const qint64 points = reward.value(QLatin1String("points")).toInteger();
    const QJsonObject event = addEvent(
        str(reward, "loyalty_account_id"), QStringLiteral("DELETE_REWARD"), Api, {}, QStringLiteral("delete_reward"),
        QJsonObject {{QStringLiteral("reward_id"), rewardId}, {QStringLiteral("points"), points}}, points, false);
    Reward& changed = m_rewards[rewardId];
    changed.json.insert(QStringLiteral("status"), QStringLiteral("DELETED"));
    changed.json.insert(QStringLiteral("updated_at"), str(event, "created_at"));
    changed.updated = m_events.last().sequence;
    return {200, {}};
}

FakeSquareServer::Response FakeSquareServer::searchRewards(const QJsonObject& request)
{
    const QJsonObject query = obj(request, "query");
    const QString accountId = str(query, "loyalty_account_id");
    const QString status = str(query, "status");
    Keyed items;
    for (auto it = m_rewards.begin(); it != m_rewards.end(); ++it) {
        if (request.contains(QLatin1String("query")) && str(it->json, "loyalty_account_id") != accountId)
            continue;
        if (!status.isEmpty() && str(it->json, "status") != status)
            continue;
        items.append({-it->updated, it->json}); // newest updated_at first
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return page(QStringLiteral("SearchLoyaltyRewards"), request, items, request.value(QLatin1String("limit")).toInt(30),
                QStringLiteral("rewards"), false);
}

FakeSquareServer::Response FakeSquareServer::searchEvents(const QJsonObject& request)
{
    const QJsonObject filter = obj(obj(request, "query"), "filter");
    const QString accountId = str(obj(filter, "loyalty_account_filter"), "loyalty_account_id");
    const bool byType = filter.contains(QLatin1String("type_filter"));
    const QJsonArray types = obj(filter, "type_filter").value(QLatin1String("types")).toArray();
    const bool byLocation = filter.contains(QLatin1String("location_filter"));
    const QJsonArray locations = obj(filter, "location_filter").value(QLatin1String("location_ids")).toArray();
    const QString orderId = str(obj(filter, "order_filter"), "order_id");
    if (byType && types.isEmpty())
        return invalid(QStringLiteral("ARRAY_EMPTY"), QStringLiteral("Name at least one event type."),
                       QStringLiteral("query.filter.type_filter.types"));
    if (byLocation && locations.isEmpty())
        return invalid(QStringLiteral("ARRAY_EMPTY"), QStringLiteral("Name at least one location."),
                       QStringLiteral("query.filter.location_filter.location_ids"));
    const QJsonObject range = obj(obj(filter, "date_time_filter"), "created_at");
    std::optional<QDateTime> start;
    std::optional<QDateTime> end;
    for (const char* bound : {"start_at", "end_at"}) {
        if (!range.contains(QLatin1String(bound)))
            continue;
        const std::optional<QDateTime> at = rfc3339(str(range, bound));
        if (!at)
            return invalid(QStringLiteral("INVALID_TIME"), QStringLiteral("Use an RFC 3339 timestamp."),
                           QStringLiteral("query.filter.date_time_filter.created_at.") + QLatin1String(bound));
        (qstrcmp(bound, "start_at") == 0 ? start : end) = at;
    }
    if (start && end && *start > *end)
        return invalid(QStringLiteral("INVALID_TIME_RANGE"), QStringLiteral("start_at is after end_at."),
                       QStringLiteral("query.filter.date_time_filter.created_at"));

    Keyed items;
    for (qsizetype i = m_events.size() - 1; i >= 0; --i) { // newest first
        const Event& event = m_events.at(i);
        // Events are appended in the order of their strictly rising stamps (addEvent): those before the range's
        // start are all older. Walking them all made each pull cost as much as the fake's whole history.
        if (start && event.createdAt < *start)
            break;
        const QJsonObject& json = event.json;
        if (!m_accounts.contains(str(json, "loyalty_account_id")))
            continue; // deleted with its account
        if (!accountId.isEmpty() && str(json, "loyalty_account_id") != accountId)
            continue;
        if (byType && !types.contains(json.value(QLatin1String("type"))))
            continue;
        if (byLocation && !locations.contains(json.value(QLatin1String("location_id"))))
            continue;
        if (end && event.createdAt >= *end)
            continue;
        if (!orderId.isEmpty() && str(obj(json, "accumulate_points"), "order_id") != orderId
            && str(obj(json, "redeem_reward"), "order_id") != orderId
            && str(obj(json, "accumulate_promotion_points"), "order_id") != orderId)
            continue;
        items.append({-event.sequence, json});
    }
    return page(QStringLiteral("SearchLoyaltyEvents"), request, items, request.value(QLatin1String("limit")).toInt(30),
                QStringLiteral("events"), true);
}

QString FakeSquareServer::enrollElsewhere(const QString& phone)
{
    if (const QString existing = m_accountByPhone.value(phone); !existing.isEmpty())
        return existing;
    if (!validPhone(phone)) {
        qWarning("Fake Square: cannot enroll %s, not an E.164 phone number.", qPrintable(phone));
        return {};
    }
    return enroll(phone);
}

void FakeSquareServer::accumulateElsewhere(const QString& accountId, qint64 points, const QString& locationId)
{
    if (!m_accounts.contains(accountId) || points < 1) {
        qWarning("Fake Square: cannot accumulate %lld points on %s.", points, qPrintable(accountId));
        return;
    }
    addEvent(accountId, QStringLiteral("ACCUMULATE_POINTS"), Pos, locationId, QStringLiteral("accumulate_points"),
             QJsonObject {{QStringLiteral("points"), points}}, points, true);
}

void FakeSquareServer::adjustElsewhere(const QString& accountId, qint64 points, const QString& reason)
{
    if (!m_accounts.contains(accountId)) {
        qWarning("Fake Square: no loyalty account %s to adjust.", qPrintable(accountId));
        return;
    }
    QJsonObject detail {{QStringLiteral("points"), points}};
    if (!reason.isEmpty())
        detail.insert(QStringLiteral("reason"), reason);
    addEvent(accountId, QStringLiteral("ADJUST_POINTS"), Pos, {}, QStringLiteral("adjust_points"), detail, points,
             true);
}

QString FakeSquareServer::createRewardElsewhere(const QString& accountId, const QString& tierId)
{
    const Response response = issueReward(accountId, tierId, {}, Pos, QStringLiteral("other-location"));
    if (response.status != 200) {
        qWarning("Fake Square: no reward %s for %s: %s", qPrintable(tierId), qPrintable(accountId),
                 QJsonDocument(response.body).toJson(QJsonDocument::Compact).constData());
        return {};
    }
    return str(obj(response.body, "reward"), "id");
}

void FakeSquareServer::expirePoints(const QString& accountId, qint64 points)
{
    if (!m_accounts.contains(accountId) || points < 1) {
        qWarning("Fake Square: cannot expire %lld points on %s.", points, qPrintable(accountId));
        return;
    }
    addEvent(accountId, QStringLiteral("EXPIRE_POINTS"), Pos, {}, QStringLiteral("expire_points"),
             QJsonObject {{QStringLiteral("points"), -points}}, -points, false);
}

QString FakeSquareServer::createPromotionElsewhere(const QJsonObject& promotion)
{
    const Stamp created = stamp();
    const FakeSquarePromotions::Answer answer = m_promotions.create(
        m_programId,
        QJsonObject {{QStringLiteral("loyalty_promotion"), promotion}, {QStringLiteral("idempotency_key"), opaqueId()}},
        created.text, created.sequence);
    if (answer.status != 200)
        qWarning("Fake Square: the Dashboard refused the promotion: %s",
                 QJsonDocument(answer.body).toJson(QJsonDocument::Compact).constData());
    return str(obj(answer.body, "loyalty_promotion"), "id");
}

void FakeSquareServer::cancelPromotionElsewhere(const QString& promotionId)
{
    if (m_promotions.cancel(promotionId, stamp().text).status != 200)
        qWarning("Fake Square: no live promotion %s to cancel.", qPrintable(promotionId));
}

void FakeSquareServer::endPromotion(const QString& promotionId)
{
    if (!m_promotions.end(promotionId, stamp().text))
        qWarning("Fake Square: no live promotion %s to end.", qPrintable(promotionId));
}

void FakeSquareServer::deleteAccount(const QString& accountId)
{
    if (!m_accounts.contains(accountId)) {
        qWarning("Fake Square: no loyalty account %s to delete.", qPrintable(accountId));
        return;
    }
    const QString phone = str(obj(m_accounts.value(accountId).json, "mapping"), "phone_number");
    m_accountByPhone.remove(phone);
    m_accounts.remove(accountId);
    for (auto it = m_rewards.begin(); it != m_rewards.end();) {
        if (str(it->json, "loyalty_account_id") == accountId)
            it = m_rewards.erase(it);
        else
            ++it;
    }
}

} // namespace lt::test
