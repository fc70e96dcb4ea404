#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace lt {

// A line of a configuration file, as written.
struct ConfigEntry
{
    QString key;
    QString value;
    QString file;
    int line = 0;

    // file:line, or the registry value's path alone (line 0).
    QString place() const { return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file; }
};

// What is wrong in a configuration file: the file, the line (0: the file as a whole) and what to do.
struct ConfigProblem
{
    QString file;
    int line = 0;
    QString message;

    QString text() const;
};

// The format IT writes by hand: `key = value` lines, `#` or `;` comments, blank lines; a value may be put in double
// quotes to keep spaces at its ends. Nothing is interpreted beyond that (no sections, no escapes, no includes).
class ConfigFile
{
public:
    static constexpr qint64 MaxBytes = 256 * 1024;

    struct Parsed
    {
        QList<ConfigEntry> entries;
        QList<ConfigProblem> problems;
    };
    static Parsed parse(const QString& file, const QByteArray& content);
};

} // namespace lt
