#pragma once

#include <QString>

#include "bench/LatencySample.h"

namespace lt {
class SyncScheduler;
struct SyncReport;
} // namespace lt

namespace lt::ui {
class TillWindow;
}

namespace lt::bench {

// The till window driven as a cashier drives it, one operation at a time, with real key events: the scanner's digits
// and Enter, F2 sale, F3 redemption, F4 refund, F9 sync, Esc for the next customer. Between operations the event
// loop runs, so that sync's relayed requests, the status line and the member's insight go on as at a real till.
class SoakTill
{
public:
    enum class Outcome {
        Done, // recorded and shown
        Refused, // the till said no on screen (e.g. not enough points) and the dialog was closed with Esc
        Failed, // the till did not do what the keys asked: a bug or a harness that lost its way
    };

    SoakTill(ui::TillWindow& window, SyncScheduler* sync); // none: the till works offline, F9 is refused

    // Esc, the card's digits, then the timed Enter until the member is painted.
    Outcome scanCard(const QString& card, LatencySample& enterToPainted);
    // Esc, a phone number as a cashier types it ("(201) 555-0042"), then the timed Enter.
    Outcome typePhone(const QString& e164, LatencySample& enterToPainted);
    Outcome sell(const QString& receipt, qint64 totalCents);
    Outcome redeem(); // the first reward the dialog offers
    Outcome refund(const QString& receipt, qint64 cents);
    // F9, then the event loop until a pass started after it has finished (at most `timeoutMs`).
    Outcome sync(int timeoutMs = 60000);
    // The event loop between two operations: what is posted or has arrived is handled.
    void idle();

    qint64 passesFinished() const { return m_passes; }
    qint64 passesStopped() const { return m_stopped; } // passes that ended early (Square not reached, ...)
    const QString& lastRefusal() const { return m_lastRefusal; }

private:
    bool backToTill(); // false when the window could not be activated again

    ui::TillWindow& m_window;
    SyncScheduler* m_sync;
    qint64 m_passes = 0;
    qint64 m_stopped = 0;
    QString m_lastRefusal;
};

} // namespace lt::bench
