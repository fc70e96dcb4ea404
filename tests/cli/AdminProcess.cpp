#include "tests/cli/AdminProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace clitest {

QByteArray AdminRun::describe() const
{
    return "$ loyaltytill-admin " + arguments.join(QLatin1Char(' ')).toUtf8()
        + "\n  exit code: " + QByteArray::number(exitCode) + (finished ? "" : " (did not finish)")
        + "\n  stdout: " + out.left(4000) + "\n  stderr: " + err.left(2000);
}

QString AdminProcess::writeConf(const QString& name, const QByteArray& content) const
{
    QDir().mkpath(configFolder() + QStringLiteral("/conf.d"));
    const QString path = configFolder() + QStringLiteral("/conf.d/") + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
    return path;
}

QProcessEnvironment AdminProcess::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LOYALTYTILL_DATABASE"));
    environment.insert(QStringLiteral("LOYALTYTILL_CONFIG_DIR"), configFolder());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return environment;
}

AdminRun AdminProcess::run(const QStringList& arguments, const QByteArray& input) const
{
    AdminRun result;
    result.arguments = arguments;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(LOYALTYTILL_ADMIN), arguments);
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    // Not waitForFinished(): the fake Square answers from this thread's event loop.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 120000)) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        result.finished = process.exitStatus() == QProcess::NormalExit;
        result.exitCode = process.exitCode();
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    result.jsonParsed = error.error == QJsonParseError::NoError && document.isObject();
    if (result.jsonParsed)
        result.json = document.object();
    return result;
}

} // namespace clitest
