#pragma once

#include "core/domain/AdjustmentState.h"
#include "core/domain/Member.h"
#include "core/domain/Money.h"

#include <QString>

namespace lt {

// What an accrual, redemption, refund or adjustment did. `points` is the signed change to the balance and
// `member` is the member after it.
struct PointsChange
{
    Member member;
    qint64 points = 0;
    qint64 ledgerId = 0;
    bool repeated = false; // the same sale or refund was recorded before; nothing new was written
    QString saleReference;
    Money saleTotal;
    // Redemption: what the register must apply.
    QString rewardTierId;
    QString rewardName;
    Money discount;
    int discountPercentage = 0;
    // Refund.
    Money refunded;
    qint64 restoredPoints = 0;
    // Adjustment.
    qint64 adjustmentId = 0;
    AdjustmentState adjustmentState = AdjustmentState::Pending; // meaningful when adjustmentId > 0
};

} // namespace lt
