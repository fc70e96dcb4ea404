// Card numbers as typed or scanned at the till: a valid card is its own canonical form and is the card of its serial.
#include "core/domain/CardNumber.h"
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
    const auto card = CardNumber::validate(text);
    const bool looksLikeCard = CardNumber::looksLikeCard(text);
    if (card) {
        require(card->size() == CardNumber::Length && card->startsWith(CardNumber::Prefix), "a valid card's shape");
        require(looksLikeCard, "a valid card looks like a card", *card);
        const auto again = CardNumber::validate(*card);
        require(again && *again == *card, "a valid card validates to itself", *card);
        require(CardNumber::fromSerial(card->mid(2, 10).toLongLong()) == *card, "a card is its serial's", *card);
    } else {
        require(!card.error().message.isEmpty(), "a refused card says why");
    }
    if (looksLikeCard) {
        const QString digits = CardNumber::stripSeparators(text);
        const int check = CardNumber::checkDigit(digits);
        require(check >= 0 && check <= 9, "a check digit is a digit");
        require(card.ok() == (check == digits.at(12).digitValue()),
                "a card-shaped number is valid iff its check digit is");
    }
    return 0;
}
