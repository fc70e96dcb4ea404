#include "app/admin/DataCommands.h"

namespace lt::admin {

QList<Command> DataCommands::commands()
{
    return {};
}

} // namespace lt::admin
