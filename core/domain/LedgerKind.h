#pragma once

#include "core/domain/StorageNames.h"

namespace lt {

// What a ledger entry records, stored as text in ledger.kind.
enum class LedgerKind {
    Opening, // points brought from an earlier program when the member was enrolled or imported
    Accrue, // points a sale earned (here, or at Square: ACCUMULATE_POINTS)
    Redeem, // points spent on a reward (negative; at Square: CREATE_REWARD)
    Refund, // points a refunded sale takes back, pro rata (negative)
    Adjust, // a manager's correction, another change made at Square, or Square's side of a conflict taking points
    Restore, // points given back: a refunded sale's reward, a reward deleted at Square, Square's side of a conflict
    Expire, // points that lapsed under the program's expiration rule: at Square, or here for a store Square does not
            // run (negative)
    Void, // a sale's points taken back because the accrual was a mistake (negative)
};

inline constexpr LedgerKind AllLedgerKinds[] = {LedgerKind::Opening, LedgerKind::Accrue, LedgerKind::Redeem,
                                                LedgerKind::Refund,  LedgerKind::Adjust, LedgerKind::Restore,
                                                LedgerKind::Expire,  LedgerKind::Void};

QString toStorage(LedgerKind kind);
template<>
Result<LedgerKind> fromStorage<LedgerKind>(const QString& text);

} // namespace lt
