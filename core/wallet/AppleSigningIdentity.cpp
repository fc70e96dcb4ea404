#include "core/wallet/AppleSigningIdentity.h"

#include "core/wallet/OpenSslSupport.h"

#include <QLocale>

#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace lt {

using namespace wallet;

namespace {
QString day(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}
} // namespace

struct AppleSigningIdentity::Parts
{
    X509Ptr certificate;
    KeyPtr key;
    X509Ptr wwdr;
};

AppleSigningIdentity::AppleSigningIdentity(std::unique_ptr<Parts> parts, Facts facts)
    : m_parts(std::move(parts))
    , m_facts(std::move(facts))
{
}

AppleSigningIdentity::AppleSigningIdentity(AppleSigningIdentity&&) noexcept = default;
AppleSigningIdentity& AppleSigningIdentity::operator=(AppleSigningIdentity&&) noexcept = default;
AppleSigningIdentity::~AppleSigningIdentity() = default;

Result<AppleSigningIdentity> AppleSigningIdentity::load(const QByteArray& certificate, const QByteArray& privateKey,
                                                        const QByteArray& wwdrCertificate)
{
    auto parts = std::make_unique<Parts>();
    parts->certificate = readCertificate(certificate);
    if (!parts->certificate)
        return Error::invalid(tr("The Apple pass certificate cannot be read: it is not a certificate in PEM or DER."),
                              QStringLiteral("apple-certificate"));
    parts->key = readPrivateKey(privateKey);
    if (!parts->key)
        return Error::invalid(tr("The Apple pass certificate's private key cannot be read: it is not a private key in "
                                 "PEM or DER, or it is encrypted."),
                              QStringLiteral("apple-key"));
    parts->wwdr = readCertificate(wwdrCertificate);
    if (!parts->wwdr)
        return Error::invalid(tr("Apple's WWDR certificate cannot be read: it is not a certificate in PEM or DER."),
                              QStringLiteral("apple-wwdr"));
    if (X509_check_private_key(parts->certificate.get(), parts->key.get()) != 1) {
        clearOpenSslErrors();
        return Error::invalid(tr("The private key does not belong to the Apple pass certificate."),
                              QStringLiteral("apple-key"));
    }
    if (X509_check_issued(parts->wwdr.get(), parts->certificate.get()) != X509_V_OK)
        return Error::invalid(tr("The WWDR certificate did not issue the Apple pass certificate: download the WWDR "
                                 "intermediate certificate Apple names for it (G4 for pass certificates)."),
                              QStringLiteral("apple-wwdr"));
    // X509_check_issued compares only the names and key identifiers, which anyone can copy into a certificate:
    // the WWDR certificate's key must have made the pass certificate's signature.
    EVP_PKEY* wwdrKey = X509_get0_pubkey(parts->wwdr.get());
    if (!wwdrKey || X509_verify(parts->certificate.get(), wwdrKey) != 1) {
        clearOpenSslErrors();
        return Error::invalid(tr("The Apple pass certificate names the WWDR certificate as its issuer, but its "
                                 "signature was not made with the WWDR certificate's key: the certificate is forged "
                                 "or altered, or the WWDR certificate is not Apple's. Download both again from Apple."),
                              QStringLiteral("apple-certificate"));
    }
    Facts facts;
    facts.passTypeId = subjectField(parts->certificate.get(), NID_userId);
    facts.teamId = subjectField(parts->certificate.get(), NID_organizationalUnitName);
    facts.commonName = subjectField(parts->certificate.get(), NID_commonName);
    facts.validFrom = notBefore(parts->certificate.get());
    facts.validUntil = notAfter(parts->certificate.get());
    if (!facts.passTypeId.startsWith(QLatin1String("pass.")))
        return Error::invalid(tr("The certificate is not an Apple Wallet pass type certificate: its subject has no "
                                 "pass type identifier (UID=pass.…)."),
                              QStringLiteral("apple-certificate"));
    return AppleSigningIdentity(std::move(parts), std::move(facts));
}

Result<void> AppleSigningIdentity::checkValidAt(const QDateTime& nowUtc) const
{
    if (m_facts.validUntil.isValid() && nowUtc > m_facts.validUntil)
        return Error::refused(tr("The Apple pass certificate expired on %1: make a new one for %2 in Apple's "
                                 "developer account and store it with `loyaltytill-admin wallet keys`.")
                                  .arg(day(m_facts.validUntil), m_facts.passTypeId));
    if (m_facts.validFrom.isValid() && nowUtc < m_facts.validFrom)
        return Error::refused(tr("The Apple pass certificate is not valid before %1: check the till's clock.")
                                  .arg(day(m_facts.validFrom)));
    return {};
}

Result<QByteArray> AppleSigningIdentity::signDetached(const QByteArray& content) const
{
    STACK_OF(X509)* chain = sk_X509_new_null();
    if (!chain || !sk_X509_push(chain, m_parts->wwdr.get())) {
        sk_X509_free(chain);
        return Error::internal(tr("Out of memory while signing the pass."));
    }
    const BioPtr data = memoryBio(content);
    // PKCS7_sign adds the signed attributes (content type, signing time, message digest) itself.
    const Pkcs7Ptr signature(
        PKCS7_sign(m_parts->certificate.get(), m_parts->key.get(), chain, data.get(), PKCS7_DETACHED | PKCS7_BINARY));
    sk_X509_free(chain); // the stack only: the WWDR certificate stays ours
    if (!signature)
        return Error::internal(tr("The pass could not be signed: %1").arg(takeOpenSslErrors()));
    const int length = i2d_PKCS7(signature.get(), nullptr);
    if (length <= 0)
        return Error::internal(tr("The pass's signature could not be written: %1").arg(takeOpenSslErrors()));
    QByteArray der(length, Qt::Uninitialized);
    auto* cursor = reinterpret_cast<unsigned char*>(der.data());
    i2d_PKCS7(signature.get(), &cursor);
    return der;
}

} // namespace lt
