#pragma once

#include "core/services/CheckResult.h"
#include "sync/SquareConnection.h"
#include "sync/square/SquareProbe.h"

#include <QCoreApplication>

#include <optional>

class QNetworkAccessManager;

namespace lt {

class CredentialStore;

// The sync layer's part of the check-up (TillCheckup has the core's): where the Square token is kept (the user's
// keychain, or a kiosk till's systemd credential: the given CredentialStore's kind) and Square itself, reachable and
// accepting the token. Blocking forms for the admin CLI; the token is never part of a result.
class SquareCheckup
{
    Q_DECLARE_TR_FUNCTIONS(SquareCheckup)

public:
    SquareCheckup(CredentialStore& credentials, QNetworkAccessManager& network);

    // Both checks for the store's connection (nothing: the store is not connected, or there is no store).
    QList<CheckResult> runNow(const std::optional<SquareConnection>& connection);

    // Connected: the stored token can be read (and is handed to `token`). Not connected, with the keychain: a
    // throwaway entry is written, read and deleted under a service of its own (a warning when that fails).
    CheckResult tokenStoreNow(const std::optional<SquareConnection>& connection, QString* token = nullptr);
    // Square asked with the token (SquareProbe); `token` empty: the token store's check failed.
    CheckResult squareNow(const std::optional<SquareConnection>& connection, const QString& token);

    // Square's answer as a check: temporary trouble (429, 5xx) is a warning, the rest of a refusal a failure.
    static CheckResult fromAnswer(const SquareProbe::Answer& answer);
    // A store that is not connected: points stay on this till until it is.
    static CheckResult notConnected();
    // square.token_store = systemd-credential (CredentialStore::configuredKind()).
    static bool usesSystemdCredential();
    // A kiosk's token (a store of the systemd credential's kind), seen from outside its service (an administrator's
    // shell): the sealed file is there, but only the service that loads it (LoadCredentialEncrypted=) can open it,
    // so it is not read.
    static bool sealedOutsideService(const CredentialStore& credentials);

private:
    CheckResult keychainRoundTrip();

    CredentialStore& m_credentials;
    QNetworkAccessManager& m_network;
};

} // namespace lt
