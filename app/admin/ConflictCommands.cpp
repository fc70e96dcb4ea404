#include "app/admin/ConflictCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/JsonFormat.h"
#include "core/domain/PhoneNumberNormalizer.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/SyncConflicts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lt::admin {

namespace {

// A side's facts with the phone a refused enrollment carried masked: the manager sees which number it was.
QJsonObject maskedFacts(QJsonObject facts)
{
    if (facts.contains(QLatin1String("phone")))
        facts.insert(QStringLiteral("phone"),
                     PhoneNumberNormalizer::masked(facts.value(QLatin1String("phone")).toString()));
    return facts;
}

// "balance=120, points=-150": a side's facts as recorded, whatever their keys.
QString factsText(const QJsonObject& facts)
{
    QStringList parts;
    for (auto it = facts.constBegin(); it != facts.constEnd(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isObject())
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else
            text = value.toVariant().toString();
        parts << it.key() + QLatin1Char('=') + text;
    }
    return parts.isEmpty() ? QStringLiteral("(nothing recorded)") : parts.join(QStringLiteral(", "));
}

QStringList actionNames(const SyncConflict& conflict)
{
    QStringList names;
    for (ConflictAction action : SyncConflicts::actionsFor(conflict))
        names << SyncConflicts::actionName(action);
    return names;
}

QString allActionNames()
{
    QStringList names;
    for (ConflictAction action :
         {ConflictAction::Retry, ConflictAction::Force, ConflictAction::AcceptSquare, ConflictAction::Dismiss})
        names << SyncConflicts::actionName(action);
    return names.join(QLatin1Char('|'));
}

// The member's phone as people may see it; empty when there is no member or no phone any more.
QString maskedPhoneOf(LoyaltyEngine& engine, qint64 memberId)
{
    if (memberId <= 0)
        return {};
    auto member = engine.members().byId(memberId);
    return member && !member->phone.isEmpty() ? PhoneNumberNormalizer::masked(member->phone) : QString();
}

int listConflicts(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const bool all = c.parser().isSet(QStringLiteral("all"));
    SyncConflicts conflicts((*engine)->context().db, c.clock());
    auto found = conflicts.list(all, 100000);
    if (!found)
        return c.fail(found.error());
    auto open = conflicts.openCount();
    if (!open)
        return c.fail(open.error());
    QJsonArray array;
    QString text;
    for (const SyncConflict& conflict : *found) {
        const QString phone = maskedPhoneOf(**engine, conflict.memberId);
        array.append(ConflictCommands::conflictJson(conflict, phone));
        text += ConflictCommands::conflictText(conflict, phone) + QLatin1Char('\n');
    }
    if (*open == 0)
        text += QStringLiteral("No open conflicts with Square.\n");
    else
        text += QStringLiteral("%1 open conflict(s). Resolve one with: loyaltytill-admin conflicts resolve ID "
                               "--action %2 --manager NAME [--note TEXT]\n")
                    .arg(*open)
                    .arg(allActionNames());
    return c.succeed({{QStringLiteral("open"), *open}, {QStringLiteral("conflicts"), array}}, text);
}

int resolve(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    bool ok = false;
    const qint64 id = args.value(1).toLongLong(&ok);
    if (args.size() != 2 || !ok || id < 1)
        return c.fail(Error::invalid(QStringLiteral("Give the conflict's id: conflicts resolve ID --action %1 "
                                                    "--manager NAME (see `conflicts`).")
                                         .arg(allActionNames())));
    const auto action = SyncConflicts::actionFromName(c.parser().value(QStringLiteral("action")).trimmed());
    if (!action)
        return c.fail(Error::invalid(QStringLiteral("--action takes one of %1.").arg(allActionNames()),
                                     QStringLiteral("action")));
    const QString manager = c.parser().value(QStringLiteral("manager")).trimmed();
    if (manager.isEmpty())
        return c.fail(Error::invalid(QStringLiteral("--manager NAME is required: a manager resolves conflicts."),
                                     QStringLiteral("manager")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto resolved = SyncConflicts((*engine)->context().db, (*engine)->context().clock, c.actor().name())
                        .resolve(id, *action, manager, c.parser().value(QStringLiteral("note")));
    if (!resolved)
        return c.fail(resolved.error());
    QJsonObject json {{QStringLiteral("conflict"),
                       ConflictCommands::conflictJson(*resolved, maskedPhoneOf(**engine, resolved->memberId))}};
    QString text = QStringLiteral("Conflict %1 resolved by %2: %3.")
                       .arg(resolved->id)
                       .arg(resolved->resolvedBy, SyncConflicts::describeAction(*action));
    if (*action == ConflictAction::Retry || *action == ConflictAction::Force)
        text += QStringLiteral(" The operation goes to Square with the next sync.");
    if (resolved->memberId > 0) {
        if (auto member = (*engine)->members().byId(resolved->memberId)) {
            json.insert(QStringLiteral("balance"), member->balance);
            text += QStringLiteral(" Member %1 now has %2 points.").arg(member->id).arg(member->balance);
        }
    }
    return c.succeed(json, text);
}

int conflictsCommand(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.isEmpty())
        return listConflicts(c);
    if (args.first() == QLatin1String("resolve"))
        return resolve(c);
    return c.fail(Error::invalid(QStringLiteral("Use: conflicts [--all], or conflicts resolve ID --action %1 "
                                                "--manager NAME [--note TEXT].")
                                     .arg(allActionNames())));
}

} // namespace

QJsonObject ConflictCommands::conflictJson(const SyncConflict& conflict, const QString& maskedPhone)
{
    QJsonObject json {{QStringLiteral("id"), conflict.id},
                      {QStringLiteral("outbox_id"),
                       conflict.outboxId > 0 ? QJsonValue(conflict.outboxId) : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("member_id"),
                       conflict.memberId > 0 ? QJsonValue(conflict.memberId) : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("phone"), maskedPhone},
                      {QStringLiteral("kind"), toStorage(conflict.kind)},
                      {QStringLiteral("kind_text"), SyncConflicts::describeKind(conflict.kind)},
                      {QStringLiteral("operation"), conflict.operation ? toStorage(*conflict.operation) : QString()},
                      {QStringLiteral("points"), conflict.points},
                      {QStringLiteral("code"), conflict.code},
                      {QStringLiteral("message"), conflict.message},
                      {QStringLiteral("local_facts"), maskedFacts(conflict.localFacts)},
                      {QStringLiteral("square_facts"), maskedFacts(conflict.squareFacts)},
                      {QStringLiteral("created_at"), JsonFormat::timestamp(conflict.createdAt)},
                      {QStringLiteral("open"), conflict.isOpen()},
                      {QStringLiteral("actions"), QJsonArray::fromStringList(actionNames(conflict))}};
    if (!conflict.isOpen()) {
        json.insert(QStringLiteral("resolution"), conflict.resolution);
        json.insert(QStringLiteral("resolved_by"), conflict.resolvedBy);
        json.insert(QStringLiteral("resolved_at"), JsonFormat::timestamp(conflict.resolvedAt));
        json.insert(QStringLiteral("resolution_note"), conflict.resolutionNote);
    }
    return json;
}

QString ConflictCommands::conflictText(const SyncConflict& conflict, const QString& maskedPhone)
{
    QString text = QStringLiteral("Conflict %1 · ").arg(conflict.id);
    if (conflict.memberId > 0)
        text += maskedPhone.isEmpty() ? QStringLiteral("member %1").arg(conflict.memberId)
                                      : QStringLiteral("member %1 (%2)").arg(conflict.memberId).arg(maskedPhone);
    else
        text += QStringLiteral("no member");
    text += QStringLiteral(" · %1\n").arg(SyncConflicts::describeKind(conflict.kind));
    if (conflict.operation)
        text += QStringLiteral("  operation: %1 %2 points (outbox %3)\n")
                    .arg(toStorage(*conflict.operation))
                    .arg(conflict.points)
                    .arg(conflict.outboxId);
    text += QStringLiteral("  Square said: %1%2\n")
                .arg(conflict.code.isEmpty() ? QString() : conflict.code + QStringLiteral(" — "), conflict.message);
    text += QStringLiteral("  here:   %1\n").arg(factsText(maskedFacts(conflict.localFacts)));
    text += QStringLiteral("  Square: %1\n").arg(factsText(maskedFacts(conflict.squareFacts)));
    text += QStringLiteral("  found:  %1\n").arg(JsonFormat::timestamp(conflict.createdAt));
    if (conflict.isOpen())
        text += QStringLiteral("  actions: %1\n").arg(actionNames(conflict).join(QStringLiteral(", ")));
    else
        text += QStringLiteral("  resolved: %1 by %2 at %3%4\n")
                    .arg(conflict.resolution, conflict.resolvedBy, JsonFormat::timestamp(conflict.resolvedAt),
                         conflict.resolutionNote.isEmpty()
                             ? QString()
                             : QStringLiteral(" (") + conflict.resolutionNote + QLatin1Char(')'));
    return text;
}

QList<Command> ConflictCommands::commands()
{
    return {
        {QStringLiteral("conflicts"),
         QStringLiteral("List what sync could not settle with Square (open, or --all), or resolve one as a manager."),
         QStringLiteral("[resolve ID]"),
         [](QCommandLineParser& p) {
             p.addOption(option("all", "List resolved conflicts too."));
             p.addOption(option("action", "How to resolve: retry, force, accept-square or dismiss.", "ACTION"));
             p.addOption(option("manager", "The manager who resolves it.", "NAME"));
             p.addOption(option("note", "Why, for the audit log.", "TEXT"));
         },
         conflictsCommand},
    };
}

} // namespace lt::admin
