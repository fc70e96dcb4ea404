// Phone numbers as typed at the till or read from a CSV, in three regions: a normalized number is E.164, normalizes
// to itself (also from its display form), and the lookups' quick path never disagrees with the phone library.
#include "core/domain/PhoneNumberNormalizer.h"
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
    static const PhoneNumberNormalizer normalizers[] = {PhoneNumberNormalizer(QStringLiteral("US")),
                                                        PhoneNumberNormalizer(QStringLiteral("GB")),
                                                        PhoneNumberNormalizer(QStringLiteral("DE"))};
    const QString text = fuzz::textOf(data, size);
    (void)PhoneNumberNormalizer::looksLikePhoneNumber(text);
    for (const PhoneNumberNormalizer& phones : normalizers) {
        const auto e164 = phones.normalize(text);
        const auto quick = phones.quickE164(text);
        if (!e164) {
            require(!e164.error().message.isEmpty(), "a refused number says why");
            continue;
        }
        require(e164->startsWith(QLatin1Char('+')) && e164->size() <= 16, "E.164's shape", *e164);
        const auto again = phones.normalize(*e164);
        require(again && *again == *e164, "a normalized number normalizes to itself", *e164);
        const auto displayed = phones.normalize(PhoneNumberNormalizer::formatInternational(*e164));
        require(displayed && *displayed == *e164, "a displayed number normalizes back", *e164);
        const auto quickAgain = phones.quickE164(*e164);
        require(!quickAgain || *quickAgain == *e164, "the quick path keeps an E.164 number", *e164);
        // Lookups try the quick form first and trust a hit (MemberDirectory::byPhone): when it is a number the store
        // could hold (it normalizes to itself), it must be the number the library reads. A miss falls back.
        if (quick) {
            const auto stored = phones.normalize(*quick);
            require(!stored || *stored != *quick || *quick == *e164, "a hit on the quick form is the right member",
                    *quick + QStringLiteral(" vs ") + *e164);
        }
        require(PhoneNumberNormalizer::masked(*e164).endsWith(e164->right(4)), "the masked number's last digits");
    }
    return 0;
}
