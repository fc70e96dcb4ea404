#include "app/admin/StdinLines.h"

#include <cstdio>
#include <iterator>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace lt::admin {

namespace {
#ifdef Q_OS_UNIX
// The terminal as it was, for a signal that ends the program while a secret is typed (Ctrl+C at the PIN prompt):
// the shell would otherwise be left without echo.
termios g_saved {};
volatile sig_atomic_t g_restoreOnSignal = 0;
constexpr int EndingSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void restoreAndReraise(int signal)
{
    if (g_restoreOnSignal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}
#endif

// Echo off for as long as it lives, then the terminal as it was, also when a signal ends the program meanwhile.
class EchoOff
{
public:
    explicit EchoOff(bool active)
    {
#ifdef Q_OS_UNIX
        if (!active || ::tcgetattr(STDIN_FILENO, &g_saved) != 0)
            return;
        struct sigaction handler = {};
        handler.sa_handler = restoreAndReraise;
        sigemptyset(&handler.sa_mask);
        for (std::size_t i = 0; i < std::size(EndingSignals); ++i)
            ::sigaction(EndingSignals[i], &handler, &m_previous[i]);
        termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= tcflag_t(ECHONL); // the Enter still moves to the next line
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        g_restoreOnSignal = m_active ? 1 : 0;
        m_handlers = true;
#else
        Q_UNUSED(active);
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        g_restoreOnSignal = 0;
        if (m_handlers) {
            for (std::size_t i = 0; i < std::size(EndingSignals); ++i)
                ::sigaction(EndingSignals[i], &m_previous[i], nullptr);
        }
#endif
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
#ifdef Q_OS_UNIX
    struct sigaction m_previous[std::size(EndingSignals)] = {};
    bool m_handlers = false;
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
