#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// loyaltytill-admin as a real process for the tests of setup and doctor, which talk to a fake Square living in the
// test's own thread: the wait keeps this thread's event loop turning so that the fake can answer.
namespace clitest {

struct AdminRun
{
    QStringList arguments;
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    bool jsonParsed = false; // stdout was exactly one JSON object
    QJsonObject json;

    QByteArray describe() const; // the command, its exit code, stdout and stderr
};

// A home of the test's own: the user's settings and data under home/.config and home/.local/share, IT's
// configuration folder home/etc-loyaltytill (LOYALTYTILL_CONFIG_DIR), and no LOYALTYTILL_DATABASE. The session bus
// (and so the keyring) is the test's.
class AdminProcess
{
public:
    explicit AdminProcess(QString home)
        : m_home(std::move(home))
    {
    }

    QString configFolder() const { return m_home + QStringLiteral("/etc-loyaltytill"); }
    // Writes `content` to configFolder()/conf.d/NAME and returns the file's path.
    QString writeConf(const QString& name, const QByteArray& content) const;

    // `input` goes to standard input, which is then closed.
    AdminRun run(const QStringList& arguments, const QByteArray& input = {}) const;
    // The environment run() gives the program.
    QProcessEnvironment environment() const;

private:
    QString m_home;
};

} // namespace clitest
