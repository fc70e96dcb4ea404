#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <chrono>

#include "bench/LatencySample.h"

namespace lt::bench {

// How long the event loop of the thread it lives on went without running a 1 ms timer: the longest a key pressed at
// that moment would have waited before the till even saw it; and how much of each gap the thread itself was running
// (the rest, the system ran something else). Gaps are counted only while measuring is on, so that a benchmark can
// leave out the time its own synchronous driving holds the loop.
class EventLoopGaps
{
public:
    EventLoopGaps();

    // The timer runs from now on; gaps are counted from the next tick after measuring(true).
    void start();
    void stop() { m_timer.stop(); }
    void measuring(bool on);
    LatencySample& gaps() { return m_gaps; }
    LatencySample& gapsRunning() { return m_running; } // the thread's CPU time within each gap

private:
    void tick();
    void restart();

    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    std::chrono::nanoseconds m_cpuAtTick {0};
    bool m_measuring = false;
    LatencySample m_gaps;
    LatencySample m_running;
};

} // namespace lt::bench
