#include "ui/widgets/LocalizedAmount.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lt::ui {

Result<Money> LocalizedAmount::parse(const QString& input, const QString& currency, const QLocale& locale)
{
    const QString decimal = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    const QString other = decimal == QLatin1String(",") ? QStringLiteral(".") : QStringLiteral(",");
    QString text = input.trimmed();
    auto wrongSeparator = [&]() {
        return Error::invalid(QCoreApplication::translate("LocalizedAmount", "Write the amount like %1.")
                                  .arg(locale.toString(12.34, 'f', 2)),
                              QStringLiteral("amount"));
    };
    // Grouping is accepted only where it is real grouping: 1,234.56 in English, 1.234,56 in Spanish.
    if (!group.isEmpty() && text.contains(group)) {
        const QString integer = text.section(decimal, 0, 0);
        static const QRegularExpression grouped(QStringLiteral("^\\d{1,3}(\\x{1}\\d{3})+$"));
        QString pattern = grouped.pattern();
        pattern.replace(QStringLiteral("\\x{1}"), QRegularExpression::escape(group));
        if (!QRegularExpression(pattern).match(integer).hasMatch())
            return wrongSeparator();
        text.remove(group);
    }
    if (text.contains(other) && other != group)
        return wrongSeparator();
    if (text.count(decimal) > 1)
        return wrongSeparator();
    text.replace(decimal, QStringLiteral("."));
    return Money::parse(text, currency);
}

QString LocalizedAmount::format(const Money& money, const QLocale& locale)
{
    const int decimals = Money::decimalsOf(money.currency());
    QString digits = money.toDecimalString();
    const bool negative = digits.startsWith(QLatin1Char('-'));
    if (negative)
        digits.remove(0, 1);
    const QString whole = digits.section(QLatin1Char('.'), 0, 0);
    QString text = locale.toString(whole.toLongLong());
    if (decimals > 0)
        text += locale.decimalPoint() + digits.section(QLatin1Char('.'), 1, 1);
    return (negative ? QStringLiteral("-") : QString()) + text + QLatin1Char(' ') + money.currency();
}

} // namespace lt::ui
