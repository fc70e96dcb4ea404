#include "core/services/TierService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Money.h"
#include "core/services/EngineContext.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

namespace {
constexpr int EvaluationBatch = 2000;
}

QDate TierService::today() const
{
    return m_context.clock.nowUtc().toLocalTime().date();
}

QDateTime TierService::windowStart(QDate day) const
{
    const QDate first = m_context.program.memberTiers.windowStart(day);
    return first.isValid() ? QDateTime(first, QTime(0, 0)).toUTC() : QDateTime();
}

QString TierService::amountText(qint64 qualifying) const
{
    if (m_context.program.memberTiers.basis == TierPolicy::Basis::Spend)
        return Money(qualifying, m_context.program.currency).toDisplayString();
    return QStringLiteral("%1 %2").arg(qualifying).arg(m_context.program.pointsWord(qualifying));
}

Result<qint64> TierService::qualifying(qint64 memberId, QDate day) const
{
    TierStore store(m_context.db);
    if (m_context.program.memberTiers.basis == TierPolicy::Basis::Spend)
        return store.qualifyingSpend(memberId, windowStart(day));
    return store.qualifyingPoints(memberId, windowStart(day));
}

Result<const MemberTier*> TierService::heldTier(qint64 memberId) const
{
    const TierPolicy& policy = m_context.program.memberTiers;
    if (policy.isEmpty())
        return static_cast<const MemberTier*>(nullptr);
    LT_TRY_ASSIGN(const TierStore::Standing standing, TierStore(m_context.db).standing(memberId));
    return heldTier(standing.tier);
}

const MemberTier* TierService::heldTier(const QString& stored) const
{
    const TierPolicy& policy = m_context.program.memberTiers;
    if (policy.isEmpty())
        return nullptr;
    const MemberTier* tier = policy.tier(stored);
    return tier ? tier : &policy.tiers.constFirst();
}

Result<int> TierService::multiplierMilli(qint64 memberId) const
{
    LT_TRY_ASSIGN(const MemberTier* tier, heldTier(memberId));
    return tier ? tier->multiplierMilli : 1000;
}

Result<TierService::Outlook> TierService::outlook(qint64 memberId) const
{
    Outlook outlook;
    const TierPolicy& policy = m_context.program.memberTiers;
    if (policy.isEmpty())
        return outlook;
    LT_TRY_ASSIGN(const TierStore::Standing standing, TierStore(m_context.db).standing(memberId));
    const int index = std::max(policy.indexOf(standing.tier), 0);
    LT_TRY_ASSIGN(outlook.qualifying, qualifying(memberId, today()));
    outlook.tier = policy.tiers.at(index).name;
    outlook.multiplierMilli = policy.tiers.at(index).multiplierMilli;
    // A member who already qualifies for a tier not given yet (the next sale or evaluation gives it) is shown the
    // one after it as next.
    const int reached = std::max(index, policy.indexFor(outlook.qualifying));
    if (reached + 1 < policy.tiers.size()) {
        const MemberTier& next = policy.tiers.at(reached + 1);
        outlook.nextTier = next.name;
        outlook.toNextTier = std::max<qint64>(0, next.threshold - outlook.qualifying);
    }
    return outlook;
}

