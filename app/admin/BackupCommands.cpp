#include "app/admin/BackupCommands.h"

#include "app/admin/CommandContext.h"
#include "core/store/Database.h"
#include "core/store/DatabaseBackup.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/StoreBackups.h"
#include "core/store/StoreRestore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lt::admin {

namespace {

QJsonObject factsJson(const StoreFileFacts& facts)
{
    return {{QStringLiteral("schema_version"), facts.schemaVersion},
            {QStringLiteral("members"), facts.members},
            {QStringLiteral("ledger_entries"), facts.ledgerEntries},
            {QStringLiteral("bytes"), facts.bytes}};
}

QString factsText(const StoreFileFacts& facts)
{
    return QCoreApplication::translate("BackupCommands", "%1 members, %2 ledger entries, schema %3")
        .arg(facts.members)
        .arg(facts.ledgerEntries)
        .arg(facts.schemaVersion);
}

QString kindName(BackupFile::Kind kind)
{
    switch (kind) {
    case BackupFile::Kind::BeforeSchema:
        return QStringLiteral("before-schema");
    case BackupFile::Kind::BeforeRestore:
        return QStringLiteral("before-restore");
    case BackupFile::Kind::Daily:
        break;
    }
    return QStringLiteral("daily");
}

int listBackups(CommandContext& c)
{
    const BackupFolder folder = BackupFolder::forStore(c.databasePath());
    QJsonArray backups;
    QString text = QCoreApplication::translate("BackupCommands", "Backups in %1, newest first:\n").arg(folder.path());
    for (const BackupFile& file : folder.list()) {
        const auto facts = StoreFileCheck::inspect(file.path);
        QJsonObject entry {{QStringLiteral("file"), file.path},
                           {QStringLiteral("taken_at"), toStorageTime(file.takenUtc)},
                           {QStringLiteral("kind"), kindName(file.kind)},
                           {QStringLiteral("bytes"), file.bytes},
                           {QStringLiteral("verifies"), facts.ok()}};
        if (facts) {
            entry.insert(QStringLiteral("schema_version"), facts->schemaVersion);
            entry.insert(QStringLiteral("members"), facts->members);
            entry.insert(QStringLiteral("ledger_entries"), facts->ledgerEntries);
        } else {
            entry.insert(QStringLiteral("schema_version"), QJsonValue::Null);
            entry.insert(QStringLiteral("problem"), facts.error().message);
        }
        backups.append(entry);
        text +=
            QStringLiteral("  %1  %2  %3 bytes  %4  %5\n")
                .arg(file.takenUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     kindName(file.kind).leftJustified(14))
                .arg(file.bytes, 12)
                .arg(
                    facts
                        ? QCoreApplication::translate("BackupCommands", "schema %1, verifies").arg(facts->schemaVersion)
                        : QCoreApplication::translate("BackupCommands", "DOES NOT VERIFY: %1")
                              .arg(facts.error().message),
                    file.path);
    }
    if (backups.isEmpty())
        text += QCoreApplication::translate("BackupCommands", "  (none)\n");
    return c.succeed({{QStringLiteral("folder"), folder.path()}, {QStringLiteral("backups"), backups}}, text);
}

int backup(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    const bool listing = c.parser().isSet(QStringLiteral("list"));
    const bool ifDue = c.parser().isSet(QStringLiteral("if-due"));
    if (args.size() > 1 || (listing && (!args.isEmpty() || ifDue)) || (ifDue && !args.isEmpty()))
        return c.fail(Error::invalid(QCoreApplication::translate(
            "BackupCommands",
            "Give one backup FILE, or none to back up into the backup folder; --list and --if-due "
            "take no FILE.")));
    if (listing)
        return listBackups(c);
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    if (args.size() == 1) {
        auto written = DatabaseBackup(**db).writeVerifiedTo(args.first());
        if (!written)
            return c.fail(written.error());
        QJsonObject json = factsJson(*written);
        json.insert(QStringLiteral("file"), args.first());
        return c.succeed(json,
                         QCoreApplication::translate("BackupCommands", "Backed up to %1 (%2 bytes; %3).")
                             .arg(args.first())
                             .arg(written->bytes)
                             .arg(factsText(*written)));
    }
    StoreBackups backups(**db, BackupSettings::forStore((*db)->path()), c.clock());
    WrittenBackup written;
    if (ifDue) {
        auto due = backups.backUpIfDue();
        if (!due)
            return c.fail(due.error());
        if (!*due)
            return c.succeed({{QStringLiteral("file"), QJsonValue::Null}, {QStringLiteral("due"), false}},
                             QCoreApplication::translate(
                                 "BackupCommands", "No backup is due: the newest is later than the last backup.time."));
        written = **due;
    } else {
        auto made = backups.backUp();
        if (!made)
            return c.fail(made.error());
        written = *made;
    }
    QJsonObject json = factsJson(written.facts);
    json.insert(QStringLiteral("file"), written.file.path);
    json.insert(QStringLiteral("taken_at"), toStorageTime(written.file.takenUtc));
    json.insert(QStringLiteral("pruned"), QJsonArray::fromStringList(written.pruned));
    QString text = QCoreApplication::translate("BackupCommands", "Backed up to %1 (%2 bytes; %3), verified.")
                       .arg(written.file.path)
                       .arg(written.facts.bytes)
                       .arg(factsText(written.facts));
    for (const QString& old : written.pruned)
        text += QCoreApplication::translate("BackupCommands", "\nDeleted the older backup %1.").arg(old);
    return c.succeed(json, text);
}

int restore(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return c.fail(
            Error::invalid(QCoreApplication::translate("BackupCommands", "Give the backup FILE to restore.")));
    // The store is not opened: it may be damaged, missing, or open in a till, and a restore must see it as it is.
    auto plan = StoreRestore::plan(args.first(), c.databasePath());
    if (!plan)
        return c.fail(plan.error());
    QJsonObject store {{QStringLiteral("path"), plan->store}, {QStringLiteral("exists"), plan->storeExists}};
    QString replaced;
    if (plan->current) {
        store = factsJson(*plan->current);
        store.insert(QStringLiteral("path"), plan->store);
        store.insert(QStringLiteral("exists"), true);
        replaced = QCoreApplication::translate("BackupCommands", "the store %1 (%2)")
                       .arg(plan->store, factsText(*plan->current));
    } else if (plan->storeExists) {
        store.insert(QStringLiteral("problem"), plan->currentProblem);
        replaced = QCoreApplication::translate("BackupCommands", "the damaged store %1 (%2)")
                       .arg(plan->store, plan->currentProblem);
    } else {
        replaced =
            QCoreApplication::translate("BackupCommands", "nothing: there is no store at %1 yet").arg(plan->store);
    }
    QJsonObject file = factsJson(plan->incoming);
    file.insert(QStringLiteral("path"), plan->file);
    const bool dryRun = c.parser().isSet(QStringLiteral("dry-run"));
    QJsonObject json {
        {QStringLiteral("dry_run"), dryRun}, {QStringLiteral("file"), file}, {QStringLiteral("store"), store}};
    // What the store holds that the backup does not: what sync brings back from Square, and what to enter again.
    QString lost;
    if (plan->gap) {
        QJsonArray operations;
        for (const LostOperation& operation : plan->gap->toReenter)
            operations.append(QJsonObject {{QStringLiteral("kind"), LostOperation::kindName(operation.kind)},
                                           {QStringLiteral("reference"), operation.reference},
                                           {QStringLiteral("at"), toStorageTime(operation.atUtc)},
                                           {QStringLiteral("member"), operation.member},
                                           {QStringLiteral("points"), operation.points}});
        json.insert(QStringLiteral("to_re_enter"), operations);
        json.insert(QStringLiteral("back_from_square"), plan->gap->comeBackFromSquare);
        json.insert(QStringLiteral("store_readable"), plan->gap->readable);
        lost = QLatin1Char('\n') + plan->gap->text();
    }
    if (dryRun)
        return c.succeed(
            json,
            QCoreApplication::translate("BackupCommands", "Would restore %1 (%2), replacing %3. Nothing was changed.")
                    .arg(plan->file, factsText(plan->incoming), replaced)
                + lost);
    auto done = StoreRestore::apply(*plan, BackupSettings::forStore(plan->store), c.clock());
    if (!done)
        return c.fail(done.error());
    json.insert(QStringLiteral("store_backup"),
                done->storeBackup.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(done->storeBackup));
    json.insert(QStringLiteral("restored"), factsJson(done->restored));
    QString text = QCoreApplication::translate("BackupCommands", "Restored %1 (%2), replacing %3.")
                       .arg(plan->file, factsText(done->restored), replaced);
    if (!done->storeBackup.isEmpty())
        text += QCoreApplication::translate("BackupCommands", "\nThe store as it was is kept in %1.")
                    .arg(done->storeBackup);
    text += lost;
    if (!done->gapFile.isEmpty()) {
        json.insert(QStringLiteral("to_re_enter_file"), done->gapFile);
        text += QCoreApplication::translate("BackupCommands", "\nThis list is kept in %1.").arg(done->gapFile);
    }
    if (done->restored.schemaVersion < SchemaMigrator::CurrentVersion)
        text += QCoreApplication::translate("BackupCommands",
                                            "\nIts schema is upgraded (after a backup) when it is next opened.");
    return c.succeed(json, text);
}

} // namespace

QList<Command> BackupCommands::commands()
{
    return {
        {QStringLiteral("backup"),
         QStringLiteral("Write a verified copy of the live store into the backup folder (or FILE), keeping the newest "
                        "backup.keep; --list shows the folder's backups."),
         QStringLiteral("[FILE]"),
         [](QCommandLineParser& p) {
             p.addOption(option("list",
                                "List the backups in the backup folder: time, size, schema and whether each "
                                "verifies."));
             p.addOption(option("if-due", "Back up only when no backup was taken since the last backup.time."));
         },
         backup},
        {QStringLiteral("restore"),
         QStringLiteral("Replace the store by a backup, after backing up the store as it is."), QStringLiteral("FILE"),
         [](QCommandLineParser& p) { p.addOption(option("dry-run", "Check FILE and say what would be replaced.")); },
         restore},
    };
}

} // namespace lt::admin
