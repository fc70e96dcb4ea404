#pragma once

#include "core/domain/LedgerKind.h"

#include <QDateTime>
#include <QString>

namespace lt {

// One line of the append-only ledger. A member's balance is the sum of their entries' points.
struct LedgerEntry
{
    qint64 id = 0;
    qint64 memberId = 0;
    LedgerKind kind = LedgerKind::Accrue;
    qint64 points = 0;
    QString saleReference;
    QString rewardTierId;
    qint64 discountMinor = 0;
    QString note;
    QString actor;
    QDateTime createdAt;
    bool synced = false; // Square has confirmed it
};

} // namespace lt
