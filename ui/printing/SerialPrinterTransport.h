#pragma once

#include "ui/printing/EscPosStreamTransport.h"

#include <QSerialPort>

namespace lt::ui {

// An ESC/POS printer on a serial port (serial:/dev/ttyS0?baud=19200), 8 data bits, no parity, one stop bit, as the
// printers' DIP switches default to. A printer that is off answers nothing: the status request's timeout says so.
class SerialPrinterTransport : public EscPosStreamTransport
{
    Q_OBJECT
public:
    SerialPrinterTransport(const QString& device, qint32 baud, const QByteArray& slip, const PrinterTimeouts& timeouts,
                           QObject* parent = nullptr);

    void start() override;

    // A serial line is slow (10 bits a byte: an image-heavy slip takes seconds at 9600 baud just to go down the
    // cable), so the write timeout counts from when the line has had time to carry the slip.
    static PrinterTimeouts withLineTime(PrinterTimeouts timeouts, qint32 baud, qsizetype bytes);

private:
    void portError(QSerialPort::SerialPortError error);
    void closeDevice() override;

    QSerialPort m_port;
};

} // namespace lt::ui
