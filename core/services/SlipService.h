#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/receipts/LoyaltySlip.h"

#include <QList>
#include <QString>

namespace lt {

struct EngineContext;
struct Member;

// Builds the loyalty slip the till prints after a sale, a redemption or a refund, and again for a reprint.
//
// A reprint says what the first print said: the points line by line, the balance right after the operation, the
// reward it brings within reach and the points then due to expire are read back from what the store recorded (the
// sale, its promotion, win-back, targeted-offer and referral rows, and the ledger up to the operation's last
// entry). Two parts are today's: the member tier line (the tier held and the way to the next), and a targeted
// offer's line on a sale refunded in full (the refund frees the offer, and its points are then shown with the
// program's).
class SlipService
{
public:
    explicit SlipService(EngineContext& context)
        : m_context(context)
    {
    }

    // What AccrualService::accrue (Sale), RedemptionService::redeem (Redemption) or RefundService::refund (Refund)
    // just returned; refundReference: the register's refund number, when it gave one. A repeated sale or refund (the
    // register sent it again) gives the slip of the one recorded.
    Result<LoyaltySlip> fromChange(LoyaltySlip::Kind kind, const PointsChange& change,
                                   const QString& refundReference = {}) const;

    // Every slip printed under a reference, oldest first: a refund number gives that refund's slip; a sale's receipt
    // number the rewards redeemed on it, the sale and its refunds; a reference only redemptions name, those. NotFound
    // when nothing was recorded under it.
    Result<QList<LoyaltySlip>> forReference(const QString& reference) const;

    // The reward within reach of `balance` for this member (rewards reserved to a higher tier left out).
    std::optional<RewardProgress> rewardProgress(const Member& member, qint64 balance) const;
    // The part of what the member sees on the counter: first name and last four digits of the phone.
    static SlipMember maskedMember(const Member& member);

private:
    struct Recorded; // one operation as the store recorded it
    Result<LoyaltySlip> common(const Member& member, qint64 balanceEntry, const QDateTime& at) const;
    Result<LoyaltySlip> saleSlip(const QString& reference) const;
    Result<QList<LoyaltySlip>> redemptionSlips(const QString& reference) const;
    Result<QList<LoyaltySlip>> refundSlips(const QString& saleReference, const QString& refundReference) const;

    EngineContext& m_context;
};

} // namespace lt
