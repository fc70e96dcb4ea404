#include "app/admin/StoreCommands.h"

#include "app/admin/CommandContext.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/StoreSettingChange.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/IntegrityChecker.h"
#include "core/store/ProgramRepository.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/StoreSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace lt::admin {

namespace {
QJsonObject auditJson(const AuditChainReport& audit)
{
    QJsonObject json {{QStringLiteral("entries"), audit.entries}, {QStringLiteral("ok"), audit.ok()}};
    if (audit.ok())
        json.insert(QStringLiteral("head"), audit.headHash);
    if (audit.notedHeadId > 0)
        json.insert(QStringLiteral("noted_head_entry"), audit.notedHeadId);
    if (const auto& broken = audit.firstBreak)
        json.insert(QStringLiteral("break"),
                    QJsonObject {{QStringLiteral("kind"), AuditChainBreak::kindName(broken->kind)},
                                 {QStringLiteral("id"), broken->id},
                                 {QStringLiteral("at"), broken->at},
                                 {QStringLiteral("action"), broken->action},
                                 {QStringLiteral("explanation"), broken->explanation}});
    return json;
}

int init(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    Database& db = (*engine)->context().db;
    auto stored = ProgramRepository(db, c.clock()).isStored();
    if (!stored)
        return c.fail(stored.error());
    if (!*stored) {
        // Store the default program so that it is visible and editable, not implied.
        if (auto saved = ProgramRepository(db, c.clock()).save((*engine)->program(), ProgramRepository::Source::Local);
            !saved)
            return c.fail(saved.error());
    }
    return c.succeed({{QStringLiteral("database"), db.path()},
                      {QStringLiteral("schema_version"), db.schemaVersion()},
                      {QStringLiteral("program"), (*engine)->program().toJson()}},
                     QStringLiteral("The store is ready at %1 (schema %2).").arg(db.path()).arg(db.schemaVersion()));
}

int check(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    const QString notedHead = c.parser().value(QStringLiteral("audit-head")).trimmed();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{16,64}$"));
    if (c.parser().isSet(QStringLiteral("audit-head")) && !hex.match(notedHead).hasMatch())
        return c.fail(Error::invalid(QStringLiteral("--audit-head takes the head an earlier check printed: 16 to 64 "
                                                    "hexadecimal digits."),
                                     QStringLiteral("audit-head")));
    auto report = IntegrityChecker(**db).check(notedHead);
    if (!report)
        return c.fail(report.error());
    QJsonObject json {{QStringLiteral("ok"), report->ok()},
                      {QStringLiteral("problems"), QJsonArray::fromStringList(report->problems)},
                      {QStringLiteral("members"), report->members},
                      {QStringLiteral("ledger_entries"), report->ledgerEntries},
                      {QStringLiteral("sales"), report->sales},
                      {QStringLiteral("pending_sync"), report->pendingSync},
                      {QStringLiteral("audit"), auditJson(report->audit)}};
    if (!report->ok()) {
        json.insert(QStringLiteral("error"),
                    CommandContext::errorObject(
                        Error::corrupt(QStringLiteral("The store has %1 problem(s).").arg(report->problems.size()))));
        if (c.json())
            c.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        c.err() << "loyaltytill-admin: the store has " << report->problems.size() << " problem(s):\n  "
                << report->problems.join(QStringLiteral("\n  ")) << '\n';
        return Failure;
    }
    return c.succeed(json,
                     QStringLiteral("OK: %1 members, %2 ledger entries, %3 sales, %4 operations waiting "
                                    "for Square; every balance equals its ledger.\n"
                                    "The audit log's %5 entries chain unbroken to the store's id; its head is %6.")
                         .arg(report->members)
                         .arg(report->ledgerEntries)
                         .arg(report->sales)
                         .arg(report->pendingSync)
                         .arg(report->audit.entries)
                         .arg(report->audit.headHash.isEmpty() ? QStringLiteral("-") : report->audit.headHash));
}

int rewards(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const LoyaltyProgram& program = (*engine)->program();
    QJsonArray list;
    QString text;
    for (const RewardTier& tier : program.rewardTiers) {
        list.append(tier.toJson());
        text += QStringLiteral("%1  %2 %3  %4%5\n")
                    .arg(tier.id.leftJustified(16))
                    .arg(tier.points, 6)
                    .arg(program.termOther, tier.name,
                         tier.partial ? QStringLiteral(" (choose %1-%2)").arg(tier.minimumPoints).arg(tier.points)
                                      : QString());
    }
    return c.succeed({{QStringLiteral("rewards"), list}, {QStringLiteral("currency"), program.currency}}, text);
}

int settings(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    const QStringList args = c.parser().positionalArguments();
    StoreSettings settings(**db);
    if (args.size() == 2) {
        if (auto set = StoreSettingChange(**db, c.clock()).set(args.at(0), args.at(1), c.actor()); !set)
            return c.fail(set.error());
    } else if (args.size() > 2) {
        return c.fail(Error::invalid(QStringLiteral("Give a KEY to read, or a KEY and a VALUE to set.")));
    }
    QJsonObject json;
    QString text;
    for (const SettingSpec* key : StoreSettings::keys()) {
        const QString name = key->name();
        if (!args.isEmpty() && args.first() != name)
            continue;
        json.insert(name, settings.value(name));
        text += QStringLiteral("%1 = %2\n    %3\n").arg(name, settings.value(name), QString::fromUtf8(key->meaning));
    }
    if (json.isEmpty())
        return c.fail(Error::invalid(QStringLiteral("There is no setting called '%1'.").arg(args.value(0))));
    return c.succeed({{QStringLiteral("settings"), json}}, text);
}

int audit(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    bool ok = true;
    const int limit =
        c.parser().isSet(QStringLiteral("limit")) ? c.parser().value(QStringLiteral("limit")).toInt(&ok) : 50;
    if (!ok || limit < 1)
        return c.fail(Error::invalid(QStringLiteral("--limit takes a number of 1 or more.")));
    auto entries = AuditLog(**db, c.clock()).recent(limit);
    if (!entries)
        return c.fail(entries.error());
    QJsonArray list;
    QString text;
    for (const AuditEntry& e : *entries) {
        list.append(QJsonObject {{QStringLiteral("id"), e.id},
                                 {QStringLiteral("at"), e.at},
                                 {QStringLiteral("actor"), e.actor},
                                 {QStringLiteral("action"), e.action},
                                 {QStringLiteral("subject"), e.subject},
                                 {QStringLiteral("details"), e.details}});
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(e.at, e.actor, e.action, e.subject,
                         QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)));
    }
    return c.succeed({{QStringLiteral("entries"), list}}, text);
}

