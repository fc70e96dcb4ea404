#pragma once

#include "core/common/Result.h"
#include "core/domain/PointsChange.h"

#include <QDateTime>
#include <QList>

namespace lt {

struct EngineContext;

struct Adjustment
{
    qint64 id = 0;
    qint64 memberId = 0;
    qint64 points = 0;
    QString reason;
    QString requestedBy;
    QDateTime requestedAt;
    QString state;
    QString decidedBy;
};

// Manual point corrections. A request changes nothing until a manager approves it; both steps are audited.
class AdjustmentService
{
public:
    static constexpr qint64 MaximumPoints = 1'000'000;

    explicit AdjustmentService(EngineContext& context)
        : m_context(context)
    {
    }

    Result<PointsChange> request(qint64 memberId, qint64 points, const QString& reason);
    Result<PointsChange> approve(qint64 adjustmentId, const QString& manager);
    Result<PointsChange> reject(qint64 adjustmentId, const QString& manager);
    Result<QList<Adjustment>> pending() const;

private:
    Result<PointsChange> decide(qint64 adjustmentId, const QString& manager, bool approve);

    EngineContext& m_context;
};

} // namespace lt
