// loyaltytill-admin setup as a real process: a real SQLite store in a temporary folder, the fake Square in this
// process over 127.0.0.1 (checking every request against Square's spec), and the real Secret Service of the test's
// keyring (tools/dev test's with_keyring).
#include "sync/square/CredentialStore.h"
#include "tests/cli/AdminProcess.h"
#include "tests/sync/FakeSquareServer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::AdminProcess;
using clitest::AdminRun;
using lt::test::FakeSquareServer;

namespace {
const QString Token = u"EAAAl-setup-secret-token"_s;
const QString Location = u"L-FAKE-0001"_s; // one of the fake program's locations
const QByteArray Pin = "2468";

QJsonObject check(const AdminRun& run, const QString& id)
{
    for (const QJsonValue& value : run.json.value(u"checks"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

QString step(const AdminRun& run, const QString& name)
{
    return run.json.value(u"steps"_s).toObject().value(name).toObject().value(u"done"_s).toString();
}
} // namespace

class TestCliSetup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fromNothingToReady();
    void twiceIsSafe();
    void badTokenKeepsNothing();
    void unknownLocationIsNotFound();
    void secretsNeverAsArguments();
    void missingInputCreatesNothing();
    void withoutSquare();
    void terminalAsksWithoutEcho();
    void interruptedPromptGivesTheEchoBack();

private:
    QString store() const { return m_dir.filePath(u"till.sqlite"_s); }
    AdminRun setup(const QStringList& options, const QByteArray& input) const;
    QStringList squareOptions() const { return {u"--environment"_s, m_server->baseUrl(), u"--location"_s, Location}; }
    bool tokenKept(const QString& location) const;
    void verifyNoSecret(const AdminRun& run) const;

    std::unique_ptr<QTemporaryDir> m_home;
    QTemporaryDir m_dir;
    std::unique_ptr<FakeSquareServer> m_server;
};

void TestCliSetup::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
}

void TestCliSetup::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
    QFile::remove(store());
    QDir(m_dir.filePath(u"backups"_s)).removeRecursively();
}

void TestCliSetup::cleanup()
{
    AdminProcess(m_home->path()).run({u"square"_s, u"disconnect"_s, u"--database"_s, store()});
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_server.reset();
}

AdminRun TestCliSetup::setup(const QStringList& options, const QByteArray& input) const
{
    return AdminProcess(m_home->path())
        .run(QStringList {u"setup"_s, u"--database"_s, store(), u"--json"_s} + options, input);
}

bool TestCliSetup::tokenKept(const QString& location) const
{
    return lt::CredentialStore().readTokenNow(m_server->baseUrl(), location).ok();
}

void TestCliSetup::verifyNoSecret(const AdminRun& run) const
{
    QVERIFY2(!run.out.contains(Token.toUtf8()) && !run.err.contains(Token.toUtf8()), run.describe().constData());
    QVERIFY2(!run.out.contains(Pin) && !run.err.contains(Pin), run.describe().constData());
}

// From no store at all to a till that is ready: the store, its first manager, Square, the first backup.
void TestCliSetup::fromNothingToReady()
{
    const AdminRun run = setup(squareOptions() << u"--manager"_s << u"Ana Front"_s, Pin + '\n' + Token.toUtf8() + '\n');
    QVERIFY2(run.finished && run.exitCode == 0 && run.jsonParsed, run.describe().constData());
    QCOMPARE(run.json.value(u"ready"_s).toBool(), true);
    QCOMPARE(step(run, u"store"_s), u"created"_s);
    QCOMPARE(step(run, u"manager"_s), u"added"_s);
    QCOMPARE(step(run, u"square"_s), u"connected"_s);
    QCOMPARE(step(run, u"backup"_s), u"written"_s);
    for (const QString& id : {u"manager"_s, u"database"_s, u"backups"_s, u"keychain"_s, u"square"_s})
        QVERIFY2(check(run, id).value(u"status"_s).toString() == u"ok"_s, run.describe().constData());
    verifyNoSecret(run);
    QVERIFY(QFileInfo(store()).isFile());
    QVERIFY(tokenKept(Location));

    // What the store now holds, as the other commands read it.
    const AdminProcess admin(m_home->path());
    const AdminRun staff = admin.run({u"staff"_s, u"--database"_s, store(), u"--json"_s});
    const QJsonArray members = staff.json.value(u"staff"_s).toArray();
    QCOMPARE(members.size(), 1);
    QCOMPARE(members.first().toObject().value(u"role"_s).toString(), u"manager"_s);
    QCOMPARE(members.first().toObject().value(u"name"_s).toString(), u"Ana Front"_s);
    const AdminRun status = admin.run({u"sync"_s, u"status"_s, u"--database"_s, store(), u"--json"_s});
    QCOMPARE(status.json.value(u"connected"_s).toBool(), true);
    QCOMPARE(status.json.value(u"location"_s).toString(), Location);
    QCOMPARE(m_server->requestCount(), 1); // the pairing's question; the check-up reports its answer
}

