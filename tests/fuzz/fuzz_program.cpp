// The program file (loyaltytill-admin program set, and the program the store keeps): a program that is read writes
// back to JSON that reads to the same program.
#include "core/domain/LoyaltyProgram.h"
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
    const auto json = fuzz::objectOf(data, size);
    if (!json)
        return 0;
    const auto program = LoyaltyProgram::fromJson(*json);
    if (!program) {
        require(!program.error().message.isEmpty(), "a refused program says why");
        return 0;
    }
    const QJsonObject written = program->toJson();
    const auto again = LoyaltyProgram::fromJson(written);
    require(again.ok(), "a program reads back from its JSON",
            again ? QString() : again.error().message + u' ' + QString::fromUtf8(QJsonDocument(written).toJson()));
    require(again->toJson() == written, "a program is the same after writing and reading",
            QString::fromUtf8(QJsonDocument(written).toJson()));
    for (const RewardTier& tier : program->rewardTiers)
        require(program->tier(tier.id) != nullptr, "each reward is found by its id", tier.id);
    return 0;
}
