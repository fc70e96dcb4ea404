#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// `promotions [--json]`, `promotions add ...`, `promotions cancel ID`: the store's own promotions while it is not
// connected to Square (a connected store's promotions are Square's: sync brings them, the Dashboard changes them).
class PromotionCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
