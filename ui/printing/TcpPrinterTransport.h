#pragma once

#include "ui/printing/EscPosStreamTransport.h"

#include <QTcpSocket>

namespace lt::ui {

// An ESC/POS printer's raw network port (tcp://HOST:PORT, 9100 as a rule): the host name is looked up and the
// connection made in the background, then the status conversation of EscPosStreamTransport.
class TcpPrinterTransport : public EscPosStreamTransport
{
    Q_OBJECT
public:
    TcpPrinterTransport(QString host, quint16 port, QByteArray slip, const PrinterTimeouts& timeouts,
                        QObject* parent = nullptr);

    void start() override;

private:
    void socketError(QAbstractSocket::SocketError error);
    void closeDevice() override;

    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
};

} // namespace lt::ui
