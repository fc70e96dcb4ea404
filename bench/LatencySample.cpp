#include "bench/LatencySample.h"

#include <algorithm>
#include <cmath>

namespace lt::bench {

double LatencySample::percentileMs(double p)
{
    if (m_ns.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_ns.begin(), m_ns.end());
        m_sorted = true;
    }
    const auto index = static_cast<size_t>(std::ceil(p / 100.0 * double(m_ns.size()))) - 1;
    return double(m_ns[std::min(index, m_ns.size() - 1)]) / 1e6;
}

} // namespace lt::bench
