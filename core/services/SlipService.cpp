#include "core/services/SlipService.h"

#include "core/common/Clock.h"
#include "core/common/LocalDays.h"
#include "core/domain/CardNumber.h"
#include "core/domain/ExpiryRules.h"
#include "core/domain/ProgramFields.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/services/TierService.h"
#include "core/store/GrantStore.h"
#include "core/store/LedgerStore.h"
#include "core/store/OfferStore.h"
#include "core/store/PromotionStore.h"
#include "core/store/SaleStore.h"
#include "core/store/StoreSettings.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace lt {

namespace {
// Points due to expire further off than this are not on the slip: the member cannot act on them yet.
constexpr int ExpiryNoticeDays = 60;
constexpr qsizetype FirstNameLength = 20;
const QString FooterKey = QStringLiteral("slip.footer");

// The base b with b + b × (milli − 1000) / 1000 (rounded down, as AccrualService computes a multiplier's share)
// equal to `total`; the function grows with b, so there is at most one.
std::optional<qint64> baseBeforeMultiplier(qint64 total, int milli)
{
    if (total <= 0 || milli <= 1000)
        return std::nullopt;
    for (qint64 base = std::max<qint64>(0, total * 1000 / milli - 2); base <= total; ++base) {
        const qint64 with = base + base * (milli - 1000) / 1000;
        if (with == total)
            return base;
        if (with > total)
            break;
    }
    return std::nullopt;
}
} // namespace

SlipMember SlipService::maskedMember(const Member& member)
{
    SlipMember masked;
    masked.id = member.id;
    const QString name = member.name.simplified();
    masked.firstName = name.section(QLatin1Char(' '), 0, 0).left(FirstNameLength);
    QString digits;
    for (QChar c : member.phone) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.size() >= 4)
        masked.phoneLast4 = digits.right(4);
    return masked;
}

SlipService::Rewards SlipService::rewardsWithin(const Member& member, qint64 balance) const
{
    const LoyaltyProgram& program = m_context.program;
    const TierPolicy& tiers = program.memberTiers;
    const int held = std::max(0, tiers.indexOf(member.tier));
    const RewardTier* best = nullptr; // the dearest one the balance affords
    const RewardTier* next = nullptr; // the cheapest one it does not
    const auto cost = [](const RewardTier& reward) {
        return reward.partial ? reward.minimumPoints : reward.points;
    };
    for (const RewardTier& reward : program.rewardTiers) {
        const int needed = tiers.rewardTierIndex(reward.id);
        if (needed > 0 && held < needed)
            continue;
        if (balance >= cost(reward)) {
            if (!best || cost(reward) >= cost(*best))
                best = &reward;
        } else if (!next || cost(reward) < cost(*next)) {
            next = &reward;
        }
    }
    Rewards rewards;
    if (best)
        rewards.redeemable = best->name;
    if (next)
        rewards.next = RewardProgress {next->name, cost(*next) - balance};
    return rewards;
}

Result<std::optional<ExpiringPoints>> SlipService::expiringThrough(qint64 memberId, qint64 entries, QDate on) const
{
    if (!m_context.program.expirationMonths || entries <= 0)
        return std::optional<ExpiringPoints>();
    LT_TRY_ASSIGN(const LedgerStore::MemberLedger ledger, LedgerStore(m_context.db).memberLedger(memberId));
    LocalDays days;
    QList<DatedPoints> dated;
    for (qsizetype i = 0; i < ledger.entries.size() && i < entries; ++i)
        dated.append(DatedPoints {days.dayOf(ledger.entries.at(i).createdAt), ledger.entries.at(i).points});
    for (const ExpiringPoints& lot : ExpiryRules(*m_context.program.expirationMonths).live(dated, on)) {
        if (lot.points > 0 && lot.expiresAt <= on.addDays(ExpiryNoticeDays))
            return std::optional<ExpiringPoints>(lot);
    }
    return std::optional<ExpiringPoints>();
}