// A second run says what was already done and changes nothing; another location is refused while connected.
void TestCliSetup::twiceIsSafe()
{
    const QByteArray input = Pin + '\n' + Token.toUtf8() + '\n';
    QCOMPARE(setup(squareOptions() << u"--manager"_s << u"Ana"_s, input).exitCode, 0);
    const AdminRun again = setup(squareOptions() << u"--manager"_s << u"Ana"_s, input);
    QVERIFY2(again.exitCode == 0 && again.json.value(u"ready"_s).toBool(), again.describe().constData());
    QCOMPARE(step(again, u"store"_s), u"existing"_s);
    QCOMPARE(step(again, u"manager"_s), u"existing"_s);
    QCOMPARE(step(again, u"square"_s), u"existing"_s);
    QCOMPARE(step(again, u"backup"_s), u"existing"_s);
    const AdminRun staff = AdminProcess(m_home->path()).run({u"staff"_s, u"--database"_s, store(), u"--json"_s});
    QCOMPARE(staff.json.value(u"staff"_s).toArray().size(), 1);
    QVERIFY(tokenKept(Location));

    // Text, without --json: each step says it was already done.
    const AdminRun text = AdminProcess(m_home->path()).run({u"setup"_s, u"--database"_s, store()}, input);
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.out.contains("already there") && text.out.contains("already connected"), text.describe().constData());
    QVERIFY2(text.out.contains("Ready:"), text.describe().constData());
    verifyNoSecret(text);

    const AdminRun elsewhere = setup({u"--location"_s, u"other-location"_s}, input);
    QVERIFY2(elsewhere.exitCode == 4, elsewhere.describe().constData());
    QVERIFY(elsewhere.err.contains("disconnect"));
}

// Square refuses the token: nothing goes into the keychain or the store's connection; the message says why.
void TestCliSetup::badTokenKeepsNothing()
{
    const AdminRun run = setup(squareOptions() << u"--manager"_s << u"Ana"_s, Pin + "\nEAAAl-revoked-token\n");
    QVERIFY2(run.finished && run.exitCode == 4 && run.jsonParsed, run.describe().constData());
    QCOMPARE(run.json.value(u"error"_s).toObject().value(u"kind"_s).toString(), u"refused"_s);
    QCOMPARE(run.json.value(u"error"_s).toObject().value(u"exit_code"_s).toInt(), 4);
    QCOMPARE(run.json.value(u"ready"_s).toBool(), false);
    QVERIFY2(run.err.contains("401"), run.describe().constData());
    QCOMPARE(step(run, u"square"_s), u"failed"_s);
    const QJsonObject square = check(run, u"square"_s);
    QCOMPARE(square.value(u"status"_s).toString(), u"failed"_s);
    QVERIFY(!square.value(u"fix"_s).toString().isEmpty());
    QVERIFY(!run.out.contains("EAAAl-revoked-token") && !run.err.contains("EAAAl-revoked-token"));
    QVERIFY(!tokenKept(Location));
    const AdminRun status =
        AdminProcess(m_home->path()).run({u"sync"_s, u"status"_s, u"--database"_s, store(), u"--json"_s});
    QCOMPARE(status.json.value(u"connected"_s).toBool(), false);

    // The right token on a second run connects the store that the first one made.
    const AdminRun fixed = setup(squareOptions(), Pin + '\n' + Token.toUtf8() + '\n');
    QVERIFY2(fixed.exitCode == 0, fixed.describe().constData());
    QCOMPARE(step(fixed, u"manager"_s), u"existing"_s);
    QCOMPARE(step(fixed, u"square"_s), u"connected"_s);
}

