#pragma once

#include <QList>

namespace lt::ui {

// Tells a USB barcode scanner (a keyboard that types a whole code in a burst and presses Enter) from a person.
// Scanners type a key every few milliseconds; people take 50 ms or more between keys. The times are when each key
// was pressed (the key event's own timestamp), not when the event loop got round to it.
class KeystrokeClassifier
{
public:
    struct Thresholds
    {
        int maximumGapMs = 35; // slowest gap between two keys of one scan
        int minimumLength = 6; // shorter bursts are people pressing keys quickly
    };

    KeystrokeClassifier() = default;
    explicit KeystrokeClassifier(Thresholds thresholds)
        : m_thresholds(thresholds)
    {
    }

    void reset() { m_times.clear(); }
    void keyPressed(qint64 msecs) { m_times << msecs; }
    // At Enter: was everything since the last reset one scanner burst?
    bool isScan(qint64 enterMsecs) const;

private:
    Thresholds m_thresholds;
    QList<qint64> m_times;
};

} // namespace lt::ui
