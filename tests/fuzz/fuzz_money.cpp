// Amounts typed at the till or read from a CSV: a parsed amount is in range and formats back to text that parses to
// the same amount, in currencies of 0, 2 and 3 decimals.
#include "core/domain/Money.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = fuzz::textOf(data, size);
    for (const QString& currency : {QStringLiteral("USD"), QStringLiteral("JPY"), QStringLiteral("KWD")}) {
        const auto money = Money::parse(text, currency);
        if (!money) {
            require(!money.error().message.isEmpty(), "a refused amount says why");
            continue;
        }
        require(money->currency() == currency, "the amount's currency");
        require(money->minorUnits() >= 0 && money->minorUnits() <= Money::MaximumMinorUnits, "the amount's range",
                text);
        const QString written = money->toDecimalString();
        const auto again = Money::parse(written, currency);
        require(again && *again == *money, "an amount parses back from its text", written);
        require(money->toDisplayString() == written + QLatin1Char(' ') + currency, "the amount's display");
    }
    return 0;
}
