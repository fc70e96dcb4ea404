#include "core/wallet/OpenSslSupport.h"

#include <climits>
#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace lt::wallet {

QString takeOpenSslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        parts << QString::fromLatin1(buffer);
    }
    return parts.join(QStringLiteral("; "));
}

void clearOpenSslErrors()
{
    ERR_clear_error();
}

BioPtr memoryBio(const QByteArray& bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
    return length > 0 && data ? QByteArray(data, static_cast<qsizetype>(length)) : QByteArray();
}

X509Ptr readCertificate(const QByteArray& pemOrDer)
{
    if (pemOrDer.contains("-----BEGIN")) {
        const BioPtr bio = memoryBio(pemOrDer);
        X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        clearOpenSslErrors();
        return certificate;
    }
    const auto* cursor = reinterpret_cast<const unsigned char*>(pemOrDer.constData());
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(pemOrDer.size())));
    clearOpenSslErrors();
    return certificate;
}

KeyPtr readPrivateKey(const QByteArray& pemOrDer, const QByteArray& password)
{
    KeyPtr key;
    if (pemOrDer.contains("-----BEGIN")) {
        const BioPtr bio = memoryBio(pemOrDer);
        // With no callback, OpenSSL takes the last argument as the password; an empty one never prompts on a tty.
        QByteArray pass = password;
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, pass.data()));
    } else {
        const auto* cursor = reinterpret_cast<const unsigned char*>(pemOrDer.constData());
        key.reset(d2i_AutoPrivateKey(nullptr, &cursor, static_cast<long>(pemOrDer.size())));
    }
    clearOpenSslErrors();
    return key;
}

QByteArray certificatePem(X509* certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(bio.get(), certificate))
        return {};
    return bioBytes(bio.get());
}

QByteArray privateKeyPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return bioBytes(bio.get());
}

QString subjectField(X509* certificate, int nid)
{
    X509_NAME* subject = X509_get_subject_name(certificate);
    const int index = X509_NAME_get_index_by_NID(subject, nid, -1);
    if (index < 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index)));
    if (length < 0)
        return {};
    QString value = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return value;
}

namespace {
QDateTime fromAsn1(const ASN1_TIME* time)
{
    std::tm parts {};
    if (!time || !ASN1_TIME_to_tm(time, &parts))
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}
} // namespace

QDateTime notBefore(X509* certificate)
{
    return fromAsn1(X509_get0_notBefore(certificate));
}

QDateTime notAfter(X509* certificate)
{
    return fromAsn1(X509_get0_notAfter(certificate));
}

} // namespace lt::wallet
