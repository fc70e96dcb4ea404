#include "ui/printing/SerialPrinterTransport.h"

#include "ui/printing/PrinterMessages.h"

#include <QTimer>

#include <limits>

namespace lt::ui {

SerialPrinterTransport::SerialPrinterTransport(const QString& device, qint32 baud, const QByteArray& slip,
                                               const PrinterTimeouts& timeouts, QObject* parent)
    : EscPosStreamTransport(device, slip, withLineTime(timeouts, baud, slip.size()), parent)
{
    m_port.setPortName(device);
    m_port.setBaudRate(baud);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
}

PrinterTimeouts SerialPrinterTransport::withLineTime(PrinterTimeouts timeouts, qint32 baud, qsizetype bytes)
{
    const qint64 lineMs = baud > 0 ? qint64(bytes) * 10 * 1000 / baud : 0;
    timeouts.writeMs = int(qMin<qint64>(timeouts.writeMs + lineMs, std::numeric_limits<int>::max()));
    return timeouts;
}

void SerialPrinterTransport::start()
{
    // Opening a serial port does not wait for the far end; the outcome still comes later, as from every transport.
    QTimer::singleShot(0, this, [this] {
        if (!m_port.open(QIODevice::ReadWrite)) {
            switch (m_port.error()) {
            case QSerialPort::DeviceNotFoundError:
                return finish(PrinterMessages::deviceMissing(printerName()));
            case QSerialPort::PermissionError:
#ifdef Q_OS_WIN
                return finish(PrinterMessages::unreachable(printerName(), m_port.errorString()));
#else
                return finish(PrinterMessages::deviceDenied(printerName(), QStringLiteral("dialout")));
#endif
            default:
                return finish(PrinterMessages::unreachable(printerName(), m_port.errorString()));
            }
        }
        connect(&m_port, &QSerialPort::errorOccurred, this, &SerialPrinterTransport::portError);
        converse(&m_port);
    });
}

void SerialPrinterTransport::portError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError || done())
        return;
    deviceFailed(m_port.errorString());
}

void SerialPrinterTransport::closeDevice()
{
    if (m_port.isOpen())
        m_port.close();
}

} // namespace lt::ui
