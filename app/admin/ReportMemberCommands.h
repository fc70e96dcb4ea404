#pragma once

class QCommandLineParser;

namespace lt::admin {

class CommandContext;

// report members KIND [TIER | SEGMENT]: the members behind a figure of `report summary` for a period (--from, --to),
// in an order (--order), as text, JSON or spreadsheet-safe CSV (--csv FILE). A part of `report`, which dispatches to
// it and adds its options with its own.
class ReportMemberCommands
{
public:
    // The options `report` has not already: --order.
    static void addOptions(QCommandLineParser& parser);
    // Runs `report members ...`: the positional arguments after "members" name the list.
    static int run(CommandContext& context);
};

} // namespace lt::admin
