#include "app/admin/SetupCommands.h"

#include "app/admin/CheckupFormat.h"
#include "app/admin/CommandContext.h"
#include "app/admin/StdinLines.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/TillCheckup.h"
#include "core/settings/SystemConfig.h"
#include "core/settings/TillSettings.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/StaffDirectory.h"
#include "core/store/StoreBackups.h"
#include "sync/SquareCheckup.h"
#include "sync/SquarePairing.h"
#include "sync/square/CredentialStore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace lt::admin {

namespace {

const char* const Help =
    "Pairs this till in one step: creates the store (or opens it), adds the first manager, connects Square, writes "
    "the first backup, then prints what is ready and what is not, each with its fix. Safe to run again: what is "
    "already done is said and left as it is.\n"
    "Secrets come on standard input, never as arguments. From a script, one line each, in this order: the first "
    "manager's PIN (read and ignored when the store has a manager), then the Square access token (not read with "
    "--no-square; ignored when the store is connected and its token kept), e.g.\n"
    "  printf '%s\\n%s\\n' \"$PIN\" \"$TOKEN\" | loyaltytill-admin setup --manager Ana --location L1\n"
    "At a terminal, setup asks for what it needs and does not show what is typed.\n"
    "Exit codes: 0 every needed part works, 1 a check failed, 2 bad input, 3 Square has no such program or "
    "location, 4 Square refused the token or the store is connected elsewhere.";

struct Step
{
    QString name; // store, manager, square, backup
    QString done; // created, existing, added, connected, skipped, failed, written
    QString text;
};

// One run of setup: what it was asked, what it found, what it did, in order.
class SetupRun
{
public:
    explicit SetupRun(CommandContext& c)
        : m_c(c)
        , m_path(c.databasePath())
    {
    }

    int run();

private:
    std::optional<Error> readOptions();
    std::optional<Error> inspectExistingStore();
    std::optional<Error> readSecrets();
    std::optional<Error> makeStore();
    std::optional<Error> addManager();
    void connectSquare();
    void writeFirstBackup();
    QList<CheckResult> checkup();
    int report(const QList<CheckResult>& checks);
    QString databaseOrigin() const;

