#include "core/domain/AdjustmentState.h"

namespace lt {

namespace {
constexpr std::pair<AdjustmentState, const char*> Names[] = {
    {AdjustmentState::Pending, "pending"},
    {AdjustmentState::Approved, "approved"},
    {AdjustmentState::Rejected, "rejected"},
};
} // namespace

QString toStorage(AdjustmentState state)
{
    return storage::nameOf(Names, state);
}

template<>
Result<AdjustmentState> fromStorage<AdjustmentState>(const QString& text)
{
    return storage::kindOf(Names, text, "adjustment state");
}

} // namespace lt
