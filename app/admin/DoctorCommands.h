#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// doctor [--json]: every check a working till needs (database, token store, Square, scanner port, printer, disk
// space, backups, clock, configuration), each failure with its fix; exit 1 when one failed.
class DoctorCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