void TestCliSetup::unknownLocationIsNotFound()
{
    const AdminRun run =
        setup({u"--environment"_s, m_server->baseUrl(), u"--location"_s, u"L-ELSEWHERE"_s, u"--manager"_s, u"Ana"_s},
              Pin + '\n' + Token.toUtf8() + '\n');
    QVERIFY2(run.exitCode == 3, run.describe().constData());
    QVERIFY2(run.err.contains("L-ELSEWHERE") && run.err.contains(Location.toUtf8()), run.describe().constData());
    QVERIFY(!tokenKept(u"L-ELSEWHERE"_s));
}

// The PIN and the token are refused as arguments (the process list and the shell history keep those), before
// anything is made.
void TestCliSetup::secretsNeverAsArguments()
{
    for (const QStringList& options : {QStringList {u"--token"_s, Token}, QStringList {u"--token="_s + Token},
                                       QStringList {u"--pin"_s, QString::fromLatin1(Pin)}}) {
        const AdminRun run = setup(squareOptions() + options << u"--manager"_s << u"Ana"_s, Pin + '\n');
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains("standard input"), run.describe().constData());
        QCOMPARE(run.json.value(u"error"_s).toObject().value(u"exit_code"_s).toInt(), 2);
        QVERIFY(!QFileInfo::exists(store()));
    }
    QCOMPARE(m_server->requestCount(), 0);
    const AdminRun help = AdminProcess(m_home->path()).run({u"setup"_s, u"--help"_s});
    QVERIFY2(help.exitCode == 0 && help.out.contains("standard input") && !help.out.contains("--token"),
             help.describe().constData());
}

void TestCliSetup::missingInputCreatesNothing()
{
    AdminRun run = setup(squareOptions() << u"--manager"_s << u"Ana"_s, QByteArray());
    QVERIFY2(run.exitCode == 2 && run.err.contains("PIN"), run.describe().constData());
    run = setup(squareOptions() << u"--manager"_s << u"Ana"_s, Pin + '\n');
    QVERIFY2(run.exitCode == 2 && run.err.contains("token"), run.describe().constData());
    run = setup(squareOptions(), Pin + '\n' + Token.toUtf8() + '\n'); // no --manager
    QVERIFY2(run.exitCode == 2 && run.err.contains("--manager"), run.describe().constData());
    run = setup(squareOptions() << u"--manager"_s << u"Ana"_s, "12\n" + Token.toUtf8() + '\n'); // too short
    QVERIFY2(run.exitCode == 2, run.describe().constData());
    run = setup({u"--manager"_s, u"Ana"_s}, Pin + '\n' + Token.toUtf8() + '\n'); // no --location
    QVERIFY2(run.exitCode == 2 && run.err.contains("--location"), run.describe().constData());
    QVERIFY(!QFileInfo::exists(store()));
    QCOMPARE(m_server->requestCount(), 0);
}

// --no-square: everything else is done; Square is reported as not ready, a warning.
void TestCliSetup::withoutSquare()
{
    const AdminRun run = setup({u"--no-square"_s, u"--manager"_s, u"Ana"_s}, Pin + '\n');
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(step(run, u"square"_s), u"skipped"_s);
    QCOMPARE(check(run, u"square"_s).value(u"status"_s).toString(), u"warning"_s);
    QCOMPARE(m_server->requestCount(), 0);
}

