#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerEntry.h"
#include "core/domain/Member.h"
#include "core/domain/MemberOutlook.h"
#include "core/domain/TierChange.h"

#include <QList>
#include <QString>

namespace lt {

struct EngineContext;

// Finds members: by id, by a phone number in any common format, by a card scan, or by a name or e-mail prefix,
// each with the tier the program gives them. The rows come from MemberStore and LedgerStore.
class MemberDirectory
{
public:
    enum class MatchedBy { Id, Phone, Card, Text };
    struct Lookup
    {
        MatchedBy matchedBy = MatchedBy::Text;
        QString normalized; // the E.164 phone or the card number that was searched for
        QList<Member> members;
    };

    explicit MemberDirectory(EngineContext& context)
        : m_context(context)
    {
    }

    Result<Member> byId(qint64 id) const;
    Result<Member> byPhone(const QString& anyFormat) const;
    Result<Member> byCard(const QString& scan) const;
    Result<QList<Member>> search(const QString& text, int limit = 50) const;
    // Tells a card, a phone number and a name apart. Not finding a well-formed phone or card is not an error:
    // the result is empty and `normalized` holds what to enroll with.
    Result<Lookup> lookup(const QString& query, int limit = 50) const;
    Result<QList<Member>> list(int limit, qint64 afterId = 0) const;
    Result<QList<LedgerEntry>> history(qint64 memberId, int limit = 100) const;
    // The member's tier changes, oldest first, each with its reason.
    Result<QList<TierChange>> tierChanges(qint64 memberId) const;
    // The tier held and the next one, the points due to expire and an open win-back offer.
    Result<MemberOutlook> outlook(qint64 memberId) const;

private:
    Member withTier(Member member) const;
    QList<Member> withTiers(QList<Member> members) const;

    EngineContext& m_context;
};

} // namespace lt
