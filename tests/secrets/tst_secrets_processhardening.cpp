// The till and loyaltytill-admin hold the Square access token and the wallet keys in memory: a core file of either
// would carry them. Seen from outside, as an operator would: /proc/PID/limits says no core file size, /proc/PID's
// files belong to root while the process runs as another user (the kernel's sign of a process that is not dumpable,
// which a plain process beside it does not show), and a signal that dumps core leaves no core file where a plain
// process leaves one. Then ProcessHardening in this process: its umask and the modes of what it creates.
#include "core/common/ProcessHardening.h"
#include "tests/support/Unprivileged.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using lt::test::Unprivileged;

namespace {

// The "Max core file size" line of /proc/PID/limits, spaces collapsed: "Max core file size 0 0 bytes".
QByteArray coreLimitLine(qint64 pid)
{
    QFile limits(u"/proc/%1/limits"_s.arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray& line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size"))
            return line.simplified();
    }
    return {};
}

QByteArray commandLine(qint64 pid)
{
    QFile file(u"/proc/%1/cmdline"_s.arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The owner of /proc/PID/status: the process's user while it is dumpable, root once it is not.
qint64 procOwner(qint64 pid)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(u"/proc/%1/status"_s.arg(pid)).constData(), &info) != 0)
        return -1;
    return info.st_uid;
}

// The process has become the program (setpriv, or the forked test, has called exec): its argv[0] names it.
bool runs(const QProcess& process, const QByteArray& programName)
{
    const QByteArray first = commandLine(process.processId()).split('\0').value(0);
    return process.state() == QProcess::Running
        && (first == programName || first.endsWith(QByteArray("/" + programName)));
}

// The permission bits of a file or folder, as stat gives them.
unsigned modeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? unsigned(info.st_mode) & 07777u : 07777u;
}

QStringList coreFiles(const QString& folder)
{
    return QDir(folder).entryList({u"core*"_s}, QDir::Files);
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noCoreFileSize_data();
    void noCoreFileSize();
    void notDumpable_data();
    void notDumpable();
    void crashLeavesNoCoreFile();
    void thisProcess();

private:
    // The program waiting (the admin tool for a PIN on standard input, the till for keys), in a folder of its own.
    // As the user nobody (through setpriv, from a copy nobody reaches) when asked.
    void start(QProcess& process, const QString& program, bool asNobody = false);
    // A folder the program can write in, and its store's path.
    QString store() const { return m_dir->filePath(u"store.sqlite"_s); }
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProcessHardening::initTestCase()
{
    QVERIFY(QFileInfo::exists(u"/proc/self/limits"_s));
}

QProcessEnvironment TestProcessHardening::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_dir->path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u".config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u".local/share"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, m_dir->filePath(u".cache"_s));
    environment.insert(u"LOYALTYTILL_CONFIG_DIR"_s, m_dir->filePath(u"etc"_s));
    environment.insert(u"LOYALTYTILL_DATABASE"_s, store());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no keychain needed: the till only has to be up
    return environment;
}

void TestProcessHardening::start(QProcess& process, const QString& program, bool asNobody)
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QStringList command;
    QString admin = QStringLiteral(LOYALTYTILL_ADMIN);
    QString till = QStringLiteral(LOYALTYTILL_TILL);
    if (asNobody) {
        QVERIFY(
            ::chown(QFile::encodeName(m_dir->path()).constData(), Unprivileged::nobodyUid(), Unprivileged::nobodyGid())
            == 0);
        command << Unprivileged::asNobodyCommand();
        // A build inside root's home (CI) is out of nobody's reach: copies of the programs are not.
        admin = Unprivileged::reachableCopy(admin);
        till = Unprivileged::reachableCopy(till);
        QVERIFY(!admin.isEmpty() && !till.isEmpty());
    }
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_dir->path());
    if (program == u"loyaltytill-admin"_s) {
        QStringList init = command;
        init << admin << u"init"_s;
        QProcess initialising;
        initialising.setProcessEnvironment(environment());
        initialising.start(init.takeFirst(), init);
        QVERIFY(initialising.waitForFinished(60000));
        QVERIFY2(initialising.exitCode() == 0, initialising.readAllStandardError().constData());
        command << admin << u"staff"_s << u"add"_s << u"--name"_s << u"Ana"_s << u"--role"_s << u"manager"_s
                << u"--pin-stdin"_s; // waits for the PIN
    } else if (program == u"loyaltytill"_s) {
        command << till;
    } else {
        command << program << u"60"_s; // sleep: the plain process beside them
    }
    process.start(command.takeFirst(), command);
    QVERIFY(process.waitForStarted(10000));
    const QByteArray name = QFileInfo(program).fileName().toLocal8Bit();
    QVERIFY2(QTest::qWaitFor([&] { return runs(process, name); }, 20000), process.readAllStandardError().constData());
}

void TestProcessHardening::noCoreFileSize_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("till") << u"loyaltytill"_s;
    QTest::newRow("admin") << u"loyaltytill-admin"_s;
}

