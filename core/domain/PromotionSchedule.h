#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace lt {

// When a promotion is available: Square's available_time.time_periods, each an iCalendar VEVENT with a DTSTART in
// local (unzoned) time, a DURATION and an optional RRULE. Times are wall-clock times: "16:00 for two hours on
// Tuesdays" is 16:00-18:00 on the Tuesday after a daylight-saving change as before it. libical reads the events and
// expands the recurrences.
class PromotionSchedule
{
public:
    static constexpr int MaxPeriods = 50;
    static constexpr int MaxDurationSeconds = 24 * 3600; // Square: at most one available period per day

    // Reads every period; an error names "available_time.time_periods[N]" and says what is wrong (a DTSTART in
    // UTC or with a time zone, a bad or non-positive DURATION, an RRULE that cannot be read or never fires...).
    static Result<PromotionSchedule> fromPeriods(const QStringList& periods);

    // Whether the wall-clock time of `localTime` (its date() and time(), as the caller's zone shows them) falls in
    // one of the periods: at or after a start, before that start plus the duration.
    bool contains(const QDateTime& localTime) const;
    // The day the first period starts, and the last day one can run (invalid when a period recurs for ever).
    QDate firstDate() const { return m_firstDate; }
    QDate lastDate() const { return m_lastDate; }

    // One period as the admin CLI writes it: from `from` at `start` for `durationSeconds`, every day when
    // `weekdays` is empty or on those days (MO, TU, ... SU) every week, the last time on `until` (invalid: no end).
    static QString periodText(QDate from, QTime start, int durationSeconds, const QStringList& weekdays, QDate until);

private:
    struct Period
    {
        QDate startDate;
        QTime startTime;
        int durationSeconds = 0;
        QByteArray rrule; // empty: the period happens once
    };

    QList<Period> m_periods;
    QDate m_firstDate;
    QDate m_lastDate;
};

} // namespace lt
