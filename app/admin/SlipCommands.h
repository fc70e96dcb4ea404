#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

class SlipCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
