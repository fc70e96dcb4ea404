#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// setup: pairs a till in one step (the store, the first manager, Square with a token read from standard input, the
// first backup), then prints the check-up: what is ready and what is not, each with its fix.
class SetupCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
