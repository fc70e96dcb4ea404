#include "core/wallet/GoogleWalletLink.h"

#include "core/wallet/GoogleServiceAccount.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace lt {

namespace {
QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

Result<void> GoogleWalletLink::checkIssuer(const Issuer& issuer)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    static const QRegularExpression idCharacters(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!digits.match(issuer.issuerId).hasMatch())
        return Error::invalid(tr("The Google Wallet issuer id must be the digits the Google Pay & Wallet Console "
                                 "shows (wallet.google.issuer_id)."),
                              QStringLiteral("wallet.google.issuer_id"));
    if (!idCharacters.match(issuer.classSuffix).hasMatch())
        return Error::invalid(tr("The Google Wallet class may hold only letters, digits, '.', '_' and '-' "
                                 "(wallet.google.class_id)."),
                              QStringLiteral("wallet.google.class_id"));
    return {};
}

QJsonObject GoogleWalletLink::loyaltyObject(const MemberPassContent& content, const Issuer& issuer)
{
    QJsonObject object {
        {QStringLiteral("id"), issuer.objectId(content.passId)},
        {QStringLiteral("classId"), issuer.classId()},
        {QStringLiteral("state"), QStringLiteral("ACTIVE")},
        {QStringLiteral("accountId"), content.cardNumber},
        {QStringLiteral("barcode"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("EAN_13")},
                      {QStringLiteral("value"), content.cardNumber},
                      {QStringLiteral("alternateText"), content.cardNumber}}},
        {QStringLiteral("loyaltyPoints"),
         QJsonObject {{QStringLiteral("label"), content.pointsLabel},
                      {QStringLiteral("balance"), QJsonObject {{QStringLiteral("int"), content.balance}}}}},
    };
    // Google shows accountName under the program's name; a card without a name shows its number there.
    object.insert(QStringLiteral("accountName"),
                  content.memberName.isEmpty() ? content.cardNumber : content.memberName);
    if (!content.tier.isEmpty())
        object.insert(QStringLiteral("textModulesData"),
                      QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("tier")},
                                               {QStringLiteral("header"), tr("Tier")},
                                               {QStringLiteral("body"), content.tier}}});
    return object;
}

QJsonObject GoogleWalletLink::claims(const MemberPassContent& content, const Issuer& issuer,
                                     const QString& serviceAccount, const QDateTime& nowUtc)
{
    return {
        {QStringLiteral("iss"), serviceAccount},
        {QStringLiteral("aud"), QStringLiteral("google")},
        {QStringLiteral("typ"), QStringLiteral("savetowallet")},
        {QStringLiteral("iat"), nowUtc.toSecsSinceEpoch()},
        {QStringLiteral("origins"), QJsonArray()},
        {QStringLiteral("payload"),
         QJsonObject {{QStringLiteral("loyaltyObjects"), QJsonArray {loyaltyObject(content, issuer)}}}},
    };
}

Result<QString> GoogleWalletLink::signedJwt(const QJsonObject& claims, const GoogleServiceAccount& account)
{
    QJsonObject header {{QStringLiteral("alg"), QStringLiteral("RS256")},
                        {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!account.keyId().isEmpty())
        header.insert(QStringLiteral("kid"), account.keyId());
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    LT_TRY_ASSIGN(const QByteArray signature, account.signRs256(signingInput));
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

Result<QString> GoogleWalletLink::saveUrl(const MemberPassContent& content, const Issuer& issuer,
                                          const GoogleServiceAccount& account, const QDateTime& nowUtc)
{
    LT_TRY(checkIssuer(issuer));
    LT_TRY_ASSIGN(const QString jwt, signedJwt(claims(content, issuer, account.clientEmail(), nowUtc), account));
    return QString(QLatin1String(SaveUrlPrefix) + jwt);
}

} // namespace lt