Result<std::optional<TierChange>> TierService::afterPurchase(qint64 memberId, qint64 saleId,
                                                             const QString& saleReference)
{
    const TierPolicy& policy = m_context.program.memberTiers;
    if (policy.isEmpty())
        return std::optional<TierChange>();
    TierStore store(m_context.db);
    LT_TRY_ASSIGN(const TierStore::Standing standing, store.standing(memberId));
    const int held = std::max(policy.indexOf(standing.tier), 0);
    // At the top with nothing to clear, no purchase can change anything: the window's sum (a loyal customer's many
    // entries) is not read on every sale.
    if (held + 1 == policy.tiers.size() && !standing.belowSince.isValid())
        return std::optional<TierChange>();
    LT_TRY_ASSIGN(const qint64 total, qualifying(memberId, today()));
    const int reached = policy.indexFor(total);
    if (reached <= held) {
        if (reached == held && standing.belowSince.isValid())
            LT_TRY(store.setBelowSince(memberId, std::nullopt));
        return std::optional<TierChange>();
    }
    TierChange change;
    change.memberId = memberId;
    change.fromTier = policy.tiers.at(held).name;
    change.toTier = policy.tiers.at(reached).name;
    change.up = true;
    change.qualifying = total;
    change.saleId = saleId;
    change.at = m_context.clock.nowUtc();
    const QString threshold = amountText(policy.tiers.at(reached).threshold);
    change.reason = saleReference.isEmpty()
        ? QCoreApplication::translate("TierService", "%1 within the window; %2 starts at %3.")
              .arg(amountText(total), change.toTier, threshold)
        : QCoreApplication::translate("TierService", "Sale %1 brought %2 within the window; %3 starts at %4.")
              .arg(saleReference, amountText(total), change.toTier, threshold);
    LT_TRY(store.setTier(change));
    qCDebug(lcServices) << "member" << memberId << "rose to" << change.toTier;
    return std::optional<TierChange>(change);
}

Result<QList<TierChange>> TierService::evaluate(QDate day)
{
    QList<TierChange> changes;
    const TierPolicy& policy = m_context.program.memberTiers;
    if (policy.isEmpty())
        return changes;
    TierStore store(m_context.db);
    TierStore::Totals totals;
    if (policy.basis == TierPolicy::Basis::Spend) {
        LT_TRY_ASSIGN(totals, store.allQualifyingSpend(windowStart(day)));
    } else {
        LT_TRY_ASSIGN(totals, store.allQualifyingPoints(windowStart(day)));
    }
    qCDebug(lcServices) << "tier evaluation read the window's totals of" << totals.members() << "members";
    const QDateTime now = m_context.clock.nowUtc();
    qint64 afterId = 0;
    for (;;) {
        LT_TRY_ASSIGN(const QList<TierStore::Standing> page, store.standings(afterId, EvaluationBatch));
        if (page.isEmpty())
            break;
        afterId = page.constLast().memberId;
        LT_TRY(inBackgroundTransaction(m_context.db, [&]() -> Result<void> {
            for (const TierStore::Standing& standing : page) {
                const qint64 total = totals.of(standing.memberId);
                const int known = policy.indexOf(standing.tier);
                const int held = std::max(known, 0);
                const int reached = policy.indexFor(total);
                TierChange change;
                change.memberId = standing.memberId;
                change.fromTier = policy.tiers.at(held).name;
                change.qualifying = total;
                change.at = now;
                if (reached > held) {
                    change.toTier = policy.tiers.at(reached).name;
                    change.reason =
                        QCoreApplication::translate("TierService", "%1 within the window; %2 starts at %3.")
                            .arg(amountText(total), change.toTier, amountText(policy.tiers.at(reached).threshold));
                } else if (reached < held) {
                    // The grace counts from the first evaluation that found the member short; with none, that one
                    // lowers.
                    const QDate below = standing.belowSince.isValid() ? standing.belowSince : day;
                    if (below.daysTo(day) < policy.graceDays) {
                        if (!standing.belowSince.isValid())
                            LT_TRY(store.setBelowSince(standing.memberId, day));
                        continue;
                    }
                    change.toTier = policy.tiers.at(reached).name;
                    change.up = false;
                    change.reason = QCoreApplication::translate(
                                        "TierService", "%1 within the window, short of the %2 %3 needs since %4.")
                                        .arg(amountText(total), amountText(policy.tiers.at(held).threshold),
                                             change.fromTier, QLocale().toString(below, QLocale::ShortFormat));
                } else {
                    if (standing.belowSince.isValid())
                        LT_TRY(store.setBelowSince(standing.memberId, std::nullopt));
                    continue;
                }
                LT_TRY(store.setTier(change));
                changes << change;
            }
            return {};
        }));
    }
    qCDebug(lcServices) << "tier evaluation on" << day << "changed" << changes.size() << "members";
    return changes;
}

} // namespace lt
