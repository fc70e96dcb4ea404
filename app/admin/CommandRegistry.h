#pragma once

#include <QList>
#include <QString>

class QCommandLineParser;

namespace lt::admin {

class CommandContext;

// A subcommand: its name (scripts depend on it), what it does, its own options, and what it runs.
struct Command
{
    QString name;
    QString summary;
    QString arguments; // positional arguments for --help, e.g. "QUERY"
    void (*addOptions)(QCommandLineParser& parser);
    int (*run)(CommandContext& context);
};

class CommandRegistry
{
public:
    static const QList<Command>& commands();
    static const Command* find(const QString& name);
    // Parses argv (program name first) and runs the subcommand; returns the exit code.
    static int dispatch(const QStringList& arguments);
};

} // namespace lt::admin
