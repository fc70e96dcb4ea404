#include "app/admin/CommandRegistry.h"

#include "app/admin/CommandContext.h"
#include "app/admin/ConflictCommands.h"
#include "app/admin/DataCommands.h"
#include "app/admin/MemberCommands.h"
#include "app/admin/PointsCommands.h"
#include "app/admin/StaffCommands.h"
#include "app/admin/StoreCommands.h"
#include "app/admin/SyncCommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace lt::admin {

const QList<Command>& CommandRegistry::commands()
{
    static const QList<Command> list = [] {
        QList<Command> all;
        all << StoreCommands::commands() << MemberCommands::commands() << PointsCommands::commands()
            << DataCommands::commands() << StaffCommands::commands() << SyncCommands::commands()
            << ConflictCommands::commands();
        return all;
    }();
    return list;
}

const Command* CommandRegistry::find(const QString& name)
{
    for (const Command& command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

namespace {
QString overview()
{
    QString text = QStringLiteral("Usage: loyaltytill-admin COMMAND [options]\n\n"
                                  "Scripts the LoyaltyTill store. Every command takes --database PATH, --json "
                                  "and --help.\nExit codes: 0 success, 2 bad input, 3 not found, 4 refused or "
                                  "conflict, 1 anything else.\n\nCommands:\n");
    for (const Command& command : CommandRegistry::commands())
        text += QStringLiteral("  %1%2\n").arg(command.name.leftJustified(14), command.summary);
    return text;
}
} // namespace

int CommandRegistry::dispatch(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString name = arguments.value(1);
    if (name.isEmpty() || name == QLatin1String("--help") || name == QLatin1String("-h")
        || name == QLatin1String("help")) {
        (name.isEmpty() ? err : out) << overview();
        return name.isEmpty() ? BadInput : Success;
    }
    if (name == QLatin1String("--version")) {
        out << "loyaltytill-admin " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    const Command* command = find(name);
    if (!command) {
        err << "loyaltytill-admin: there is no command '" << name << "'.\n\n" << overview();
        return BadInput;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The store's database file (default: $LOYALTYTILL_DATABASE or the user's data "
                                     "folder)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object on stdout.")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    if (!command->arguments.isEmpty())
        parser.addPositionalArgument(command->arguments, QString());
    command->addOptions(parser);
    QStringList rest = arguments.mid(2);
    rest.prepend(QStringLiteral("loyaltytill-admin ") + name);
    CommandContext context(parser, out, err);
    // Commands that only read must not leave an empty store behind a mistyped path.
    static const QStringList creating = {QStringLiteral("init"), QStringLiteral("enroll"), QStringLiteral("import"),
                                         QStringLiteral("generate"), QStringLiteral("staff")};
    context.setMayCreateStore(creating.contains(name));
    if (!parser.parse(rest))
        return context.fail(Error::invalid(parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Success;
    }
    return command->run(context);
}

} // namespace lt::admin
