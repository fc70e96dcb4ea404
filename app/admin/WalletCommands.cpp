#include "app/admin/WalletCommands.h"

namespace lt::admin {

QList<Command> WalletCommands::commands()
{
    return {};
}

} // namespace lt::admin
