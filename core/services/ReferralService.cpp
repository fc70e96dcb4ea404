#include "core/services/ReferralService.h"

#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/services/BonusGranter.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/store/GrantStore.h"
#include "core/store/MemberStore.h"
#include "core/store/SaleStore.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lt {

Result<qint64> ReferralService::referrer(const QString& named, const QString& newPhoneE164,
                                         const QString& newEmail) const
{
    const QString text = named.trimmed();
    const MemberDirectory directory(m_context);
    static const QRegularExpression memberId(QStringLiteral("^[0-9]{1,9}$"));
    Result<Member> found = Error::notFound(QString());
    if (memberId.match(text).hasMatch()) {
        found = directory.byId(text.toLongLong());
    } else {
        auto lookup = directory.lookup(text, 2);
        if (!lookup)
            return Error::invalid(QCoreApplication::translate(
                                      "ReferralService",
                                      "The referring member '%1' is neither a member number, a phone number nor a "
                                      "card: %2")
                                      .arg(text, lookup.error().message),
                                  QStringLiteral("referred_by"));
        if (lookup->matchedBy != MemberDirectory::MatchedBy::Phone
            && lookup->matchedBy != MemberDirectory::MatchedBy::Card)
            return Error::invalid(
                QCoreApplication::translate("ReferralService",
                                            "Name the referring member by member number, phone number or card."),
                QStringLiteral("referred_by"));
        if (!lookup->members.isEmpty())
            found = lookup->members.constFirst();
    }
    if (!found)
        return Error::invalid(
            QCoreApplication::translate("ReferralService", "No member is known as '%1' to have made the referral.")
                .arg(text),
            QStringLiteral("referred_by"));
    if (found->erased)
        return Error::invalid(
            QCoreApplication::translate("ReferralService", "Member %1 has left the program and cannot refer anyone.")
                .arg(found->id),
            QStringLiteral("referred_by"));
    if (found->phone == newPhoneE164
        || (!newEmail.isEmpty() && found->email.compare(newEmail, Qt::CaseInsensitive) == 0))
        return Error::invalid(
            QCoreApplication::translate("ReferralService",
                                        "A customer cannot refer themselves (same phone number or e-mail)."),
            QStringLiteral("referred_by"));
    return found->id;
}

Result<QList<PointsLine>> ReferralService::afterPurchase(const Member& member, qint64 saleId, const Sale& sale,
                                                         const Actor& actor)
{
    QList<PointsLine> bonuses;
    const std::optional<ReferralBonus>& rule = m_context.program.referralBonus;
    if (!rule || sale.total.minorUnits() < rule->minimumSpendMinor)
        return bonuses;
    if (member.referredBy <= 0 || member.phone.isEmpty())
        return bonuses;
    const qint64 memberId = member.id;
    GrantStore grants(m_context.db);
    LT_TRY_ASSIGN(const bool already, grants.hasReferral(memberId));
    // Only the first sale of the minimum spend decides, even when it paid nobody (a referrer over the month's limit).
    LT_TRY_ASSIGN(const bool decidedBefore,
                  SaleStore(m_context.db).hasEarlierSaleOfAtLeast(memberId, rule->minimumSpendMinor, saleId));
    if (already || decidedBefore)
        return bonuses;
    BonusGranter granter(m_context.db, m_context.clock, actor);
    const QString note = QCoreApplication::translate("ReferralService", "Referral bonus");
    // Both grants are keyed by the new member, whose first sale it is, so every till decides the same ones.
    if (rule->refereePoints > 0) {
        LT_TRY_ASSIGN(const bool granted,
                      granter.grant(memberId, member.phone, GrantKind::Referral, QStringLiteral("referee"),
                                    rule->refereePoints, note, saleId));
        if (granted)
            bonuses << PointsLine {PointsLine::Kind::Referral, note, rule->refereePoints, memberId};
    }
    LT_TRY_ASSIGN(const std::optional<Member> referrer, MemberStore(m_context.db).byId(member.referredBy));
    if (rule->referrerPoints <= 0 || !referrer || referrer->erased)
        return bonuses;
    const QDate today = m_context.clock.nowUtc().toLocalTime().date();
    const QDateTime monthStart = QDateTime(QDate(today.year(), today.month(), 1), QTime(0, 0)).toUTC();
    LT_TRY_ASSIGN(const int thisMonth, grants.referrerBonusesSince(referrer->id, monthStart));
    if (thisMonth >= rule->monthlyLimit)
        return bonuses;
    // The referrer's grant is keyed by the new member's phone too: one referrer bonus per new member.
    LT_TRY_ASSIGN(
        const bool granted,
        granter.grant(referrer->id, member.phone, GrantKind::Referral, QStringLiteral("referrer"), rule->referrerPoints,
                      QCoreApplication::translate("ReferralService", "Referral bonus: member %1 joined").arg(memberId),
                      saleId));
    if (granted)
        bonuses << PointsLine {PointsLine::Kind::Referral, note, rule->referrerPoints, referrer->id};
    return bonuses;
}

Result<QList<PointsLine>> ReferralService::afterFullRefund(qint64 saleId, const Actor& actor)
{
    QList<PointsLine> taken;
    LT_TRY_ASSIGN(const QList<Grant> granted, GrantStore(m_context.db).referralsOfSale(saleId));
    BonusGranter granter(m_context.db, m_context.clock, actor);
    for (const Grant& grant : granted) {
        const QString note =
            QCoreApplication::translate("ReferralService", "Referral bonus taken back: the first sale was refunded");
        LT_TRY(granter.reverse(grant, note));
        taken << PointsLine {PointsLine::Kind::Referral, note, -grant.points, grant.memberId};
    }
    return taken;
}

} // namespace lt
