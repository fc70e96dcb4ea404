#pragma once

#include <QString>

#include <chrono>
#include <vector>

namespace lt::bench {

// Latencies of one operation, in nanoseconds, and their percentiles.
class LatencySample
{
public:
    void add(std::chrono::nanoseconds elapsed)
    {
        m_ns.push_back(elapsed.count());
        m_sorted = false;
    }
    double percentileMs(double p);
    void merge(const LatencySample& other)
    {
        m_ns.insert(m_ns.end(), other.m_ns.begin(), other.m_ns.end());
        m_sorted = false;
    }
    size_t size() const { return m_ns.size(); }

    template<typename F>
    void time(F&& operation)
    {
        const auto start = std::chrono::steady_clock::now();
        operation();
        add(std::chrono::steady_clock::now() - start);
    }

private:
    std::vector<qint64> m_ns;
    bool m_sorted = false;
};

} // namespace lt::bench
