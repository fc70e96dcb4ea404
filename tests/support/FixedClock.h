#pragma once

#include "core/common/Clock.h"

#include <atomic>

namespace lt::test {

// A clock tests control. It starts at a fixed moment and moves only when told to, or by `stepMs` on every read
// so that successive records get distinct, ordered timestamps. Safe to read from several threads.
class FixedClock final : public Clock
{
public:
    static QDateTime defaultStart(); // 2024-03-01T12:00:00Z

    explicit FixedClock(const QDateTime& start = defaultStart(), qint64 stepMs = 0);

    QDateTime nowUtc() const override;
    void set(const QDateTime& utc);
    void advance(qint64 ms);

private:
    mutable std::atomic<qint64> m_msecs;
    qint64 m_stepMs;
};

} // namespace lt::test
