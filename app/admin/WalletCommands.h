#pragma once

#include "app/admin/CommandRegistry.h"

#include <QCoreApplication>

namespace lt::admin {

// `wallet`: a member's Apple Wallet pass or Google Wallet link, the store's wallet keys in the keychain, and what is
// set up.
class WalletCommands
{
    Q_DECLARE_TR_FUNCTIONS(WalletCommands)

public:
    static QList<Command> commands();
};

} // namespace lt::admin
