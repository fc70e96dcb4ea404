#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/receipts/LoyaltySlip.h"

#include <QList>
#include <QString>

namespace lt {

struct EngineContext;
struct LedgerEntry;
struct Member;
struct RefundRecord;
struct SaleRecord;

// Builds the loyalty slip the till prints after a sale, a redemption or a refund, and again for a reprint.
//
// A reprint says what the first print said: the points line by line, the balance right after the operation, the
// rewards that balance affords or nears and the points then due to expire are read back from what the store recorded
// (the sale, its promotion, win-back, targeted-offer and referral rows, and the ledger up to the operation's last
// entry). The member tier line is the member's standing now, so a reprint made after the member's points moved since
// leaves it off rather than mix two times. A targeted offer's line on a sale refunded in full is shown with the
// program's points (the refund frees the offer, and its row with it).
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

    // What `balance` affords this member and what it reaches next (rewards reserved to a higher tier left out).
    struct Rewards
    {
        QString redeemable; // the dearest reward affordable now, or empty
        std::optional<RewardProgress> next; // the cheapest one not affordable yet
    };
    Rewards rewardsWithin(const Member& member, qint64 balance) const;
    // The part of what the member sees on the counter: first name and last four digits of the phone.
    static SlipMember maskedMember(const Member& member);

private:
    // The parts every slip has: store, till, time, member, card, the balance after the entry `throughEntry` (0: none
    // yet) and what that balance brings within reach.
    Result<LoyaltySlip> common(const Member& member, qint64 throughEntry, const QDateTime& at) const;
    Result<LoyaltySlip> saleSlip(const SaleRecord& sale) const;
    Result<LoyaltySlip> redemptionSlip(const LedgerEntry& entry) const;
    Result<LoyaltySlip> refundSlip(const SaleRecord& sale, const QList<RefundRecord>& refunds, qsizetype index) const;
    // The sale's points line by line, as recorded: its promotion, win-back offer and targeted offer have rows of their
    // own; the tier's share is what is left beyond the program's points.
    Result<void> readBackLines(LoyaltySlip& slip, const SaleRecord& sale, const QDateTime& recordedAt) const;
    Result<std::optional<ExpiringPoints>> expiringThrough(qint64 memberId, qint64 entries, QDate on) const;

    EngineContext& m_context;
};

} // namespace lt
