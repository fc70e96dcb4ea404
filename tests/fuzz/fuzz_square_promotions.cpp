// Square's ListLoyaltyPromotions pages: every promotion read has its id and writes back to Square's JSON that reads
// to the same promotion.
#include "sync/square/LoyaltyJson.h"
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
    const auto answer = fuzz::objectOf(data, size);
    if (!answer)
        return 0;
    const auto page = LoyaltyJson::promotionPage(*answer);
    if (!page) {
        require(page.error().kind == SquareError::Kind::Malformed, "a bad promotion page is malformed");
        return 0;
    }
    for (const Promotion& promotion : page->promotions) {
        require(!promotion.squareId.isEmpty(), "a promotion has its id");
        const QJsonObject written = promotion.toSquareJson();
        const auto again = Promotion::fromSquareJson(written);
        require(again.ok(), "a promotion reads back from its JSON",
                again ? QString() : again.error().message + u' ' + QString::fromUtf8(QJsonDocument(written).toJson()));
        require(again->toSquareJson() == written, "a promotion is the same after writing and reading",
                QString::fromUtf8(QJsonDocument(written).toJson()));
    }
    return 0;
}
