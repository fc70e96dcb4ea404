#include "core/services/MemberDirectory.h"

#include "core/common/Clock.h"
#include "core/domain/CardNumber.h"
#include "core/domain/PointsRules.h"
#include "core/domain/SearchTerms.h"
#include "core/services/EngineContext.h"
#include "core/services/ExpiryService.h"
#include "core/services/TierService.h"
#include "core/store/GrantStore.h"
#include "core/store/LedgerStore.h"
#include "core/store/MemberStore.h"
#include "core/store/TierStore.h"

#include <QCoreApplication>

namespace lt {

Member MemberDirectory::withTier(Member member) const
{
    // A member no evaluation has placed yet holds the first tier.
    if (const TierPolicy& tiers = m_context.program.memberTiers;
        tiers.indexOf(member.tier) < 0 || member.tier.isEmpty())
        member.tier = tiers.isEmpty() ? QString() : tiers.tiers.constFirst().name;
    return member;
}

QList<Member> MemberDirectory::withTiers(QList<Member> members) const
{
    for (Member& member : members)
        member = withTier(std::move(member));
    return members;
}

Result<Member> MemberDirectory::byId(qint64 id) const
{
    LT_TRY_ASSIGN(const std::optional<Member> found, MemberStore(m_context.db).byId(id));
    if (!found)
        return Error::notFound(QCoreApplication::translate("MemberDirectory", "There is no member %1.").arg(id));
    return withTier(*found);
}

Result<Member> MemberDirectory::byPhone(const QString& anyFormat) const
{
    const MemberStore store(m_context.db);
    // Stored numbers are valid E.164, so a hit on the quick form is the member the library would find; a miss
    // proves nothing and goes through the library.
    if (const std::optional<QString> quick = m_context.phones.quickE164(anyFormat)) {
        LT_TRY_ASSIGN(const std::optional<Member> found, store.byPhone(*quick));
        if (found)
            return withTier(*found);
    }
    LT_TRY_ASSIGN(const QString phone, m_context.phones.normalize(anyFormat));
    LT_TRY_ASSIGN(const std::optional<Member> found, store.byPhone(phone));
    if (!found)
        return Error::notFound(
            QCoreApplication::translate("MemberDirectory", "No member has the phone number %1.").arg(phone));
    return withTier(*found);
}

Result<Member> MemberDirectory::byCard(const QString& scan) const
{
    LT_TRY_ASSIGN(const QString card, CardNumber::validate(scan));
    LT_TRY_ASSIGN(const std::optional<Member> found, MemberStore(m_context.db).byCard(card));
    if (!found)
        return Error::notFound(
            QCoreApplication::translate("MemberDirectory", "The card %1 does not belong to a member yet.").arg(card));
    return withTier(*found);
}

Result<QList<Member>> MemberDirectory::search(const QString& text, int limit) const
{
    const QStringList words = SearchTerms::queryWords(text);
    if (words.isEmpty())
        return Error::invalid(QCoreApplication::translate(
                                  "MemberDirectory", "Type a phone number, scan a card, or type a name or e-mail."),
                              QStringLiteral("query"));
    LT_TRY_ASSIGN(QList<Member> members, MemberStore(m_context.db).search(words, limit));
    return withTiers(std::move(members));
}

Result<MemberDirectory::Lookup> MemberDirectory::lookup(const QString& query, int limit) const
{
    const QString text = query.trimmed();
    Lookup result;
    if (text.isEmpty())
        return Error::invalid(QCoreApplication::translate(
                                  "MemberDirectory", "Type a phone number, scan a card, or type a name or e-mail."),
                              QStringLiteral("query"));
    if (text.size() > 200)
        return Error::invalid(
            QCoreApplication::translate("MemberDirectory", "That is too long to be a phone number, a card or a name."),
            QStringLiteral("query"));
    if (CardNumber::looksLikeCard(text)) {
        result.matchedBy = MatchedBy::Card;
        LT_TRY_ASSIGN(result.normalized, CardNumber::validate(text));
        auto member = byCard(result.normalized);
        if (member)
            result.members << *member;
        else if (member.error().kind != ErrorKind::NotFound)
            return member.error();
        return result;
    }
    if (PhoneNumberNormalizer::looksLikePhoneNumber(text)) {
        result.matchedBy = MatchedBy::Phone;
        LT_TRY_ASSIGN(result.normalized, m_context.phones.normalize(text));
        auto member = byPhone(result.normalized);
        if (member)
            result.members << *member;
        else if (member.error().kind != ErrorKind::NotFound)
            return member.error();
        return result;
    }
    LT_TRY_ASSIGN(result.members, search(text, limit));
    return result;
}

Result<QList<Member>> MemberDirectory::list(int limit, qint64 afterId) const
{
    LT_TRY_ASSIGN(QList<Member> members, MemberStore(m_context.db).list(limit, afterId));
    return withTiers(std::move(members));
}

Result<QList<LedgerEntry>> MemberDirectory::history(qint64 memberId, int limit) const
{
    LT_TRY(byId(memberId));
    return LedgerStore(m_context.db).history(memberId, limit);
}

Result<QList<TierChange>> MemberDirectory::tierChanges(qint64 memberId) const
{
    return TierStore(m_context.db).changesOf(memberId);
}

Result<MemberOutlook> MemberDirectory::outlook(qint64 memberId) const
{
    MemberOutlook outlook;
    LT_TRY_ASSIGN(const TierService::Outlook tier, TierService(m_context).outlook(memberId));
    outlook.tier = tier.tier;
    outlook.nextTier = tier.nextTier;
    outlook.toNextTier = tier.toNextTier;
    outlook.qualifying = tier.qualifying;
    const QDateTime now = m_context.clock.nowUtc();
    LT_TRY_ASSIGN(outlook.expiring, ExpiryService(m_context).expiring(memberId, now.toLocalTime().date()));
    if (m_context.program.winBack) {
        LT_TRY_ASSIGN(const std::optional<Grant> offer, GrantStore(m_context.db).openOffer(memberId, now));
        if (offer)
            outlook.offer = WinBackOfferState {m_context.program.winBack->multiplierMilli, offer->expiresAt};
    }
    return outlook;
}

} // namespace lt
