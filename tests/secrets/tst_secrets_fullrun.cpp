// A store's whole life in a home of its own: members enrolled and imported with known phone numbers, sales,
// redemptions and refunds, Square connected with a canary access token (the keyring) and synced over loopback against
// the fake Square, the wallet keys stored and a member's passes made, backups, exports, reports, a slip and a card
// sheet as PDF, and the till started offscreen on the
// same store, where it reads the token and syncs too. Every program runs with every loyaltytill category at debug, and
// is started with umask 000, so that only the program's own care keeps its files private. Then every file under the
// home, and everything the programs printed, is scanned:
// - the token, in any encoding, and the wallet keys' private halves are nowhere (files, logs, answers);
// - the phone numbers, in any written form, are only in the store (and its WAL), the backups and the exports the run
//   asked for; never in a log, a setting, a report PDF, or the answer of a routine command;
// - every file is its owner's alone (no bit for group or others) and every folder too, all owned by this user; the
// files
//   are scanned while the till runs (its write-ahead log and shared memory are there then) and at the end.
#include "tests/secrets/SecretScan.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using lt::test::FakeSquareServer;
using namespace Qt::StringLiterals;

namespace {

const QString Token = u"EAAAl-canary-Tok3n-7c1d9e42fb"_s;
// Enrolled at the till (typed as a cashier types it), imported from the previous system (two ways of writing), and
// enrolled at Square's own POS (pulled by sync).
const QString Enrolled = u"+12125550143"_s;
const QString ImportedSpaced = u"+12125550188"_s;
const QString ImportedDotted = u"+12125550199"_s;
const QString Elsewhere = u"+12125550166"_s;

struct Run
{
    QStringList arguments;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool answersAboutMembers = false; // its answer is a member's data: enroll, lookup, export to stdout

    QByteArray describe() const
    {
        return "$ " + arguments.join(u' ').toUtf8() + "\n exit " + QByteArray::number(exitCode)
            + "\n stdout: " + out.left(3000) + "\n stderr: " + err.left(3000);
    }
};

} // namespace

class TestFullRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void canariesAreFoundInEveryForm();
    void fullRunLeavesNoSecretAndNoStrayPhone();

private:
    enum class Answer { Routine, AboutMembers };
    QProcessEnvironment environment() const;
    Run admin(const QStringList& arguments, const QByteArray& input = {}, Answer answer = Answer::Routine);
    void ok(const QStringList& arguments, const QByteArray& input = {}, Answer answer = Answer::Routine);
    void writePrivate(const QString& path, const QByteArray& content);
    void runTill();
    QString exported(const QString& name);
    // Every file and folder under the run's root: private, this user's, no secret, phones only where allowed.
    void scanFiles(const char* when);
    QList<secrettest::Canary> secrets() const;
    QList<secrettest::Canary> phones() const;

    QTemporaryDir m_root;
    std::unique_ptr<FakeSquareServer> m_square;
    lt::test::WalletTestKeys m_walletKeys; // outside the run's root: they are the operator's files
    QList<Run> m_runs;
    QStringList m_exports; // the files the run asked for with members' data in them
    QByteArrayList m_failures;
    QString m_importFile; // the test's own input
    int m_filesScanned = 0;
};

void TestFullRun::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    QVERIFY(m_root.isValid());
    for (const QString& folder : {u"home"_s, u"home/.config"_s, u"home/.local/share"_s, u"home/.cache"_s,
                                  u"home/.local/state"_s, u"tmp"_s, u"etc/conf.d"_s, u"exports"_s, u"incoming"_s}) {
        QVERIFY(QDir(m_root.path()).mkpath(folder));
    }
    // The test's own folders are private too, so that whatever is found open is the programs' doing.
    for (const secrettest::Entry& entry : secrettest::walk(m_root.path()))
        QVERIFY(::chmod(QFile::encodeName(entry.path).constData(), 0700) == 0);
    writePrivate(m_root.filePath(u"etc/conf.d/50-log.conf"_s), "log.level = debug\n");
    m_square = std::make_unique<FakeSquareServer>();
    m_square->setAccessToken(Token);
    QVERIFY(m_square->listen());
}

