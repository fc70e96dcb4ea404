#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/domain/Actor.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace lt {
class Database;
class LoyaltyEngine;
} // namespace lt

namespace lt::admin {

// The documented exit codes; operators script against them.
enum ExitCode { Success = 0, Failure = 1, BadInput = 2, NotFound = 3, Refused = 4 };

int exitCodeFor(ErrorKind kind);

// A subcommand's option from Latin-1 literals: name, description, and the value's name when it takes one.
QCommandLineOption option(const char* name, const char* description, const char* value = nullptr);

// What one subcommand runs with: its parsed options, the store (opened on first use), and the output in text or
// JSON. Exactly one JSON object goes to stdout with --json; messages for people go to stderr on failure.
class CommandContext
{
public:
    CommandContext(QCommandLineParser& parser, QTextStream& out, QTextStream& err);
    ~CommandContext();

    QCommandLineParser& parser() { return m_parser; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    bool json() const;
    QString databasePath() const;
    const Clock& clock() const { return m_clock; }
    // Who the CLI acts as: "admin-cli:USER", or "admin-cli" when the user is unknown.
    Actor actor() const;

    Result<Database*> database();
    Result<LoyaltyEngine*> engine();
    // The member named by --member ID, --phone P or --card C (exactly one).
    Result<qint64> memberFromOptions();
    // A member id, a phone number or a card number.
    Result<qint64> memberFromText(const QString& text);

    int fail(const Error& error);
    // {"kind", "message", "exit_code"[, "field"]}: the "error" member of every failure's JSON.
    static QJsonObject errorObject(const Error& error);
    int fail(ErrorKind kind, const QString& message) { return fail(Error {kind, message}); }
    int succeed(const QJsonObject& json, const QString& text);

    static void addMemberOptions(QCommandLineParser& parser);
    void setMayCreateStore(bool create) { m_mayCreateStore = create; }

private:
    QCommandLineParser& m_parser;
    QTextStream& m_out;
    QTextStream& m_err;
    SystemClock m_clock;
    bool m_mayCreateStore = false;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LoyaltyEngine> m_engine;
};

} // namespace lt::admin
