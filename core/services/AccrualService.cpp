#include "core/services/AccrualService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/domain/PointsRules.h"
#include "core/domain/ProgramFields.h"
#include "core/domain/PromotionRules.h"
#include "core/services/EngineContext.h"
#include "core/services/MarketingConsent.h"
#include "core/services/MemberDirectory.h"
#include "core/services/PromotionCache.h"
#include "core/services/ReferralService.h"
#include "core/services/TierService.h"
#include "core/store/AuditLog.h"
#include "core/store/GrantStore.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/OfferStore.h"
#include "core/store/PromotionStore.h"
#include "core/store/SaleStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<QString> AccrualService::validateReference(const QString& reference)
{
    const QString text = reference.trimmed();
    if (text.isEmpty())
        return Error::invalid(QCoreApplication::translate("AccrualService", "Enter the sale's receipt number."),
                              QStringLiteral("sale"));
    if (text.size() > 64)
        return Error::invalid(
            QCoreApplication::translate("AccrualService", "A receipt number has at most 64 characters."),
            QStringLiteral("sale"));
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c.isSpace())
            return Error::invalid(
                QCoreApplication::translate("AccrualService", "A receipt number has no spaces or control characters."),
                QStringLiteral("sale"));
    }
    return text;
}

Result<void> AccrualService::validate(const Sale& sale) const
{
    LT_TRY(validateReference(sale.reference));
    const qint64 total = sale.total.minorUnits();
    if (total <= 0)
        return Error::invalid(QCoreApplication::translate("AccrualService", "The sale total must be more than zero."),
                              QStringLiteral("amount"));
    if (total > Money::MaximumMinorUnits)
        return Error::invalid(
            QCoreApplication::translate("AccrualService", "The amount is larger than any sale can be."),
            QStringLiteral("amount"));
    if (sale.total.currency() != m_context.program.currency)
        return Error::invalid(QCoreApplication::translate("AccrualService", "The program counts in %1, not %2.")
                                  .arg(m_context.program.currency, sale.total.currency()),
                              QStringLiteral("amount"));
    qint64 lines = 0;
    for (const SaleLine& line : sale.lines) {
        if (line.quantity < 1 || line.quantity > 100000 || line.amountMinor < 0 || line.amountMinor > total)
            return Error::invalid(
                QCoreApplication::translate("AccrualService", "A sale line has an impossible quantity or amount."),
                QStringLiteral("items"));
        lines += line.amountMinor;
    }
    if (lines > total)
        return Error::invalid(
            QCoreApplication::translate("AccrualService", "The sale lines add up to more than the total."),
            QStringLiteral("items"));
    return {};
}

Result<PointsBreakdown> AccrualService::preview(qint64 memberId, const Sale& sale) const
{
    LT_TRY(validate(sale));
    Member member;
    if (memberId > 0) {
        LT_TRY_ASSIGN(const std::optional<Member> found, MemberStore(m_context.db).byId(memberId));
        member = found.value_or(Member {});
        member.id = memberId;
    }
    LT_TRY_ASSIGN(const Earning earned, earning(member, sale, m_context.clock.nowUtc()));
    return earned.breakdown;
}

