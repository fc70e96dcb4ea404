// loyaltytill-admin doctor as a real process: a real SQLite store in a temporary folder, IT's configuration folder
// of the test's own, the fake Square in this process over 127.0.0.1, and the real Secret Service of the test's
// keyring (tools/dev test's with_keyring).
#include "tests/cli/AdminProcess.h"
#include "tests/sync/FakeSquareServer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::AdminProcess;
using clitest::AdminRun;
using lt::test::FakeSquareServer;

namespace {
const QString Token = u"EAAAl-doctor-secret-token"_s;
const QString Location = u"L-FAKE-0001"_s;

// Every check doctor runs, in its order.
const QStringList& allChecks()
{
    static const QStringList ids = {u"database"_s,   u"keychain"_s,     u"square"_s,  u"scanner"_s, u"printer"_s,
                                    u"disk.store"_s, u"disk.backups"_s, u"backups"_s, u"clock"_s,   u"config"_s};
    return ids;
}

QJsonObject check(const AdminRun& run, const QString& id)
{
    for (const QJsonValue& value : run.json.value(u"checks"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

QString status(const AdminRun& run, const QString& id)
{
    return check(run, id).value(u"status"_s).toString();
}
} // namespace

class TestCliDoctor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void healthyStorePasses();
    void jsonShape();
    void brokenConfigNamesFileAndLine();
    void noBackupsFails();
    void unreachableSquare();
    void missingScannerDevice();
    void noStoreIsNotCreated();
    void textTable();

private:
    QString store() const { return m_dir->filePath(u"till.sqlite"_s); }
    AdminProcess admin() const { return AdminProcess(m_dir->path()); }
    AdminRun doctor(bool json = true) const;
    // A store set up as IT would: manager, Square (unless not), first backup.
    void setUp(bool square = true);
    // doctor's own failures are its checks': exit 1, "ok" false, and the failed ids listed.
    void verifyFailed(const AdminRun& run, const QString& id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeSquareServer> m_server;
};

void TestCliDoctor::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
}

void TestCliDoctor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
}

void TestCliDoctor::cleanup()
{
    admin().run({u"square"_s, u"disconnect"_s, u"--database"_s, store()});
    m_server.reset();
    m_dir.reset();
}

AdminRun TestCliDoctor::doctor(bool json) const
{
    QStringList arguments {u"doctor"_s, u"--database"_s, store()};
    if (json)
        arguments << u"--json"_s;
    return admin().run(arguments);
}

void TestCliDoctor::setUp(bool square)
{
    QStringList arguments {u"setup"_s, u"--database"_s, store(), u"--manager"_s, u"Ana"_s};
    arguments << (square ? QStringList {u"--environment"_s, m_server->baseUrl(), u"--location"_s, Location}
                         : QStringList {u"--no-square"_s});
    const AdminRun run = admin().run(arguments, "2468\n" + Token.toUtf8() + '\n');
    QVERIFY2(run.exitCode == 0, run.describe().constData());
}

void TestCliDoctor::verifyFailed(const AdminRun& run, const QString& id)
{
    QVERIFY2(run.finished && run.exitCode == 1 && run.jsonParsed, run.describe().constData());
    QCOMPARE(run.json.value(u"ok"_s).toBool(), false);
    QVERIFY2(run.json.value(u"failed"_s).toArray().contains(QJsonValue(id)), run.describe().constData());
    QCOMPARE(status(run, id), u"failed"_s);
    QVERIFY2(!check(run, id).value(u"fix"_s).toString().isEmpty(), run.describe().constData());
    QCOMPARE(run.json.value(u"error"_s).toObject().value(u"exit_code"_s).toInt(), 1);
    QVERIFY2(run.err.contains(id.toUtf8()), run.describe().constData());
    QVERIFY2(!run.out.contains(Token.toUtf8()) && !run.err.contains(Token.toUtf8()), run.describe().constData());
}

// Right after setup, every check passes; the printer and disk space may only warn on a build machine.
void TestCliDoctor::healthyStorePasses()
{
    setUp();
    const AdminRun run = doctor();
    QVERIFY2(run.finished && run.exitCode == 0 && run.jsonParsed, run.describe().constData());
    QCOMPARE(run.json.value(u"ok"_s).toBool(), true);
    QVERIFY(run.json.value(u"failed"_s).toArray().isEmpty());
    QVERIFY(!run.json.contains(u"error"_s));
    for (const QString& id :
         {u"database"_s, u"keychain"_s, u"square"_s, u"scanner"_s, u"backups"_s, u"clock"_s, u"config"_s})
        QVERIFY2(status(run, id) == u"ok"_s, qPrintable(id + u"\n"_s + QString::fromUtf8(run.describe())));
    QVERIFY(!run.out.contains(Token.toUtf8()) && !run.err.contains(Token.toUtf8()));
    QCOMPARE(m_server->requestCount(), 2); // setup's question and doctor's
}

void TestCliDoctor::jsonShape()
{
    setUp(false);
    const AdminRun run = doctor();
    QVERIFY2(run.jsonParsed, run.describe().constData());
    QCOMPARE(run.json.value(u"database"_s).toString(), store());
    QVERIFY(run.json.value(u"ok"_s).isBool());
    QVERIFY(run.json.value(u"failed"_s).isArray() && run.json.value(u"warnings"_s).isArray());
    const QJsonArray checks = run.json.value(u"checks"_s).toArray();
    QStringList ids;
    for (const QJsonValue& value : checks) {
        const QJsonObject object = value.toObject();
        ids << object.value(u"id"_s).toString();
        for (const QString& key : {u"title"_s, u"status"_s, u"found"_s, u"fix"_s})
            QVERIFY2(object.value(key).isString(), qPrintable(key));
        QVERIFY(object.value(u"details"_s).isArray());
        QVERIFY(QStringList({u"ok"_s, u"warning"_s, u"failed"_s}).contains(object.value(u"status"_s).toString()));
        QVERIFY(!object.value(u"found"_s).toString().isEmpty());
        QCOMPARE(object.value(u"fix"_s).toString().isEmpty(), object.value(u"status"_s).toString() == u"ok"_s);
    }
    QCOMPARE(ids, allChecks());
    QCOMPARE(status(run, u"square"_s), u"warning"_s); // not connected
}

// A line IT got wrong is named with its file and line; the check fails.
void TestCliDoctor::brokenConfigNamesFileAndLine()
{
    setUp(false);
    const QString file = admin().writeConf(u"20-till.conf"_s, "till.name = Front\nbackup.keep = lots\n");
    const AdminRun run = doctor();
    verifyFailed(run, u"config"_s);
    const QJsonArray details = check(run, u"config"_s).value(u"details"_s).toArray();
    QCOMPARE(details.size(), 1);
    QVERIFY2(details.first().toString().startsWith(file + u":2: "_s), run.describe().constData());
}

void TestCliDoctor::noBackupsFails()
{
    QCOMPARE(admin().run({u"init"_s, u"--database"_s, store()}).exitCode, 0);
    const AdminRun run = doctor();
    verifyFailed(run, u"backups"_s);
    QVERIFY(check(run, u"backups"_s).value(u"fix"_s).toString().contains(u"loyaltytill-admin backup"_s));
    QCOMPARE(status(run, u"database"_s), u"ok"_s);
    // A backup mends it.
    QCOMPARE(admin().run({u"backup"_s, u"--database"_s, store()}).exitCode, 0);
    QCOMPARE(status(doctor(), u"backups"_s), u"ok"_s);
}

// Square's port closed: the token is still read from the keychain, Square does not answer.
void TestCliDoctor::unreachableSquare()
{
    setUp();
    m_server.reset();
    const AdminRun run = doctor();
    verifyFailed(run, u"square"_s);
    QCOMPARE(status(run, u"keychain"_s), u"ok"_s);
    QVERIFY2(check(run, u"square"_s).value(u"found"_s).toString().contains(u"did not answer"_s),
             run.describe().constData());
    QVERIFY(check(run, u"square"_s).value(u"fix"_s).toString().contains(u"127.0.0.1"_s));
    m_server = std::make_unique<FakeSquareServer>(); // for cleanup()
}

void TestCliDoctor::missingScannerDevice()
{
    setUp(false);
    admin().writeConf(u"30-scanner.conf"_s, "scanner.serial_port = /dev/ttyLOYALTYTILL-NONE\n");
    const AdminRun run = doctor();
    verifyFailed(run, u"scanner"_s);
    QVERIFY(check(run, u"scanner"_s).value(u"found"_s).toString().contains(u"/dev/ttyLOYALTYTILL-NONE"_s));
}

void TestCliDoctor::noStoreIsNotCreated()
{
    const AdminRun run = doctor();
    verifyFailed(run, u"database"_s);
    QVERIFY(check(run, u"database"_s).value(u"fix"_s).toString().contains(u"setup"_s));
    QVERIFY(!QFileInfo::exists(store()));
}

void TestCliDoctor::textTable()
{
    setUp(false);
    admin().writeConf(u"30-scanner.conf"_s, "scanner.serial_port = /dev/ttyLOYALTYTILL-NONE\n");
    const AdminRun run = doctor(false);
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    QVERIFY2(run.out.contains("FAILED") && run.out.contains("fix: Plug the scanner in"), run.describe().constData());
    QVERIFY2(run.out.contains("NOT OK"), run.describe().constData());
    QVERIFY(!run.jsonParsed);
}

QTEST_GUILESS_MAIN(TestCliDoctor)
#include "tst_cli_doctor.moc"
