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
        Malformed, // a success whose content cannot be used (an id missing, a field of the wrong type): refused
                   // whole, never guessed at; Square said yes, so resending cannot change the answer
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
    // "Reading Square's balances failed: " + message(); a malformed answer's detail already says what happened.
    QString inContext(const QString& failedAction) const;
    // For the log: the details of Square's refusals are left out, as they may quote what was sent (a phone number).
    QString logSummary() const;

    static SquareError malformed(const QString& detail);

    // Reads Square's {"errors":[...]} body; the first error decides, as Square's status does.
    static SquareError fromResponse(int httpStatus, const QJsonObject& body);
};

QString squareErrorKindName(SquareError::Kind kind);

} // namespace lt
