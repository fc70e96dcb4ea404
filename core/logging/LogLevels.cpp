#include "core/logging/LogLevels.h"

#include <QStringList>

namespace lt {

QString LogLevels::rules(const QString& level, const QString& extraRules, Output output)
{
    QStringList lines;
    if (level == QLatin1String("debug")) {
        lines << QStringLiteral("loyaltytill.*.debug=true") << QStringLiteral("loyaltytill.*.info=true");
    } else {
        // Qt shows every category's debug messages unless told otherwise.
        lines << QStringLiteral("loyaltytill.*.debug=false");
        const bool quiet = level == QLatin1String("warning") || output == Output::Operator;
        lines << (quiet ? QStringLiteral("loyaltytill.*.info=false") : QStringLiteral("loyaltytill.*.info=true"));
    }
    for (const QString& rule : extraRules.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!rule.trimmed().isEmpty())
            lines << rule.trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace lt
