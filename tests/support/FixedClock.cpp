#include "tests/support/FixedClock.h"

namespace lt::test {

QDateTime FixedClock::defaultStart()
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
}

FixedClock::FixedClock(const QDateTime& start, qint64 stepMs)
    : m_msecs(start.toMSecsSinceEpoch())
    , m_stepMs(stepMs)
{
}

QDateTime FixedClock::nowUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(m_msecs.fetch_add(m_stepMs), Qt::UTC);
}

void FixedClock::set(const QDateTime& utc)
{
    m_msecs = utc.toMSecsSinceEpoch();
}

void FixedClock::advance(qint64 ms)
{
    m_msecs += ms;
}

} // namespace lt::test
