#include "core/domain/Money.h"

#include <QCoreApplication>

namespace lt {

Money::Money(qint64 minorUnits, QString currency)
    : m_minor(minorUnits)
    , m_currency(std::move(currency))
{
}

int Money::decimalsOf(const QString& currency)
{
    static const QStringList zero = {
        QStringLiteral("BIF"), QStringLiteral("CLP"), QStringLiteral("DJF"), QStringLiteral("GNF"),
        QStringLiteral("ISK"), QStringLiteral("JPY"), QStringLiteral("KMF"), QStringLiteral("KRW"),
        QStringLiteral("PYG"), QStringLiteral("RWF"), QStringLiteral("UGX"), QStringLiteral("VND"),
        QStringLiteral("VUV"), QStringLiteral("XAF"), QStringLiteral("XOF"), QStringLiteral("XPF")};
    static const QStringList three = {QStringLiteral("BHD"), QStringLiteral("IQD"), QStringLiteral("JOD"),
                                      QStringLiteral("KWD"), QStringLiteral("LYD"), QStringLiteral("OMR"),
                                      QStringLiteral("TND")};
    if (zero.contains(currency))
        return 0;
    if (three.contains(currency))
        return 3;
    return 2;
}

bool Money::isValidCurrencyCode(const QString& code)
{
    if (code.size() != 3)
        return false;
    for (QChar c : code) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    }
    return true;
}

Result<Money> Money::parse(const QString& input, const QString& currency)
{
    const QString text = input.trimmed();
    const int decimals = decimalsOf(currency);
    if (text.isEmpty())
        return Error::invalid(QCoreApplication::translate("Money", "Enter an amount."), QStringLiteral("amount"));
    if (text.startsWith(QLatin1Char('-')))
        return Error::invalid(QCoreApplication::translate("Money", "The amount cannot be negative."),
                              QStringLiteral("amount"));
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    const QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    auto allDigits = [](const QString& s) {
        for (QChar c : s) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        return true;
    };
    if (whole.isEmpty() || !allDigits(whole) || !allDigits(fraction) || (dot >= 0 && fraction.isEmpty()))
        return Error::invalid(
            QCoreApplication::translate("Money", "'%1' is not an amount; write it like 12.34.").arg(input),
            QStringLiteral("amount"));
    if (fraction.size() > decimals)
        return Error::invalid(
            QCoreApplication::translate("Money", "%1 takes at most %n decimal(s).", nullptr, decimals).arg(currency),
            QStringLiteral("amount"));
    // Digits beyond what the maximum needs would overflow before the range check.
    if (whole.size() > 12)
        return Error::invalid(QCoreApplication::translate("Money", "The amount is larger than any sale can be."),
                              QStringLiteral("amount"));
    qint64 minor = whole.toLongLong();
    for (int i = 0; i < decimals; ++i)
        minor = minor * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    if (minor > MaximumMinorUnits)
        return Error::invalid(QCoreApplication::translate("Money", "The amount is larger than any sale can be."),
                              QStringLiteral("amount"));
    return Money(minor, currency);
}

QString Money::toDecimalString() const
{
    const int decimals = decimalsOf(m_currency);
    const qint64 magnitude = m_minor < 0 ? -m_minor : m_minor;
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    QString text = QString::number(magnitude / scale);
    if (decimals > 0)
        text += QLatin1Char('.') + QString::number(magnitude % scale).rightJustified(decimals, QLatin1Char('0'));
    return m_minor < 0 ? QLatin1Char('-') + text : text;
}

QString Money::toDisplayString() const
{
    return toDecimalString() + QLatin1Char(' ') + m_currency;
}

} // namespace lt
