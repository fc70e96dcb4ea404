#include "bench/EventLoopGaps.h"

#include <chrono>

namespace lt::bench {

EventLoopGaps::EventLoopGaps()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
}

void EventLoopGaps::start()
{
    m_sinceTick.start();
    m_timer.start();
}

void EventLoopGaps::measuring(bool on)
{
    m_measuring = on;
    m_sinceTick.restart();
}

void EventLoopGaps::tick()
{
    if (m_measuring)
        m_gaps.add(std::chrono::nanoseconds(m_sinceTick.nsecsElapsed()));
    m_sinceTick.restart();
}

} // namespace lt::bench
