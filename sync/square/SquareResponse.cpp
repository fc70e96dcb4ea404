#include "sync/square/SquareResponse.h"

#include <QJsonDocument>

namespace lt {

SquareResponse SquareResponse::read(const SquareHttpAnswer& answer, int maxRetryAfterMs)
{
    SquareResponse result;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    const bool json = parseError.error == QJsonParseError::NoError && document.isObject();
    if (answer.httpStatus >= 200 && answer.httpStatus < 300 && json) {
        result.ok = true;
        result.body = document.object();
        return result;
    }
    if (json && document.object().contains(QLatin1String("errors"))) {
        result.error = SquareError::fromResponse(answer.httpStatus, document.object());
    } else {
        // Not Square's JSON: a proxy or captive portal answered. 4xx other than 401/429 are still final.
        result.error = SquareError::fromResponse(answer.httpStatus, {});
        if (answer.httpStatus < 300)
            result.error.kind = SquareError::Kind::BadResponse;
        const QString type = QString::fromUtf8(answer.contentType).left(80);
        result.error.detail = QStringLiteral("The response is not Square's JSON (content type \"%1\").").arg(type);
    }
    if (answer.retryAfter) {
        bool ok = false;
        const int seconds = answer.retryAfter->trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            result.error.retryAfterMs = seconds > maxRetryAfterMs / 1000 ? maxRetryAfterMs + 1 : seconds * 1000;
    }
    return result;
}

} // namespace lt
