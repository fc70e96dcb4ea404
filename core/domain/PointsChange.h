#pragma once

#include "core/domain/AdjustmentState.h"
#include "core/domain/Member.h"
#include "core/domain/Money.h"

#include <QList>
#include <QString>

namespace lt {

// Points a sale earns beyond the program's own, or a bonus it brings, with the name the cashier and the member
// read ("2x Tuesday afternoons", "Gold 1.25x", "Welcome back 2x", "Referral bonus").
struct PointsLine
{
    enum class Kind { Promotion, Tier, WinBack, Referral };
    Kind kind = Kind::Promotion;
    QString name;
    qint64 points = 0;
    qint64 memberId = 0; // Referral: who receives it (the referrer, or the member of the sale)
};

// What a sale earns, part by part.
struct PointsBreakdown
{
    qint64 programPoints = 0; // the program's accrual rules
    QList<PointsLine> extras; // the tier's multiplier, a promotion, a win-back offer
    qint64 total() const
    {
        qint64 sum = programPoints;
        for (const PointsLine& line : extras)
            sum += line.points;
        return sum;
    }
};

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
    // Accrual: what the sale earned beyond the program's points, the tier it raised the member to (empty: none),
    // the referral bonuses it brought, and the targeted multiplier offer it used (0: none; its line is in `earned`).
    PointsBreakdown earned;
    QString tierChanged;
    QList<PointsLine> bonuses;
    qint64 targetedOfferId = 0;
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