Result<LoyaltySlip> SlipService::common(const Member& member, qint64 throughEntry, const QDateTime& at) const
{
    LoyaltySlip slip;
    const StoreSettings settings(m_context.db);
    slip.storeName = settings.value(StoreSettings::StoreName);
    slip.footer = settings.value(FooterKey);
    slip.tillName = m_context.tillName;
    slip.at = at.toUTC();
    slip.member = maskedMember(member);
    if (CardNumber::validate(member.card))
        slip.cardNumber = member.card;
    LedgerStore::Through through;
    if (throughEntry > 0) {
        LT_TRY_ASSIGN(through, LedgerStore(m_context.db).through(member.id, throughEntry));
    }
    slip.balance = through.balance;
    const Rewards rewards = rewardsWithin(member, through.balance);
    slip.redeemableReward = rewards.redeemable;
    slip.nextReward = rewards.next;
    LT_TRY_ASSIGN(slip.expiring, expiringThrough(member.id, through.entries, slip.at.toLocalTime().date()));
    // The tier's standing is today's: on a reprint made after the member's points moved it would not be the one of
    // the slip's time, so it is left off.
    LT_TRY_ASSIGN(const LedgerStore::Through now,
                  LedgerStore(m_context.db).through(member.id, std::numeric_limits<qint64>::max()));
    if (now.entries > through.entries)
        return slip;
    LT_TRY_ASSIGN(const TierService::Outlook tier, TierService(m_context).outlook(member.id));
    if (!tier.nextTier.isEmpty()) {
        TierProgress progress;
        progress.tier = tier.tier;
        progress.nextTier = tier.nextTier;
        if (m_context.program.memberTiers.basis == TierPolicy::Basis::Spend)
            progress.spendNeeded = Money(tier.toNextTier, m_context.program.currency);
        else
            progress.pointsNeeded = tier.toNextTier;
        slip.nextTier = progress;
    }
    return slip;
}

Result<void> SlipService::readBackLines(LoyaltySlip& slip, const SaleRecord& sale, const QDateTime& recordedAt) const
{
    QList<PointsLine> promotions;
    LT_TRY_ASSIGN(const QList<PromotionAward> awards, PromotionStore(m_context.db).pointsBySale(sale.id));
    for (const PromotionAward& award : awards)
        promotions << PointsLine {PointsLine::Kind::Promotion, award.name, award.points, sale.memberId};
    LT_TRY_ASSIGN(const QList<Grant> grants, GrantStore(m_context.db).ofSale(sale.id));
    QList<PointsLine> winBack;
    QList<PointsLine> referrals;
    for (const Grant& grant : grants) {
        if (grant.memberId != sale.memberId)
            continue; // the referrer's bonus goes on no slip of this member's
        if (grant.kind == GrantKind::WinBack && grant.points > 0) {
            const QString name = m_context.program.winBack
                ? QCoreApplication::translate("AccrualService", "Welcome back %1x")
                      .arg(multiplierText(m_context.program.winBack->multiplierMilli))
                : QCoreApplication::translate("SlipService", "Welcome back offer");
            winBack << PointsLine {PointsLine::Kind::WinBack, name, grant.points, sale.memberId};
        } else if (grant.kind == GrantKind::Referral) {
            referrals << PointsLine {PointsLine::Kind::Referral,
                                     QCoreApplication::translate("ReferralService", "Referral bonus"), grant.points,
                                     sale.memberId};
        }
    }
    LT_TRY_ASSIGN(const std::optional<OfferStore::SaleUse> targeted,
                  OfferStore(m_context.db).multiplierUsedBy(sale.memberId, sale.id));
    qint64 known = 0;
    for (const QList<PointsLine>* lines : {&promotions, &winBack}) {
        for (const PointsLine& line : *lines)
            known += line.points;
    }
    if (targeted)
        known += targeted->points;

    // The tier the member held when the sale was recorded: the last change before it, not the one it brought.
    LT_TRY_ASSIGN(const QList<TierChange> changes, MemberDirectory(m_context).tierChanges(sale.memberId));
    QString held;
    for (const TierChange& change : changes) {
        if (change.saleId == sale.id || change.at > recordedAt)
            break;
        held = change.toTier;
    }
    const MemberTier* tier = TierService(m_context).heldTier(held);
    const qint64 rest = sale.points - known;
    slip.programPoints = rest;
    slip.extras.clear();
    if (tier && tier->multiplierMilli > 1000) {
        if (const std::optional<qint64> base = baseBeforeMultiplier(rest, tier->multiplierMilli);
            base && rest - *base > 0) {
            slip.programPoints = *base;
            slip.extras << PointsLine {PointsLine::Kind::Tier,
                                       QStringLiteral("%1 %2x").arg(tier->name, multiplierText(tier->multiplierMilli)),
                                       rest - *base, sale.memberId};
        }
    }
    slip.extras << promotions << winBack;
    if (targeted)
        slip.extras << PointsLine {
            PointsLine::Kind::Promotion,
            QStringLiteral("%1 %2x").arg(targeted->name, multiplierText(targeted->multiplierMilli)), targeted->points,
            sale.memberId};
    slip.extras << referrals;
    return {};
}

