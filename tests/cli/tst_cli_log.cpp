// The admin CLI's log as a real process: how much it writes at each log.level from IT's configuration, with
// QT_LOGGING_RULES winning; and, with every loyaltytill category on at debug, real flows (enroll, accrue, redeem,
// export, lookups, a Square connection and sync against the fake Square) whose log names no member, no staff and no
// secret: not a name, a phone number in any format, an e-mail, a card, a PIN or the access token.
#include "tests/cli/CliRunner.h"
#include "tests/sync/FakeSquareServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using lt::test::FakeSquareServer;
using namespace Qt::StringLiterals;

namespace {
// Each log record between markers, so that a record spanning lines is read whole and told from the operator's
// messages (which may name the member they are about).
const QByteArray Begin = "<<log ";
const QByteArray End = " log>>";

const QString Phone = u"+12125550143"_s;
const QString PhoneElsewhere = u"+12125550166"_s; // enrolled at Square's own POS, pulled by sync
const QString PhoneCorrected = u"+12125550177"_s; // the member's number after a correction
const QString ImportedName = u"Bartholomew Quaillinger"_s; // imported from the store's previous system, +12125550188
const QString Name = u"Quintessa Marblewick"_s;
const QString Email = u"quintessa.marblewick@example.org"_s;
const QString StaffName = u"Ottoline Vesperwood"_s;
const QByteArray Pin = "730419";
const QString Token = u"EAAAl-canary-token-7c1d9e"_s;

// Whatever would identify the member, the staff member or the store's Square account, as any of its parts.
QStringList canaries()
{
    return {u"2125550143"_s,
            u"212-555-0143"_s,
            u"(212) 555-0143"_s,
            u"212 555 0143"_s,
            u"555-0143"_s,
            u"5550143"_s,
            u"2125550166"_s,
            u"555-0166"_s,
            u"5550166"_s,
            u"Quintessa"_s,
            u"Marblewick"_s,
            u"quintessa"_s,
            u"example.org"_s,
            u"Ottoline"_s,
            u"Vesperwood"_s,
            QString::fromLatin1(Pin),
            Token,
            u"canary-token"_s,
            clitest::cardNumber(4242)};
}

void verifyNothingPersonal(const QList<QByteArray>& logged)
{
    for (const QByteArray& record : logged) {
        for (const QString& canary : canaries())
            QVERIFY2(!record.contains(canary.toUtf8()), QByteArray(canary.toUtf8() + " in: " + record).constData());
    }
}

QList<QByteArray> records(const QByteArray& err)
{
    QList<QByteArray> found;
    qsizetype at = 0;
    while ((at = err.indexOf(Begin, at)) >= 0) {
        const qsizetype end = err.indexOf(End, at);
        if (end < 0) {
            found << err.mid(at);
            break;
        }
        found << err.mid(at + Begin.size(), end - at - Begin.size());
        at = end + End.size();
    }
    return found;
}
} // namespace

class TestCliLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void quietBesideTheAnswerByDefault();
    void levelFromTheConfiguration();
    void itsRulesComeAfterTheLevel();
    void environmentRulesWin();
    void flowsLogNothingPersonal();
    void squareTokenIsNeverLogged();
    void setupAndDoctorLogNoSecret();

private:
    struct Run
    {
        QStringList arguments;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QByteArray describe() const
        {
            return "$ loyaltytill-admin " + arguments.join(u' ').toUtf8() + "\n exit " + QByteArray::number(exitCode)
                + "\n stdout: " + out.left(2000) + "\n stderr: " + err.left(4000);
        }
    };
    // The admin CLI on the test's store and configuration folder, with only the logging environment given here.
    Run admin(const QStringList& arguments, const QByteArray& input = {}, const QByteArray& loggingRules = {});
    QJsonObject json(const QStringList& arguments, const QByteArray& input = {});
    void writeConfig(const QByteArray& text);

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_log; // every run's stderr in the privacy tests
    QByteArrayList m_failures; // the flows' steps that did not succeed
};

void TestCliLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u"etc/conf.d"_s));
    m_log.clear();
    m_failures.clear();
    QCOMPARE(admin({u"init"_s}).exitCode, 0);
}

