#pragma once

#include "app/admin/CommandRegistry.h"

#include <QCoreApplication>

namespace lt::admin {

// `cards`: sheets of member cards as a PDF (A4 or US Letter, 2 × 5 cards with cut marks): members' own cards, a new
// batch of numbers reserved for cards given out later, a batch printed again, or new cards for every member without
// one.
class CardCommands
{
    Q_DECLARE_TR_FUNCTIONS(lt::admin::CardCommands)

public:
    static QList<Command> commands();
};

} // namespace lt::admin
