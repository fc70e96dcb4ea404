#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Drives the real loyaltytill-admin binary as a process and inspects its store from outside.
namespace clitest {

struct CliRun
{
    QStringList arguments;
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    bool jsonParsed = false; // stdout was exactly one JSON object
    QJsonObject json;

    // The command, its exit code, stdout and stderr: what a failure message needs.
    QString describe() const;
    QByteArray describeUtf8() const { return describe().toUtf8(); }
};

QString adminPath();
// Runs `loyaltytill-admin arguments...` with an isolated environment (no LOYALTYTILL_DATABASE, HOME in
// homeDirectory when given) and waits for it to finish.
CliRun runCli(const QStringList& arguments, const QString& homeDirectory = QString());
// The same with --database PATH and --json right after the subcommand, so that no option of the command can take them
// for its value; HOME is the store's folder.
CliRun runJson(const QString& database, const QStringList& arguments);
// Inserts options right after the subcommand (the first argument).
QStringList withOptions(const QStringList& arguments, const QStringList& options);
// Every documented subcommand, in the order of the overview.
const QStringList& allCommands();
// The subcommands the binary's overview (--help) lists, in its order.
QStringList listedCommands(const QByteArray& overview);
// A data tag that prints: characters outside printable ASCII become \u{XXXX}.
QByteArray tag(const QString& text);

// A store's content, one line per table (name, rows and a hash of every row in key order), plus its schema and
// header pragmas. Read through a private QSQLITE connection; two equal fingerprints mean nothing changed.
QStringList fingerprint(const QString& databasePath);
// The tables every LoyaltyTill store has.
const QStringList& storeTables();

// "what\ncontext", for QVERIFY2 messages.
QByteArray why(const char* what, const QByteArray& context);

QByteArray readFileBytes(const QString& path);
bool writeFileBytes(const QString& path, const QByteArray& bytes);

// The loyalty card with the given serial ("29" + ten digits + check digit), and the same with a wrong check digit.
QString cardNumber(qint64 serial);
QString cardWithWrongCheckDigit(qint64 serial);

// Splits RFC 4180 CSV text into records of fields.
QList<QStringList> parseCsv(const QByteArray& text);

// Checks for a failed run: the exit code, a message on stderr, and with --json one JSON object whose "error" is an
// object with kind, message and the same exit code. Use through CLI_VERIFY_ERROR.
void verifyError(const CliRun& run, int expectedExitCode, bool expectJson = true);
// Checks for a successful run with --json: exit 0, one JSON object without "error". Use through CLI_VERIFY_OK.
void verifyOk(const CliRun& run);
// Checks a member object: id, E.164 phone, card (a valid card number or null), integer balance.
void verifyMemberShape(const QJsonObject& member);

} // namespace clitest

#define CLI_VERIFY_ERROR(run, code)                                                                                    \
    do {                                                                                                               \
        clitest::verifyError((run), (code));                                                                           \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

#define CLI_VERIFY_OK(run)                                                                                             \
    do {                                                                                                               \
        clitest::verifyOk(run);                                                                                        \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

#define CLI_VERIFY_MEMBER(object)                                                                                      \
    do {                                                                                                               \
        clitest::verifyMemberShape(object);                                                                            \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)