void TestCliLog::cleanup()
{
    m_dir.reset();
}

TestCliLog::Run TestCliLog::admin(const QStringList& arguments, const QByteArray& input, const QByteArray& loggingRules)
{
    Run run;
    run.arguments = arguments;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : {u"LOYALTYTILL_DATABASE"_s, u"QT_LOGGING_RULES"_s, u"QT_LOGGING_CONF"_s,
                                u"QT_MESSAGE_PATTERN"_s, u"LOYALTYTILL_LOG"_s, u"JOURNAL_STREAM"_s})
        environment.remove(name);
    environment.insert(u"LOYALTYTILL_DATABASE"_s, m_dir->filePath(u"store.db"_s));
    environment.insert(u"LOYALTYTILL_CONFIG_DIR"_s, m_dir->filePath(u"etc"_s));
    environment.insert(u"HOME"_s, m_dir->path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u".config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u".local/share"_s));
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"QT_MESSAGE_PATTERN"_s, QString::fromLatin1(Begin + "%{category} %{type}: %{message}" + End));
    if (!loggingRules.isEmpty())
        environment.insert(u"QT_LOGGING_RULES"_s, QString::fromLatin1(loggingRules));
    process.setProcessEnvironment(environment);
    process.start(clitest::adminPath(), arguments);
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    // Not waitForFinished(): the fake Square answers from this thread's event loop.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 120000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    m_log += run.err;
    return run;
}

QJsonObject TestCliLog::json(const QStringList& arguments, const QByteArray& input)
{
    const Run run = admin(clitest::withOptions(arguments, {u"--json"_s}), input, "loyaltytill.*=true");
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    if (run.exitCode != 0 || object.value(u"error"_s).isObject())
        m_failures << run.describe();
    return object;
}

