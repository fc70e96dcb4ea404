#pragma once

#include <QDateTime>

namespace lt {

// The source of "now"; tests substitute a fixed or stepping clock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

// Timestamps are stored as ISO 8601 UTC text with milliseconds, which sorts correctly as text.
inline QString toStorageTime(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime fromStorageTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace lt