Result<LoyaltySlip> SlipService::saleSlip(const SaleRecord& sale) const
{
    LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(sale.memberId));
    LT_TRY_ASSIGN(const QList<LedgerEntry> entries, LedgerStore(m_context.db).ofSale(sale.id));
    LT_TRY_ASSIGN(const QList<Grant> grants, GrantStore(m_context.db).ofSale(sale.id));
    // The balance right after the sale's transaction: its accrual, and the referral bonus it brought the member.
    qint64 through = 0;
    QDateTime recordedAt = sale.at;
    for (const LedgerEntry& entry : entries) {
        if (entry.kind == LedgerKind::Accrue && entry.memberId == sale.memberId) {
            through = std::max(through, entry.id);
            recordedAt = entry.createdAt;
        }
    }
    for (const Grant& grant : grants) {
        if (grant.kind == GrantKind::Referral && grant.memberId == sale.memberId)
            through = std::max(through, grant.ledgerId);
    }
    if (through == 0) { // a sale that earned nothing: the balance as it stood then
        LT_TRY_ASSIGN(through, LedgerStore(m_context.db).lastEntryAt(sale.memberId, sale.at));
    }
    LT_TRY_ASSIGN(LoyaltySlip slip, common(member, through, sale.at));
    slip.kind = LoyaltySlip::Kind::Sale;
    slip.reference = sale.reference;
    slip.saleTotal = sale.total;
    if (!sale.till.isEmpty())
        slip.tillName = sale.till;
    LT_TRY(readBackLines(slip, sale, recordedAt));
    return slip;
}

Result<LoyaltySlip> SlipService::redemptionSlip(const LedgerEntry& entry) const
{
    LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(entry.memberId));
    LT_TRY_ASSIGN(LoyaltySlip slip, common(member, entry.id, entry.createdAt));
    slip.kind = LoyaltySlip::Kind::Redemption;
    slip.reference = entry.saleReference;
    slip.pointsSpent = -entry.points;
    const RewardTier* reward = m_context.program.tier(entry.rewardTierId);
    slip.rewardName = reward ? reward->name : entry.rewardTierId;
    slip.discount = Money(entry.discountMinor, m_context.program.currency);
    if (reward && reward->discount == RewardTier::Discount::Percentage)
        slip.discountPercentage = reward->percentage;
    return slip;
}

Result<LoyaltySlip> SlipService::refundSlip(const SaleRecord& sale, const QList<RefundRecord>& refunds,
                                            qsizetype index) const
{
    const RefundRecord& refund = refunds.at(index);
    LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(sale.memberId));
    const LedgerStore ledger(m_context.db);
    // The refund's row is written last in its transaction: every entry of that transaction is at or before it.
    LT_TRY_ASSIGN(qint64 through, ledger.lastEntryAt(sale.memberId, refund.at));
    through = std::max(through, refund.ledgerId);
    LT_TRY_ASSIGN(LoyaltySlip slip, common(member, through, refund.at));
    slip.kind = LoyaltySlip::Kind::Refund;
    slip.reference = sale.reference;
    slip.refundReference = refund.reference;
    slip.saleTotal = sale.total;
    slip.refunded = Money(refund.amountMinor, sale.total.currency());
    slip.pointsTakenBack = -refund.points;
    // Only the refund that completes the sale gives a reward's points back (refund.redeemed_reward = restore).
    if (index == refunds.size() - 1 && sale.refundedMinor >= sale.total.minorUnits()) {
        LT_TRY_ASSIGN(const QList<LedgerEntry> restored, ledger.ofReference(sale.reference, LedgerKind::Restore));
        for (const LedgerEntry& entry : restored) {
            if (entry.memberId == sale.memberId && entry.id <= through)
                slip.pointsRestored += entry.points;
        }
    }
    return slip;
}

