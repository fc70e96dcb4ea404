#pragma once

#include "core/common/Result.h"
#include "core/wallet/MemberPassContent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lt {

class GoogleServiceAccount;

// A "save to Google Wallet" link made offline: a JWT signed (RS256) with the store's service account key whose
// payload carries one loyalty object for the member. Opening it adds the card to the phone's Google Wallet; Google
// creates the object on first save under the store's existing, approved loyalty class.
class GoogleWalletLink
{
    Q_DECLARE_TR_FUNCTIONS(GoogleWalletLink)

public:
    struct Issuer
    {
        QString issuerId; // wallet.google.issuer_id: digits, from the Google Pay & Wallet Console
        QString classSuffix; // wallet.google.class_id: the class is issuerId.classSuffix
        QString objectId(const QString& passId) const { return issuerId + QLatin1Char('.') + passId; }
        QString classId() const { return issuerId + QLatin1Char('.') + classSuffix; }
    };

    static constexpr const char* SaveUrlPrefix = "https://pay.google.com/gp/v/save/";

    // Refused (InvalidInput) when the issuer id is not digits or the class suffix has characters Google refuses in
    // an id (it allows letters, digits, '.', '_' and '-').
    static Result<void> checkIssuer(const Issuer& issuer);

    static QJsonObject loyaltyObject(const MemberPassContent& content, const Issuer& issuer);
    // iss, aud "google", typ "savetowallet", iat, origins [] and payload.loyaltyObjects [the object].
    static QJsonObject claims(const MemberPassContent& content, const Issuer& issuer, const QString& serviceAccount,
                              const QDateTime& nowUtc);
    // header.claims.signature, each base64url without padding.
    static Result<QString> signedJwt(const QJsonObject& claims, const GoogleServiceAccount& account);

    static Result<QString> saveUrl(const MemberPassContent& content, const Issuer& issuer,
                                   const GoogleServiceAccount& account, const QDateTime& nowUtc);
};

} // namespace lt
