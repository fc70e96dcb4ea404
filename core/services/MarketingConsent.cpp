#include "core/services/MarketingConsent.h"

#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/MemberStore.h"
#include "core/store/Transaction.h"

namespace lt {

Result<ConsentChange> MarketingConsent::withdraw(qint64 memberId, const Actor& actor)
{
    return set(memberId, false, QString(), actor);
}

Result<ConsentChange> MarketingConsent::give(qint64 memberId, const QString& version, const Actor& actor)
{
    return set(memberId, true, version, actor);
}

Result<bool> MarketingConsent::withdrawn(qint64 memberId) const
{
    LT_TRY_ASSIGN(const std::optional<Member> member, MemberStore(m_context.db).byId(memberId));
    return member && !member->marketingConsent && member->consentAt.isValid();
}

Result<ConsentChange> MarketingConsent::set(qint64 memberId, bool consent, const QString& version, const Actor& actor)
{
    return inTransaction(m_context.db, [&]() -> Result<ConsentChange> {
        MemberStore members(m_context.db);
        LT_TRY_ASSIGN(const std::optional<Member> member, members.byId(memberId));
        if (!member)
            return Error::notFound(tr("There is no member %1.").arg(memberId));
        if (member->erased)
            return Error::refused(tr("Member %1 has left the program; their data was erased.").arg(memberId));
        ConsentChange change;
        change.memberId = memberId;
        change.consent = consent;
        change.at = m_context.clock.nowUtc();
        LT_TRY_ASSIGN(change.changed, members.setMarketingConsent(memberId, consent, version, change.at));
        if (!change.changed) {
            change.at = member->consentAt;
            return change;
        }
        LT_TRY(AuditLog(m_context.db, m_context.clock)
                   .record(actor.name(),
                           consent ? QStringLiteral("member.consent.give") : QStringLiteral("member.consent.withdraw"),
                           QStringLiteral("member:%1").arg(memberId),
                           {{QStringLiteral("at"), toStorageTime(change.at)},
                            {QStringLiteral("version"), consent ? version : QString()}}));
        return change;
    });
}

} // namespace lt
