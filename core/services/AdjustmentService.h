#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"
#include "core/store/AdjustmentStore.h"

#include <QList>

namespace lt {

class Actor;
struct EngineContext;

// Manual point corrections. A request changes nothing until a manager approves it; both steps are audited.
class AdjustmentService
{
public:
    static constexpr qint64 MaximumPoints = 1'000'000;

    explicit AdjustmentService(EngineContext& context)
        : m_context(context)
    {
    }

    Result<PointsChange> request(qint64 memberId, qint64 points, const QString& reason, const Actor& actor);
    // manager: who decides, audited as such; actor: who is at the till or the CLI, written on the ledger entry.
    Result<PointsChange> approve(qint64 adjustmentId, const QString& manager, const Actor& actor);
    Result<PointsChange> reject(qint64 adjustmentId, const QString& manager, const Actor& actor);
    Result<QList<Adjustment>> pending() const;

private:
    Result<PointsChange> decide(qint64 adjustmentId, const QString& manager, const Actor& actor, bool approve);
    Result<PointsChange> recordDecision(qint64 adjustmentId, const QString& manager, const Actor& actor,
                                        bool approve); // in the transaction

    EngineContext& m_context;
};

} // namespace lt
