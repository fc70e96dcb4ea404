#pragma once

// OpenSSL for core/wallet's sources only: no public header of core includes this, so OpenSSL stays a private
// dependency (wallet.cmake links it PRIVATE).

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>

namespace lt::wallet {

template<auto Free>
struct OpenSslDeleter
{
    template<typename T>
    void operator()(T* p) const
    {
        Free(p);
    }
};

using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, OpenSslDeleter<PKCS7_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using DigestContextPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;

// OpenSSL's queued errors as one line (and the queue emptied), for a message's detail.
QString takeOpenSslErrors();
void clearOpenSslErrors();

// A read-only memory BIO over `bytes`, which must outlive it.
BioPtr memoryBio(const QByteArray& bytes);
// What a writable memory BIO holds.
QByteArray bioBytes(BIO* bio);

// A certificate in PEM or DER; nullptr when it is neither.
X509Ptr readCertificate(const QByteArray& pemOrDer);
// A private key in PEM (PKCS#8 or traditional, encrypted when a password is given) or DER; nullptr when it is not.
KeyPtr readPrivateKey(const QByteArray& pemOrDer, const QByteArray& password = {});

QByteArray certificatePem(X509* certificate);
// Unencrypted PKCS#8 PEM: it is kept in the keychain only.
QByteArray privateKeyPem(EVP_PKEY* key);

// One attribute of the certificate's subject (NID_userId, NID_organizationalUnitName...); empty when absent.
QString subjectField(X509* certificate, int nid);
QDateTime notBefore(X509* certificate);
QDateTime notAfter(X509* certificate);

} // namespace lt::wallet
