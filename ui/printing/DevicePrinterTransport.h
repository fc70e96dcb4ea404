#pragma once

#include "ui/printing/PrinterTransport.h"

#include <QFutureWatcher>

namespace lt::ui {

// A USB receipt printer's character device (usb:/dev/usb/lp0), written raw on a worker thread: the device is opened
// without waiting, asked for its paper and online status where the kernel's printer driver keeps them (LPGETSTATUS),
// and written as fast as it takes the bytes, within the write timeout. The GUI thread only hears the outcome.
class DevicePrinterTransport : public PrinterTransport
{
    Q_OBJECT
public:
    DevicePrinterTransport(QString device, QByteArray slip, const PrinterTimeouts& timeouts, QObject* parent = nullptr);

    QString printerName() const override { return m_device; }
    void start() override;

    // The whole attempt, blocking: what the worker thread runs (and tests may call directly).
    static PrintOutcome writeToDevice(const QString& device, const QByteArray& slip, int writeTimeoutMs);

private:
    QString m_device;
    QByteArray m_slip;
    PrinterTimeouts m_timeouts;
    QFutureWatcher<PrintOutcome> m_watcher;
};

} // namespace lt::ui
