// Square's CreateLoyaltyReward answer: a reward read has its id.
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
    if (const auto reward = LoyaltyJson::reward(*answer); reward)
        require(!reward->id.isEmpty(), "a reward has its id");
    else
        require(reward.error().kind == SquareError::Kind::Malformed, "a bad reward answer is malformed");
    return 0;
}
