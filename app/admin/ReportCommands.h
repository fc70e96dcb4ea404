#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// report summary | segments | cohorts | clv | rebuild: the manager's key figures for a period, the members by RFM
// segment, cohort retention and predicted lifetime value, from the summaries every sale and ledger entry keeps
// current, and their recomputation from the store's history.
class ReportCommands
{
public:
    static QList<Command> commands();
};

} // namespace lt::admin
