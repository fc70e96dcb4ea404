#include "core/domain/PhoneNumberNormalizer.h"

#include <QCoreApplication>

#include <phonenumbers/phonenumberutil.h>
#include <set>

namespace lt {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberNormalizer::PhoneNumberNormalizer(QString defaultRegion)
    : m_region(std::move(defaultRegion).toUpper())
    , m_countryCode(PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(m_region.toStdString()))
{
}

std::optional<QString> PhoneNumberNormalizer::quickE164(const QString& input) const
{
    const QString text = input.trimmed();
    QString digits;
    digits.reserve(16);
    bool plus = false; // also after punctuation ("(+98) ..."), where the library reads a country code as well
    for (QChar c : text) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c == QLatin1Char('+') && digits.isEmpty())
            plus = true;
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('.') && c != QLatin1Char('(')
                 && c != QLatin1Char(')'))
            return std::nullopt;
    }
    // "+44 (0)20 ..." carries a trunk prefix that E.164 drops: leave it to the library.
    if (plus) {
        if (text.contains(QLatin1String("(0")) || digits.size() < 8 || digits.size() > 15)
            return std::nullopt;
        return QString(QLatin1Char('+') + digits);
    }
    // In the North American plan a ten-digit national number never starts with 0 or 1 and is the whole number.
    if (m_countryCode == 1 && digits.size() == 10 && digits.at(0) >= QLatin1Char('2'))
        return QString(QStringLiteral("+1") + digits);
    return std::nullopt;
}

bool PhoneNumberNormalizer::isKnownRegion(const QString& region)
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.toUpper().toStdString()) > 0;
}

bool PhoneNumberNormalizer::looksLikePhoneNumber(const QString& input)
{
    int digits = 0;
    for (QChar c : input) {
        if (c.isDigit())
            ++digits;
        else if (!QStringLiteral("+-(). /").contains(c) && !c.isSpace())
            return false;
    }
    return digits >= 3;
}

Result<QString> PhoneNumberNormalizer::normalize(const QString& input) const
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "Enter a phone number."),
                              QStringLiteral("phone"));
    if (text.size() > 40)
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too long."),
                              QStringLiteral("phone"));
    if (!looksLikePhoneNumber(text)) {
        for (QChar c : text) {
            if (!c.isDigit() && !QStringLiteral("+-(). /").contains(c) && !c.isSpace())
                return Error::invalid(
                    QCoreApplication::translate("PhoneNumberNormalizer",
                                                "A phone number holds only digits, spaces and + - ( ) ."),
                    QStringLiteral("phone"));
        }
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too short."),
                              QStringLiteral("phone"));
    }
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const auto parsed = util->Parse(text.toStdString(), m_region.toStdString(), &number);
    switch (parsed) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The country code is not valid."),
                              QStringLiteral("phone"));
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too short."),
                              QStringLiteral("phone"));
    case PhoneNumberUtil::TOO_LONG_NSN:
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too long."),
                              QStringLiteral("phone"));
    default:
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "This is not a phone number."),
                              QStringLiteral("phone"));
    }
    if (!util->IsValidNumber(number)) {
        switch (util->IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::TOO_SHORT:
            return Error::invalid(
                QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too short."),
                QStringLiteral("phone"));
        case PhoneNumberUtil::TOO_LONG:
            return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too long."),
                                  QStringLiteral("phone"));
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            return Error::invalid(
                QCoreApplication::translate("PhoneNumberNormalizer", "The country code is not valid."),
                QStringLiteral("phone"));
        default:
            return Error::invalid(
                QCoreApplication::translate("PhoneNumberNormalizer",
                                            "No phone number in that region has this area code or pattern."),
                QStringLiteral("phone"));
        }
    }
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    // E.164 allows 15 digits at most; libphonenumber calls some longer numbers valid (a German extension), which
    // Square refuses and no other system can dial.
    if (e164.size() > 16)
        return Error::invalid(QCoreApplication::translate("PhoneNumberNormalizer", "The phone number is too long."),
                              QStringLiteral("phone"));
    return QString::fromStdString(e164);
}

QString PhoneNumberNormalizer::formatInternational(const QString& e164)
{
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

QString PhoneNumberNormalizer::masked(const QString& e164)
{
    if (e164.size() < 4)
        return QStringLiteral("••••");
    return QStringLiteral("•••• ") + e164.right(4);
}

} // namespace lt