Result<AccrualService::Earning> AccrualService::earning(const Member& member, const Sale& sale,
                                                        const QDateTime& at) const
{
    const qint64 memberId = member.id;
    Earning earned;
    PointsBreakdown& breakdown = earned.breakdown;
    breakdown.programPoints = PointsRules(m_context.program).pointsFor(sale);
    // Like Square's promotions, every addition needs a purchase that earns program points.
    if (memberId <= 0 || breakdown.programPoints <= 0)
        return earned;
    const qint64 base = breakdown.programPoints;
    const auto timesMinusOne = [base](int milli) {
        return base * (milli - 1000) / 1000;
    };
    const MemberTier* tier = TierService(m_context).heldTier(member.tier);
    if (tier && tier->multiplierMilli > 1000) {
        breakdown.extras << PointsLine {PointsLine::Kind::Tier,
                                        QStringLiteral("%1 %2x").arg(tier->name, multiplierText(tier->multiplierMilli)),
                                        timesMinusOne(tier->multiplierMilli), memberId};
    }
    const PromotionStore promotions(m_context.db);
    LT_TRY_ASSIGN(const QList<Promotion> live, m_promotions.live(promotions));
    if (!live.isEmpty()) {
        const auto usesSince = [&](const Promotion& promotion, const QDateTime& since) {
            return promotions.usesSince(memberId, promotion.id, since);
        };
        LT_TRY_ASSIGN(const std::optional<PromotionAward> promotion,
                      PromotionRules::award(live, sale, base, at.toLocalTime(), usesSince));
        if (promotion && promotion->points > 0) {
            earned.promotionId = promotion->promotionId;
            breakdown.extras << PointsLine {PointsLine::Kind::Promotion, promotion->name, promotion->points, memberId};
        }
    }
    if (m_context.program.winBack) {
        LT_TRY_ASSIGN(const std::optional<Grant> offer, GrantStore(m_context.db).openOffer(memberId, at));
        // A receipt brought in later uses only an offer made by its day (by day: the pass that made it may have run
        // later that day, or on another till whose clock runs ahead).
        if (offer && offer->createdAt.toLocalTime().date() <= at.toLocalTime().date()) {
            const int milli = m_context.program.winBack->multiplierMilli;
            earned.offerId = offer->id;
            breakdown.extras << PointsLine {
                PointsLine::Kind::WinBack,
                QCoreApplication::translate("AccrualService", "Welcome back %1x").arg(multiplierText(milli)),
                timesMinusOne(milli), memberId};
        }
    }
    // The offer open at the sale's time: a receipt brought in later uses the one open then, even if ended since.
    LT_TRY_ASSIGN(
        const std::optional<TargetedOffer> targeted,
        OfferStore(m_context.db).openFor(memberId, at.toLocalTime().date(), TargetedOffer::Kind::Multiplier, at));
    // Marketing ends when the member withdraws their consent, for offers made before too.
    bool withdrawn = false;
    if (targeted) {
        LT_TRY_ASSIGN(withdrawn, MarketingConsent(m_context).withdrawn(memberId));
    }
    if (targeted && !withdrawn) {
        earned.targetedLine = breakdown.extras.size();
        earned.targetedOfferId = targeted->id;
        earned.targetedKey = TargetedOffer::applicationKey(targeted->key, memberId);
        breakdown.extras << PointsLine {
            PointsLine::Kind::Promotion,
            QStringLiteral("%1 %2x").arg(targeted->name, multiplierText(targeted->multiplierMilli)),
            timesMinusOne(targeted->multiplierMilli), memberId};
    }
    return earned;
}

Result<QDateTime> AccrualService::saleTime(const AccrualOptions& options) const
{
    const QDateTime now = m_context.clock.nowUtc();
    if (!options.completedAt.isValid())
        return now;
    const QDateTime at = options.completedAt.toUTC();
    constexpr qint64 ClockSkewSeconds = 60; // the register's clock may run a little ahead of the till's
    if (at > now.addSecs(ClockSkewSeconds))
        return Error::invalid(QCoreApplication::translate("AccrualService", "The sale's time %1 is in the future.")
                                  .arg(at.toLocalTime().toString(Qt::ISODate)),
                              QStringLiteral("completed_at"));
    const int days = StoreSettings(m_context.db).value(StoreSettings::SalesBackdateDays).toInt();
    const QDate today = now.toLocalTime().date();
    if (days == 0 ? at < now.addSecs(-ClockSkewSeconds) : at.toLocalTime().date() < today.addDays(-days))
        return Error::invalid(
            days == 0 ? QCoreApplication::translate("AccrualService",
                                                    "This store records sales only as they happen (the setting "
                                                    "sales.backdate_days is 0).")
                      : QCoreApplication::translate("AccrualService",
                                                    "A sale can be recorded at most %1 days back (since %2; the "
                                                    "setting sales.backdate_days).")
                            .arg(days)
                            .arg(today.addDays(-days).toString(Qt::ISODate)),
            QStringLiteral("completed_at"));
    return std::min(at, now);
}

