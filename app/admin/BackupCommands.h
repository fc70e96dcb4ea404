#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// backup and restore: the store's copies in its backup folder or a named file, and a store put back from one.
class BackupCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