int version(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    return c.succeed({{QStringLiteral("database"), (*db)->path()},
                      {QStringLiteral("schema_version"), (*db)->schemaVersion()},
                      {QStringLiteral("supported_schema_version"), SchemaMigrator::CurrentVersion}},
                     QStringLiteral("%1: schema %2").arg((*db)->path()).arg((*db)->schemaVersion()));
}
} // namespace

QList<Command> StoreCommands::commands()
{
    return {
        {QStringLiteral("init"), QStringLiteral("Create or upgrade the store and store the default program."),
         QString(), [](QCommandLineParser&) {}, init},
        {QStringLiteral("check"),
         QStringLiteral("Check integrity, that every balance equals its ledger and that the audit log's chain is "
                        "whole."),
         QString(),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("audit-head"),
                          QStringLiteral("The audit head an earlier check printed, kept away from the store: the "
                                         "chain must still hold it."),
                          QStringLiteral("HASH")});
         },
         check},
        {QStringLiteral("rewards"), QStringLiteral("List the rewards members can redeem."), QString(),
         [](QCommandLineParser&) {}, rewards},
        {QStringLiteral("settings"), QStringLiteral("Show the store's settings, or set one."),
         QStringLiteral("[KEY [VALUE]]"), [](QCommandLineParser&) {}, settings},
        {QStringLiteral("audit"), QStringLiteral("Show the audit log, newest first."), QString(),
         [](QCommandLineParser& p) {
             p.addOption(
                 {QStringLiteral("limit"), QStringLiteral("At most this many (default 50)."), QStringLiteral("N")});
         },
         audit},
        {QStringLiteral("schema"), QStringLiteral("Show the store's schema version."), QString(),
         [](QCommandLineParser&) {}, version},
    };
}

} // namespace lt::admin
