#pragma once

#include "core/common/Result.h"
#include "core/domain/AdjustmentState.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

class Database;

struct Adjustment
{
    qint64 id = 0;
    qint64 memberId = 0;
    qint64 points = 0;
    QString reason;
    QString requestedBy;
    QDateTime requestedAt;
    AdjustmentState state = AdjustmentState::Pending;
    QString decidedBy;
};

// Owns the adjustments table: manual point corrections a cashier requests and a manager approves or rejects.
// Writes run inside the caller's transaction; a state this version does not know is a Corrupt error.
class AdjustmentStore
{
public:
    explicit AdjustmentStore(Database& db)
        : m_db(db)
    {
    }

    Result<qint64> insert(qint64 memberId, qint64 points, const QString& reason, const QString& requestedBy,
                          const QDateTime& at);
    Result<std::optional<Adjustment>> byId(qint64 id) const;
    // ledgerId 0 when nothing was written to the ledger.
    Result<void> decide(qint64 id, AdjustmentState state, const QString& decidedBy, const QDateTime& at,
                        qint64 ledgerId);
    Result<QList<Adjustment>> pending() const;

private:
    Database& m_db;
};

} // namespace lt
