#pragma once

#include <QObject>
#include <QSerialPort>

namespace lt::ui {

// A barcode scanner on a serial port (or a USB scanner in serial mode): one code per line.
class SerialScanner : public QObject
{
    Q_OBJECT
public:
    explicit SerialScanner(QObject* parent = nullptr);
    // Returns an error message, or an empty string when the port is open.
    QString open(const QString& portName, qint32 baudRate);

signals:
    void scanned(const QString& code);

private:
    void readAvailable();

    QSerialPort m_port;
    QByteArray m_pending;
};

} // namespace lt::ui
