#pragma once

#include <QJsonObject>
#include <QString>

namespace lt {

// A failed Square call, as the sync engine must act on it. Never carries the access token.
struct SquareError
{
    enum class Kind {
        Network, // no answer: connection refused or reset, DNS, TLS, timeout
        Server, // 5xx
        RateLimited, // 429
        BadResponse, // a body that is not Square's JSON (an HTML proxy page) or is too large
        Unauthorized, // 401 or an AUTHENTICATION_ERROR: the token is wrong, expired or revoked; sync must stop
        Rejected, // any other 4xx: Square refuses this request as it is; retrying the same body cannot help
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString category; // Square's errors[0].category, e.g. INVALID_REQUEST_ERROR
    QString code; // Square's errors[0].code, e.g. INVALID_PHONE_NUMBER
    QString detail;
    QString field;
    int retryAfterMs = -1; // from a Retry-After header, when present

    bool retryable() const
    {
        return kind == Kind::Network || kind == Kind::Server || kind == Kind::RateLimited || kind == Kind::BadResponse;
    }
    bool stopsSync() const { return kind == Kind::Unauthorized; }
    QString message() const;

    // Reads Square's {"errors":[...]} body; the first error decides, as Square's status does.
    static SquareError fromResponse(int httpStatus, const QJsonObject& body);
};

QString squareErrorKindName(SquareError::Kind kind);

} // namespace lt
