#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/domain/Sale.h"

#include <QList>
#include <QString>

namespace lt {

class Actor;
struct EngineContext;

// Referrals: enrollment names the member who brought the new one in; both receive the program's bonus when the new
// member's first sale of at least the minimum spend completes (the referrer at most `monthlyLimit` times a month);
// a refund or void of that sale in full takes the bonuses back.
class ReferralService
{
public:
    explicit ReferralService(EngineContext& context)
        : m_context(context)
    {
    }

    // The referring member named by id, phone or card, checked against the new member's phone and e-mail (no
    // self-referral). Unknown or erased members are refused.
    Result<qint64> referrer(const QString& named, const QString& newPhoneE164, const QString& newEmail) const;
    // Inside the accrual's transaction, for the buyer as read in it: the bonuses this sale brings (empty for most).
    Result<QList<PointsLine>> afterPurchase(const Member& member, qint64 saleId, const Sale& sale, const Actor& actor);
    // Inside the refund's or void's transaction, once the sale is taken back in full: the bonuses taken back.
    Result<QList<PointsLine>> afterFullRefund(qint64 saleId, const Actor& actor);

private:
    EngineContext& m_context;
};

} // namespace lt
