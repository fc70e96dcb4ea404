#include "tests/support/Unprivileged.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <pwd.h>
#include <unistd.h>

namespace lt::test {

namespace {

// Set in the copy's environment: the copy runs its row in process, and never runs itself again.
const QString CopyMark = QStringLiteral("LOYALTYTILL_TEST_AS_NOBODY");

constexpr QFileDevice::Permissions Reachable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
    | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther; // 0755

struct User
{
    uid_t uid = 65534;
    gid_t gid = 65534;
};

// nobody as this system names it (Debian's group is nogroup, Fedora's nobody): its own group, whatever the name.
User nobody()
{
    static const User user = [] {
        User found;
        if (const passwd* entry = ::getpwnam("nobody")) {
            found.uid = entry->pw_uid;
            found.gid = entry->pw_gid;
        }
        return found;
    }();
    return user;
}

// The folder of the copies, made once per test run, 0755 under the system's temporary folder.
QTemporaryDir& copiesFolder()
{
    static const std::unique_ptr<QTemporaryDir> folder = [] {
        auto made = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/loyaltytill-as-nobody-XXXXXX"));
        if (made->isValid() && !QFile::setPermissions(made->path(), Reachable))
            qWarning().noquote() << "cannot open" << made->path() << "to nobody";
        return made;
    }();
    return *folder;
}

bool giveToNobody(const QString& path)
{
    return ::chown(QFile::encodeName(path).constData(), nobody().uid, nobody().gid) == 0;
}

// The line "PASS   : TestClass::function(tag)" of Qt Test's plain text output, empty when the row did not pass.
QString passLine(const QString& output, const QString& function, const QString& tag)
{
    const QString ran = QStringLiteral("::%1(%2)").arg(function, tag);
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("PASS   : ")) && line.trimmed().endsWith(ran))
            return line.trimmed();
    }
    return {};
}

} // namespace

bool Unprivileged::isCopy()
{
    return qEnvironmentVariableIsSet(CopyMark.toLatin1().constData());
}

bool Unprivileged::asRoot()
{
    return ::geteuid() == 0 && !isCopy();
}

unsigned Unprivileged::nobodyUid()
{
    return nobody().uid;
}

unsigned Unprivileged::nobodyGid()
{
    return nobody().gid;
}

QStringList Unprivileged::asNobodyCommand()
{
    return {QStringLiteral("setpriv"), QStringLiteral("--reuid=%1").arg(nobody().uid),
            QStringLiteral("--regid=%1").arg(nobody().gid), QStringLiteral("--clear-groups"), QStringLiteral("--")};
}

QString Unprivileged::program(const QString& path)
{
    if (!isCopy())
        return path;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QFileInfo(path).fileName());
}

QString Unprivileged::reachableCopy(const QString& path)
{
    QTemporaryDir& folder = copiesFolder();
    if (!folder.isValid()) {
        qWarning().noquote() << "cannot make a folder for copies in" << QDir::tempPath() << folder.errorString();
        return {};
    }
    const QString copy = folder.filePath(QFileInfo(path).fileName());
    if (QFileInfo::exists(copy))
        return copy;
    if (!QFile::copy(path, copy) || !QFile::setPermissions(copy, Reachable)) {
        qWarning().noquote() << "cannot copy" << path << "to" << copy;
        QFile::remove(copy);
        return {};
    }
    return copy;
}

void Unprivileged::runCurrentAsNobody(const QStringList& programs)
{
    QVERIFY2(!isCopy(), "the copy run as nobody runs its rows itself");
    const QString test = reachableCopy(QCoreApplication::applicationFilePath());
    QVERIFY2(!test.isEmpty(), "cannot copy the test into a folder nobody reaches");
    for (const QString& program : programs)
        QVERIFY2(!reachableCopy(program).isEmpty(), qPrintable(QStringLiteral("cannot copy ") + program));

    // A home, a temporary folder and a runtime folder of nobody's own, fresh for the row.
    QTemporaryDir own(QDir::tempPath() + QStringLiteral("/loyaltytill-nobody-XXXXXX"));
    QVERIFY2(own.isValid(), qPrintable(own.errorString()));
    QVERIFY(giveToNobody(own.path()));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"HOME", "TMPDIR", "XDG_RUNTIME_DIR"}) {
        const QString folder = own.filePath(QString::fromLatin1(name).toLower());
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QVERIFY(giveToNobody(folder));
        environment.insert(QString::fromLatin1(name), folder);
    }
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        environment.remove(QString::fromLatin1(name)); // root's: under the new home instead
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // root's session bus refuses another user
    environment.insert(CopyMark, QStringLiteral("1"));

    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    const QString tag = QString::fromUtf8(QTest::currentDataTag());
    QStringList arguments = asNobodyCommand();
    const QString setpriv = arguments.takeFirst();
    arguments << test << (tag.isEmpty() ? function : function + QLatin1Char(':') + tag);
    QProcess copy;
    copy.setProcessEnvironment(environment);
    copy.setWorkingDirectory(own.filePath(QStringLiteral("home")));
    copy.setProcessChannelMode(QProcess::MergedChannels);
    copy.start(setpriv, arguments);
    QVERIFY2(copy.waitForStarted(30'000),
             qPrintable(QStringLiteral("setpriv (util-linux) runs the row as nobody: ") + copy.errorString()));
    if (!copy.waitForFinished(240'000)) // a hang: its output so far says where
        copy.kill();
    copy.waitForFinished();
    const QString output = QString::fromLocal8Bit(copy.readAll());
    const QString passed = passLine(output, function, tag);
    const bool ok = copy.exitStatus() == QProcess::NormalExit && copy.exitCode() == 0 && !passed.isEmpty()
        && !output.contains(QLatin1String("SKIP   : "));
    QVERIFY2(ok,
             qPrintable(QStringLiteral("as nobody: %1 %2 (exit %3) did not pass:\n%4")
                            .arg(setpriv, arguments.join(QLatin1Char(' ')))
                            .arg(copy.exitStatus() == QProcess::NormalExit ? copy.exitCode() : -1)
                            .arg(output)));
    qInfo().noquote() << "as nobody:" << passed;
}

} // namespace lt::test
