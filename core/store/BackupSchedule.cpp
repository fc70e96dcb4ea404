#include "core/store/BackupSchedule.h"

namespace lt {

QDateTime BackupSchedule::lastBoundary(const QDateTime& now) const
{
    const QDate today = now.toTimeZone(m_zone).date();
    // On the night a time is skipped (clocks go forward), Qt moves it past the gap: still once that day.
    QDateTime boundary(today, m_at, m_zone);
    if (boundary > now)
        boundary = QDateTime(today.addDays(-1), m_at, m_zone);
    return boundary.toUTC();
}

bool BackupSchedule::isDue(const QDateTime& now, const std::optional<QDateTime>& lastGoodBackup) const
{
    return !lastGoodBackup || *lastGoodBackup < lastBoundary(now);
}

} // namespace lt
