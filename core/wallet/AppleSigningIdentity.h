#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <memory>

namespace lt {

// What signs a store's Apple Wallet passes: the store's pass type certificate (from Apple's developer account), its
// private key, and Apple's WWDR intermediate certificate that issued it. Loading checks that the three belong
// together, so that a pass is never signed with a key Apple would refuse.
class AppleSigningIdentity
{
    Q_DECLARE_TR_FUNCTIONS(AppleSigningIdentity)

public:
    // What the certificate says about itself.
    struct Facts
    {
        QString passTypeId; // the subject's UID: pass.com.example.loyalty
        QString teamId; // the subject's OU: the developer team
        QString commonName; // "Pass Type ID: pass.com.example.loyalty"
        QDateTime validFrom; // UTC
        QDateTime validUntil; // UTC
    };

    // PEM or DER each. Refused (InvalidInput, with a message that names the part) when one cannot be read, the key
    // is not the certificate's, the WWDR certificate did not issue it (its name, or its key: the certificate's
    // signature must verify with the WWDR certificate's public key), or it carries no pass type identifier.
    static Result<AppleSigningIdentity> load(const QByteArray& certificate, const QByteArray& privateKey,
                                             const QByteArray& wwdrCertificate);

    AppleSigningIdentity(AppleSigningIdentity&&) noexcept;
    AppleSigningIdentity& operator=(AppleSigningIdentity&&) noexcept;
    ~AppleSigningIdentity();

    const Facts& facts() const { return m_facts; }
    // Refused when the certificate has expired or is not valid yet at `nowUtc`.
    Result<void> checkValidAt(const QDateTime& nowUtc) const;

    // A detached PKCS#7 signature (DER) over `content`, with the signing time, the certificate and the WWDR
    // certificate in it: Apple's `signature` file over manifest.json.
    Result<QByteArray> signDetached(const QByteArray& content) const;

private:
    struct Parts;
    explicit AppleSigningIdentity(std::unique_ptr<Parts> parts, Facts facts);

    std::unique_ptr<Parts> m_parts;
    Facts m_facts;
};

} // namespace lt
