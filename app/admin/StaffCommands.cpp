#include "app/admin/StaffCommands.h"

#include "app/admin/CommandContext.h"
#include "core/store/StaffDirectory.h"

#include <QJsonArray>

#include <cstdio>

namespace lt::admin {

namespace {
QJsonObject toJson(const StaffMember& s)
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("role"), StaffMember::roleName(s.role)},
            {QStringLiteral("active"), s.active}};
}

int staff(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    StaffDirectory directory(**db, c.clock());
    const QStringList args = c.parser().positionalArguments();
    const QString action = args.value(0, QStringLiteral("list"));
    if (action == QLatin1String("list")) {
        auto list = directory.list();
        if (!list)
            return c.fail(list.error());
        QJsonArray json;
        QString text;
        for (const StaffMember& s : *list) {
            json.append(toJson(s));
            text += QStringLiteral("%1  %2  %3%4\n")
                        .arg(s.id, 4)
                        .arg(StaffMember::roleName(s.role).leftJustified(8), s.name,
                             s.active ? QString() : QStringLiteral("  (inactive)"));
        }
        return c.succeed({{QStringLiteral("staff"), json}}, text.isEmpty() ? QStringLiteral("No staff yet.") : text);
    }
    if (action == QLatin1String("add")) {
        const QString role = c.parser().value(QStringLiteral("role"));
        if (role != QLatin1String("cashier") && role != QLatin1String("manager"))
            return c.fail(Error::invalid(QStringLiteral("--role is cashier or manager.")));
        if (!c.parser().isSet(QStringLiteral("pin-stdin")))
            return c.fail(Error::invalid(QStringLiteral("Give the PIN on standard input with --pin-stdin.")));
        // Read from stdin so the PIN never appears in the process list or the shell history.
        QTextStream in(stdin);
        const QString pin = in.readLine().trimmed();
        auto added =
            directory.add(c.parser().value(QStringLiteral("name")),
                          role == QLatin1String("manager") ? StaffMember::Role::Manager : StaffMember::Role::Cashier,
                          pin, c.actor().name());
        if (!added)
            return c.fail(added.error());
        return c.succeed({{QStringLiteral("staff"), toJson(*added)}},
                         QStringLiteral("%1 is staff number %2.").arg(added->name).arg(added->id));
    }
    if (action == QLatin1String("disable")) {
        bool ok = false;
        const qint64 id = args.value(1).toLongLong(&ok);
        if (!ok)
            return c.fail(Error::invalid(QStringLiteral("Give the staff number: staff disable ID.")));
        if (auto done = directory.deactivate(id, c.actor().name()); !done)
            return c.fail(done.error());
        return c.succeed({{QStringLiteral("disabled"), id}},
                         QStringLiteral("Staff number %1 can no longer sign in.").arg(id));
    }
    return c.fail(Error::invalid(QStringLiteral("staff takes list, add or disable.")));
}
} // namespace

QList<Command> StaffCommands::commands()
{
    return {
        {QStringLiteral("staff"), QStringLiteral("List, add or disable the cashiers and managers who sign in."),
         QStringLiteral("[list | add | disable ID]"),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("name"), QStringLiteral("add: the person's name."), QStringLiteral("NAME")});
             p.addOption({QStringLiteral("role"), QStringLiteral("add: cashier or manager."), QStringLiteral("ROLE")});
             p.addOption({QStringLiteral("pin-stdin"), QStringLiteral("add: read the 4-8 digit PIN from stdin.")});
         },
         staff},
    };
}

} // namespace lt::admin
