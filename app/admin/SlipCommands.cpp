#include "app/admin/SlipCommands.h"

namespace lt::admin {

QList<Command> SlipCommands::commands()
{
    return {};
}

} // namespace lt::admin
