#pragma once

#include "core/domain/LedgerEntry.h"
#include "core/domain/Member.h"
#include "core/domain/PointsChange.h"

#include <QJsonObject>
#include <QString>

namespace lt {
struct LoyaltyProgram;
}

namespace lt::admin {

// The shapes operators script against: stable keys, E.164 phones, integer points and minor units.
class JsonFormat
{
public:
    static QJsonObject member(const Member& member);
    static QJsonObject ledgerEntry(const LedgerEntry& entry);
    static QJsonObject pointsChange(const PointsChange& change);

    static QString memberLine(const Member& member);
    static QString memberCard(const Member& member, const LoyaltyProgram& program);
    static QString pointsChangeText(const PointsChange& change, const LoyaltyProgram& program);
};

} // namespace lt::admin
