#include "app/admin/CommandContext.h"

#include "app/admin/AdminLogging.h"
#include "core/domain/CardNumber.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QJsonDocument>

namespace lt::admin {

QCommandLineOption option(const char* name, const char* description, const char* value)
{
    return value
        ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description), QString::fromLatin1(value))
        : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description));
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput:
        return BadInput;
    case ErrorKind::NotFound:
        return NotFound;
    case ErrorKind::Refused:
    case ErrorKind::Conflict:
        return Refused;
    case ErrorKind::Storage:
    case ErrorKind::Corrupt:
    case ErrorKind::Internal:
        break;
    }
    return Failure;
}

CommandContext::CommandContext(QCommandLineParser& parser, QTextStream& out, QTextStream& err)
    : m_parser(parser)
    , m_out(out)
    , m_err(err)
{
}

CommandContext::~CommandContext()
{
    m_engine.reset();
    m_db.reset();
}

bool CommandContext::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

QString CommandContext::databasePath() const
{
    const QString given = m_parser.value(QStringLiteral("database"));
    return given.isEmpty() ? Database::defaultPath() : given;
}

Actor CommandContext::actor() const
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return Actor::named(user.isEmpty() ? QStringLiteral("admin-cli") : QStringLiteral("admin-cli:") + user);
}

Result<Database*> CommandContext::database()
{
    if (!m_db) {
        Database::Options options;
        options.create = m_mayCreateStore;
        auto opened = Database::open(databasePath(), options);
        if (!opened && opened.error().kind == ErrorKind::NotFound)
            return Error::notFound(opened.error().message
                                   + QStringLiteral(" Create it with `loyaltytill-admin init`."));
        LT_TRY_ASSIGN(m_db, std::move(opened));
    }
    return m_db.get();
}

Result<LoyaltyEngine*> CommandContext::engine()
{
    if (!m_engine) {
        LT_TRY_ASSIGN(Database* const db, database());
        LT_TRY_ASSIGN(m_engine, LoyaltyEngine::create(*db, m_clock));
    }
    return m_engine.get();
}

void CommandContext::addMemberOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("member"), QStringLiteral("The member's id."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("phone"), QStringLiteral("The member's phone number, in any format."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("card"), QStringLiteral("The member's card number."), QStringLiteral("C")});
}

Result<qint64> CommandContext::memberFromOptions()
{
    const bool byId = m_parser.isSet(QStringLiteral("member"));
    const bool byPhone = m_parser.isSet(QStringLiteral("phone"));
    const bool byCard = m_parser.isSet(QStringLiteral("card"));
    if (int(byId) + int(byPhone) + int(byCard) != 1)
        return Error::invalid(QStringLiteral("Name the member with exactly one of --member, --phone or --card."));
    LT_TRY_ASSIGN(LoyaltyEngine* const eng, engine());
    MemberDirectory& members = eng->members();
    Result<Member> member = byId ? [&]() -> Result<Member> {
        bool ok = false;
        const qint64 id = m_parser.value(QStringLiteral("member")).toLongLong(&ok);
        if (!ok || id <= 0)
            return Error::invalid(QStringLiteral("--member takes a member id (a positive number)."));
        return members.byId(id);
    }()
        : byPhone ? members.byPhone(m_parser.value(QStringLiteral("phone")))
                  : members.byCard(m_parser.value(QStringLiteral("card")));
    LT_TRY(member);
    return member->id;
}

Result<qint64> CommandContext::memberFromText(const QString& text)
{
    LT_TRY_ASSIGN(LoyaltyEngine* const eng, engine());
    MemberDirectory& members = eng->members();
    const QString trimmed = text.trimmed();
    bool isNumber = false;
    const qint64 id = trimmed.toLongLong(&isNumber);
    // Member ids are short; phone numbers and cards have at least ten digits.
    if (isNumber && trimmed.size() < 10 && id > 0) {
        auto member = members.byId(id);
        return member ? Result<qint64>(member->id) : Result<qint64>(member.error());
    }
    auto member = CardNumber::looksLikeCard(trimmed) ? members.byCard(trimmed) : members.byPhone(trimmed);
    return member ? Result<qint64>(member->id) : Result<qint64>(member.error());
}

QJsonObject CommandContext::errorObject(const Error& error)
{
    QJsonObject detail {{QStringLiteral("kind"), errorKindName(error.kind)},
                        {QStringLiteral("message"), error.message},
                        {QStringLiteral("exit_code"), exitCodeFor(error.kind)}};
    if (!error.field.isEmpty())
        detail.insert(QStringLiteral("field"), error.field);
    return detail;
}

int CommandContext::fail(const Error& error)
{
    const int code = exitCodeFor(error.kind);
    // The kind only: the message may quote a phone number or a name from the arguments.
    qCDebug(lcAdmin).noquote() << "refused:" << errorKindName(error.kind);
    if (json()) {
        m_out
            << QJsonDocument(QJsonObject {{QStringLiteral("error"), errorObject(error)}}).toJson(QJsonDocument::Compact)
            << '\n';
    }
    m_err << QStringLiteral("loyaltytill-admin: ") << error.message << '\n';
    m_out.flush();
    m_err.flush();
    return code;
}

int CommandContext::succeed(const QJsonObject& json, const QString& text)
{
    if (this->json())
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else if (!text.isEmpty())
        m_out << text << (text.endsWith(QLatin1Char('\n')) ? "" : "\n");
    m_out.flush();
    return Success;
}

} // namespace lt::admin
