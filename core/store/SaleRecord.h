#pragma once

#include "core/common/Result.h"
#include "core/domain/Money.h"

namespace lt {

class Database;

// A recorded sale as refunds and voids need it: what it earned and how much of it was already taken back.
struct SaleRecord
{
    qint64 id = 0;
    qint64 memberId = 0;
    QString reference;
    Money total;
    qint64 points = 0;
    qint64 refundedMinor = 0;
    qint64 pointsReversed = 0;

    // The sale with this receipt number, or NotFound. Runs inside the caller's transaction.
    static Result<SaleRecord> find(Database& db, const QString& reference);
};

} // namespace lt
