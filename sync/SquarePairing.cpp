#include "sync/SquarePairing.h"

#include "sync/SyncLogging.h"
#include "sync/square/CredentialStore.h"

#include <algorithm>

namespace lt {

SquarePairing::SquarePairing(Database& db, CredentialStore& credentials, QNetworkAccessManager& network)
    : m_db(db)
    , m_credentials(credentials)
    , m_network(network)
{
}

Result<QString> SquarePairing::checkToken(const QString& token)
{
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(tr("No Square access token was given."), QStringLiteral("token"));
    const bool printable =
        std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    if (!printable || trimmed.size() > 1024)
        return Error::invalid(tr("That is not a Square access token: it is one word of letters, digits and a few "
                                 "signs, as the Developer Console shows it."),
                              QStringLiteral("token"));
    return trimmed;
}

Result<QString> SquarePairing::checkLocation(const QString& locationId)
{
    const QString trimmed = locationId.trimmed();
    const bool plain = std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_';
    });
    if (trimmed.isEmpty() || trimmed.size() > 64 || !plain)
        return Error::invalid(tr("Give the Square location ID (letters and digits, as the Dashboard shows it)."),
                              QStringLiteral("location"));
    return trimmed;
}

Error SquarePairing::errorFor(const SquareProbe::Answer& answer)
{
    const QString message = answer.found() + QLatin1Char(' ') + answer.fix();
    switch (answer.outcome) {
    case SquareProbe::Outcome::Unauthorized:
    case SquareProbe::Outcome::Forbidden:
    case SquareProbe::Outcome::ProgramInactive:
    case SquareProbe::Outcome::Refused:
        return Error::refused(message);
    case SquareProbe::Outcome::NoProgram:
    case SquareProbe::Outcome::UnknownLocation:
        return Error::notFound(message);
    case SquareProbe::Outcome::Unreachable:
    case SquareProbe::Outcome::RateLimited:
    case SquareProbe::Outcome::ServerError:
    case SquareProbe::Outcome::Ready:
        break;
    }
    return Error::internal(message);
}

Result<SquareConnection> SquarePairing::pairNow(const SquareEnvironment& environment, const QString& locationId,
                                                const QString& token)
{
    m_answer.reset();
    LT_TRY_ASSIGN(const QString location, checkLocation(locationId));
    LT_TRY_ASSIGN(const QString checkedToken, checkToken(token));
    m_answer = SquareProbe::askNow(m_network, environment, checkedToken, location);
    if (!m_answer->ready()) {
        qCInfo(lcSquare) << "pairing refused:" << int(m_answer->outcome) << "HTTP" << m_answer->httpStatus;
        return errorFor(*m_answer);
    }
    LT_TRY(m_credentials.writeTokenNow(environment.name(), location, checkedToken));
    const SquareConnection connection {environment.name(), location, {}};
    if (auto saved = connection.save(m_db); !saved) {
        // A token the store does not name would be kept for nothing.
        (void)m_credentials.removeTokenNow(environment.name(), location);
        return saved.error();
    }
    qCInfo(lcSquare) << "paired with Square" << environment.name() << "location" << location;
    return connection;
}

} // namespace lt