void TestFullRun::cleanupTestCase()
{
    if (!m_square)
        return;
    // The session's keyring outlives the test.
    admin({u"square"_s, u"disconnect"_s});
    admin({u"wallet"_s, u"keys"_s, u"--remove"_s, u"google"_s});
    admin({u"wallet"_s, u"keys"_s, u"--remove"_s, u"apple"_s});
}

QProcessEnvironment TestFullRun::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : {u"LOYALTYTILL_DATABASE"_s, u"QT_LOGGING_CONF"_s, u"QT_MESSAGE_PATTERN"_s,
                                u"JOURNAL_STREAM"_s, u"XDG_RUNTIME_DIR"_s})
        environment.remove(name);
    const QString home = m_root.filePath(u"home"_s);
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    environment.insert(u"XDG_STATE_HOME"_s, home + u"/.local/state"_s);
    environment.insert(u"TMPDIR"_s, m_root.filePath(u"tmp"_s));
    environment.insert(u"LOYALTYTILL_CONFIG_DIR"_s, m_root.filePath(u"etc"_s));
    environment.insert(u"LOYALTYTILL_LOG"_s, u"stderr"_s); // where the test reads it
    environment.insert(u"QT_LOGGING_RULES"_s, u"loyaltytill.*=true"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return environment;
}

Run TestFullRun::admin(const QStringList& arguments, const QByteArray& input, Answer answer)
{
    Run run;
    run.arguments = QStringList {u"loyaltytill-admin"_s} + arguments;
    run.answersAboutMembers = answer == Answer::AboutMembers;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_root.filePath(u"home"_s));
    process.setChildProcessModifier([] { ::umask(0); }); // the most open a session could give it
    process.start(QStringLiteral(LOYALTYTILL_ADMIN), arguments);
    if (process.waitForStarted(10000)) {
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
    }
    m_runs << run;
    return run;
}

void TestFullRun::ok(const QStringList& arguments, const QByteArray& input, Answer answer)
{
    const Run run = admin(arguments, input, answer);
    if (run.exitCode != 0)
        m_failures << run.describe();
}

void TestFullRun::writePrivate(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(file.write(content), content.size());
}

QString TestFullRun::exported(const QString& name)
{
    m_exports << m_root.filePath(u"exports/"_s + name);
    return m_exports.last();
}

// The scan finds what it looks for, however it was written down: the full run's silence means something.
void TestFullRun::canariesAreFoundInEveryForm()
{
    const QList<secrettest::Canary> token = secrettest::tokenForms(Token);
    const QByteArray header = "Authorization: Bearer " + Token.toUtf8();
    for (int pad = 0; pad < 3; ++pad) {
        const QByteArray padded = QByteArray(pad, ' ') + header;
        QVERIFY(!secrettest::found(padded.toBase64(), token).isEmpty());
        QVERIFY(!secrettest::found(padded.toBase64(QByteArray::Base64UrlEncoding), token).isEmpty());
    }
    QVERIFY(!secrettest::found(header.toHex(), token).isEmpty());
    QVERIFY(!secrettest::found("t=" + QUrl::toPercentEncoding(Token), token).isEmpty());
    const QString inText = u"{\"token\":\"%1\"}"_s.arg(Token);
    QVERIFY(!secrettest::found(QByteArray(reinterpret_cast<const char*>(inText.utf16()), inText.size() * 2), token)
                 .isEmpty());
    const QList<secrettest::Canary> phone = secrettest::phoneForms(Enrolled);
    for (const char* written : {"call (212) 555-0143 today", "212.555.0143", "\"phone\":\"+12125550143\"",
                                "+1 212 555 0143", "tel 2125550143", "ext 555-0143"})
        QVERIFY2(!secrettest::found(written, phone).isEmpty(), written);
    QVERIFY(secrettest::found("member 143 at 2026-11-30 12:55:50", phone + token).isEmpty());
}

