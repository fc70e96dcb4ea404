#pragma once

#include "core/common/Result.h"
#include "core/wallet/WalletKeys.h"
#include "sync/square/SystemdCredential.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace lt {

// One of the store's wallet secrets; each is kept apart (a keychain entry, a systemd credential).
enum class WalletKeyEntry {
    GoogleServiceAccount, // the service account's JSON key file
    AppleCertificate, // the pass type certificate, PEM
    ApplePrivateKey, // its private key, PEM
    AppleWwdr, // Apple's WWDR intermediate certificate, PEM
};

// The store's wallet keys on a kiosk till, whose service user has no keyring: an encrypted systemd credential each,
// beside the Square token's (SystemdCredential): wallet-google-service-account, wallet-apple-certificate,
// wallet-apple-private-key, wallet-apple-wwdr. The till reads them from its service's $CREDENTIALS_DIRECTORY, where a
// blank one (the unit's SetCredential= fallback) is a key not stored; root seals and deletes the files in
// /etc/loyaltytill/credentials, which the service reads when it starts again.
class WalletCredentials
{
    Q_DECLARE_TR_FUNCTIONS(WalletCredentials)

public:
    struct Options
    {
        QString folder; // where the sealed NAME.cred files are; made 0700
        QString withKey = {}; // systemd-creds --with-key; empty: systemd's own choice
        QString tool = QStringLiteral("systemd-creds");
    };
    // The credential's name in the unit and its sealed file: "wallet-apple-certificate"...
    static QString nameOf(WalletKeyEntry entry);

    WalletCredentials(); // the configuration folder's credentials/ (SystemdCredential::defaultFolder)
    explicit WalletCredentials(Options options);

    SystemdCredential credential(WalletKeyEntry entry) const;

    // Every key the service was given; a blank one is empty in the answer. NotFound outside such a service, or when
    // its unit does not load one of them.
    Result<WalletKeys> load() const;
    // Seals each non-empty part of `keys` (root only); an empty one is left as it is.
    Result<void> store(const WalletKeys& keys) const;
    // Deletes the sealed files (root only); one that is not there is fine.
    Result<void> remove(const QList<WalletKeyEntry>& entries) const;
    // The entries whose sealed file is there. Refused to anyone but root, to whom the folder is closed.
    Result<QList<WalletKeyEntry>> sealedEntries() const;
    // This process is a service systemd hands credentials to ($CREDENTIALS_DIRECTORY); only there can keys be read.
    static bool insideService();

    const Options& options() const { return m_options; }

private:
    Options m_options;
};

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
