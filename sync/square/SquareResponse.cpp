#include "sync/square/SquareResponse.h"

#include <QJsonDocument>

namespace lt {

namespace {
constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r'; // JSON's whitespace only
}

// Cheap, and no parse (nothing is allocated): one object, its brackets balanced outside strings and closed by the
// last character. A truncated body never passes; one that passes and still is not JSON is refused where it is
// parsed.
bool looksLikeObject(const QByteArray& body)
{
    const char* text = body.constData();
    qsizetype end = body.size();
    while (end > 0 && isSpace(text[end - 1]))
        --end;
    qsizetype i = 0;
    while (i < end && isSpace(text[i]))
        ++i;
    if (i >= end || text[i] != '{')
        return false;
    qsizetype depth = 0;
    bool inString = false;
    for (; i < end; ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i == end - 1;
        }
    }
    return false;
}

SquareError notSquaresJson(int httpStatus, const QString& what)
{
    SquareError error = SquareError::fromResponse(httpStatus, {});
    if (httpStatus < 300)
        error.kind = SquareError::Kind::BadResponse;
    error.detail = QStringLiteral("The response is not Square's JSON (%1).").arg(what);
    return error;
}
} // namespace

SquareResponse SquareResponse::read(const SquareHttpAnswer& answer, int maxRetryAfterMs, Body body)
{
    SquareResponse result;
    const bool success = answer.httpStatus >= 200 && answer.httpStatus < 300;
    if (success && body == Body::Raw && looksLikeObject(answer.body)) {
        result.ok = true;
        result.raw = answer.body;
        return result;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    const bool json = parseError.error == QJsonParseError::NoError && document.isObject();
    if (success && json) { // parsed already, whichever was asked
        result.ok = true;
        result.body = document.object();
        return result;
    }
    if (json && document.object().contains(QLatin1String("errors"))) {
        result.error = SquareError::fromResponse(answer.httpStatus, document.object());
    } else {
        // Not Square's JSON: a proxy or captive portal answered. 4xx other than 401/429 are still final.
        const QString type = QString::fromUtf8(answer.contentType).left(80);
        result.error = notSquaresJson(answer.httpStatus, QStringLiteral("content type \"%1\"").arg(type));
    }
    if (answer.retryAfter) {
        bool ok = false;
        const int seconds = answer.retryAfter->trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            result.error.retryAfterMs = seconds > maxRetryAfterMs / 1000 ? maxRetryAfterMs + 1 : seconds * 1000;
    }
    return result;
}

SquareResponse SquareResponse::parseSuccess(int httpStatus, const QByteArray& raw)
{
    SquareResponse result;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        result.ok = true;
        result.body = document.object();
        return result;
    }
    result.error = notSquaresJson(httpStatus, parseError.errorString().left(80));
    return result;
}

} // namespace lt
