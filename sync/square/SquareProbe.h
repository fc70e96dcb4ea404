#pragma once

#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareEnvironment.h"
#include "sync/square/SquareResult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

namespace lt {

// One question to Square, asked once and not retried: may this token read the seller's loyalty program
// (RetrieveLoyaltyProgram "main", the first call sync makes), and is the program active at this location? Pairing a
// till asks it before keeping a token; the doctor asks it to tell an unreachable Square from a refused token.
class SquareProbe
{
    Q_DECLARE_TR_FUNCTIONS(SquareProbe)

public:
    static constexpr int TimeoutMs = 15000;

    enum class Outcome {
        Ready, // the token reads the program, which is active at the location
        Unreachable, // no answer: network, DNS, TLS, a proxy, a timeout
        Unauthorized, // 401: the token is wrong, expired, revoked, or the other environment's
        Forbidden, // 403: the token may not read loyalty data
        RateLimited, // 429
        ServerError, // 5xx, or an answer that is not Square's
        NoProgram, // 404: the seller has no loyalty program
        ProgramInactive, // the program is there but not active (no Loyalty subscription)
        UnknownLocation, // the program is not active at the location
        Refused, // any other refusal
    };

    struct Answer
    {
        Outcome outcome = Outcome::Unreachable;
        QString environment; // "production", "sandbox" or a URL
        QString locationId;
        int httpStatus = 0;
        QString detail; // Square's or the network's words, never the token
        QString programId;
        QStringList programLocations;

        bool ready() const { return outcome == Outcome::Ready; }
        QString found() const; // what Square answered, one sentence
        QString fix() const; // what to do about it, one sentence; empty when ready
    };
    using Callback = std::function<void(const Answer&)>;

    // The callback runs exactly once, on this thread.
    static void ask(QNetworkAccessManager& network, const SquareEnvironment& environment, const QString& token,
                    const QString& locationId, Callback done);
    // The same, waiting in a local event loop: for the admin CLI.
    static Answer askNow(QNetworkAccessManager& network, const SquareEnvironment& environment, const QString& token,
                         const QString& locationId);

    // What Square's answer to RetrieveLoyaltyProgram means for the location.
    static Answer judge(const SquareResult<SquareProgram>& program, const QString& environment,
                        const QString& locationId);
};

} // namespace lt
