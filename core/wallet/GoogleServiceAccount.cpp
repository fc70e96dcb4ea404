#include "core/wallet/GoogleServiceAccount.h"

#include "core/wallet/OpenSslSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lt {

using namespace wallet;

Result<GoogleServiceAccount> GoogleServiceAccount::parse(const QByteArray& json)
{
    const QString field = QStringLiteral("google-service-account");
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return Error::invalid(
            tr("The Google service account key is not a JSON key file (%1): download a JSON key for "
               "the service account in the Google Cloud console.")
                .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString() : tr("not an object")),
            field);
    const QJsonObject object = document.object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (!type.isEmpty() && type != QLatin1String("service_account"))
        return Error::invalid(tr("The JSON file is a Google \"%1\" key, not a service account's key.").arg(type),
                              field);
    GoogleServiceAccount account;
    account.m_clientEmail = object.value(QStringLiteral("client_email")).toString().trimmed();
    account.m_keyId = object.value(QStringLiteral("private_key_id")).toString();
    account.m_projectId = object.value(QStringLiteral("project_id")).toString();
    account.m_privateKeyPem = object.value(QStringLiteral("private_key")).toString().toLatin1();
    if (!account.m_clientEmail.contains(QLatin1Char('@')))
        return Error::invalid(tr("The Google service account key has no client_email."), field);
    if (account.m_privateKeyPem.isEmpty())
        return Error::invalid(tr("The Google service account key has no private_key."), field);
    const KeyPtr key = readPrivateKey(account.m_privateKeyPem);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return Error::invalid(tr("The Google service account's private_key is not an RSA private key in PEM."), field);
    return account;
}

Result<QByteArray> GoogleServiceAccount::signRs256(const QByteArray& data) const
{
    const KeyPtr key = readPrivateKey(m_privateKeyPem);
    const DigestContextPtr context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!key || !context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(data.constData()),
                          static_cast<size_t>(data.size()))
            != 1)
        return Error::internal(tr("The Google Wallet link could not be signed: %1").arg(takeOpenSslErrors()));
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()))
        != 1)
        return Error::internal(tr("The Google Wallet link could not be signed: %1").arg(takeOpenSslErrors()));
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

} // namespace lt
