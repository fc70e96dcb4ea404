#include "app/admin/StdinLines.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace lt::admin {

namespace {
// Echo off for as long as it lives, then the terminal as it was.
class EchoOff
{
public:
    explicit EchoOff(bool active)
    {
#ifdef Q_OS_UNIX
        if (!active || ::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= tcflag_t(ECHONL); // the Enter still moves to the next line
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
#else
        Q_UNUSED(active);
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
#ifdef Q_OS_UNIX
    termios m_saved {};
#endif
    bool m_active = false;
};
} // namespace

StdinLines::StdinLines()
    : m_in(stdin)
    , m_prompts(stderr)
{
#ifdef Q_OS_UNIX
    m_interactive = ::isatty(STDIN_FILENO) != 0;
#endif
}

std::optional<QString> StdinLines::read(const QString& prompt, bool secret)
{
    if (m_interactive) {
        m_prompts << prompt << Qt::flush;
    }
    const EchoOff echoOff(m_interactive && secret);
    QString line;
    if (!m_in.readLineInto(&line))
        return std::nullopt;
    return line;
}

} // namespace lt::admin
