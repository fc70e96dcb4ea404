#pragma once

#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <vector>

namespace lt {

// The store's calendar day of a stored UTC moment. QDateTime's local time costs microseconds a call (Qt asks the C
// library, which looks for a changed zone file each time): seconds over a million members or millions of ledger
// entries, so the local days already met are kept as [start, end) intervals.
class LocalDays
{
public:
    QDate dayOf(const QDateTime& utc)
    {
        if (!utc.isValid())
            return {};
        const qint64 msecs = utc.toMSecsSinceEpoch();
        const auto after = std::upper_bound(m_days.begin(), m_days.end(), msecs,
                                            [](qint64 value, const Day& day) { return value < day.startMsecs; });
        if (after != m_days.begin() && msecs < std::prev(after)->endMsecs)
            return std::prev(after)->date;
        const QDate date = utc.toLocalTime().date();
        const Day day {date.startOfDay(Qt::LocalTime).toMSecsSinceEpoch(),
                       date.addDays(1).startOfDay(Qt::LocalTime).toMSecsSinceEpoch(), date};
        if (day.startMsecs <= msecs && msecs < day.endMsecs)
            m_days.insert(after, day); // days do not overlap, so it goes where the search ended
        return date;
    }

private:
    struct Day
    {
        qint64 startMsecs = 0;
        qint64 endMsecs = 0;
        QDate date;
    };
    std::vector<Day> m_days; // ascending
};

} // namespace lt