// The till on the same store, offscreen, as long as it takes to start, read the token and sync once; then ended as a
// power cut would.
void TestFullRun::runTill()
{
    const qint64 requests = m_square->requestCount();
    QProcess till;
    till.setProcessEnvironment(environment());
    till.setWorkingDirectory(m_root.filePath(u"home"_s));
    till.setChildProcessModifier([] { ::umask(0); });
    till.start(QStringLiteral(LOYALTYTILL_TILL), {});
    QVERIFY(till.waitForStarted(10000));
    const bool synced = QTest::qWaitFor([&] { return m_square->requestCount() > requests; }, 30000);
    QTest::qWait(2000); // the rest of its pass, and its first backup check
    scanFiles("while the till runs"); // its write-ahead log and shared memory are there now
    const bool running = till.state() == QProcess::Running;
    till.kill();
    till.waitForFinished(10000);
    Run run;
    run.arguments = {u"loyaltytill"_s};
    run.exitCode = running ? 0 : till.exitCode();
    run.out = till.readAllStandardOutput();
    run.err = till.readAllStandardError();
    m_runs << run;
    QVERIFY2(running, run.describe().constData());
    QVERIFY2(synced, QByteArray("The till did not reach Square:\n" + run.describe()).constData());
}

void TestFullRun::fullRunLeavesNoSecretAndNoStrayPhone()
{
    // The store, its first manager, members typed at the till and imported from the previous system.
    ok({u"init"_s});
    ok({u"staff"_s, u"add"_s, u"--name"_s, u"Ottoline"_s, u"--role"_s, u"manager"_s, u"--pin-stdin"_s}, "730419\n");
    ok({u"enroll"_s, u"--phone"_s, u"(212) 555-0143"_s, u"--name"_s, u"Quintessa Marblewick"_s, u"--email"_s,
        u"quintessa@example.org"_s, u"--consent"_s},
       {}, Answer::AboutMembers);
    const QString csv = m_root.filePath(u"incoming/members.csv"_s);
    m_importFile = csv;
    writePrivate(csv,
                 "phone,name,email,birthday,card,consent,balance\n"
                 "+1 212 555 0188,Bartholomew Quaillinger,bq@example.org,1980-02-03,,yes,40\n"
                 "212.555.0199,Philippa Sturgeon,,,,no,0\n");
    ok({u"import"_s, csv});
    // Sales, a redemption and a refund, by phone as a cashier scans or types it.
    ok({u"accrue"_s, u"--phone"_s, u"212-555-0143"_s, u"--sale"_s, u"R-1"_s, u"--amount"_s, u"250.00"_s});
    ok({u"accrue"_s, u"--phone"_s, ImportedSpaced, u"--sale"_s, u"R-2"_s, u"--amount"_s, u"40.00"_s});
    ok({u"accrue"_s, u"--phone"_s, u"2125550199"_s, u"--sale"_s, u"R-3"_s, u"--amount"_s, u"12.00"_s});
    ok({u"redeem"_s, u"--phone"_s, Enrolled, u"--reward"_s, u"five-off"_s, u"--sale"_s, u"R-4"_s});
    ok({u"refund"_s, u"--sale"_s, u"R-2"_s});
    ok({u"card"_s, u"1"_s}, {}, Answer::AboutMembers);
    // Square: the token on standard input into the keyring, a member enrolled at Square's POS, two passes.
    ok({u"square"_s, u"connect"_s, u"--environment"_s, m_square->baseUrl(), u"--location"_s, u"L-FAKE-0001"_s,
        u"--token-stdin"_s},
       Token.toUtf8() + '\n');
    const QString account = m_square->enrollElsewhere(Elsewhere);
    m_square->accumulateElsewhere(account, 30);
    ok({u"sync"_s, u"--once"_s});
    ok({u"sync"_s, u"--once"_s});
    ok({u"sync"_s, u"status"_s, u"--json"_s});
    ok({u"lookup"_s, Elsewhere}, {}, Answer::AboutMembers);
    // Backups, exports, reports, a slip and a card sheet.
    ok({u"backup"_s});
    ok({u"backup"_s, exported(u"copy.sqlite"_s)});
    ok({u"backup"_s, u"--list"_s});
    ok({u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s, exported(u"members.csv"_s)});
    ok({u"export"_s, u"--format"_s, u"json"_s, u"--member"_s, u"1"_s, u"--output"_s, exported(u"member-1.json"_s)});
    ok({u"report"_s, u"summary"_s, u"--csv"_s, exported(u"summary.csv"_s)});
    ok({u"report"_s, u"segments"_s, u"--csv"_s, exported(u"segments.csv"_s)});
    ok({u"report"_s, u"pdf"_s, u"--output"_s, exported(u"report.pdf"_s)});
    ok({u"slip"_s, u"R-1"_s, u"--printer"_s, u"pdf:"_s + exported(u"slip.pdf"_s)});
    ok({u"cards"_s, u"--members"_s, u"1"_s, u"--output"_s, exported(u"cards.pdf"_s)});
    // The store's wallet keys into the keyring, a member's Apple pass and Google link.
    QVERIFY2(m_walletKeys.problem().isEmpty(), qPrintable(m_walletKeys.problem()));
    ok({u"settings"_s, u"store.name"_s, u"Corner Deli"_s});
    ok({u"settings"_s, u"wallet.google.issuer_id"_s, lt::test::WalletTestKeys::IssuerId});
    ok({u"settings"_s, u"wallet.apple.pass_type_id"_s, lt::test::WalletTestKeys::PassTypeId});
    ok({u"wallet"_s, u"keys"_s, u"--google-service-account"_s, m_walletKeys.path(u"google.json"_s),
        u"--apple-certificate"_s, m_walletKeys.path(u"pass.pem"_s), u"--apple-key"_s, m_walletKeys.path(u"pass.key"_s),
        u"--apple-wwdr"_s, m_walletKeys.path(u"ca.der"_s)});
    ok({u"wallet"_s, u"status"_s});
    ok({u"wallet"_s, u"1"_s, u"--apple"_s, exported(u"member-1.pkpass"_s)});
    ok({u"wallet"_s, u"1"_s, u"--google"_s}, {}, Answer::AboutMembers); // the link is the member's own
    ok({u"automations"_s, u"run"_s});
    ok({u"check"_s});
    ok({u"config"_s});
    ok({u"audit"_s});
    admin({u"doctor"_s}); // its verdict depends on the machine (printers, clock): only its output is scanned
    runTill();
    ok({u"check"_s});
    QVERIFY2(m_failures.isEmpty(), m_failures.join("\n").constData());

    // The run did what it says: the token reached Square, the members are in the store and the exports.
    QVERIFY(m_square->requestCount() > 3);
    QVERIFY(m_square->balanceForPhone(Enrolled) > 0);

    const QList<secrettest::Canary> secret = secrets();
    const QList<secrettest::Canary> phone = phones();
    // What the programs printed: the log (debug, every category) and their answers.
    for (const Run& run : std::as_const(m_runs)) {
        const QStringList inOut = secrettest::found(run.out, secret) + secrettest::found(run.err, secret);
        QVERIFY2(inOut.isEmpty(), QByteArray(inOut.join(u", "_s).toUtf8() + " in:\n" + run.describe()).constData());
        const QStringList phonesInLog = secrettest::found(run.err, phone);
        QVERIFY2(phonesInLog.isEmpty(),
                 QByteArray(phonesInLog.join(u", "_s).toUtf8() + " on stderr:\n" + run.describe()).constData());
        if (!run.answersAboutMembers) {
            const QStringList phonesInAnswer = secrettest::found(run.out, phone);
            QVERIFY2(phonesInAnswer.isEmpty(),
                     QByteArray(phonesInAnswer.join(u", "_s).toUtf8() + " on stdout:\n" + run.describe()).constData());
        }
    }
    scanFiles("at the end");
    if (QTest::currentTestFailed())
        return;
    // The scan saw what the run wrote: the exports, and the canaries where they belong.
    for (const QString& path : std::as_const(m_exports))
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    QFile members(m_root.filePath(u"exports/members.csv"_s));
    QVERIFY(members.open(QIODevice::ReadOnly));
    const QStringList inExport = secrettest::found(members.readAll(), secrettest::phoneForms(ImportedDotted));
    QVERIFY2(inExport.contains(u"phone "_s + ImportedDotted), qPrintable(inExport.join(u", "_s)));
    qInfo("scanned %d files and %lld runs' output", m_filesScanned, qlonglong(m_runs.size()));
}

