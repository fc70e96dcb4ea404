#pragma once

#include "core/domain/LedgerEntry.h"
#include "core/domain/Member.h"
#include "core/domain/MemberOutlook.h"
#include "core/domain/PointsChange.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
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
    // The member with what the program gives them: "tier", "next_tier" ({"name", "points_needed"} or null at the top)
    // and "expiring" ([{"points", "expires_at"}], oldest first).
    static QJsonObject member(const Member& member, const MemberOutlook& outlook);
    static QJsonObject ledgerEntry(const LedgerEntry& entry);
    static QJsonObject pointsChange(const PointsChange& change);
    // An accrual's change with "promotions" ([{"name", "points"}]: every named addition to what the sale earned) and
    // "tier_changed" (the tier the sale raised the member to, or null).
    static QJsonObject accrual(const PointsChange& change);

    // What people read: the phone and the e-mail masked (PersonalDataMask) unless `reveal` (IT's audited --reveal);
    // an erased member as "Erased member".
    static QString memberLine(const Member& member, bool reveal = false);
    static QString memberCard(const Member& member, const LoyaltyProgram& program, bool reveal = false);
    // The member's name as shown where history is: "Erased member" once erased, "-" when none was given.
    static QString displayName(const Member& member);
    static QString pointsChangeText(const PointsChange& change, const LoyaltyProgram& program);

    // The pieces every command's JSON is made of: a time in UTC with milliseconds ("" when none), and null for
    // what is absent.
    static QString timestamp(const QDateTime& time);
    static QJsonValue textOrNull(const QString& text);
    static QJsonValue orNull(bool present, const QJsonValue& value);
};

} // namespace lt::admin
