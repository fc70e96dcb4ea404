#pragma once

#include "sync/square/SquareError.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace lt {

// One HTTP answer as it came off the wire, before it means anything.
struct SquareHttpAnswer
{
    int httpStatus = 0; // > 0: an answer with no status at all is a network failure, which SquareClient handles
    QByteArray contentType;
    std::optional<QByteArray> retryAfter; // the Retry-After header, when present
    QByteArray body; // at most the client's maxResponseBytes + 1
};

// What one HTTP answer from Square means, apart from the network that brought it: Square's JSON object on a 2xx,
// Square's typed error, or a proxy's page read as BadResponse. A pure function of the answer, so that it is fuzzed
// and tested without a server.
struct SquareResponse
{
    enum class Body {
        Parsed, // a success's body is parsed here
        Raw, // a success's body that looks like a JSON object is kept as bytes, for parseSuccess() elsewhere
    };

    bool ok = false;
    QJsonObject body; // the parsed body when ok (Body::Parsed)
    QByteArray raw; // the body when ok (Body::Raw)
    SquareError error; // meaningful when !ok

    // maxRetryAfterMs: a longer Retry-After is reported as maxRetryAfterMs + 1, so that the caller stops retrying.
    // Errors are always parsed, since whether to retry depends on them; a Raw success is one whose body starts with
    // '{' and ends with '}', so that a truncated body or a proxy's page is still refused (and retried) here.
    static SquareResponse read(const SquareHttpAnswer& answer, int maxRetryAfterMs, Body body = Body::Parsed);
    // The JSON object of a success read with Body::Raw; BadResponse when the bytes are not one.
    static SquareResponse parseSuccess(int httpStatus, const QByteArray& raw);
};

} // namespace lt
