#pragma once

#include "core/common/Result.h"
#include "core/wallet/MemberPassContent.h"
#include "core/wallet/WalletKeys.h"
#include "core/wallet/WalletReadiness.h"
#include "core/wallet/WalletSettings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lt {

struct EngineContext;

// A member's wallet passes from the store (card number, name, balance, tier) and the store's wallet settings,
// signed with the keys the caller read from the keychain (sync/keys/WalletKeyStore): the till for the member at the
// counter, `loyaltytill-admin wallet` for the command line and the customer messages.
class WalletPassService
{
    Q_DECLARE_TR_FUNCTIONS(WalletPassService)

public:
    explicit WalletPassService(EngineContext& context)
        : m_context(context)
    {
    }

    WalletSettings settings() const;
    // Refused for a member without a card (a pass carries the card) or whose personal data was erased.
    Result<MemberPassContent> content(qint64 memberId) const;

    // The member's .pkpass file.
    Result<QByteArray> applePass(qint64 memberId, const WalletKeys& keys) const;
    // The member's "save to Google Wallet" link: https://pay.google.com/gp/v/save/<jwt>.
    Result<QString> googleSaveLink(qint64 memberId, const WalletKeys& keys) const;

    // For the settings screen and `wallet status`: each wallet, ready or why not.
    QList<WalletStatus> readiness(const Result<WalletKeys>& keys) const;

private:
    EngineContext& m_context;
};

} // namespace lt
