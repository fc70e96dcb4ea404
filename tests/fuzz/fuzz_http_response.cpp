// How SquareClient reads an HTTP answer (SquareResponse): the input is a raw HTTP/1.1 response, its status line,
// headers and body. Only a 2xx with a JSON object succeeds; 401 stops sync; a proxy's 2xx page is a BadResponse that
// is retried; a Retry-After never exceeds what the client waits. A success left as bytes (for the relay's thread)
// reads as the same JSON there, and an answer refused before that is refused exactly as when parsed at once.
#include "sync/square/SquareResponse.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

namespace {
constexpr int MaxRetryAfterMs = 120000;

// "HTTP/1.1 200 OK\r\nContent-Type: ...\r\n\r\nbody"; nothing when the status line is not one.
std::optional<SquareHttpAnswer> answerOf(const QByteArray& bytes)
{
    qsizetype headEnd = bytes.indexOf("\r\n\r\n");
    qsizetype bodyStart = headEnd + 4;
    if (headEnd < 0) {
        headEnd = bytes.indexOf("\n\n");
        bodyStart = headEnd + 2;
    }
    if (headEnd < 0) {
        headEnd = bytes.size();
        bodyStart = bytes.size();
    }
    const QList<QByteArray> lines = bytes.left(headEnd).split('\n');
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    bool ok = false;
    SquareHttpAnswer answer;
    answer.httpStatus = status.value(1).toInt(&ok);
    if (!status.value(0).startsWith("HTTP/") || !ok || answer.httpStatus < 100 || answer.httpStatus > 599)
        return std::nullopt;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        if (name == "content-type")
            answer.contentType = value;
        else if (name == "retry-after")
            answer.retryAfter = value;
    }
    answer.body = bytes.mid(bodyStart);
    return answer;
}

// The same answer read with Body::Raw, then parsed as RelayedSquareClient parses it.
void checkRaw(const SquareHttpAnswer& answer, const SquareResponse& parsed)
{
    const SquareResponse raw = SquareResponse::read(answer, MaxRetryAfterMs, SquareResponse::Body::Raw);
    if (parsed.ok)
        require(raw.ok, "a success stays a success when left as bytes");
    if (!raw.ok) {
        require(!parsed.ok && raw.error.kind == parsed.error.kind && raw.error.httpStatus == parsed.error.httpStatus
                    && raw.error.retryAfterMs == parsed.error.retryAfterMs,
                "an answer refused before its body is parsed is refused as when parsed at once");
        return;
    }
    require(raw.ok && answer.httpStatus >= 200 && answer.httpStatus < 300, "only a 2xx is left as bytes");
    if (raw.raw.isEmpty()) {
        require(parsed.ok && raw.body == parsed.body, "what was parsed already is the same JSON");
        return;
    }
    const SquareResponse later = SquareResponse::parseSuccess(answer.httpStatus, raw.raw);
    require(later.ok == parsed.ok, "the bytes parse where the answer would have");
    if (later.ok)
        require(later.body == parsed.body, "the bytes parse into the same JSON");
    else
        require(later.error.kind == SquareError::Kind::BadResponse && later.error.httpStatus == answer.httpStatus
                    && !later.error.message().isEmpty(),
                "bytes that are not JSON are a BadResponse of their status");
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto answer = answerOf(fuzz::bytesOf(data, size));
    if (!answer)
        return 0;
    const SquareResponse response = SquareResponse::read(*answer, MaxRetryAfterMs);
    const int status = answer->httpStatus;
    const bool success = status >= 200 && status < 300;
    checkRaw(*answer, response);
    if (response.ok) {
        require(success, "only a 2xx succeeds");
        return 0;
    }
    const SquareError& error = response.error;
    require(error.httpStatus == status, "the error keeps its status");
    if (success)
        require(error.kind == SquareError::Kind::BadResponse && error.retryable(), "a 2xx that is not JSON is retried");
    // Square's AUTHENTICATION_ERROR stops sync whatever the status says.
    if (status == 401 || error.category == QLatin1String("AUTHENTICATION_ERROR"))
        require(error.kind == SquareError::Kind::Unauthorized && error.stopsSync(), "401 stops sync");
    else if (status >= 500 || status == 429)
        require(error.retryable(), "429 and 5xx are retried");
    require(error.retryAfterMs >= -1 && error.retryAfterMs <= MaxRetryAfterMs + 1, "Retry-After is bounded");
    require(!error.message().isEmpty(), "an error has a message");
    return 0;
}