void TestCliLog::writeConfig(const QByteArray& text)
{
    QFile file(m_dir->filePath(u"etc/conf.d/50-log.conf"_s));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

void TestCliLog::quietBesideTheAnswerByDefault()
{
    // log.level is info by default; beside the answer, in a pipe as here, info and debug stay out.
    const Run run = admin({u"enroll"_s, u"--phone"_s, u"2125550101"_s});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY2(records(run.err).isEmpty(), run.describe().constData());
    const Run synced = admin({u"sync"_s, u"status"_s});
    QVERIFY2(records(synced.err).isEmpty(), synced.describe().constData());
}

void TestCliLog::levelFromTheConfiguration()
{
    writeConfig("log.level = debug\n");
    const Run run = admin({u"enroll"_s, u"--phone"_s, u"2125550101"_s});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QList<QByteArray> logged = records(run.err);
    QVERIFY2(logged.contains("loyaltytill.admin debug: running enroll"), run.describe().constData());
    QVERIFY2(logged.contains("loyaltytill.core.services debug: enrolled member 1"), run.describe().constData());

    writeConfig("log.level = warning\n");
    const Run quiet = admin({u"enroll"_s, u"--phone"_s, u"2125550102"_s});
    QVERIFY2(quiet.exitCode == 0 && records(quiet.err).isEmpty(), quiet.describe().constData());
}

void TestCliLog::itsRulesComeAfterTheLevel()
{
    writeConfig("log.level = warning\nlog.rules = loyaltytill.admin.debug=true\n");
    const Run run = admin({u"enroll"_s, u"--phone"_s, u"2125550101"_s});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QList<QByteArray> logged = records(run.err);
    QVERIFY2(logged.contains("loyaltytill.admin debug: running enroll"), run.describe().constData());
    for (const QByteArray& record : logged)
        QVERIFY2(record.startsWith("loyaltytill.admin "), run.describe().constData());
}

void TestCliLog::environmentRulesWin()
{
    writeConfig("log.level = debug\n");
    const Run run = admin({u"enroll"_s, u"--phone"_s, u"2125550101"_s}, {}, "loyaltytill.*.debug=false");
    QVERIFY2(run.exitCode == 0 && records(run.err).isEmpty(), run.describe().constData());
}

void TestCliLog::flowsLogNothingPersonal()
{
    const QString card = clitest::cardNumber(4242);
    json({u"staff"_s, u"add"_s, u"--name"_s, StaffName, u"--role"_s, u"manager"_s, u"--pin-stdin"_s}, Pin + '\n');
    const QJsonObject enrolled = json({u"enroll"_s, u"--phone"_s, u"(212) 555-0143"_s, u"--name"_s, Name, u"--email"_s,
                                       Email, u"--birthday"_s, u"1984-07-19"_s, u"--card"_s, card, u"--consent"_s});
    const QString member = QString::number(enrolled.value(u"member"_s).toObject().value(u"id"_s).toInteger());
    QVERIFY2(member != u"0"_s, QJsonDocument(enrolled).toJson().constData());
    json({u"accrue"_s, u"--phone"_s, u"212-555-0143"_s, u"--sale"_s, u"R-1"_s, u"--amount"_s, u"250.00"_s});
    json({u"accrue"_s, u"--card"_s, card, u"--sale"_s, u"R-2"_s, u"--amount"_s, u"40.00"_s});
    json({u"redeem"_s, u"--phone"_s, u"2125550143"_s, u"--reward"_s, u"five-off"_s, u"--sale"_s, u"R-3"_s});
    json({u"refund"_s, u"--sale"_s, u"R-2"_s});
    json({u"adjust"_s, u"--phone"_s, Phone, u"--points"_s, u"+25"_s, u"--reason"_s, u"Birthday cake for Quintessa"_s});
    json({u"adjustments"_s});
    json({u"lookup"_s, Phone});
    json({u"lookup"_s, u"Quintessa"_s});
    json({u"lookup"_s, u"quintessa.marb"_s});
    json({u"lookup"_s, card});
    json({u"members"_s, u"Marblewick"_s});
    json({u"history"_s, member});
    json({u"card"_s, member});
    json({u"export"_s, u"--format"_s, u"csv"_s});
    json({u"export"_s, u"--format"_s, u"json"_s, u"--member"_s, member});
    json({u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s, m_dir->filePath(u"members.csv"_s)});
    json({u"staff"_s, u"list"_s});
    json({u"automations"_s, u"run"_s});
    json({u"check"_s});
    // From the store's previous system: one good row, one bad (the import reports it to the operator).
    QVERIFY(clitest::writeFileBytes(m_dir->filePath(u"members.import.csv"_s),
                                    "phone,name,email,birthday,card,consent,balance\n"
                                    "(212) 555-0188,Bartholomew Quaillinger,bq.canary@example.org,,,yes,40\n"
                                    "212-555-01,Bartholomew Quaillinger,,,,no,0\n"));
    json({u"import"_s, u"--skip-bad-rows"_s, m_dir->filePath(u"members.import.csv"_s)});
    json({u"phone"_s, member, PhoneCorrected});
    json({u"lookup"_s, u"Bartholomew"_s});
    json({u"backup"_s}); // into the backup folder, kept per backup.keep
    // Refused or not found: the operator's message may name what was typed; the log may not.
    admin({u"enroll"_s, u"--phone"_s, Phone}, {}, "loyaltytill.*=true");
    admin({u"lookup"_s, u"2125550166"_s}, {}, "loyaltytill.*=true");
    admin({u"accrue"_s, u"--phone"_s, u"(212) 555-0166"_s, u"--sale"_s, u"R-9"_s, u"--amount"_s, u"1"_s}, {},
          "loyaltytill.*=true");

    QVERIFY2(m_failures.isEmpty(), m_failures.join("\n").constData());
    const QList<QByteArray> logged = records(m_log);
    // The log could fail this test: it has the flows' lines.
    QVERIFY2(logged.size() >= 20, m_log.constData());
    for (const QByteArray& expected : {QByteArray("loyaltytill.admin debug: running enroll"),
                                       QByteArray("loyaltytill.core.services debug: enrolled member"),
                                       QByteArray("loyaltytill.core.services debug: member 1 redeemed"),
                                       QByteArray("loyaltytill.core.backup debug: backup written")}) {
        bool seen = false;
        for (const QByteArray& record : logged)
            seen = seen || record.startsWith(expected);
        QVERIFY2(seen, QByteArray(expected + " is not in the log:\n" + m_log).constData());
    }
    verifyNothingPersonal(logged);
}

void TestCliLog::squareTokenIsNeverLogged()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    FakeSquareServer square;
    square.setAccessToken(Token);
    QVERIFY(square.listen());
    json({u"enroll"_s, u"--phone"_s, Phone, u"--name"_s, Name, u"--email"_s, Email});
    json({u"accrue"_s, u"--phone"_s, Phone, u"--sale"_s, u"R-1"_s, u"--amount"_s, u"120.00"_s});
    const QStringList connect = {u"square"_s,     u"connect"_s,     u"--environment"_s, square.baseUrl(),
                                 u"--location"_s, u"L-FAKE-0001"_s, u"--token-stdin"_s};
    admin(connect, "EAAAl-canary-token-wrong\n", "loyaltytill.*=true"); // refused by Square or not: never logged
    json(connect, Token.toUtf8() + '\n');
    // Square's POS enrolled someone else: sync pulls the account by its phone number.
    const QString account = square.enrollElsewhere(PhoneElsewhere);
    square.accumulateElsewhere(account, 30);
    square.addFault({FakeSquareServer::Fault::RateLimited, 1, u"accumulate"_s});
    square.addFault({FakeSquareServer::Fault::ServerError, 1, u"search"_s});
    json({u"sync"_s, u"--once"_s});
    json({u"sync"_s, u"--once"_s});
    json({u"sync"_s, u"status"_s});
    json({u"lookup"_s, PhoneElsewhere});
    // A pass logs what it did at info: in the journal, not beside the command's answer.
    const Run quiet = admin({u"sync"_s, u"--once"_s});
    QVERIFY2(quiet.exitCode == 0 && records(quiet.err).isEmpty(), quiet.describe().constData());
    json({u"square"_s, u"disconnect"_s});
    QVERIFY2(m_failures.isEmpty(), m_failures.join("\n").constData());
    QVERIFY2(square.requestCount() > 3, m_log.constData());

    const QList<QByteArray> logged = records(m_log);
    QVERIFY2(logged.size() >= 10, m_log.constData());
    bool passLogged = false;
    for (const QByteArray& record : logged)
        passLogged = passLogged || record.startsWith("loyaltytill.sync info: sync pass:");
    QVERIFY2(passLogged, m_log.constData());
    // Not even the operator's messages carry the token.
    QVERIFY2(!m_log.contains(Token.toUtf8()) && !m_log.contains("canary-token"), m_log.constData());
    verifyNothingPersonal(logged);
}

