#pragma once

#include "ui/printing/PrintOutcome.h"

#include <QByteArray>
#include <QObject>

namespace lt::ui {

// How long a printer may take before the till gives up on it. Every step is bounded, so a printer that is off,
// hung or unplugged ends in a message, never in a till that waits. Tests shorten them.
struct PrinterTimeouts
{
    int connectMs = 3000; // to reach a network printer
    int statusMs = 2000; // for its answer to a status request
    int writeMs = 10000; // to take the whole slip, from the first byte to the last answer
};

// One attempt at sending one slip to one printer, asynchronous: start() returns at once and finished() comes once,
// later, in the thread that made the transport. A transport is used once.
class PrinterTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The printer's name in messages: its address as the cashier set it (192.168.1.50:9100, /dev/usb/lp0, ...).
    virtual QString printerName() const = 0;
    virtual void start() = 0;

signals:
    void finished(const lt::ui::PrintOutcome& outcome);
};

} // namespace lt::ui
