// Square's RetrieveLoyaltyProgram answer, read by LoyaltyJson and mapped by SquareProgramMapper onto the store's
// program: a mapped program is one the store can keep (it reads back from its own JSON).
#include "core/domain/LoyaltyProgram.h"
#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareProgramMapper.h"
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
    static const LoyaltyProgram current = LoyaltyProgram::defaultProgram();
    const auto answer = fuzz::objectOf(data, size);
    if (!answer)
        return 0;
    const auto program = LoyaltyJson::program(*answer);
    if (!program) {
        require(program.error().kind == SquareError::Kind::Malformed, "a bad program answer is malformed");
        return 0;
    }
    require(!program->id.isEmpty(), "a program answer has its id");
    const auto mapped = SquareProgramMapper::map(program->json, current);
    if (!mapped) {
        require(!mapped.error().message.isEmpty(), "a refused program says why");
        return 0;
    }
    const QJsonObject written = mapped->toJson();
    const auto again = LoyaltyProgram::fromJson(written);
    require(again && again->toJson() == written, "a mapped program reads back from its JSON",
            QString::fromUtf8(QJsonDocument(written).toJson()));
    return 0;
}
