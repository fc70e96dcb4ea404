#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerKind.h"
#include "core/domain/LoyaltyProgram.h"
#include "core/domain/Money.h"
#include "core/domain/Sale.h"

#include <optional>

namespace lt {

// The points rules of a program, all in one place: what a sale earns (accrual), what a reward costs (redemption),
// what a refund or a void takes back (reversal), what counts toward lifetime points, and the member tier those
// reach. Pure arithmetic on the program: the services apply the rules, the store records their results.
class PointsRules
{
public:
    explicit PointsRules(const LoyaltyProgram& program)
        : m_program(program)
    {
    }

    // Accrual. Like Square, every accrual rule is evaluated and the one that gives the most points wins; rules do
    // not add up. An inactive program earns nothing.
    qint64 pointsFor(const Sale& sale) const;
    qint64 pointsFor(const Sale& sale, const AccrualRule& rule) const;

    // Redemption cost: the points a reward takes from a balance and the discount the register applies.
    struct Redemption
    {
        qint64 points = 0; // positive: what the balance loses
        Money discount; // the fixed discount, or the cap of a percentage discount (zero: no cap)
        int discountPercentage = 0; // a percentage reward's percentage, 0 for a fixed discount
    };
    // A fixed tier costs its points; a partial tier lets the cashier choose between its minimum and its maximum
    // (by default as many as the balance allows). Refused when the program is inactive or the balance too low.
    Result<Redemption> redemptionCost(const RewardTier& tier, std::optional<qint64> requestedPoints,
                                      qint64 balance) const;

    // Refund reversal: pro rata on the sale's refunded total, rounded down, never more than the sale earned.
    // Counting on the total refunded so far (not per refund) means partial refunds that add up to the whole sale
    // reverse exactly what it earned. Returns the points this refund takes back (0 or more).
    static qint64 refundReversal(qint64 earned, qint64 totalMinor, qint64 refundedAfterMinor, qint64 reversedBefore);
    // A voided sale takes back whatever its refunds have not.
    static qint64 voidReversal(qint64 earned, qint64 reversedBefore);
    // A fully refunded sale gives back the points its rewards used, once (when the store's setting says restore).
    static qint64 rewardPointsToRestore(qint64 redeemed, qint64 restoredBefore);

    // Lifetime points count what was earned: accruals and opening balances, less the refunds and voids that took
    // earnings back, and adjustments that add points. Spending, restoring and expiry do not change them.
    enum class LifetimeEffect {
        All, // the entry's points count, up or down
        GainsOnly, // the entry's points count when positive
        None, // the entry never changes lifetime points
    };
    static LifetimeEffect lifetimeEffect(LedgerKind kind);
    static qint64 lifetimeDelta(LedgerKind kind, qint64 points);

private:
    const LoyaltyProgram& m_program;
};

} // namespace lt
