#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace lt::bench {

class SlowPrinterPort;

// A receipt printer's network port (raw TCP, as on port 9100) on 127.0.0.1 that is slow the way a real one is, or
// hung. It runs on a thread of its own, as a printer is a device of its own: nothing it does is counted as the
// till's work on the GUI thread.
class SlowThermalPrinter
{
public:
    enum class Mode {
        // Takes what it is sent at `bytesPerSecond`, through a 4 KB input buffer as a printer's, and answers each
        // status request (DLE EOT n) `answerDelayMs` after it reached the request: a slip takes seconds, and the
        // till's transport waits all that time for the answer that proves the slip was taken.
        Slow,
        // Accepted by the system's TCP stack, then never read and never answered: a printer hung or switched off
        // behind a print server. Every slip costs the till its full status timeout.
        Silent,
    };
    struct Pace
    {
        int bytesPerSecond = 2048;
        int answerDelayMs = 300;
    };
    // What the printer did, read while it runs.
    struct Counts
    {
        qint64 connections = 0;
        qint64 bytesRead = 0;
        qint64 statusAnswers = 0;
    };

    SlowThermalPrinter();
    ~SlowThermalPrinter();
    SlowThermalPrinter(const SlowThermalPrinter&) = delete;
    SlowThermalPrinter& operator=(const SlowThermalPrinter&) = delete;

    // Listens on 127.0.0.1 on a free port; false when it could not.
    bool start(Mode mode, const Pace& pace);
    QString uri() const; // tcp://127.0.0.1:PORT
    Counts counts() const;

private:
    QThread m_thread;
    std::unique_ptr<SlowPrinterPort> m_port;
    quint16 m_portNumber = 0;
};

} // namespace lt::bench
