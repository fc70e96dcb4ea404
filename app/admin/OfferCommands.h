#pragma once

#include "app/admin/CommandRegistry.h"

namespace lt::admin {

// `offers`, `offers add ...`, `offers end ID`: the targeted offers a manager makes to a segment, with a hold-out; and
// `report offers [ID]`, their results: offered against held-out members, as text, JSON or spreadsheet-safe CSV.
class OfferCommands
{
public:
    static QList<Command> commands();
    // `report offers`, which the registry runs in place of the report group's own command.
    static const Command& reportOffers();
};

} // namespace lt::admin
