#include "app/admin/CardCommands.h"

namespace lt::admin {

QList<Command> CardCommands::commands()
{
    return {};
}

} // namespace lt::admin