Result<PointsChange> AccrualService::accrue(qint64 memberId, const Sale& input, const Actor& actor,
                                            const AccrualOptions& options)
{
    Sale sale = input;
    sale.reference = sale.reference.trimmed();
    LT_TRY(validate(sale));
    LT_TRY_ASSIGN(const QDateTime at, saleTime(options));
    if (options.completedAt.isValid()) { // a member's enrollment time never changes: checked before the transaction
        LT_TRY_ASSIGN(const std::optional<Member> member, MemberStore(m_context.db).byId(memberId));
        if (member && at < member->enrolledAt)
            return Error::invalid(
                QCoreApplication::translate("AccrualService", "Member %1 enrolled on %2, after the sale's time %3.")
                    .arg(memberId)
                    .arg(member->enrolledAt.toLocalTime().toString(Qt::ISODate),
                         at.toLocalTime().toString(Qt::ISODate)),
                QStringLiteral("completed_at"));
    }
    // The member comes back as the transaction left them, read in it: a read after the commit would add a
    // transaction to every sale.
    return inTransaction(m_context.db, [&]() -> Result<PointsChange> {
        LT_TRY_ASSIGN(PointsChange change, record(memberId, sale, actor, at));
        LT_TRY_ASSIGN(change.member, MemberDirectory(m_context).byId(memberId));
        return change;
    });
}

Result<PointsChange> AccrualService::record(qint64 memberId, const Sale& sale, const Actor& actor, const QDateTime& at)
{
    // Read once: its standing, tier and referrer serve the whole sale.
    LT_TRY_ASSIGN(const std::optional<Member> member, MemberStore(m_context.db).byId(memberId));
    if (!member)
        return Error::notFound(QCoreApplication::translate("AccrualService", "There is no member %1.").arg(memberId));
    SaleStore sales(m_context.db);
    LT_TRY_ASSIGN(const std::optional<SaleRecord> earlier, sales.find(sale.reference));
    PointsChange change;
    change.saleReference = sale.reference;
    change.saleTotal = sale.total;
    if (earlier) {
        if (earlier->memberId != memberId || earlier->total.minorUnits() != sale.total.minorUnits())
            return Error::conflict(
                QCoreApplication::translate("AccrualService", "Sale %1 was already recorded for member %2 with %3.")
                    .arg(sale.reference)
                    .arg(earlier->memberId)
                    .arg(Money(earlier->total.minorUnits(), sale.total.currency()).toDisplayString()));
        change.repeated = true;
        change.points = earlier->points;
        return change;
    }
    if (member->erased)
        return Error::refused(
            QCoreApplication::translate("AccrualService", "Member %1 has left the program.").arg(memberId));
    LT_TRY_ASSIGN(const Earning earned, earning(*member, sale, at));
    const qint64 points = earned.breakdown.total();
    LT_TRY_ASSIGN(const qint64 saleId,
                  sales.insert(sale.reference, memberId, sale.total, points, at, m_context.tillName, actor.name()));
    if (points > 0) {
        LedgerStore::NewEntry entry;
        entry.memberId = memberId;
        entry.kind = LedgerKind::Accrue;
        entry.points = points;
        entry.saleId = saleId;
        LT_TRY_ASSIGN(change.ledgerId,
                      LedgerWriter(m_context.db, m_context.clock, actor)
                          .append(entry, OutboxOperation::Accrue,
                                  {{QStringLiteral("sale"), sale.reference},
                                   {QStringLiteral("amount_minor"), sale.total.minorUnits()},
                                   {QStringLiteral("currency"), sale.total.currency()}}));
    }
    change.points = points;
    change.earned = earned.breakdown;
    change.targetedOfferId = earned.targetedOfferId;
    for (qsizetype i = 0; i < earned.breakdown.extras.size(); ++i) {
        const PointsLine& line = earned.breakdown.extras.at(i);
        if (i == earned.targetedLine)
            LT_TRY(OfferStore(m_context.db)
                       .recordUse(earned.targetedOfferId, memberId,
                                  {earned.targetedKey, line.points, change.ledgerId, saleId, at}));
        else if (line.kind == PointsLine::Kind::Promotion) // on the sale's day, which the promotion's limit counts
            LT_TRY(PromotionStore(m_context.db).recordUse(saleId, earned.promotionId, memberId, line.points, at));
        else if (line.kind == PointsLine::Kind::WinBack)
            LT_TRY(GrantStore(m_context.db).markUsed(earned.offerId, saleId, line.points));
    }
    LT_TRY_ASSIGN(const std::optional<TierChange> raised,
                  TierService(m_context).afterPurchase(memberId, saleId, sale.reference));
    if (raised)
        change.tierChanged = raised->toTier;
    LT_TRY_ASSIGN(change.bonuses, ReferralService(m_context).afterPurchase(*member, saleId, sale, actor));
    qCDebug(lcServices) << "sale" << saleId << "earned" << points << "points for member" << memberId;
    return change;
}

