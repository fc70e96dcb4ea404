#pragma once

#include "core/common/Result.h"
#include "core/domain/TierPolicy.h"
#include "core/store/TierStore.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

struct EngineContext;

// Places members in the program's tiers. A purchase that qualifies raises the tier at once; only the periodic
// evaluation lowers it, and only after the member has been short of it for the policy's grace period. Spending
// points never lowers anything; refunds and voids take back the qualifying points they reverse.
class TierService
{
public:
    explicit TierService(EngineContext& context)
        : m_context(context)
    {
    }

    // Where a member stands: the tier held, what the window counts, and how far the next tier is.
    struct Outlook
    {
        QString tier;
        int multiplierMilli = 1000;
        qint64 qualifying = 0;
        QString nextTier; // empty at the top
        qint64 toNextTier = 0; // points (or minor units of spend) still needed
    };
    Result<Outlook> outlook(qint64 memberId) const;
    // The tier the member holds (the first one until placed); nullptr when the program has no tiers.
    Result<const MemberTier*> heldTier(qint64 memberId) const;
    // The same for a member already read: `stored` is Member::tier as the store has it.
    const MemberTier* heldTier(const QString& stored) const;
    // The earn multiplier of the tier the member holds (1000: none).
    Result<int> multiplierMilli(qint64 memberId) const;

    // Inside the caller's transaction, after a purchase was posted: the upgrade it brought, if any.
    Result<std::optional<TierChange>> afterPurchase(qint64 memberId, qint64 saleId, const QString& saleReference);
    // The periodic evaluation of every member on `today`, in transactions of a few thousand members.
    Result<QList<TierChange>> evaluate(QDate today);

    // The first moment the window counts on `today` (invalid: the whole history).
    QDateTime windowStart(QDate today) const;

private:
    Result<qint64> qualifying(qint64 memberId, QDate today) const;
    QString amountText(qint64 qualifying) const;
    QDate today() const;

    EngineContext& m_context;
};

} // namespace lt
