#pragma once

#include <QByteArray>

namespace lt {

// The store's wallet secrets as this till's keychain keeps them (sync/keys/WalletKeyStore); an empty one is not
// stored. They never go to the settings, the database, a log or a command line.
struct WalletKeys
{
    QByteArray googleServiceAccount; // the service account's JSON key file, as Google gave it
    QByteArray appleCertificate; // the pass type certificate, PEM
    QByteArray applePrivateKey; // its private key, unencrypted PKCS#8 PEM (the keychain is what protects it)
    QByteArray appleWwdr; // Apple's WWDR intermediate certificate that issued it, PEM

    bool hasGoogle() const { return !googleServiceAccount.isEmpty(); }
    bool hasAnyApple() const
    {
        return !appleCertificate.isEmpty() || !applePrivateKey.isEmpty() || !appleWwdr.isEmpty();
    }
};

} // namespace lt
