#pragma once

#include "core/common/Result.h"
#include "sync/SquareConnection.h"
#include "sync/square/SquareProbe.h"

#include <QCoreApplication>

#include <optional>

class QNetworkAccessManager;

namespace lt {

class CredentialStore;
class Database;

// Pairs a store with Square in one step, with a token entered once: Square is asked first whether the token may
// read the loyalty program and whether the location is the program's (SquareProbe); only when it says yes is the
// token kept (CredentialStore: the keychain, or a kiosk till's systemd credential) and the connection saved in the
// store (SquareConnection). When Square says no, nothing is kept. No console I/O: the admin CLI's setup and the
// till's first-start wizard both use it.
class SquarePairing
{
    Q_DECLARE_TR_FUNCTIONS(SquarePairing)

public:
    SquarePairing(Database& db, CredentialStore& credentials, QNetworkAccessManager& network);

    // Blocking (a local event loop while Square and the keychain answer), for the admin CLI. Errors: invalid input
    // (the token's shape), refused (Square refused the token or its program is inactive), not found (no program,
    // or the location is not the program's), internal (Square unreachable or failing), storage (the keychain or
    // the store could not keep it).
    Result<SquareConnection> pairNow(const SquareEnvironment& environment, const QString& locationId,
                                     const QString& token);
    // What Square answered in the last pairNow(); nothing when it was not asked (a token of the wrong shape).
    const std::optional<SquareProbe::Answer>& answer() const { return m_answer; }

    // A token as the Developer Console shows it: one word of printable ASCII (it goes into an HTTP header).
    static Result<QString> checkToken(const QString& token);
    static Result<QString> checkLocation(const QString& locationId);
    static Error errorFor(const SquareProbe::Answer& answer);

private:
    Database& m_db;
    CredentialStore& m_credentials;
    QNetworkAccessManager& m_network;
    std::optional<SquareProbe::Answer> m_answer;
};

} // namespace lt
