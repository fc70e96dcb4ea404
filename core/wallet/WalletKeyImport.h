#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace lt {

// The files a store gets from Apple and Google, checked and turned into what the keychain keeps (WalletKeys): the
// service account's JSON key as it is; certificates as PEM whether they came as PEM or DER (Apple's WWDR download is
// DER); the private key as unencrypted PKCS#8 PEM, from a PEM or DER file (with its password when encrypted) or from
// a PKCS#12 export of the certificate and key (Keychain Access's .p12, including its older RC2/3DES form).
class WalletKeyImport
{
    Q_DECLARE_TR_FUNCTIONS(WalletKeyImport)

public:
    struct CertificateAndKey
    {
        QByteArray certificatePem;
        QByteArray privateKeyPem;
    };

    static Result<QByteArray> googleServiceAccount(const QByteArray& file);

    static bool isPkcs12(const QByteArray& file);
    // A PEM key that needs a password to be read.
    static bool isEncryptedKey(const QByteArray& file);

    // Refused (InvalidInput, field "password") when the password is wrong.
    static Result<CertificateAndKey> fromPkcs12(const QByteArray& file, const QByteArray& password);
    // `field` names the option the file came from, for the message.
    static Result<QByteArray> certificate(const QByteArray& file, const QString& field);
    static Result<QByteArray> privateKey(const QByteArray& file, const QByteArray& password, const QString& field);
};

} // namespace lt
