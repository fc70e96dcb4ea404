#include "app/admin/ConfigCommands.h"

#include "app/admin/CommandContext.h"
#include "core/services/SettingsOverview.h"
#include "core/settings/SettingsDocuments.h"
#include "core/settings/SystemConfig.h"
#include "core/settings/TillSettings.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace lt::admin {

namespace {

int config(CommandContext& c)
{
    const QString kind = c.parser().value(QStringLiteral("template"));
    if (!kind.isEmpty()) {
        const QHash<QString, QString (*)()> templates = {
            {QStringLiteral("markdown"), &SettingsDocuments::markdownTable},
            {QStringLiteral("conf"), &SettingsDocuments::exampleConfig},
            {QStringLiteral("admx"), &SettingsDocuments::admx},
            {QStringLiteral("adml"), &SettingsDocuments::adml},
            {QStringLiteral("wix"), &SettingsDocuments::wixInclude}};
        if (!templates.contains(kind))
            return c.fail(Error::invalid(
                QStringLiteral("--template is one of markdown, conf, admx, adml or wix, not '%1'.").arg(kind),
                QStringLiteral("template")));
        return c.succeed({{QStringLiteral("template"), templates.value(kind)()}}, templates.value(kind)());
    }
    const QStringList args = c.parser().positionalArguments();
    if (args.size() > 1)
        return c.fail(Error::invalid(QStringLiteral("Give at most one KEY.")));
    // The store's own values when there is a store; before `setup` there is none and they are simply not set.
    Database* db = nullptr;
    if (auto opened = c.database())
        db = *opened;
    else if (opened.error().kind != ErrorKind::NotFound)
        return c.fail(opened.error());
    const TillSettings till;
    auto settings = SettingsOverview::read(db, till);
    if (!settings)
        return c.fail(settings.error());
    const bool origins = c.parser().isSet(QStringLiteral("show-origin"));
    QJsonArray list;
    QString text;
    for (const EffectiveSetting& setting : std::as_const(*settings)) {
        const QString key = setting.spec->name();
        if (!args.isEmpty() && args.first() != key)
            continue;
        const QString origin = EffectiveSetting::originName(setting.origin);
        list.append(QJsonObject {{QStringLiteral("key"), key},
                                 {QStringLiteral("value"), setting.value},
                                 {QStringLiteral("scope"), SettingsSchema::scopeName(setting.spec->scope)},
                                 {QStringLiteral("origin"), origin},
                                 {QStringLiteral("source"), setting.source},
                                 {QStringLiteral("locked"), setting.origin == EffectiveSetting::Origin::Policy}});
        text += QStringLiteral("%1 = %2\n").arg(key, setting.value);
        if (origins)
            text += setting.source.isEmpty() ? QStringLiteral("    (%1)\n").arg(origin)
                                             : QStringLiteral("    (%1: %2)\n").arg(origin, setting.source);
    }
    if (list.isEmpty())
        return c.fail(Error::invalid(QStringLiteral("There is no setting called '%1'.").arg(args.value(0)),
                                     QStringLiteral("key")));
    const std::shared_ptr<const SystemConfig> system = SystemConfig::global();
    QJsonArray problems;
    for (const ConfigProblem& problem : system->problems()) {
        problems.append(QJsonObject {{QStringLiteral("file"), problem.file},
                                     {QStringLiteral("line"), problem.line},
                                     {QStringLiteral("message"), problem.message}});
        text += QStringLiteral("problem: %1\n").arg(problem.text());
    }
    return c.succeed({{QStringLiteral("folder"), system->folderPath()},
                      {QStringLiteral("settings"), list},
                      {QStringLiteral("problems"), problems}},
                     text);
}

} // namespace

QList<Command> ConfigCommands::commands()
{
    return {
        {QStringLiteral("config"),
         QStringLiteral("Show every setting's value (or KEY's) and, with --show-origin, where it came from: default, "
                        "system (a file in the configuration folder), store, user, or locked (policy.d)."),
         QStringLiteral("[KEY]"),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("show-origin"), QStringLiteral("Say where each value came from.")});
             p.addOption({QStringLiteral("template"),
                          QStringLiteral("Print a document generated from the settings schema: markdown (the "
                                         "README's table), conf (the example configuration), admx or adml "
                                         "(the Windows policy template), wix (the Windows installer's "
                                         "properties)."),
                          QStringLiteral("KIND")});
         },
         config},
    };
}

} // namespace lt::admin
