#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace lt {

// A Google Cloud service account's JSON key file, as the Google Cloud console downloads it: the account's e-mail
// (`client_email`), its RSA private key (`private_key`, PEM) and the key's id. It signs the store's Google Wallet
// links offline; the file is kept in the keychain only.
class GoogleServiceAccount
{
    Q_DECLARE_TR_FUNCTIONS(GoogleServiceAccount)

public:
    // Refused (InvalidInput, with what is wrong) unless it is a service account's JSON key with an RSA key.
    static Result<GoogleServiceAccount> parse(const QByteArray& json);

    const QString& clientEmail() const { return m_clientEmail; }
    const QString& keyId() const { return m_keyId; } // private_key_id; empty when the file has none
    const QString& projectId() const { return m_projectId; }

    // RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over `data`: a JWT's signature.
    Result<QByteArray> signRs256(const QByteArray& data) const;

private:
    QString m_clientEmail;
    QString m_keyId;
    QString m_projectId;
    QByteArray m_privateKeyPem;
};

} // namespace lt