void TestCliLog::setupAndDoctorLogNoSecret()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    FakeSquareServer square;
    square.setAccessToken(Token);
    QVERIFY(square.listen());
    // The PIN and the token on standard input, as IT's script gives them.
    const Run paired = admin({u"setup"_s, u"--json"_s, u"--manager"_s, StaffName, u"--environment"_s, square.baseUrl(),
                              u"--location"_s, u"L-FAKE-0001"_s},
                             Pin + '\n' + Token.toUtf8() + '\n', "loyaltytill.*=true");
    QVERIFY2(paired.exitCode == 0 || paired.exitCode == 1, paired.describe().constData()); // 1: a check failed
    const Run checked = admin({u"doctor"_s, u"--json"_s}, {}, "loyaltytill.*=true");
    QVERIFY2(checked.exitCode == 0 || checked.exitCode == 1, checked.describe().constData());
    json({u"square"_s, u"disconnect"_s});
    QVERIFY2(m_failures.isEmpty(), m_failures.join("\n").constData());

    const QList<QByteArray> logged = records(m_log);
    bool pairingLogged = false;
    for (const QByteArray& record : logged)
        pairingLogged = pairingLogged || record.startsWith("loyaltytill.sync.square info: paired with Square");
    QVERIFY2(pairingLogged && logged.contains("loyaltytill.admin debug: running setup")
                 && logged.contains("loyaltytill.admin debug: running doctor"),
             m_log.constData());
    QVERIFY2(!m_log.contains(Token.toUtf8()) && !m_log.contains(Pin), m_log.constData());
    verifyNothingPersonal(logged);
}

QTEST_GUILESS_MAIN(TestCliLog)
#include "tst_cli_log.moc"
