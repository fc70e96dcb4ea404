#pragma once

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace lt {

// When the daily backup is due: once the local clock has passed backup.time, until a backup taken after that
// moment exists. A till that was off at 02:30 backs up when it next checks; one that checks every hour backs up
// once a day.
class BackupSchedule
{
public:
    explicit BackupSchedule(QTime at, const QTimeZone& zone = QTimeZone::systemTimeZone())
        : m_at(at)
        , m_zone(zone)
    {
    }

    // The latest moment at or before `now` when the local clock read `at` (today's, or yesterday's).
    QDateTime lastBoundary(const QDateTime& now) const;
    bool isDue(const QDateTime& now, const std::optional<QDateTime>& lastGoodBackup) const;

private:
    QTime m_at;
    QTimeZone m_zone;
};

} // namespace lt
