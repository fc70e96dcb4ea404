#include "core/wallet/WalletKeyImport.h"

#include "core/wallet/GoogleServiceAccount.h"
#include "core/wallet/OpenSslSupport.h"

#include <openssl/provider.h>

namespace lt {

using namespace wallet;

namespace {
Pkcs12Ptr readPkcs12(const QByteArray& file)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(file.constData());
    Pkcs12Ptr p12(d2i_PKCS12(nullptr, &cursor, static_cast<long>(file.size())));
    clearOpenSslErrors();
    return p12;
}

// Older PKCS#12 exports encrypt with RC2 or 3DES, which OpenSSL 3 keeps in its legacy provider. It is loaded for the
// one parse that needs it and unloaded after, so that the process's algorithms stay what they were; "default" is
// loaded beside it because naming one provider would otherwise leave the other out.
class LegacyAlgorithms
{
public:
    LegacyAlgorithms()
        : m_legacy(OSSL_PROVIDER_load(nullptr, "legacy"))
        , m_default(OSSL_PROVIDER_load(nullptr, "default"))
    {
        clearOpenSslErrors();
    }
    ~LegacyAlgorithms()
    {
        if (m_default)
            OSSL_PROVIDER_unload(m_default);
        if (m_legacy)
            OSSL_PROVIDER_unload(m_legacy);
    }
    LegacyAlgorithms(const LegacyAlgorithms&) = delete;
    LegacyAlgorithms& operator=(const LegacyAlgorithms&) = delete;

private:
    OSSL_PROVIDER* m_legacy;
    OSSL_PROVIDER* m_default;
};

bool parsePkcs12(PKCS12* p12, const QByteArray& password, KeyPtr& key, X509Ptr& certificate)
{
    EVP_PKEY* parsedKey = nullptr;
    X509* parsedCertificate = nullptr;
    STACK_OF(X509)* chain = nullptr;
    const bool parsed = PKCS12_parse(p12, password.constData(), &parsedKey, &parsedCertificate, &chain) == 1;
    key.reset(parsedKey);
    certificate.reset(parsedCertificate);
    sk_X509_pop_free(chain, X509_free);
    clearOpenSslErrors();
    return parsed && key && certificate;
}
} // namespace

Result<QByteArray> WalletKeyImport::googleServiceAccount(const QByteArray& file)
{
    LT_TRY(GoogleServiceAccount::parse(file));
    return file;
}

bool WalletKeyImport::isPkcs12(const QByteArray& file)
{
    return !file.contains("-----BEGIN") && readPkcs12(file) != nullptr;
}

bool WalletKeyImport::isEncryptedKey(const QByteArray& file)
{
    return file.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || file.contains("Proc-Type: 4,ENCRYPTED");
}

Result<WalletKeyImport::CertificateAndKey> WalletKeyImport::fromPkcs12(const QByteArray& file,
                                                                       const QByteArray& password)
{
    const Pkcs12Ptr p12 = readPkcs12(file);
    if (!p12)
        return Error::invalid(tr("The file is not a PKCS#12 (.p12) export."), QStringLiteral("apple-certificate"));
    const bool macMatches = PKCS12_verify_mac(p12.get(), password.constData(), static_cast<int>(password.size())) == 1
        || (password.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1);
    clearOpenSslErrors();
    if (PKCS12_mac_present(p12.get()) && !macMatches)
        return Error::invalid(tr("The PKCS#12 file's password is wrong: write the password it was exported with on "
                                 "standard input."),
                              QStringLiteral("password"));
    KeyPtr key;
    X509Ptr certificate;
    if (!parsePkcs12(p12.get(), password, key, certificate)) {
        const LegacyAlgorithms legacy;
        if (!parsePkcs12(p12.get(), password, key, certificate))
            return Error::invalid(tr("The PKCS#12 file holds no certificate with its private key, or its encryption "
                                     "is not one this program reads."),
                                  QStringLiteral("apple-certificate"));
    }
    CertificateAndKey parts {certificatePem(certificate.get()), privateKeyPem(key.get())};
    if (parts.certificatePem.isEmpty() || parts.privateKeyPem.isEmpty())
        return Error::internal(tr("The certificate and key could not be written as PEM: %1").arg(takeOpenSslErrors()));
    return parts;
}

Result<QByteArray> WalletKeyImport::certificate(const QByteArray& file, const QString& field)
{
    const X509Ptr certificate = readCertificate(file);
    if (!certificate)
        return Error::invalid(tr("--%1: the file is not a certificate in PEM or DER.").arg(field), field);
    return certificatePem(certificate.get());
}

Result<QByteArray> WalletKeyImport::privateKey(const QByteArray& file, const QByteArray& password, const QString& field)
{
    const KeyPtr key = readPrivateKey(file, password);
    if (!key)
        return Error::invalid(isEncryptedKey(file)
                                  ? tr("--%1: the key is encrypted and the password on standard input does not open "
                                       "it.")
                                        .arg(field)
                                  : tr("--%1: the file is not a private key in PEM or DER.").arg(field),
                              isEncryptedKey(file) ? QStringLiteral("password") : field);
    const QByteArray pem = privateKeyPem(key.get());
    if (pem.isEmpty())
        return Error::internal(tr("The private key could not be written as PEM: %1").arg(takeOpenSslErrors()));
    return pem;
}

} // namespace lt
