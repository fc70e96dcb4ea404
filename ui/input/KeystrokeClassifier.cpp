#include "ui/input/KeystrokeClassifier.h"

namespace lt::ui {

bool KeystrokeClassifier::isScan(qint64 enterMsecs) const
{
    if (m_times.size() < m_thresholds.minimumLength)
        return false;
    // A time earlier than the key before (the window system's 32-bit clock wrapped) is no burst: a scan taken for
    // typing still finds the card, while typing taken for a scan is refused.
    const auto isBurstGap = [this](qint64 from, qint64 to) {
        return to >= from && to - from <= m_thresholds.maximumGapMs;
    };
    qint64 previous = m_times.first();
    for (qint64 t : m_times) {
        if (!isBurstGap(previous, t))
            return false;
        previous = t;
    }
    return isBurstGap(previous, enterMsecs);
}

} // namespace lt::ui
