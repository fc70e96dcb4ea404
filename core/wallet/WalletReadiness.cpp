#include "core/wallet/WalletReadiness.h"

#include <QLocale>

namespace lt {

Result<AppleWalletSigner> WalletReadiness::prepareApple(const WalletSettings& settings, const WalletKeys& keys,
                                                        const QDateTime& nowUtc)
{
    if (settings.applePassTypeId.isEmpty())
        return Error::refused(tr("Apple Wallet is off: the store has no pass type identifier "
                                 "(wallet.apple.pass_type_id)."));
    QStringList missing;
    if (keys.appleCertificate.isEmpty())
        missing << tr("the pass certificate");
    if (keys.applePrivateKey.isEmpty())
        missing << tr("its private key");
    if (keys.appleWwdr.isEmpty())
        missing << tr("Apple's WWDR certificate");
    const QString store = tr("store them with `loyaltytill-admin wallet keys --apple-certificate FILE [--apple-key "
                             "FILE] --apple-wwdr FILE`.");
    if (missing.size() == 3)
        return Error::notFound(tr("This till's keychain has no Apple Wallet keys: %1").arg(store));
    if (!missing.isEmpty())
        return Error::notFound(tr("This till's keychain lacks %1 for Apple Wallet: %2")
                                   .arg(QLocale().createSeparatedList(missing), store));
    LT_TRY_ASSIGN(AppleSigningIdentity identity,
                  AppleSigningIdentity::load(keys.appleCertificate, keys.applePrivateKey, keys.appleWwdr));
    const AppleSigningIdentity::Facts& facts = identity.facts();
    if (facts.passTypeId != settings.applePassTypeId)
        return Error::invalid(tr("The Apple pass certificate in the keychain is for %1, not for the store's pass type "
                                 "%2 (wallet.apple.pass_type_id).")
                                  .arg(facts.passTypeId, settings.applePassTypeId),
                              QStringLiteral("wallet.apple.pass_type_id"));
    if (!settings.appleTeamId.isEmpty() && !facts.teamId.isEmpty() && facts.teamId != settings.appleTeamId)
        return Error::invalid(tr("The Apple pass certificate belongs to team %1, not to the store's team %2 "
                                 "(wallet.apple.team_id).")
                                  .arg(facts.teamId, settings.appleTeamId),
                              QStringLiteral("wallet.apple.team_id"));
    const QString teamId = settings.appleTeamId.isEmpty() ? facts.teamId : settings.appleTeamId;
    if (teamId.isEmpty())
        return Error::refused(tr("Apple Wallet needs the developer team's identifier: the certificate does not name "
                                 "it, so set wallet.apple.team_id."));
    LT_TRY(identity.checkValidAt(nowUtc));
    return AppleWalletSigner {{settings.applePassTypeId, teamId}, std::move(identity)};
}

Result<GoogleWalletSigner> WalletReadiness::prepareGoogle(const WalletSettings& settings, const WalletKeys& keys)
{
    if (settings.googleIssuerId.isEmpty())
        return Error::refused(tr("Google Wallet is off: the store has no Google Wallet issuer id "
                                 "(wallet.google.issuer_id)."));
    const GoogleWalletLink::Issuer issuer {settings.googleIssuerId, settings.googleClassId};
    LT_TRY(GoogleWalletLink::checkIssuer(issuer));
    if (!keys.hasGoogle())
        return Error::notFound(tr("This till's keychain has no Google service account key: store it with "
                                  "`loyaltytill-admin wallet keys --google-service-account FILE`."));
    LT_TRY_ASSIGN(GoogleServiceAccount account, GoogleServiceAccount::parse(keys.googleServiceAccount));
    return GoogleWalletSigner {issuer, std::move(account)};
}

QString WalletReadiness::walletName(WalletKind wallet)
{
    return wallet == WalletKind::Apple ? tr("Apple Wallet") : tr("Google Wallet");
}

QList<WalletStatus> WalletReadiness::assess(const WalletSettings& settings, const Result<WalletKeys>& keys,
                                            const QDateTime& nowUtc)
{
    WalletStatus google {WalletKind::Google, walletName(WalletKind::Google)};
    google.configured = !settings.googleIssuerId.isEmpty();
    WalletStatus apple {WalletKind::Apple, walletName(WalletKind::Apple)};
    apple.configured = !settings.applePassTypeId.isEmpty();
    if (!keys) {
        for (WalletStatus* status : {&google, &apple})
            status->reason = status->configured
                ? tr("The keychain could not be read: %1").arg(keys.error().message)
                : (status->wallet == WalletKind::Apple ? prepareApple(settings, WalletKeys(), nowUtc).error().message
                                                       : prepareGoogle(settings, WalletKeys()).error().message);
        return {google, apple};
    }
    if (auto signer = prepareGoogle(settings, *keys)) {
        google.ready = true;
        google.summary =
            tr("Links for class %1, signed by %2.").arg(signer->issuer.classId(), signer->account.clientEmail());
    } else {
        google.reason = signer.error().message;
    }
    if (auto signer = prepareApple(settings, *keys, nowUtc)) {
        apple.ready = true;
        apple.expires = signer->identity.facts().validUntil;
        apple.summary = tr("Passes of type %1 for team %2; the certificate is valid until %3.")
                            .arg(signer->issuer.passTypeId, signer->issuer.teamId,
                                 QLocale().toString(apple.expires.toLocalTime().date(), QLocale::ShortFormat));
    } else {
        apple.reason = signer.error().message;
    }
    return {google, apple};
}

} // namespace lt
