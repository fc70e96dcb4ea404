#include "app/admin/CommandRegistry.h"

#include "app/admin/AdminLogging.h"
#include "app/admin/AutomationCommands.h"
#include "app/admin/BackupCommands.h"
#include "app/admin/CardCommands.h"
#include "app/admin/CommandContext.h"
#include "app/admin/ConfigCommands.h"
#include "app/admin/ConflictCommands.h"
#include "app/admin/DataCommands.h"
#include "app/admin/DoctorCommands.h"
#include "app/admin/MemberCommands.h"
#include "app/admin/OfferCommands.h"
#include "app/admin/PointsCommands.h"
#include "app/admin/ProgramCommands.h"
#include "app/admin/PromotionCommands.h"
#include "app/admin/ReportCommands.h"
#include "app/admin/SetupCommands.h"
#include "app/admin/SlipCommands.h"
#include "app/admin/StaffCommands.h"
#include "app/admin/StoreCommands.h"
#include "app/admin/SyncCommands.h"
#include "app/admin/WalletCommands.h"
#include "core/common/ProcessIdentity.h"

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
            << ConflictCommands::commands() << ProgramCommands::commands() << AutomationCommands::commands()
            << ReportCommands::commands();
        all << PromotionCommands::commands();
        all << OfferCommands::commands();
        all << ConfigCommands::commands();
        all << BackupCommands::commands();
        all << SetupCommands::commands() << DoctorCommands::commands();
        all << SlipCommands::commands() << CardCommands::commands() << WalletCommands::commands();
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
    QString text = QStringLiteral("Usage: loyaltytill-admin [--database PATH] [--json] COMMAND [options]\n\n"
                                  "Scripts the LoyaltyTill store. Every command takes --database PATH, --json "
                                  "and --help, before or after its name.\nExit codes: 0 success, 2 bad input, 3 not "
                                  "found, 4 refused or conflict, 1 anything else.\n\nCommands:\n");
    for (const Command& command : CommandRegistry::commands())
        text += QStringLiteral("  %1%2\n").arg(command.name.leftJustified(14), command.summary);
    return text;
}
} // namespace

namespace {
// The options every command takes. As with git, they may come before the command name as well as after it:
// `loyaltytill-admin --database FILE init` is `loyaltytill-admin init --database FILE`.
struct CommonOptions
{
    QStringList options; // as given, to be parsed with the command's own
    QString command; // the first argument that is not a common option
    QStringList rest; // what follows the command
    QString error; // a common option that lacks its value
};

CommonOptions splitCommonOptions(const QStringList& arguments)
{
    CommonOptions split;
    qsizetype i = 1;
    for (; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--json") || argument.startsWith(QLatin1String("--database="))) {
            split.options << argument;
        } else if (argument == QLatin1String("--database")) {
            if (i + 1 == arguments.size()) {
                split.error = QStringLiteral("Missing value after '--database'.");
                return split;
            }
            split.options << argument << arguments.at(++i);
        } else {
            break;
        }
    }
    split.command = arguments.value(i);
    split.rest = arguments.mid(i + 1);
    return split;
}

// A group's sub-command that another file owns runs in place of the group's own command: `report offers` is the
// offers'. Found by the first argument after the group that is neither an option nor an option's value.
const Command* contributedSubcommand(const QString& group, const QStringList& rest)
{
    static const QStringList valued = {QStringLiteral("--database"), QStringLiteral("--csv")};
    QString first;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (valued.contains(rest.at(i))) {
            ++i;
        } else if (!rest.at(i).startsWith(QLatin1Char('-'))) {
            first = rest.at(i);
            break;
        }
    }
    if (group == QLatin1String("report") && first == QLatin1String("offers"))
        return &OfferCommands::reportOffers();
    return nullptr;
}

// QCommandLineParser names the program by its full path in "Usage:"; operators know it by name and command.
QString helpText(const QCommandLineParser& parser, const QString& command)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const qsizetype at = text.left(lineEnd).indexOf(program);
    if (!program.isEmpty() && at >= 0)
        text.replace(at, program.size(), QStringLiteral("loyaltytill-admin ") + command);
    return text;
}
} // namespace

int CommandRegistry::dispatch(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const CommonOptions split = splitCommonOptions(arguments);
    if (!split.error.isEmpty()) {
        err << "loyaltytill-admin: " << split.error << "\n\n" << overview();
        return BadInput;
    }
    const QString& name = split.command;
    if (name.isEmpty() || name == QLatin1String("--help") || name == QLatin1String("-h")
        || name == QLatin1String("help")) {
        (name.isEmpty() ? err : out) << overview();
        return name.isEmpty() ? BadInput : Success;
    }
    if (name == QLatin1String("--version")) {
        out << "loyaltytill-admin " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    const Command* command = contributedSubcommand(name, split.rest);
    if (!command)
        command = find(name);
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
    // The common options given before the command go first, so that no option of the command takes them for its
    // value.
    const QStringList rest = QStringList {QStringLiteral("loyaltytill-admin ") + name} + split.options + split.rest;
    CommandContext context(parser, out, err);
    // Commands that only read must not leave an empty store behind a mistyped path.
    static const QStringList creating = {QStringLiteral("init"),     QStringLiteral("enroll"), QStringLiteral("import"),
                                         QStringLiteral("generate"), QStringLiteral("staff"),  QStringLiteral("setup")};
    context.setMayCreateStore(creating.contains(name));
    if (!parser.parse(rest))
        return context.fail(Error::invalid(parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out << helpText(parser, name);
        return Success;
    }
    // Run by root on a store another user owns: everything from here is done as that user (ProcessIdentity).
    if (const QString owner = ProcessIdentity::actAsOwnerOf(context.databasePath()); !owner.isEmpty())
        qCDebug(lcAdmin).noquote() << "acting as the store's owner" << owner;
    qCDebug(lcAdmin).noquote() << "running" << name;
    const int code = command->run(context);
    qCDebug(lcAdmin).noquote() << name << "ended with exit code" << code;
    return code;
}

} // namespace lt::admin
