#pragma once

#include "core/domain/StorageNames.h"

namespace lt {

// What an outbox row asks Square to do, stored as text in outbox.operation.
enum class OutboxOperation {
    Enroll, // create (or find by phone) the member's loyalty account
    Accrue, // add the points a sale earned
    Redeem, // create and redeem a reward
    Refund, // take back a refunded sale's points
    Adjust, // any other change of points: adjustments, voids, opening balances, restored rewards
};

// Where an outbox row stands, stored as text in outbox.state.
enum class OutboxState {
    Pending, // not yet accepted by Square: waiting for the next push or for its retry time
    Sent, // Square accepted it
    Conflict, // Square refused it; a sync conflict waits for a manager
};

// Why sync could not settle a disagreement with Square alone, stored as text in sync_conflicts.kind.
enum class ConflictKind {
    Overspend, // the points were already spent elsewhere: Square's balance is too low for a redemption
    PhoneRejected, // Square refused the member's phone number at enrollment
    AccountMissing, // the member's Square account is gone (merged or deleted)
    Refused, // Square refused the operation for another reason
    BalanceMismatch, // the balances disagree without one operation to blame
};

QString toStorage(OutboxOperation operation);
QString toStorage(OutboxState state);
QString toStorage(ConflictKind kind);
template<>
Result<OutboxOperation> fromStorage<OutboxOperation>(const QString& text);
template<>
Result<OutboxState> fromStorage<OutboxState>(const QString& text);
template<>
Result<ConflictKind> fromStorage<ConflictKind>(const QString& text);

} // namespace lt
