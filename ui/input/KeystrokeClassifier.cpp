#include "ui/input/KeystrokeClassifier.h"

namespace lt::ui {

bool KeystrokeClassifier::isScan(qint64 enterMsecs) const
{
    if (m_times.size() < m_thresholds.minimumLength)
        return false;
    qint64 previous = m_times.first();
    for (qint64 t : m_times) {
        if (t - previous > m_thresholds.maximumGapMs)
            return false;
        previous = t;
    }
    return enterMsecs - previous <= m_thresholds.maximumGapMs;
}

} // namespace lt::ui
