#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// `config`: every setting's value and where it came from (built-in, the system's files, the store, the user, a
// lock), the problems found in the configuration files, and the documents generated from the settings schema.
class ConfigCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
