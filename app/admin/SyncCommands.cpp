#include "app/admin/SyncCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/ConflictCommands.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "sync/SquareConnection.h"
#include "sync/SyncEngine.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareEnvironment.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <limits>

namespace lt::admin {

namespace {

int connect(CommandContext& c)
{
    auto environment = SquareEnvironment::parse(c.parser().value(QStringLiteral("environment")));
    if (!environment)
        return c.fail(environment.error());
    const QString location = c.parser().value(QStringLiteral("location")).trimmed();
    if (location.isEmpty() || location.size() > 64)
        return c.fail(
            Error::invalid(QStringLiteral("Give the Square location ID with --location."), QStringLiteral("location")));
    if (!c.parser().isSet(QStringLiteral("token-stdin")))
        return c.fail(Error::invalid(
            QStringLiteral("Pass --token-stdin and write the access token on standard input (never as an argument, "
                           "where other users and the shell history could read it)."),
            QStringLiteral("token-stdin")));
    QTextStream in(stdin);
    const QString token = in.readLine().trimmed();
    if (token.isEmpty())
        return c.fail(
            Error::invalid(QStringLiteral("No access token was read from standard input."), QStringLiteral("token")));
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    CredentialStore credentials;
    if (auto stored = credentials.writeTokenNow(environment->name(), location, token); !stored)
        return c.fail(stored.error());
    const SquareConnection connection {environment->name(), location, {}};
    if (auto saved = connection.save(**db); !saved)
        return c.fail(saved.error());
    const bool sealed = credentials.kind() == CredentialStore::Kind::SystemdCredential;
    return c.succeed(
        {{QStringLiteral("environment"), environment->name()},
         {QStringLiteral("location"), location},
         {QStringLiteral("token_store"), sealed ? QStringLiteral("systemd-credential") : QStringLiteral("keychain")}},
        sealed ? QStringLiteral("Connected to Square %1, location %2. The token is sealed in "
                                "/etc/loyaltytill/credentials/square-token.cred; restart the kiosk "
                                "service (systemctl restart loyaltytill-kiosk.service) to load it.")
                     .arg(environment->name(), location)
               : QStringLiteral("Connected to Square %1, location %2. The token is in the keychain.")
                     .arg(environment->name(), location));
}

int disconnect(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    auto connection = SquareConnection::load(**db);
    if (!connection)
        return c.fail(connection.error());
    if (!connection->has_value())
        return c.succeed({{QStringLiteral("connected"), false}}, QStringLiteral("The store was not connected."));
    CredentialStore credentials;
    if (auto removed = credentials.removeTokenNow((*connection)->environment, (*connection)->locationId); !removed)
        return c.fail(removed.error());
    if (auto cleared = SquareConnection::clear(**db); !cleared)
        return c.fail(cleared.error());
    return c.succeed({{QStringLiteral("connected"), false}},
                     credentials.kind() == CredentialStore::Kind::SystemdCredential
                         ? QStringLiteral("Disconnected from Square; the sealed token was deleted.")
                         : QStringLiteral("Disconnected from Square; the token was removed from the keychain."));
}

int square(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args == QStringList {QStringLiteral("connect")})
        return connect(c);
    if (args == QStringList {QStringLiteral("disconnect")})
        return disconnect(c);
    return c.fail(Error::invalid(QStringLiteral("Use: square connect --environment sandbox|production|URL "
                                                "--location ID --token-stdin, or square disconnect.")));
}

int syncStatus(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    auto connection = SquareConnection::load(**db);
    if (!connection)
        return c.fail(connection.error());
    QJsonObject json;
    QString text;
    if (connection->has_value()) {
        json.insert(QStringLiteral("environment"), (*connection)->environment);
        json.insert(QStringLiteral("location"), (*connection)->locationId);
        text += QStringLiteral("Square: %1, location %2\n").arg((*connection)->environment, (*connection)->locationId);
        const QDateTime last = (*connection)->lastSyncAt;
        json.insert(QStringLiteral("last_sync_at"),
                    last.isValid() ? QJsonValue(last.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
        text += last.isValid() ? QStringLiteral("Last sync: %1\n").arg(last.toUTC().toString(Qt::ISODate))
                               : QStringLiteral("Last sync: never\n");
    } else {
        text += QStringLiteral("Square: not connected\n");
    }
    json.insert(QStringLiteral("connected"), connection->has_value());
    // Pending as the till's status bar counts it (SyncOutbox::pendingCount): demo members' rows never wait.
    auto counts = SyncOutbox(**db, c.clock()).stateCounts();
    if (!counts)
        return c.fail(counts.error());
    const QJsonObject states {{toStorage(OutboxState::Pending), counts->pending},
                              {toStorage(OutboxState::Sent), counts->sent},
                              {toStorage(OutboxState::Conflict), counts->conflict}};
    if (counts->nextRetryAt.isValid())
        json.insert(QStringLiteral("next_retry_at"), toStorageTime(counts->nextRetryAt));
    json.insert(QStringLiteral("outbox"), states);
    text += QStringLiteral("Outbox: %1 pending, %2 sent, %3 conflicts\n")
                .arg(states.value(QLatin1String("pending")).toInteger())
                .arg(states.value(QLatin1String("sent")).toInteger())
                .arg(states.value(QLatin1String("conflict")).toInteger());
    // Open conflicts wait for a manager (`conflicts`); the newest are shown here.
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    SyncConflicts conflicts(**db, c.clock());
    auto open = conflicts.openCount();
    if (!open)
        return c.fail(open.error());
    auto openList = conflicts.list(false, std::numeric_limits<int>::max());
    if (!openList)
        return c.fail(openList.error());
    json.insert(QStringLiteral("open_conflicts"), *open);
    text += *open == 0 ? QStringLiteral("Conflicts: none open\n")
                       : QStringLiteral("Conflicts: %1 open (newest first; resolve with `conflicts`)\n").arg(*open);
    QJsonArray list;
    for (qsizetype i = openList->size() - 1; i >= 0 && list.size() < 20; --i) {
        const SyncConflict& conflict = openList->at(i);
        list.append(ConflictCommands::conflictJson(conflict, QString()));
        text += QStringLiteral("  conflict %1 member %2 %3 %4: %5\n")
                    .arg(conflict.id)
                    .arg(conflict.memberId)
                    .arg(conflict.operation ? toStorage(*conflict.operation) : QStringLiteral("-"),
                         SyncConflicts::describeKind(conflict.kind),
                         conflict.code.isEmpty() ? conflict.message
                                                 : conflict.code + QStringLiteral(" ") + conflict.message);
    }
    json.insert(QStringLiteral("conflicts"), list);
    return c.succeed(json, text);
}

int syncCommand(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args == QStringList {QStringLiteral("status")})
        return syncStatus(c);
    if (!args.isEmpty())
        return c.fail(Error::invalid(QStringLiteral("Use: sync [--once], or sync status [--json].")));
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    auto connection = SquareConnection::load(**db);
    if (!connection)
        return c.fail(connection.error());
    if (!connection->has_value())
        return c.fail(Error::refused(QStringLiteral("The store is not connected to Square; run square connect.")));
    auto environment = SquareEnvironment::parse((*connection)->environment);
    if (!environment)
        return c.fail(environment.error());
    CredentialStore credentials;
    auto token = credentials.readTokenNow((*connection)->environment, (*connection)->locationId);
    if (!token)
        return c.fail(token.error());
    QNetworkAccessManager network;
    SquareClient client(network, *environment, *token);
    // The whole pass: Square's program when it is due, the outbox, then the events made elsewhere.
    SyncEngine engine(**db, c.clock(), client, (*connection)->locationId);
    const bool once = c.parser().isSet(QStringLiteral("once"));
    QEventLoop loop;
    SyncReport last;
    int sent = 0;
    int conflicts = 0;
    int deferred = 0;
    int pulled = 0;
    int applied = 0;
    int discovered = 0;
    bool programUpdated = false;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport& report) {
        last = report;
        sent += report.push.sent;
        conflicts += report.conflictsFound;
        deferred += report.push.deferred;
        pulled += report.eventsPulled;
        applied += report.eventsApplied;
        discovered += report.accountsDiscovered;
        programUpdated = programUpdated || report.programUpdated;
        if (once || report.unauthorized)
            loop.quit();
        else // keep going: the next pass picks up new sales, rows whose retry time has come and Square's events
            QTimer::singleShot(30000, &engine, &SyncEngine::runOnce);
    });
    QTimer::singleShot(0, &engine, &SyncEngine::runOnce);
    loop.exec();
    const QJsonObject json {{QStringLiteral("sent"), sent},
                            {QStringLiteral("conflicts"), conflicts},
                            {QStringLiteral("deferred"), deferred},
                            {QStringLiteral("program_updated"), programUpdated},
                            {QStringLiteral("events_pulled"), pulled},
                            {QStringLiteral("events_applied"), applied},
                            {QStringLiteral("accounts_discovered"), discovered},
                            {QStringLiteral("stopped"), last.stopped},
                            {QStringLiteral("error"), last.error}};
    if (last.unauthorized)
        return c.fail(Error::refused(QStringLiteral("Square refused the access token: connect again with square "
                                                    "connect and a new token. ")
                                     + last.error));
    if (last.stopped)
        return c.fail(Error::internal(QStringLiteral("The sync stopped: ") + last.error));
    return c.succeed(json,
                     QStringLiteral("Sent %1, pulled %2 events from Square, applied %3, new conflicts %4%5.")
                         .arg(sent)
                         .arg(pulled)
                         .arg(applied)
                         .arg(conflicts)
                         .arg(conflicts > 0 ? QStringLiteral(" (see `conflicts`)") : QString()));
}

} // namespace

QList<Command> SyncCommands::commands()
{
    return {
        {QStringLiteral("square"),
         QStringLiteral("Connect the store to Square (the token in the keychain, or sealed on a kiosk till) or "
                        "disconnect."),
         QStringLiteral("connect|disconnect"),
         [](QCommandLineParser& p) {
             p.addOption(option("environment", "sandbox, production or a base URL (http only for 127.0.0.1).", "ENV"));
             p.addOption(option("location", "The Square location ID sales are credited to.", "ID"));
             p.addOption(option("token-stdin", "Read the access token from standard input."));
         },
         square},
        {QStringLiteral("sync"),
         QStringLiteral("Sync with Square (program, outbox, events made elsewhere), or show its status."),
         QStringLiteral("[status]"), [](QCommandLineParser& p) { p.addOption(option("once", "One pass, then exit.")); },
         syncCommand},
    };
}

} // namespace lt::admin