    CommandContext& m_c;
    QString m_path;
    bool m_existed = false;
    bool m_wantSquare = true;
    std::optional<SquareEnvironment> m_environment;
    QString m_location;
    QString m_managerName;
    QString m_pin;
    QString m_token;
    std::optional<StaffMember> m_manager; // an active manager the store has (or got)
    std::optional<SquareConnection> m_connection; // the store's (or the new one)
    bool m_tokenKept = false; // the connection's token can be read
    bool m_pairedNow = false;
    std::optional<Error> m_squareError;
    std::optional<SquareProbe::Answer> m_answer;
    QList<Step> m_steps;
    CredentialStore m_credentials;
    QNetworkAccessManager m_network;
};

std::optional<Error> SetupRun::readOptions()
{
    for (const char* secret : {"token", "pin"}) {
        if (m_c.parser().isSet(QString::fromLatin1(secret)))
            return Error::invalid(QStringLiteral("The %1 is never given as an argument, where the process list and "
                                                 "the shell history keep it: write it on standard input (see "
                                                 "setup --help).")
                                      .arg(QString::fromLatin1(secret) == QLatin1String("pin")
                                               ? QStringLiteral("PIN")
                                               : QStringLiteral("access token")),
                                  QString::fromLatin1(secret));
    }
    m_wantSquare = !m_c.parser().isSet(QStringLiteral("no-square"));
    m_managerName = m_c.parser().value(QStringLiteral("manager")).trimmed();
    m_location = m_c.parser().value(QStringLiteral("location")).trimmed();
    if (m_wantSquare && m_c.parser().isSet(QStringLiteral("environment"))) {
        auto environment = SquareEnvironment::parse(m_c.parser().value(QStringLiteral("environment")));
        if (!environment)
            return environment.error();
        m_environment = *environment;
    }
    if (!m_location.isEmpty()) {
        if (auto checked = SquarePairing::checkLocation(m_location); !checked)
            return checked.error();
    }
    return std::nullopt;
}

std::optional<Error> SetupRun::inspectExistingStore()
{
    m_existed = QFileInfo::exists(m_path);
    if (!m_existed)
        return std::nullopt;
    auto db = m_c.database();
    if (!db)
        return db.error();
    auto staff = StaffDirectory(**db, m_c.clock()).list();
    if (!staff)
        return staff.error();
    for (const StaffMember& member : *staff) {
        if (member.isManager() && member.active) {
            m_manager = member;
            break;
        }
    }
    auto connection = SquareConnection::load(**db);
    if (!connection)
        return connection.error();
    m_connection = *connection;
    if (!m_connection || !m_wantSquare)
        return std::nullopt;
    const bool otherEnvironment = m_environment && m_environment->name() != m_connection->environment;
    const bool otherLocation = !m_location.isEmpty() && m_location != m_connection->locationId;
    if (otherEnvironment || otherLocation)
        return Error::refused(QStringLiteral("The store is connected to Square %1, location %2: disconnect it first "
                                             "(`loyaltytill-admin square disconnect`) to connect it elsewhere.")
                                  .arg(m_connection->environment, m_connection->locationId));
    m_tokenKept = SquareCheckup::sealedOutsideService(m_credentials)
        || m_credentials.readTokenNow(m_connection->environment, m_connection->locationId).ok();
    if (!m_environment) {
        auto environment = SquareEnvironment::parse(m_connection->environment);
        if (!environment)
            return environment.error();
        m_environment = *environment;
    }
    if (m_location.isEmpty())
        m_location = m_connection->locationId;
    return std::nullopt;
}

std::optional<Error> SetupRun::readSecrets()
{
    const bool needPin = !m_manager;
    const bool needToken = m_wantSquare && !(m_connection && m_tokenKept);
    if (needToken && m_location.isEmpty())
        return Error::invalid(QStringLiteral("Give the Square location ID with --location, or --no-square to connect "
                                             "Square later."),
                              QStringLiteral("location"));
    if (!m_environment)
        m_environment = SquareEnvironment::production();
    StdinLines in;
    if (in.interactive()) {
        if (needPin && m_managerName.isEmpty())
            m_managerName = in.read(QStringLiteral("The first manager's name: "), false).value_or(QString()).trimmed();
        if (needPin) {
            m_pin = in.read(QStringLiteral("%1's PIN (4 to 8 digits, not shown): ").arg(m_managerName), true)
                        .value_or(QString());
            if (in.read(QStringLiteral("The PIN again: "), true).value_or(QString()) != m_pin)
                return Error::invalid(QStringLiteral("The two PINs differ."), QStringLiteral("pin"));
        }
        if (needToken)
            m_token =
                in.read(QStringLiteral("The Square access token for location %1 (not shown): ").arg(m_location), true)
                    .value_or(QString());
    } else {
        const std::optional<QString> pinLine = in.read(QString(), true);
        if (needPin && !pinLine)
            return Error::invalid(QStringLiteral("No PIN was read: write the first manager's PIN on the first line "
                                                 "of standard input."),
                                  QStringLiteral("pin"));
        m_pin = pinLine.value_or(QString()).trimmed();
        if (m_wantSquare) {
            const std::optional<QString> tokenLine = in.read(QString(), true);
            if (needToken && (!tokenLine || tokenLine->trimmed().isEmpty()))
                return Error::invalid(QStringLiteral("No Square access token was read: write it on the second line "
                                                     "of standard input, or give --no-square."),
                                      QStringLiteral("token"));
            m_token = tokenLine.value_or(QString());
        }
    }
    if (needPin) {
        if (m_managerName.isEmpty())
            return Error::invalid(QStringLiteral("Name the first manager with --manager NAME."),
                                  QStringLiteral("manager"));
        if (auto pin = StaffDirectory::validatePin(m_pin.trimmed()); !pin)
            return pin.error();
    }
    if (needToken) {
        auto token = SquarePairing::checkToken(m_token);
        if (!token)
            return token.error();
        m_token = *token;
    } else {
        m_token.clear(); // a line given for a connection that is already made is not kept a moment longer
    }
    return std::nullopt;
}

std::optional<Error> SetupRun::makeStore()
{
    auto engine = m_c.engine();
    if (!engine)
        return engine.error();
    Database& db = (*engine)->context().db;
    ProgramRepository programs(db, m_c.clock());
    auto stored = programs.isStored();
    if (!stored)
        return stored.error();
    if (!*stored) {
        // Stored, so that the program is visible and editable, not implied (as `init` does).
        if (auto saved = programs.save((*engine)->program(), ProgramRepository::Source::Local); !saved)
            return saved.error();
    }
    m_steps << Step {QStringLiteral("store"), m_existed ? QStringLiteral("existing") : QStringLiteral("created"),
                     QStringLiteral("%1 %2 (schema %3)")
                         .arg(m_existed ? QStringLiteral("already at") : QStringLiteral("created at"), db.path())
                         .arg(db.schemaVersion())};
    return std::nullopt;
}

std::optional<Error> SetupRun::addManager()
{
    if (m_manager) {
        m_steps << Step {QStringLiteral("manager"), QStringLiteral("existing"),
                         QStringLiteral("already there: %1, staff number %2").arg(m_manager->name).arg(m_manager->id)};
        return std::nullopt;
    }
    auto db = m_c.database();
    if (!db)
        return db.error();
    auto added = StaffDirectory(**db, m_c.clock())
                     .add(m_managerName, StaffMember::Role::Manager, m_pin.trimmed(), m_c.actor().name());
    m_pin.clear();
    if (!added)
        return added.error();
    m_manager = *added;
    m_steps << Step {QStringLiteral("manager"), QStringLiteral("added"),
                     QStringLiteral("added %1 as staff number %2").arg(added->name).arg(added->id)};
    return std::nullopt;
}

void SetupRun::connectSquare()
{
    if (!m_wantSquare) {
        m_steps << Step {QStringLiteral("square"), QStringLiteral("skipped"),
                         m_connection ? QStringLiteral("not checked (--no-square); connected to %1, location %2")
                                            .arg(m_connection->environment, m_connection->locationId)
                                      : QStringLiteral("skipped (--no-square)")};
        return;
    }
    if (m_connection && m_tokenKept) {
        m_steps << Step {QStringLiteral("square"), QStringLiteral("existing"),
                         QStringLiteral("already connected to %1, location %2")
                             .arg(m_connection->environment, m_connection->locationId)};
        return;
    }
    auto db = m_c.database();
    if (!db) {
        m_squareError = db.error();
    } else {
        SquarePairing pairing(**db, m_credentials, m_network);
        auto paired = pairing.pairNow(*m_environment, m_location, m_token);
        m_answer = pairing.answer();
        if (paired) {
            m_connection = *paired;
            m_pairedNow = true;
        } else {
            m_squareError = paired.error();
        }
    }
    m_token.clear();
    if (m_squareError) {
        m_steps << Step {QStringLiteral("square"), QStringLiteral("failed"),
                         QStringLiteral("not connected: ") + m_squareError->message};
        return;
    }
    m_steps << Step {QStringLiteral("square"), QStringLiteral("connected"),
                     QStringLiteral("connected to %1, location %2; the token is kept by %3")
                         .arg(m_connection->environment, m_connection->locationId,
                              m_credentials.kind() == CredentialStore::Kind::SystemdCredential
                                  ? QStringLiteral("the systemd credential")
                                  : QStringLiteral("the keychain"))};
}

void SetupRun::writeFirstBackup()
{
    const BackupSettings settings = BackupSettings::forStore(m_path);
    for (const BackupFile& file : BackupFolder::forStore(m_path).list()) {
        if (file.kind == BackupFile::Kind::Daily) {
            m_steps << Step {QStringLiteral("backup"), QStringLiteral("existing"),
                             QStringLiteral("already there: %1").arg(file.path)};
            return;
        }
    }
    auto db = m_c.database();
    auto written = db ? StoreBackups(**db, settings, m_c.clock()).backUp() : Result<WrittenBackup>(db.error());
    m_steps << (written ? Step {QStringLiteral("backup"), QStringLiteral("written"),
                                QStringLiteral("written to %1").arg(written->file.path)}
                        : Step {QStringLiteral("backup"), QStringLiteral("failed"),
                                QStringLiteral("not written: ") + written.error().message});
}

QList<CheckResult> SetupRun::checkup()
{
    QList<CheckResult> checks;
    checks
        << (m_manager ? CheckResult::ok(
                QStringLiteral("manager"), QStringLiteral("Manager"),
                QStringLiteral("%1 (staff number %2) signs in as a manager.").arg(m_manager->name).arg(m_manager->id))
                      : CheckResult::failed(QStringLiteral("manager"), QStringLiteral("Manager"),
                                            QStringLiteral("The store has no manager."),
                                            QStringLiteral("Run setup again with --manager NAME and the PIN.")));
    checks << TillCheckup(m_path, m_c.clock()).runAll();
    SquareCheckup square(m_credentials, m_network);
    if (!m_wantSquare) {
        checks << CheckResult::warning(QStringLiteral("square"), QStringLiteral("Square"),
                                       QStringLiteral("Square was skipped (--no-square): points stay in this store "
                                                      "until it is connected."),
                                       QStringLiteral("Run setup again without --no-square, with --location and the "
                                                      "token."));
    } else if (m_pairedNow) {
        checks << square.tokenStoreNow(m_connection) << SquareCheckup::fromAnswer(*m_answer);
    } else if (m_squareError) {
        checks << square.tokenStoreNow(std::nullopt)
               << (m_answer
                       ? SquareCheckup::fromAnswer(*m_answer)
                       : CheckResult::failed(QStringLiteral("square"), QStringLiteral("Square"), m_squareError->message,
                                             QStringLiteral("Correct it and run setup again.")));
    } else {
        checks << square.runNow(m_connection);
    }
    return checks;
}

QString SetupRun::databaseOrigin() const
{
    if (m_c.parser().isSet(QStringLiteral("database")))
        return QStringLiteral("--database");
    if (!qEnvironmentVariableIsEmpty("LOYALTYTILL_DATABASE"))
        return QStringLiteral("LOYALTYTILL_DATABASE");
    if (!TillSettings().value(QStringLiteral("store.database")).isEmpty())
        return QStringLiteral("store.database");
    return QStringLiteral("the default");
}

int SetupRun::report(const QList<CheckResult>& checks)
{
    const bool ready = CheckResult::allPassed(checks) && !m_squareError;
    const QString tillName = TillSettings().tillName();
    const QString folder = SystemConfig::global()->folderPath();
    QJsonObject steps;
    QString text = QStringLiteral("Setup of the till \"%1\" with the store %2 (from %3; configuration in %4)\n")
                       .arg(tillName, m_path, databaseOrigin(), folder);
    for (const Step& step : std::as_const(m_steps)) {
        steps.insert(step.name, QJsonObject {{QStringLiteral("done"), step.done}, {QStringLiteral("text"), step.text}});
        text += QStringLiteral("  %1%2\n").arg(step.name.leftJustified(9), step.text);
    }
    text += QStringLiteral("\nCheck-up:\n") + CheckupFormat::table(checks) + QLatin1Char('\n');
    text += ready ? QStringLiteral("Ready: %1.\n").arg(CheckupFormat::summary(checks))
                  : QStringLiteral("Not ready: %1; see each fix above.\n").arg(CheckupFormat::summary(checks));
    QJsonObject json {{QStringLiteral("database"), m_path},
                      {QStringLiteral("till_name"), tillName},
                      {QStringLiteral("config_folder"), folder},
                      {QStringLiteral("steps"), steps},
                      {QStringLiteral("checks"), CheckupFormat::json(checks)},
                      {QStringLiteral("ready"), ready}};
    int code = ready ? int(Success) : int(Failure);
    if (m_squareError) {
        code = exitCodeFor(m_squareError->kind);
        json.insert(QStringLiteral("error"), CommandContext::errorObject(*m_squareError));
        m_c.err() << "loyaltytill-admin: " << m_squareError->message << '\n';
    } else if (!ready) {
        json.insert(QStringLiteral("error"), CheckupFormat::failureJson(checks));
        m_c.err() << "loyaltytill-admin: not ready: " << CheckupFormat::summary(checks) << ".\n";
    }
    if (m_c.json())
        m_c.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else
        m_c.out() << text;
    m_c.out().flush();
    m_c.err().flush();
    return code;
}

int SetupRun::run()
{
    if (!m_c.parser().positionalArguments().isEmpty())
        return m_c.fail(Error::invalid(QStringLiteral("setup takes no arguments; see setup --help.")));
    for (auto step : {&SetupRun::readOptions, &SetupRun::inspectExistingStore, &SetupRun::readSecrets,
                      &SetupRun::makeStore, &SetupRun::addManager}) {
        if (const std::optional<Error> error = (this->*step)())
            return m_c.fail(*error);
    }
    connectSquare();
    writeFirstBackup();
    return report(checkup());
}

int setup(CommandContext& c)
{
    return SetupRun(c).run();
}

} // namespace

QList<Command> SetupCommands::commands()
{
    return {
        {QStringLiteral("setup"),
         QStringLiteral("Pair this till in one step: store, first manager, Square, first backup; then what is ready."),
         QString(),
         [](QCommandLineParser& p) {
             p.setApplicationDescription(QString::fromLatin1(Help));
             p.addOption(option("manager", "The first manager's name (asked at a terminal when missing).", "NAME"));
             p.addOption(option("environment",
                                "Square's production (the default), sandbox, or a base URL (http only for 127.0.0.1).",
                                "ENV"));
             p.addOption(option("location", "The Square location ID sales are credited to.", "ID"));
             p.addOption(option("no-square", "Do not connect Square now (it is reported as not ready)."));
             // Refused with a clear message: a secret on the command line is in the process list and the history.
             for (const char* secret : {"token", "pin"}) {
                 QCommandLineOption refused(QString::fromLatin1(secret), QString(), QStringLiteral("VALUE"));
                 refused.setFlags(QCommandLineOption::HiddenFromHelp);
                 p.addOption(refused);
             }
         },
         setup},
    };
}

} // namespace lt::admin
