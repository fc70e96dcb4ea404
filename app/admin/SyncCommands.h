#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// square connect|disconnect, and sync [--once] / sync status: connecting the store to Square and running sync
// passes (program, outbox, events made elsewhere) from the command line.
class SyncCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
