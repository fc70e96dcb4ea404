#pragma once

#include <QDateTime>
#include <QString>

namespace lt {

// One change of a member's tier, with the reason the member reads in their history.
struct TierChange
{
    qint64 memberId = 0;
    QString fromTier;
    QString toTier;
    bool up = true;
    QString reason;
    qint64 qualifying = 0; // the points (or spend) the decision was made on
    qint64 saleId = 0; // the sale that raised the tier, 0 for the periodic evaluation
    QDateTime at;
};

} // namespace lt
