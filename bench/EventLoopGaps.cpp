#include "bench/EventLoopGaps.h"

#include "bench/ThreadCpuTime.h"

namespace lt::bench {

EventLoopGaps::EventLoopGaps()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
}

void EventLoopGaps::start()
{
    restart();
    m_timer.start();
}

void EventLoopGaps::measuring(bool on)
{
    m_measuring = on;
    restart();
}

void EventLoopGaps::restart()
{
    m_sinceTick.start();
    m_cpuAtTick = threadCpuTime();
}

void EventLoopGaps::tick()
{
    if (m_measuring) {
        m_gaps.add(std::chrono::nanoseconds(m_sinceTick.nsecsElapsed()));
        m_running.add(threadCpuTime() - m_cpuAtTick);
    }
    restart();
}

} // namespace lt::bench
