// Square's loyalty account answers (retrieve, create, search): every account read has its id.
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
    if (const auto account = LoyaltyJson::account(*answer); account)
        require(!account->id.isEmpty(), "an account has its id");
    else
        require(account.error().kind == SquareError::Kind::Malformed, "a bad account answer is malformed");
    if (const auto accounts = LoyaltyJson::accounts(*answer); accounts) {
        for (const SquareAccount& account : *accounts)
            require(!account.id.isEmpty(), "every account of a search has its id");
    } else {
        require(accounts.error().kind == SquareError::Kind::Malformed, "a bad search answer is malformed");
    }
    return 0;
}
