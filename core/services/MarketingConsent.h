#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace lt {

class Actor;
struct EngineContext;

// A change of a member's marketing consent.
struct ConsentChange
{
    qint64 memberId = 0;
    bool consent = false; // as it stands now
    QDateTime at; // when it was given or withdrawn (the earlier time when nothing changed)
    bool changed = false; // false: it stood so already, nothing was written
};

// Gives or withdraws a member's consent to marketing (targeted offers), with its time and an audit entry naming who
// recorded it, in one transaction. A member who withdrew is left out of every offer from then on (OfferService).
// Square never hears of consent.
class MarketingConsent
{
    Q_DECLARE_TR_FUNCTIONS(lt::MarketingConsent)
public:
    explicit MarketingConsent(EngineContext& context)
        : m_context(context)
    {
    }

    Result<ConsentChange> withdraw(qint64 memberId, const Actor& actor);
    // version: the consent text the member agreed to (the store's setting).
    Result<ConsentChange> give(qint64 memberId, const QString& version, const Actor& actor);
    // True when the member said no: withdrew a consent, or refused when asked.
    Result<bool> withdrawn(qint64 memberId) const;

private:
    Result<ConsentChange> set(qint64 memberId, bool consent, const QString& version, const Actor& actor);

    EngineContext& m_context;
};

} // namespace lt
