#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include "bench/LatencySample.h"

namespace lt::bench {

// How long the event loop of the thread it lives on went without running a 1 ms timer: the longest a key pressed at
// that moment would have waited before the till even saw it. Gaps are counted only while measuring is on, so that a
// benchmark can leave out the time its own synchronous driving holds the loop.
class EventLoopGaps
{
public:
    EventLoopGaps();

    // The timer runs from now on; gaps are counted from the next tick after measuring(true).
    void start();
    void stop() { m_timer.stop(); }
    void measuring(bool on);
    LatencySample& gaps() { return m_gaps; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    bool m_measuring = false;
    LatencySample m_gaps;
};

} // namespace lt::bench
