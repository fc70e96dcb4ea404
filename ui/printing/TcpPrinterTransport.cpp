#include "ui/printing/TcpPrinterTransport.h"

#include "ui/printing/PrinterMessages.h"

namespace lt::ui {

namespace {

QString hostAndPort(const QString& host, quint16 port)
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                           : QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace

TcpPrinterTransport::TcpPrinterTransport(QString host, quint16 port, QByteArray slip, const PrinterTimeouts& timeouts,
                                         QObject* parent)
    : EscPosStreamTransport(hostAndPort(host, port), std::move(slip), timeouts, parent)
    , m_host(std::move(host))
    , m_port(port)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] { converse(&m_socket); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &TcpPrinterTransport::socketError);
}

void TcpPrinterTransport::start()
{
    // Slips are small and each goes at once: no Nagle delay before the status request.
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    awaitConnection();
    m_socket.connectToHost(m_host, m_port);
}

void TcpPrinterTransport::socketError(QAbstractSocket::SocketError error)
{
    if (done())
        return;
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return finish(PrinterMessages::badAddress(printerName(), tr("no computer is called %1.").arg(m_host)));
    case QAbstractSocket::ConnectionRefusedError:
        return finish(PrinterMessages::unreachable(printerName(), tr("the connection was refused")));
    default:
        return deviceFailed(m_socket.errorString());
    }
}

void TcpPrinterTransport::closeDevice()
{
    // An orderly close sends what is still buffered; abort() only when the printer is not there to take it.
    if (m_socket.state() == QAbstractSocket::ConnectedState && m_socket.bytesToWrite() == 0)
        m_socket.disconnectFromHost();
    else
        m_socket.abort();
}

} // namespace lt::ui