// At a terminal (here util-linux's `script`, which gives the program a pseudo-terminal), setup asks for the name,
// the PIN twice and the token, each when it needs it, and the secrets are not echoed.
void TestCliSetup::terminalAsksWithoutEcho()
{
    const QString command = QStringList {QStringLiteral(LOYALTYTILL_ADMIN),
                                         u"setup"_s,
                                         u"--database"_s,
                                         store(),
                                         u"--environment"_s,
                                         m_server->baseUrl(),
                                         u"--location"_s,
                                         Location}
                                .join(u' ');
    QProcess terminal;
    terminal.setProcessEnvironment(AdminProcess(m_home->path()).environment());
    terminal.setProcessChannelMode(QProcess::MergedChannels);
    terminal.start(u"script"_s, {u"-qec"_s, command, u"/dev/null"_s});
    QVERIFY2(terminal.waitForStarted(10000), qPrintable(terminal.errorString()));
    QByteArray seen;
    // Each answer only once its question is on the screen: the terminal drops what was typed ahead of a secret.
    const auto answer = [&](const QByteArray& question, const QByteArray& line) {
        const bool asked = QTest::qWaitFor(
            [&] {
                seen += terminal.readAll();
                return seen.contains(question);
            },
            30000);
        terminal.write(line + '\n');
        return asked;
    };
    QVERIFY2(answer("manager's name: ", "Bea Front"), seen.constData());
    QVERIFY2(answer("PIN (4 to 8 digits, not shown): ", Pin), seen.constData());
    QVERIFY2(answer("The PIN again: ", Pin), seen.constData());
    QVERIFY2(answer("(not shown): ", Token.toUtf8()), seen.constData());
    QVERIFY(QTest::qWaitFor([&] { return terminal.state() == QProcess::NotRunning; }, 60000));
    seen += terminal.readAll();
    QVERIFY2(terminal.exitCode() == 0, seen.constData());
    // The terminal echoes what is typed (the name shows after its question), but not the secrets.
    QVERIFY2(seen.contains("manager's name: Bea Front") && seen.contains("Ready:"), seen.constData());
    QVERIFY2(!seen.contains(Pin) && !seen.contains(Token.toUtf8()), seen.constData());
    QVERIFY(tokenKept(Location));
}

// Ctrl+C at the PIN prompt ends setup with nothing created, and the terminal echoes again: the shell that ran it
// (which ignores the interrupt, so that it lives to say) finds `echo` on, not `-echo`.
void TestCliSetup::interruptedPromptGivesTheEchoBack()
{
    const QString setup = QStringList {QStringLiteral(LOYALTYTILL_ADMIN),
                                       u"setup"_s,
                                       u"--database"_s,
                                       store(),
                                       u"--no-square"_s,
                                       u"--manager"_s,
                                       u"Bea"_s}
                              .join(u' ');
    QProcess terminal;
    terminal.setProcessEnvironment(AdminProcess(m_home->path()).environment());
    terminal.setProcessChannelMode(QProcess::MergedChannels);
    terminal.start(u"script"_s,
                   {u"-qec"_s, u"sh -c 'trap \"\" INT; %1; echo exit=$?; stty -a'"_s.arg(setup), u"/dev/null"_s});
    QVERIFY2(terminal.waitForStarted(10000), qPrintable(terminal.errorString()));
    QByteArray seen;
    const bool asked = QTest::qWaitFor(
        [&] {
            seen += terminal.readAll();
            return seen.contains("not shown): ");
        },
        30000);
    QVERIFY2(asked, seen.constData());
    terminal.write("\x03");
    QVERIFY(QTest::qWaitFor([&] { return terminal.state() == QProcess::NotRunning; }, 30000));
    seen += terminal.readAll();
    QVERIFY2(seen.contains("exit=130"), seen.constData()); // ended by SIGINT
    static const QRegularExpression echoOn(u"(^|\\s)echo(\\s|$)"_s, QRegularExpression::MultilineOption);
    QVERIFY2(QString::fromUtf8(seen).contains(echoOn), seen.constData());
    QVERIFY2(!seen.contains(" -echo "), seen.constData());
    QVERIFY(!QFileInfo::exists(store()));
}

QTEST_GUILESS_MAIN(TestCliSetup)
#include "tst_cli_setup.moc"
