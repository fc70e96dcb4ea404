#pragma once

#include "core/common/Result.h"
#include "core/wallet/WalletKeys.h"
#include "sync/square/SystemdCredential.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

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

} // namespace lt
