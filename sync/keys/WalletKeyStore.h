#pragma once

#include "core/common/Result.h"
#include "core/wallet/WalletKeys.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace lt {

// The store's wallet keys in the platform keychain (the Secret Service on Linux), as the Square token is kept
// (CredentialStore): the Google service account's JSON key, the Apple pass certificate, its private key and Apple's
// WWDR certificate, one entry each under the keychain's service. Never a plaintext fallback: they are not written to
// settings, the store, logs or messages.
class WalletKeyStore : public QObject
{
    Q_OBJECT
public:
    enum class Entry {
        GoogleServiceAccount, // the service account's JSON key file
        AppleCertificate, // the pass type certificate, PEM
        ApplePrivateKey, // its private key, PEM
        AppleWwdr, // Apple's WWDR intermediate certificate, PEM
    };
    using LoadCallback = std::function<void(Result<WalletKeys>)>;
    using WriteCallback = std::function<void(Result<void>)>;

    explicit WalletKeyStore(QString service = QStringLiteral("LoyaltyTill"), QObject* parent = nullptr);

    static QList<Entry> allEntries();
    static QList<Entry> appleEntries();
    // The keychain's key of an entry: "wallet/google/service-account", "wallet/apple/certificate"...
    static QString keyFor(Entry entry);
    static QByteArray& part(WalletKeys& keys, Entry entry);

    // Every entry; one not stored is empty in the answer. An error when the keychain cannot be read at all.
    void load(LoadCallback done);
    // Writes each non-empty part of `keys` (an empty one is left as it is).
    void store(const WalletKeys& keys, WriteCallback done);
    // Removes the entries; one that is not there is fine.
    void remove(const QList<Entry>& entries, WriteCallback done);

    // Blocking forms for the admin CLI: they run a local event loop until the keychain answers.
    Result<WalletKeys> loadNow();
    Result<void> storeNow(const WalletKeys& keys);
    Result<void> removeNow(const QList<Entry>& entries);

private:
    QString m_service;
};

} // namespace lt
