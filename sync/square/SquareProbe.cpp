#include "sync/square/SquareProbe.h"

#include "sync/square/SquareClient.h"
#include "sync/square/SquareLoyaltyApi.h"

#include <QEventLoop>
#include <QJsonArray>

#include <optional>

namespace lt {

namespace {

SquareProbe::Outcome outcomeOf(const SquareError& error)
{
    switch (error.kind) {
    case SquareError::Kind::Network:
        return SquareProbe::Outcome::Unreachable;
    case SquareError::Kind::Unauthorized:
        return SquareProbe::Outcome::Unauthorized;
    case SquareError::Kind::RateLimited:
        return SquareProbe::Outcome::RateLimited;
    case SquareError::Kind::Server:
    case SquareError::Kind::BadResponse:
    case SquareError::Kind::Malformed:
        return SquareProbe::Outcome::ServerError;
    case SquareError::Kind::Rejected:
        break;
    }
    if (error.httpStatus == 403)
        return SquareProbe::Outcome::Forbidden;
    if (error.httpStatus == 404)
        return SquareProbe::Outcome::NoProgram;
    return SquareProbe::Outcome::Refused;
}

QString hostOf(const QString& environment)
{
    auto parsed = SquareEnvironment::parse(environment);
    return parsed ? parsed->baseUrl().host() : environment;
}

} // namespace

SquareProbe::Answer SquareProbe::judge(const SquareResult<SquareProgram>& program, const QString& environment,
                                       const QString& locationId)
{
    Answer answer;
    answer.environment = environment;
    answer.locationId = locationId;
    if (!program) {
        answer.outcome = outcomeOf(program.error());
        answer.httpStatus = program.error().httpStatus;
        answer.detail = program.error().kind == SquareError::Kind::Network || program.error().detail.isEmpty()
            ? program.error().detail
            : program.error().message();
        return answer;
    }
    answer.httpStatus = 200;
    answer.programId = program->id;
    const QJsonObject& json = program->json;
    for (const QJsonValue& location : json.value(QLatin1String("location_ids")).toArray())
        answer.programLocations << location.toString();
    if (json.value(QLatin1String("status")).toString() == QLatin1String("INACTIVE"))
        answer.outcome = Outcome::ProgramInactive;
    // A program that names no location is not known to exclude this one.
    else if (!answer.programLocations.isEmpty() && !answer.programLocations.contains(locationId))
        answer.outcome = Outcome::UnknownLocation;
    else
        answer.outcome = Outcome::Ready;
    return answer;
}

void SquareProbe::ask(QNetworkAccessManager& network, const SquareEnvironment& environment, const QString& token,
                      const QString& locationId, Callback done)
{
    SquareClient::Options options;
    options.timeoutMs = TimeoutMs;
    options.maxAttempts = 1; // the answer is what the person or the script asked for, now
    auto* client = new SquareClient(network, environment, token, options);
    SquareLoyaltyApi(*client).retrieveProgram(
        [client, name = environment.name(), locationId, done = std::move(done)](const SquareResult<SquareProgram>& r) {
            client->deleteLater();
            done(judge(r, name, locationId));
        });
}

SquareProbe::Answer SquareProbe::askNow(QNetworkAccessManager& network, const SquareEnvironment& environment,
                                        const QString& token, const QString& locationId)
{
    QEventLoop loop;
    std::optional<Answer> answer;
    ask(network, environment, token, locationId, [&](const Answer& a) {
        answer = a;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

QString SquareProbe::Answer::found() const
{
    switch (outcome) {
    case Outcome::Ready:
        return QCoreApplication::translate(
                   "SquareProbe", "Square (%1) accepts the token; its loyalty program is active at location %2.")
            .arg(environment, locationId);
    case Outcome::Unreachable:
        return QCoreApplication::translate("SquareProbe", "Square (%1) did not answer: %2").arg(environment, detail);
    case Outcome::Unauthorized:
        return QCoreApplication::translate(
                   "SquareProbe",
                   "Square (%1) refused the token (HTTP 401): it is wrong, expired or revoked, or it belongs to the "
                   "other environment.")
            .arg(environment);
    case Outcome::Forbidden:
        return QCoreApplication::translate("SquareProbe",
                                           "The token may not read Square's loyalty program (HTTP 403).");
    case Outcome::RateLimited:
        return QCoreApplication::translate("SquareProbe", "Square is limiting this token's requests (HTTP 429).");
    case Outcome::ServerError:
        return QCoreApplication::translate("SquareProbe", "Square (%1) has a problem (HTTP %2): %3")
            .arg(environment)
            .arg(httpStatus)
            .arg(detail);
    case Outcome::NoProgram:
        return QCoreApplication::translate("SquareProbe", "The Square account has no loyalty program (HTTP 404).");
    case Outcome::ProgramInactive:
        return QCoreApplication::translate("SquareProbe", "The Square loyalty program is not active.");
    case Outcome::UnknownLocation:
        return QCoreApplication::translate("SquareProbe",
                                           "Location %1 is not one of the loyalty program's locations (%2).")
            .arg(locationId, programLocations.join(QStringLiteral(", ")));
    case Outcome::Refused:
        break;
    }
    return QCoreApplication::translate("SquareProbe", "Square refused the request (HTTP %1): %2")
        .arg(httpStatus)
        .arg(detail);
}

QString SquareProbe::Answer::fix() const
{
    switch (outcome) {
    case Outcome::Ready:
        return QString();
    case Outcome::Unreachable:
        return QCoreApplication::translate(
                   "SquareProbe", "Check this till's network, DNS and proxy, and that %1 can be reached over HTTPS.")
            .arg(hostOf(environment));
    case Outcome::Unauthorized:
        return QCoreApplication::translate(
            "SquareProbe",
            "Create a new access token in the Square Developer Console for this environment and connect again "
            "(`loyaltytill-admin setup` or `square connect --token-stdin`).");
    case Outcome::Forbidden:
        return QCoreApplication::translate(
            "SquareProbe",
            "Give the application the LOYALTY_READ, LOYALTY_WRITE and CUSTOMERS_READ permissions, or use its "
            "personal access token, then connect again.");
    case Outcome::RateLimited:
        return QCoreApplication::translate(
            "SquareProbe",
            "Wait a minute and check again; if it goes on, look for another program using the same token.");
    case Outcome::ServerError:
        return QCoreApplication::translate(
            "SquareProbe",
            "Check again later (issquareup.com shows Square's status); the till keeps its sales and sends them "
            "when Square answers.");
    case Outcome::NoProgram:
        return QCoreApplication::translate("SquareProbe",
                                           "Create the loyalty program in the Square Dashboard, then connect again.");
    case Outcome::ProgramInactive:
        return QCoreApplication::translate("SquareProbe",
                                           "Turn Square Loyalty on (its subscription) in the Square Dashboard.");
    case Outcome::UnknownLocation:
        return QCoreApplication::translate(
            "SquareProbe",
            "Connect with one of the program's location IDs (--location), or add this location to the program "
            "in the Square Dashboard.");
    case Outcome::Refused:
        break;
    }
    return QCoreApplication::translate(
        "SquareProbe", "Check that the environment (production or sandbox) is the token's, then connect again.");
}

} // namespace lt