void TestProcessHardening::noCoreFileSize()
{
    QFETCH(QString, program);
    QProcess process;
    start(process, program);
    if (QTest::currentTestFailed())
        return;
    const qint64 pid = process.processId();
    QVERIFY2(QTest::qWaitFor([pid] { return coreLimitLine(pid) == "Max core file size 0 0 bytes"; }, 20000),
             coreLimitLine(pid).constData());
    process.kill();
    process.waitForFinished(10000);
}

void TestProcessHardening::notDumpable_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("hardened");
    QTest::newRow("sleep, beside them") << u"sleep"_s << false;
    QTest::newRow("till") << u"loyaltytill"_s << true;
    QTest::newRow("admin") << u"loyaltytill-admin"_s << true;
}

void TestProcessHardening::notDumpable()
{
    QFETCH(QString, program);
    QFETCH(bool, hardened);
    // Root's processes' files are root's anyway: run the program as nobody then.
    const bool asRoot = ::geteuid() == 0;
    const qint64 user = asRoot ? qint64(Unprivileged::nobodyUid()) : qint64(::geteuid());
    QProcess process;
    start(process, program, asRoot);
    if (QTest::currentTestFailed())
        return;
    const qint64 pid = process.processId();
    if (hardened && lt::ProcessHardening::keepsDumpable()) {
        // A sanitizer build stays dumpable for LeakSanitizer: once hardened (its core file size 0), still the user's.
        QVERIFY2(QTest::qWaitFor([pid] { return coreLimitLine(pid).startsWith("Max core file size 0 "); }, 20000),
                 coreLimitLine(pid).constData());
        QCOMPARE(procOwner(pid), user);
    } else if (hardened) {
        QVERIFY2(QTest::qWaitFor([pid] { return procOwner(pid) == 0; }, 20000),
                 QByteArray("/proc/PID belongs to " + QByteArray::number(procOwner(pid))).constData());
    } else {
        QTest::qWait(500);
        QCOMPARE(procOwner(pid), user);
    }
    process.kill();
    process.waitForFinished(10000);
}

// A signal that dumps core (SIGQUIT) to each program started with core files allowed, as from a developer's shell
// (ulimit -c unlimited). First to sleep: if it leaves no core file either, this machine keeps none here and the check
// would prove nothing.
void TestProcessHardening::crashLeavesNoCoreFile()
{
    QFile pattern(u"/proc/sys/kernel/core_pattern"_s);
    QVERIFY(pattern.open(QIODevice::ReadOnly));
    const QByteArray where = pattern.readAll().trimmed();
    if (where.startsWith('|') || where.contains('/'))
        QSKIP(QByteArray("Core files go elsewhere on this machine (core_pattern " + where + ")").constData());
    for (const QString& program : {u"sleep"_s, u"loyaltytill"_s, u"loyaltytill-admin"_s}) {
        const bool hardened = program != u"sleep"_s;
        QProcess process;
        process.setChildProcessModifier([] {
            rlimit limit = {};
            if (::getrlimit(RLIMIT_CORE, &limit) == 0) {
                limit.rlim_cur = ::geteuid() == 0 ? RLIM_INFINITY : limit.rlim_max;
                limit.rlim_max = ::geteuid() == 0 ? RLIM_INFINITY : limit.rlim_max;
                ::setrlimit(RLIMIT_CORE, &limit);
            }
        });
        start(process, program);
        if (QTest::currentTestFailed())
            return;
        const qint64 pid = process.processId();
        if (hardened) // the program has started: its limit is set
            QVERIFY2(QTest::qWaitFor([pid] { return coreLimitLine(pid).startsWith("Max core file size 0 "); }, 20000),
                     qPrintable(program));
        else if (coreLimitLine(pid).startsWith("Max core file size 0 "))
            QSKIP("This user cannot raise its core file size: no core file would be written anyway.");
        QVERIFY(::kill(pid_t(pid), SIGQUIT) == 0);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        if (hardened) {
            QTest::qWait(500);
            QVERIFY2(coreFiles(m_dir->path()).isEmpty(),
                     qPrintable(program + u": "_s + coreFiles(m_dir->path()).join(u", "_s)));
        } else if (!QTest::qWaitFor([this] { return !coreFiles(m_dir->path()).isEmpty(); }, 10000)) {
            QSKIP("sleep left no core file either: this machine keeps none in the working folder.");
        }
    }
}

void TestProcessHardening::thisProcess()
{
    lt::ProcessHardening::apply();
    QVERIFY(lt::ProcessHardening::coreDumpsDisabled());
    QCOMPARE(lt::ProcessHardening::dumpable(), lt::ProcessHardening::keepsDumpable());
    QCOMPARE(lt::ProcessHardening::fileCreationMask(), 077u);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"a/b"_s));
    QFile file(dir.filePath(u"a/b/file"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(modeOf(dir.filePath(u"a"_s)), 0700u);
    QCOMPARE(modeOf(dir.filePath(u"a/b"_s)), 0700u);
    QCOMPARE(modeOf(file.fileName()), 0600u);
}

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_secrets_processhardening.moc"
