#pragma once

#include <QString>
#include <QTextStream>

#include <optional>

namespace lt::admin {

// Secrets and answers read from standard input, never from the command line (where the process list and the shell
// history keep them). A script pipes them in as lines; a person at a terminal is asked for each on stderr, and what
// is typed for a secret is not shown (echo is turned off only when standard input is a terminal).
class StdinLines
{
public:
    StdinLines();

    bool interactive() const { return m_interactive; }
    // The next line without its line end; nothing at the end of the input. At a terminal `prompt` is written to
    // stderr first.
    std::optional<QString> read(const QString& prompt, bool secret);

private:
    QTextStream m_in;
    QTextStream m_prompts;
    bool m_interactive = false;
};

} // namespace lt::admin
