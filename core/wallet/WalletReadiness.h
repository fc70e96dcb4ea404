#pragma once

#include "core/common/Result.h"
#include "core/wallet/ApplePass.h"
#include "core/wallet/AppleSigningIdentity.h"
#include "core/wallet/GoogleServiceAccount.h"
#include "core/wallet/GoogleWalletLink.h"
#include "core/wallet/WalletKeys.h"
#include "core/wallet/WalletSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace lt {

enum class WalletKind {
    Google, // a "save to Google Wallet" link
    Apple, // an Apple Wallet .pkpass
};

// Whether the till can offer one wallet, and when not, why, in a sentence for the manager.
struct WalletStatus
{
    WalletKind wallet = WalletKind::Google;
    QString name; // "Google Wallet", "Apple Wallet" (translated)
    bool ready = false;
    bool configured = false; // the store's setting names an issuer or a pass type (ready or not)
    QString reason = {}; // why it is not ready (translated); empty when ready
    QString summary = {}; // when ready: what signs the passes (translated)
    QDateTime expires = {}; // Apple: when the certificate expires (UTC); invalid otherwise
};

// What signs Apple Wallet passes for the store: the identity and the ids pass.json names.
struct AppleWalletSigner
{
    ApplePass::Issuer issuer;
    AppleSigningIdentity identity;
};

// What signs Google Wallet links for the store.
struct GoogleWalletSigner
{
    GoogleWalletLink::Issuer issuer;
    GoogleServiceAccount account;
};

// Checks the store's wallet settings against the keys in the keychain. The error of prepareApple / prepareGoogle
// is the sentence WalletStatus::reason shows: Refused when the store has not set the wallet up (or the certificate
// expired), NotFound when a key is missing from the keychain, InvalidInput when a key cannot be used.
class WalletReadiness
{
    Q_DECLARE_TR_FUNCTIONS(WalletReadiness)

public:
    static Result<AppleWalletSigner> prepareApple(const WalletSettings& settings, const WalletKeys& keys,
                                                  const QDateTime& nowUtc);
    static Result<GoogleWalletSigner> prepareGoogle(const WalletSettings& settings, const WalletKeys& keys);

    // Both wallets, Google first. `keys` is what the keychain answered: when it could not be read, both say why.
    static QList<WalletStatus> assess(const WalletSettings& settings, const Result<WalletKeys>& keys,
                                      const QDateTime& nowUtc);
    static QString walletName(WalletKind wallet);
};

} // namespace lt
