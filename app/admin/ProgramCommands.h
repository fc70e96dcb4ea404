#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// program [--json] / program load FILE.json: the whole loyalty program as a manager or IT writes it, printed and
// replaced after every field is checked.
class ProgramCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