QList<secrettest::Canary> TestFullRun::secrets() const
{
    QList<secrettest::Canary> found = secrettest::tokenForms(Token);
    // The wallet keys' private halves: a line from the middle of each PEM body, as any copy of them would carry it.
    const auto pemLine = [](const QByteArray& pem) {
        const QByteArrayList lines = pem.trimmed().split('\n');
        return lines.value(lines.size() / 2).trimmed();
    };
    found << secrettest::Canary {u"Apple pass key"_s, pemLine(m_walletKeys.read(u"pass.key"_s))}
          << secrettest::Canary {u"Google service account key"_s, pemLine(m_walletKeys.read(u"google.key"_s))};
    return found;
}

QList<secrettest::Canary> TestFullRun::phones() const
{
    QList<secrettest::Canary> found;
    for (const QString& phone : {Enrolled, ImportedSpaced, ImportedDotted, Elsewhere})
        found << secrettest::phoneForms(phone);
    return found;
}

void TestFullRun::scanFiles(const char* when)
{
    const QString store = m_root.filePath(u"home/.local/share/loyaltytill/loyaltytill.sqlite"_s);
    const QString backups = m_root.filePath(u"home/.local/share/loyaltytill/backups/"_s);
    QVERIFY2(QFileInfo::exists(store), qPrintable(store));
    QVERIFY2(!QDir(backups).entryList(QDir::Files).isEmpty(), qPrintable(backups));
    // The store and its -wal and -shm, the backups, and the exports the run asked for.
    const auto mayHoldPhones = [&](const QString& path) {
        return path.startsWith(store) || path.startsWith(backups) || m_exports.contains(path);
    };
    const QList<secrettest::Canary> secret = secrets();
    const QList<secrettest::Canary> phone = phones();
    m_filesScanned = 0;
    for (const secrettest::Entry& entry : secrettest::walk(m_root.path())) {
        const QByteArray where =
            QByteArray(when) + ": " + entry.path.toUtf8() + " (mode " + QByteArray::number(entry.mode, 8) + ")";
        qInfo("%s: %04o %s", when, entry.mode, qPrintable(QDir(m_root.path()).relativeFilePath(entry.path)));
        QVERIFY2(entry.owner == ::geteuid(), QByteArray(where + " belongs to " + QByteArray::number(entry.owner)));
        QVERIFY2((entry.mode & 077u) == 0, QByteArray(where + " is open to group or others").constData());
        if (entry.folder || entry.path == m_importFile)
            continue;
        ++m_filesScanned;
        QFile file(entry.path);
        QVERIFY2(file.open(QIODevice::ReadOnly), where.constData());
        QByteArray content = file.readAll();
        if (entry.path.endsWith(u".pkpass"_s)) { // a zip: what it holds, unpacked
            for (const QByteArray& packed : lt::test::unzip(content))
                content += packed;
        }
        const QStringList secretsFound = secrettest::found(content, secret);
        QVERIFY2(secretsFound.isEmpty(), QByteArray(where + ": " + secretsFound.join(u", "_s).toUtf8()).constData());
        if (mayHoldPhones(entry.path))
            continue;
        const QStringList stray = secrettest::found(content, phone);
        QVERIFY2(stray.isEmpty(), QByteArray(where + ": " + stray.join(u", "_s).toUtf8()).constData());
    }
    QVERIFY2(m_filesScanned > m_exports.size() + 2, QByteArray::number(m_filesScanned));
}

QTEST_GUILESS_MAIN(TestFullRun)
#include "tst_secrets_fullrun.moc"
