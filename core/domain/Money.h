#pragma once

#include "core/common/Result.h"

#include <QString>

#include <compare>

namespace lt {

// An amount of money as an integer count of the currency's minor units (cents for USD). Never floating point.
class Money
{
public:
    // Largest amount a single sale, refund or discount may carry: 1,000,000.00 in a two-decimal currency.
    static constexpr qint64 MaximumMinorUnits = 100'000'000;

    Money() = default;
    Money(qint64 minorUnits, QString currency);

    qint64 minorUnits() const { return m_minor; }
    const QString& currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }

    // "12.34" in the currency's own number of decimals; no sign, no grouping, '.' as separator.
    static Result<Money> parse(const QString& text, const QString& currency);
    // How many decimals the ISO 4217 currency has (JPY 0, USD 2, KWD 3).
    static int decimalsOf(const QString& currency);
    static bool isValidCurrencyCode(const QString& code);

    QString toDecimalString() const; // "12.34"
    QString toDisplayString() const; // "12.34 USD"

    friend bool operator==(const Money&, const Money&) = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace lt
