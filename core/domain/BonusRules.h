#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

// A yearly gift on a date of the member's: the birthday, or the anniversary of enrollment. Granted once per
// member per year, on any day of the week (Monday to Sunday) or the month that holds the date.
struct OccasionBonus
{
    enum class Period { Week, Month };

    qint64 points = 0; // the points given; with rewardId, the reward's cost
    QString rewardId; // a reward the gift pays for (its points are given, named for it), or empty
    Period period = Period::Week;

    // The days on which this year's bonus for `date` may be granted (`date` moved to `year`; 29 February is
    // 28 February in other years).
    std::pair<QDate, QDate> periodIn(int year, QDate date) const;
    static QDate inYear(QDate date, int year);
    // The dates, in whatever year, whose period meets [from, to]: a member whose occasion falls on another day is
    // owed nothing in those days.
    std::pair<QDate, QDate> datesMeeting(QDate from, QDate to) const;

    QJsonObject toJson() const;
    static Result<OccasionBonus> fromJson(const QJsonObject& json, const QString& section);
};

// A member who brings in a new one: both get points when the new member's first sale of at least the minimum
// spend completes. At most `monthlyLimit` bonuses per referrer per month.
struct ReferralBonus
{
    qint64 referrerPoints = 0;
    qint64 refereePoints = 0;
    qint64 minimumSpendMinor = 0;
    int monthlyLimit = 5;

    QJsonObject toJson() const;
    static Result<ReferralBonus> fromJson(const QJsonObject& json);
};

// An offer to a member who has not bought anything for `afterDays` days: the next sale within `validDays`
// earns `multiplierMilli` times its points.
struct WinBackOffer
{
    int afterDays = 90;
    int validDays = 30;
    int multiplierMilli = 2000;

    // An absence since `lastVisit` is offered from the day it reaches `afterDays` through `validDays` after,
    // whichever day a pass first meets it: two tills make the same offer, and a member away for years when the
    // store turns win-back on is not offered for an absence whose offer would have ended long ago.
    QDate offeredFrom(QDate lastVisit) const { return lastVisit.addDays(afterDays); }
    QDate offeredUntil(QDate lastVisit) const { return offeredFrom(lastVisit).addDays(validDays); }

    QJsonObject toJson() const;
    static Result<WinBackOffer> fromJson(const QJsonObject& json);
};

// A birthday entered less than this many days before it falls does not bring that year's gift.
inline constexpr int BirthdayNoticeDays = 30;

} // namespace lt
