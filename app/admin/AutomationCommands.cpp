#include "app/admin/AutomationCommands.h"

#include "app/admin/CommandContext.h"
#include "core/services/AutomationPass.h"
#include "core/services/LoyaltyEngine.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lt::admin {

namespace {
int runPass(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args != QStringList {QStringLiteral("run")})
        return c.fail(Error::invalid(QCoreApplication::translate("AutomationCommands", "Use `automations run`.")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto report = AutomationPass((*engine)->context()).run(c.actor());
    if (!report)
        return c.fail(report.error());
    QJsonArray grants;
    QString text = QCoreApplication::translate("AutomationCommands", "Automations from %1 to %2: %n grant(s).\n",
                                               nullptr, int(report->grants.size()))
                       .arg(report->from.toString(Qt::ISODate), report->to.toString(Qt::ISODate));
    for (const AutomationGrant& grant : report->grants) {
        grants.append(QJsonObject {{QStringLiteral("member"), grant.memberId},
                                   {QStringLiteral("kind"), grant.kind},
                                   {QStringLiteral("points"), grant.points}});
        text +=
            QStringLiteral("  %1  %2  %3\n").arg(grant.memberId, 8).arg(grant.kind.leftJustified(12)).arg(grant.points);
    }
    return c.succeed({{QStringLiteral("from"), report->from.toString(Qt::ISODate)},
                      {QStringLiteral("to"), report->to.toString(Qt::ISODate)},
                      {QStringLiteral("grants"), grants}},
                     text);
}
} // namespace

QList<Command> AutomationCommands::commands()
{
    return {
        {QStringLiteral("automations"),
         QCoreApplication::translate("AutomationCommands",
                                     "Run the automation pass now: birthdays, anniversaries, win-back, tiers, expiry."),
         QStringLiteral("run"), [](QCommandLineParser&) {}, runPass},
    };
}

} // namespace lt::admin