Result<LoyaltySlip> SlipService::fromChange(LoyaltySlip::Kind kind, const PointsChange& change,
                                            const QString& refundReference) const
{
    switch (kind) {
    case LoyaltySlip::Kind::Sale: {
        LT_TRY_ASSIGN(const SaleRecord sale, SaleStore(m_context.db).require(change.saleReference));
        LT_TRY_ASSIGN(LoyaltySlip slip, saleSlip(sale));
        if (!change.repeated) { // what the accrual computed, rather than what is read back
            slip.programPoints = change.earned.programPoints;
            slip.extras = change.earned.extras;
            for (const PointsLine& bonus : change.bonuses) {
                if (bonus.memberId == sale.memberId && bonus.points > 0)
                    slip.extras << bonus;
            }
        }
        return slip;
    }
    case LoyaltySlip::Kind::Redemption: {
        LT_TRY_ASSIGN(const std::optional<LedgerEntry> entry, LedgerStore(m_context.db).entry(change.ledgerId));
        if (!entry || entry->kind != LedgerKind::Redeem)
            return Error::notFound(
                QCoreApplication::translate("SlipService", "There is no redemption %1.").arg(change.ledgerId));
        return redemptionSlip(*entry);
    }
    case LoyaltySlip::Kind::Refund: {
        LT_TRY_ASSIGN(const SaleRecord sale, SaleStore(m_context.db).require(change.saleReference));
        LT_TRY_ASSIGN(const QList<RefundRecord> refunds, SaleStore(m_context.db).refundsOf(sale.id));
        qsizetype index = refunds.size() - 1;
        if (!refundReference.trimmed().isEmpty()) {
            while (index >= 0 && refunds.at(index).reference != refundReference.trimmed())
                --index;
        }
        if (index < 0)
            return Error::notFound(
                QCoreApplication::translate("SlipService", "Sale %1 has no refund %2.")
                    .arg(change.saleReference,
                         refundReference.trimmed().isEmpty() ? QStringLiteral("-") : refundReference.trimmed()));
        return refundSlip(sale, refunds, index);
    }
    }
    return Error::internal(QStringLiteral("Unknown slip kind"));
}

Result<QList<LoyaltySlip>> SlipService::forReference(const QString& input) const
{
    const QString reference = input.trimmed();
    if (reference.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("SlipService", "Enter the receipt number of a sale, a refund or a redemption."),
            QStringLiteral("reference"));
    const SaleStore sales(m_context.db);
    QList<LoyaltySlip> slips;
    LT_TRY_ASSIGN(const std::optional<RefundRecord> refund, sales.refund(reference));
    if (refund) {
        LT_TRY_ASSIGN(const std::optional<SaleRecord> sale, sales.byId(refund->saleId));
        if (!sale)
            return Error::corrupt(
                QStringLiteral("Refund %1 names sale %2, which is not there.").arg(reference).arg(refund->saleId));
        LT_TRY_ASSIGN(const QList<RefundRecord> refunds, sales.refundsOf(sale->id));
        for (qsizetype i = 0; i < refunds.size(); ++i) {
            if (refunds.at(i).id == refund->id) {
                LT_TRY_ASSIGN(const LoyaltySlip slip, refundSlip(*sale, refunds, i));
                slips << slip;
            }
        }
        return slips;
    }
    LT_TRY_ASSIGN(const QList<LedgerEntry> redemptions,
                  LedgerStore(m_context.db).ofReference(reference, LedgerKind::Redeem));
    for (const LedgerEntry& entry : redemptions) {
        LT_TRY_ASSIGN(const LoyaltySlip slip, redemptionSlip(entry));
        slips << slip;
    }
    LT_TRY_ASSIGN(const std::optional<SaleRecord> sale, sales.find(reference));
    if (sale) {
        LT_TRY_ASSIGN(const LoyaltySlip slip, saleSlip(*sale));
        slips << slip;
        LT_TRY_ASSIGN(const QList<RefundRecord> refunds, sales.refundsOf(sale->id));
        for (qsizetype i = 0; i < refunds.size(); ++i) {
            LT_TRY_ASSIGN(const LoyaltySlip refundSlipOfSale, refundSlip(*sale, refunds, i));
            slips << refundSlipOfSale;
        }
    }
    if (slips.isEmpty())
        return Error::notFound(
            QCoreApplication::translate("SlipService", "Nothing was recorded under %1: no sale, refund or redemption.")
                .arg(reference));
    std::stable_sort(slips.begin(), slips.end(),
                     [](const LoyaltySlip& a, const LoyaltySlip& b) { return a.at < b.at; });
    return slips;
}

} // namespace lt
