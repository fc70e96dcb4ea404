#include "core/domain/PersonalDataValidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lt {

namespace {

bool isForbidden(char32_t c)
{
    // Bidirectional embeddings, overrides and isolates can make a name display as something else.
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return true;
    if (QChar::category(c) == QChar::Other_Control || QChar::category(c) == QChar::Other_Surrogate)
        return true;
    if (c == 0xFFFD || QChar::isNonCharacter(c))
        return true;
    return false;
}
} // namespace

Result<QString> PersonalDataValidator::freeText(const QString& input, const QString& field, int maximumLength)
{
    if (!input.isValidUtf16())
        return Error::invalid(
            QCoreApplication::translate("PersonalDataValidator", "The text contains broken characters."), field);
    const QString text = input.normalized(QString::NormalizationForm_C).simplified();
    for (char32_t c : text.toUcs4()) {
        if (isForbidden(c))
            return Error::invalid(
                QCoreApplication::translate("PersonalDataValidator",
                                            "The text contains a control or formatting character (U+%1).")
                    .arg(QString::number(static_cast<uint>(c), 16).rightJustified(4, QLatin1Char('0')).toUpper()),
                field);
    }
    if (text.size() > maximumLength)
        return Error::invalid(
            QCoreApplication::translate("PersonalDataValidator", "Keep it under %1 characters.").arg(maximumLength + 1),
            field);
    return text;
}

Result<QString> PersonalDataValidator::name(const QString& input)
{
    return freeText(input, QStringLiteral("name"), MaximumNameLength);
}

Result<QString> PersonalDataValidator::email(const QString& input)
{
    auto text = freeText(input, QStringLiteral("email"), MaximumEmailLength);
    if (!text || text->isEmpty())
        return text;
    static const QRegularExpression shape(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    if (!shape.match(*text).hasMatch())
        return Error::invalid(
            QCoreApplication::translate("PersonalDataValidator", "'%1' is not an e-mail address.").arg(*text),
            QStringLiteral("email"));
    const qsizetype at = text->lastIndexOf(QLatin1Char('@'));
    return QString(text->left(at) + text->mid(at).toLower());
}

Result<QDate> PersonalDataValidator::birthday(const QString& isoDate, const QDate& today)
{
    const QString text = isoDate.trimmed();
    if (text.isEmpty())
        return QDate();
    static const QRegularExpression shape(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        return Error::invalid(QCoreApplication::translate("PersonalDataValidator", "Write the birthday as YYYY-MM-DD."),
                              QStringLiteral("birthday"));
    if (date > today)
        return Error::invalid(
            QCoreApplication::translate("PersonalDataValidator", "The birthday cannot be in the future."),
            QStringLiteral("birthday"));
    if (date.year() < 1900)
        return Error::invalid(QCoreApplication::translate("PersonalDataValidator", "The birthday is before 1900."),
                              QStringLiteral("birthday"));
    return date;
}

} // namespace lt
