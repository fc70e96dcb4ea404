#include "app/admin/DoctorCommands.h"

#include "app/admin/CheckupFormat.h"
#include "app/admin/CommandContext.h"
#include "app/admin/PrinterCheck.h"
#include "core/services/TillCheckup.h"
#include "core/store/Database.h"
#include "sync/SquareCheckup.h"
#include "sync/square/CredentialStore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace lt::admin {

namespace {

const char* const Help =
    "Checks everything a working till needs and prints each check with a fix for what failed: the database "
    "(opens, undamaged, current schema, writable), the keychain (or, with square.token_store = systemd-credential, "
    "the credential), Square (reachable, the token accepted), the scanner's port, a printer, disk space where the "
    "store and its backups are, a recent verified backup, the clock, and problems in the configuration files. "
    "Nothing is changed; the token is never printed.\n"
    "Exit codes: 0 every check passed (warnings allowed), 1 a check failed.";

// The store's Square connection, read without creating, upgrading or checking the store (the database check does
// that); nothing when there is no store or it cannot be read.
std::optional<std::optional<SquareConnection>> storeConnection(const QString& path)
{
    if (!QFileInfo::exists(path))
        return std::nullopt;
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    auto db = Database::open(path, options);
    if (!db)
        return std::nullopt;
    auto connection = SquareConnection::load(**db);
    if (!connection)
        return std::nullopt;
    return *connection;
}

QList<CheckResult> squareChecks(const QString& path)
{
    CredentialStore credentials;
    QNetworkAccessManager network;
    SquareCheckup checkup(credentials, network);
    const auto connection = storeConnection(path);
    if (connection)
        return checkup.runNow(*connection);
    return {checkup.tokenStoreNow(std::nullopt),
            CheckResult::warning(QStringLiteral("square"), QStringLiteral("Square"),
                                 QStringLiteral("The store could not be read, so its Square connection is unknown."),
                                 QStringLiteral("Fix the database first (see its check), then run doctor again."))};
}

int doctor(CommandContext& c)
{
    if (!c.parser().positionalArguments().isEmpty())
        return c.fail(Error::invalid(QStringLiteral("doctor takes no arguments; see doctor --help.")));
    const QString path = c.databasePath();
    const TillCheckup till(path, c.clock());
    QList<CheckResult> checks {till.database()};
    checks << squareChecks(path);
    checks << till.scannerPort() << PrinterCheck::run() << till.storeDiskSpace() << till.backupDiskSpace()
           << till.backups() << till.clock() << till.configuration();

    const bool ok = CheckResult::allPassed(checks);
    const QString summary = CheckupFormat::summary(checks);
    QJsonObject json {{QStringLiteral("database"), path},
                      {QStringLiteral("ok"), ok},
                      {QStringLiteral("checks"), CheckupFormat::json(checks)},
                      {QStringLiteral("failed"),
                       QJsonArray::fromStringList(CheckupFormat::idsWith(checks, CheckResult::Status::Failed))},
                      {QStringLiteral("warnings"),
                       QJsonArray::fromStringList(CheckupFormat::idsWith(checks, CheckResult::Status::Warning))}};
    if (!ok) {
        json.insert(QStringLiteral("error"), CheckupFormat::failureJson(checks));
        c.err() << "loyaltytill-admin: " << summary << ".\n";
    }
    if (c.json())
        c.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else
        c.out() << QStringLiteral("Check-up of %1:\n").arg(path) << CheckupFormat::table(checks)
                << (ok ? QStringLiteral("\nOK: %1.\n") : QStringLiteral("\nNOT OK: %1; see each fix above.\n"))
                       .arg(summary);
    c.out().flush();
    c.err().flush();
    return ok ? Success : Failure;
}

} // namespace

QList<Command> DoctorCommands::commands()
{
    return {
        {QStringLiteral("doctor"),
         QStringLiteral("Check everything a working till needs, with a fix for each failure; exit 1 when one failed."),
         QString(), [](QCommandLineParser& p) { p.setApplicationDescription(QString::fromLatin1(Help)); }, doctor},
    };
}

} // namespace lt::admin
