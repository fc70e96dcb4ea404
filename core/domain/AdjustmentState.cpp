#include "core/domain/AdjustmentState.h"

namespace lt {

namespace {
constexpr std::pair<AdjustmentState, const char*> AdjustmentStateNames[] = {
    {AdjustmentState::Pending, "pending"},
    {AdjustmentState::Approved, "approved"},
    {AdjustmentState::Rejected, "rejected"},
};
} // namespace

QString toStorage(AdjustmentState state)
{
    return storage::nameOf(AdjustmentStateNames, state);
}

template<>
Result<AdjustmentState> fromStorage<AdjustmentState>(const QString& text)
{
    return storage::kindOf(AdjustmentStateNames, text, "adjustment state");
}

} // namespace lt