Result<PointsChange> AccrualService::voidSale(const QString& saleReference, const QString& reasonText,
                                              const Actor& actor)
{
    LT_TRY_ASSIGN(const QString reference, validateReference(saleReference));
    LT_TRY_ASSIGN(const QString reason, PersonalDataValidator::freeText(reasonText, QStringLiteral("reason"), 500));
    if (reason.isEmpty())
        return Error::invalid(QCoreApplication::translate("AccrualService", "Say why the accrual is voided."),
                              QStringLiteral("reason"));
    LT_TRY_ASSIGN(PointsChange change, inTransaction(m_context.db, [&]() -> Result<PointsChange> {
                      return recordVoid(reference, reason, actor);
                  }));
    LT_TRY_ASSIGN(change.member, MemberDirectory(m_context).byId(change.member.id));
    return change;
}

Result<PointsChange> AccrualService::recordVoid(const QString& reference, const QString& reason, const Actor& actor)
{
    SaleStore sales(m_context.db);
    LT_TRY_ASSIGN(const SaleRecord sale, sales.require(reference));
    if (sale.refundedMinor >= sale.total.minorUnits())
        return Error::refused(
            QCoreApplication::translate("AccrualService", "Sale %1 has already been fully refunded or voided.")
                .arg(reference));
    const qint64 remaining = PointsRules::voidReversal(sale.points, sale.pointsReversed);
    LT_TRY(sales.takeAllBack(sale.id));
    LT_TRY(OfferStore(m_context.db).releaseUseOf(sale.id)); // the member may use the offer on another sale
    PointsChange change;
    LT_TRY_ASSIGN(change.bonuses, ReferralService(m_context).afterFullRefund(sale.id, actor));
    if (remaining > 0) {
        LedgerStore::NewEntry entry;
        entry.memberId = sale.memberId;
        entry.kind = LedgerKind::Void;
        entry.points = -remaining;
        entry.saleId = sale.id;
        entry.note = reason;
        LT_TRY_ASSIGN(change.ledgerId,
                      LedgerWriter(m_context.db, m_context.clock, actor)
                          .append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), reason}}));
    }
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(actor.name(), QStringLiteral("sale.void"), QStringLiteral("member:%1").arg(sale.memberId),
                       {{QStringLiteral("sale"), reference},
                        {QStringLiteral("points"), -remaining},
                        {QStringLiteral("reason"), reason}}));
    change.member.id = sale.memberId;
    change.points = -remaining;
    change.saleReference = reference;
    change.saleTotal = sale.total;
    return change;
}

} // namespace lt
