#pragma once

#include "core/common/Result.h"
#include "core/wallet/WalletKeys.h"
#include "sync/keys/WalletCredentials.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace lt {

// The store's wallet keys where square.token_store keeps this till's secrets. In the platform keychain (the Secret
// Service on Linux), as the Square token is kept (CredentialStore): the Google service account's JSON key, the Apple
// pass certificate, its private key and Apple's WWDR certificate, one entry each under the keychain's service. On a
// kiosk till (systemd-credential), in encrypted systemd credentials (WalletCredentials). Never a plaintext fallback:
// they are not written to settings, the store, logs or messages.
class WalletKeyStore : public QObject
{
    Q_OBJECT
public:
    using Entry = WalletKeyEntry;
    using LoadCallback = std::function<void(Result<WalletKeys>)>;
    using WriteCallback = std::function<void(Result<void>)>;

    enum class Kind {
        Keychain, // the user's keychain (square.token_store = keychain)
        SystemdCredential, // a kiosk service's encrypted credentials (square.token_store = systemd-credential)
    };

    // The keychain's `service`, or the systemd credentials when square.token_store says so.
    explicit WalletKeyStore(QString service = QStringLiteral("LoyaltyTill"), QObject* parent = nullptr);
    // Always these systemd credentials, whatever the settings say.
    explicit WalletKeyStore(WalletCredentials credentials, QObject* parent = nullptr);

    Kind kind() const { return m_credentials ? Kind::SystemdCredential : Kind::Keychain; }
    // The systemd credentials, when they are where the keys are.
    const WalletCredentials* credentials() const { return m_credentials ? &*m_credentials : nullptr; }

    static QList<Entry> allEntries();
    static QList<Entry> appleEntries();
    // The keychain's key of an entry: "wallet/google/service-account", "wallet/apple/certificate"...
    static QString keyFor(Entry entry);
    static QByteArray& part(WalletKeys& keys, Entry entry);

    // Every entry; one not stored is empty in the answer. An error when the keys cannot be read at all. Answers
    // come from the event loop, never from inside the call, whichever the store.
    void load(LoadCallback done);
    // Writes each non-empty part of `keys` (an empty one is left as it is).
    void store(const WalletKeys& keys, WriteCallback done);
    // Removes the entries; one that is not there is fine.
    void remove(const QList<Entry>& entries, WriteCallback done);

    // Blocking forms for the admin CLI: they run a local event loop until the keychain answers. With systemd
    // credentials, storing and removing change the sealed files (root only) and need the service to start again.
    Result<WalletKeys> loadNow();
    Result<void> storeNow(const WalletKeys& keys);
    Result<void> removeNow(const QList<Entry>& entries);

private:
    template<typename T>
    void answerLater(std::function<void(Result<T>)> done, Result<T> result);

    QString m_service;
    std::optional<WalletCredentials> m_credentials;
};

} // namespace lt
