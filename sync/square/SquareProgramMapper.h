#pragma once

#include "core/common/Result.h"
#include "core/domain/LoyaltyProgram.h"

#include <QJsonObject>

namespace lt {

// Turns Square's LoyaltyProgram into the store's program. Square's accrual rules, reward tiers, terminology and
// expiration policy replace the local ones; what Square does not describe is kept from the current program: the
// discount each reward gives (Square keeps it in a Catalog pricing rule), rewards that let the cashier choose the
// points (a local extension, sent to Square as adjustments) and the member tiers.
class SquareProgramMapper
{
public:
    static Result<LoyaltyProgram> map(const QJsonObject& squareProgram, const LoyaltyProgram& current);
};

} // namespace lt
