#pragma once

#include "core/common/Result.h"
#include "sync/square/SystemdCredential.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace lt {

// The Square access token, where square.token_store says: in the platform keychain (the Secret Service on Linux),
// one entry per environment and location; or, on a kiosk till whose service user has no keyring to unlock, in an
// encrypted systemd credential (SystemdCredential), one per machine. Never a plaintext fallback: the token is not
// written to settings, the store, logs or messages.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Result<void>)>;

    enum class Kind {
        Keychain, // the user's keychain (square.token_store = keychain)
        SystemdCredential, // a kiosk service's encrypted credential (square.token_store = systemd-credential)
    };
    // square.token_store through its layers (IT's presets and locks); read when a store is made.
    static Kind configuredKind();

    // The keychain's `service`, or the systemd credential when square.token_store says so.
    explicit CredentialStore(QString service = QStringLiteral("LoyaltyTill"), QObject* parent = nullptr);
    // Always this systemd credential, whatever the settings say.
    explicit CredentialStore(SystemdCredential credential, QObject* parent = nullptr);

    Kind kind() const { return m_credential ? Kind::SystemdCredential : Kind::Keychain; }

    static QString keyFor(const QString& environment, const QString& locationId);

    void readToken(const QString& environment, const QString& locationId, ReadCallback done);
    void writeToken(const QString& environment, const QString& locationId, const QString& token, WriteCallback done);
    void removeToken(const QString& environment, const QString& locationId, WriteCallback done);

    // Blocking forms for the admin CLI: they run a local event loop until the keychain answers. With a systemd
    // credential, writing and removing change the sealed file (root only) and need the service to start again.
    Result<QString> readTokenNow(const QString& environment, const QString& locationId);
    Result<void> writeTokenNow(const QString& environment, const QString& locationId, const QString& token);
    Result<void> removeTokenNow(const QString& environment, const QString& locationId);

private:
    // The credential's answer, delivered from the event loop like the keychain's, never from inside the call.
    template<typename T>
    void answerLater(std::function<void(Result<T>)> done, Result<T> result);

    QString m_service;
    std::optional<SystemdCredential> m_credential;
};

} // namespace lt
