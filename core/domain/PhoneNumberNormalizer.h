#pragma once

#include "core/common/Result.h"

#include <QString>

#include <optional>

namespace lt {

// Turns any common way of writing a phone number into E.164 ("+14155551111") through libphonenumber.
// Numbers without a country code are read in the default region.
class PhoneNumberNormalizer
{
public:
    explicit PhoneNumberNormalizer(QString defaultRegion = QStringLiteral("US"));

    const QString& defaultRegion() const { return m_region; }
    static bool isKnownRegion(const QString& region);

    Result<QString> normalize(const QString& input) const;
    // The E.164 form when it can be read off the digits without the phone library: "+" and digits written in full,
    // or ten digits in a NANP region. Lookups try it first and fall back to normalize(); it is never used to store.
    std::optional<QString> quickE164(const QString& input) const;
    // True when the text is written like a phone number (digits and the usual punctuation), valid or not.
    static bool looksLikePhoneNumber(const QString& input);
    // "+1 415-555-1111" for display, "•••• 1111" when masked.
    static QString formatInternational(const QString& e164);
    static QString masked(const QString& e164);

private:
    QString m_region;
    int m_countryCode = 0;
};

} // namespace lt
