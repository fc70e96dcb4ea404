#pragma once

#include <QString>

namespace lt {

// Qt's filter rules for the program's own categories (loyaltytill.*), from the settings log.level (warning, info or
// debug) and log.rules (IT's finer rules, separated by semicolons), which come after it and so win. Qt applies
// QT_LOGGING_RULES from the environment after these, so a technician's rules win over both.
class LogLevels
{
public:
    enum class Output {
        Journal, // everything the level allows
        Operator, // a terminal or a pipe beside a command's own answer: info is left out unless the level is debug
    };

    static QString rules(const QString& level, const QString& extraRules, Output output = Output::Journal);
};

} // namespace lt
