#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// automations run: the program's automation pass (birthdays, anniversaries, win-back, tier evaluation, expiry) on
// demand, the pass the till runs at start and then daily.
class AutomationCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
