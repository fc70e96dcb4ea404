#include "core/domain/CardNumber.h"

#include <QCoreApplication>

namespace lt {

QString CardNumber::stripSeparators(const QString& input)
{
    QString digits;
    digits.reserve(input.size());
    for (QChar c : input.trimmed()) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('-'))
            digits.append(c);
    }
    return digits;
}

int CardNumber::checkDigit(const QString& first12Digits)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += first12Digits.at(i).digitValue() * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10;
}

bool CardNumber::looksLikeCard(const QString& input)
{
    const QString digits = stripSeparators(input);
    if (digits.size() != Length || !digits.startsWith(Prefix))
        return false;
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

Result<QString> CardNumber::validate(const QString& input)
{
    const QString digits = stripSeparators(input);
    if (digits.isEmpty())
        return Error::invalid(QCoreApplication::translate("CardNumber", "Scan or type a card number."),
                              QStringLiteral("card"));
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return Error::invalid(QCoreApplication::translate("CardNumber", "A card number holds only digits."),
                                  QStringLiteral("card"));
    }
    if (digits.size() != Length)
        return Error::invalid(QCoreApplication::translate("CardNumber", "A card number has %1 digits; this one has %2.")
                                  .arg(Length)
                                  .arg(digits.size()),
                              QStringLiteral("card"));
    if (!digits.startsWith(Prefix))
        return Error::invalid(
            QCoreApplication::translate("CardNumber", "This is not one of the store's loyalty cards."),
            QStringLiteral("card"));
    if (checkDigit(digits) != digits.at(12).digitValue())
        return Error::invalid(
            QCoreApplication::translate("CardNumber", "The card number's check digit is wrong; scan it again."),
            QStringLiteral("card"));
    return digits;
}

QString CardNumber::fromSerial(qint64 serial)
{
    const QString body = Prefix + QString::number(serial).rightJustified(10, QLatin1Char('0')).right(10);
    return body + QString::number(checkDigit(body));
}

} // namespace lt
