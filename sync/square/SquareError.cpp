#include "sync/square/SquareError.h"

#include <QJsonArray>

namespace lt {

QString squareErrorKindName(SquareError::Kind kind)
{
    switch (kind) {
    case SquareError::Kind::Network:
        return QStringLiteral("network");
    case SquareError::Kind::Server:
        return QStringLiteral("server");
    case SquareError::Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case SquareError::Kind::BadResponse:
        return QStringLiteral("bad-response");
    case SquareError::Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case SquareError::Kind::Rejected:
        return QStringLiteral("rejected");
    case SquareError::Kind::Malformed:
        return QStringLiteral("malformed");
    }
    return QStringLiteral("unknown");
}

QString SquareError::message() const
{
    if (kind == Kind::Malformed)
        return detail;
    QString text = squareErrorKindName(kind);
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!code.isEmpty())
        text += QStringLiteral(" ") + code;
    if (!field.isEmpty())
        text += QStringLiteral(" [") + field + QStringLiteral("]");
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}

QString SquareError::inContext(const QString& failedAction) const
{
    return kind == Kind::Malformed ? message() : failedAction + message();
}

QString SquareError::logSummary() const
{
    // Network and BadResponse details are ours (Qt's text naming the host, a content type); Malformed ones name
    // the field that was wrong, never its value beyond 40 characters of an id or a time.
    if (kind == Kind::Network || kind == Kind::BadResponse || kind == Kind::Malformed)
        return message();
    SquareError summary = *this;
    summary.detail.clear();
    return summary.message();
}

SquareError SquareError::malformed(const QString& detail)
{
    SquareError error;
    error.kind = Kind::Malformed;
    error.detail = detail;
    return error;
}

SquareError SquareError::fromResponse(int httpStatus, const QJsonObject& body)
{
    SquareError error;
    error.httpStatus = httpStatus;
    const QJsonObject first = body.value(QLatin1String("errors")).toArray().at(0).toObject();
    error.category = first.value(QLatin1String("category")).toString();
    error.code = first.value(QLatin1String("code")).toString();
    error.detail = first.value(QLatin1String("detail")).toString().left(500);
    error.field = first.value(QLatin1String("field")).toString().left(200);
    if (httpStatus == 401 || error.category == QLatin1String("AUTHENTICATION_ERROR"))
        error.kind = Kind::Unauthorized;
    else if (httpStatus == 429 || error.category == QLatin1String("RATE_LIMIT_ERROR"))
        error.kind = Kind::RateLimited;
    else if (httpStatus >= 500)
        error.kind = Kind::Server;
    else
        error.kind = Kind::Rejected;
    return error;
}

} // namespace lt
