#pragma once

#include "core/domain/StorageNames.h"

namespace lt {

// Where a requested adjustment stands, stored as text in adjustments.state.
enum class AdjustmentState {
    Pending, // requested by a cashier; nothing changed yet
    Approved, // a manager approved it: its points are in the ledger
    Rejected, // a manager rejected it: nothing changed
};

QString toStorage(AdjustmentState state);
template<>
Result<AdjustmentState> fromStorage<AdjustmentState>(const QString& text);

} // namespace lt
