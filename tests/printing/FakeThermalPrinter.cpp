#include "tests/printing/FakeThermalPrinter.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace lt::test {

namespace {

constexpr char dle = 0x10;
constexpr char eot = 0x04;

} // namespace

FakeThermalPrinter::FakeThermalPrinter(QObject* parent)
    : QObject(parent)
{
}

FakeThermalPrinter::~FakeThermalPrinter() = default;

bool FakeThermalPrinter::start(Mode mode)
{
    m_mode = mode;
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return false;
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &FakeThermalPrinter::accept);
    if (mode == Mode::Refusing)
        m_server->close(); // the port was free a moment ago; nothing listens on it now
    return true;
}

void FakeThermalPrinter::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    if (m_mode == Mode::Refusing && m_server && !m_server->isListening())
        m_server->listen(QHostAddress::LocalHost, m_port);
    m_mode = mode;
    if (mode == Mode::Refusing && m_server)
        m_server->close();
}

QString FakeThermalPrinter::uri() const
{
    return QStringLiteral("tcp://127.0.0.1:%1").arg(m_port);
}

QByteArray FakeThermalPrinter::received(qsizetype index) const
{
    return index >= 0 && index < m_connections.size() ? m_connections.at(index).bytes : QByteArray();
}

QByteArray FakeThermalPrinter::printed(qsizetype index) const
{
    if (index < 0 || index >= m_connections.size())
        return {};
    const Connection& connection = m_connections.at(index);
    QByteArray bytes;
    qsizetype from = 0;
    for (const qsizetype offset : connection.statusOffsets) {
        bytes += connection.bytes.mid(from, offset - from);
        from = offset + 3;
    }
    return bytes + connection.bytes.mid(from);
}

QList<int> FakeThermalPrinter::statusRequests(qsizetype index) const
{
    return index >= 0 && index < m_connections.size() ? m_connections.at(index).statusRequests : QList<int>();
}

QByteArray FakeThermalPrinter::lastPrinted() const
{
    for (qsizetype i = m_connections.size() - 1; i >= 0; --i) {
        const QByteArray bytes = printed(i);
        if (!bytes.isEmpty())
            return bytes;
    }
    return {};
}

void FakeThermalPrinter::accept()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        const qsizetype index = m_connections.size();
        Connection added;
        added.socket = socket;
        m_connections.append(added);
        connect(socket, &QTcpSocket::readyRead, this, [this, index] { read(index); });
        connect(socket, &QTcpSocket::disconnected, this, [this, index] {
            if (!m_connections.at(index).closed)
                closed(index);
        });
    }
}

void FakeThermalPrinter::read(qsizetype index)
{
    Connection& connection = m_connections[index];
    if (connection.closed)
        return;
    QByteArray bytes = connection.socket->readAll();
    const bool cut = m_mode == Mode::CloseAfterBytes && connection.bytes.size() + bytes.size() >= m_closeAfter;
    if (cut)
        bytes.truncate(qMax<qsizetype>(0, m_closeAfter - connection.bytes.size()));
    connection.bytes += bytes;
    answerStatusRequests(connection);
    emit bytesArrived();
    if (cut) {
        connection.closed = true; // before abort(), which emits disconnected()
        connection.socket->abort(); // as the power going off: no orderly close, nothing more read
        closed(index);
    }
}

void FakeThermalPrinter::closed(qsizetype index)
{
    Connection& connection = m_connections[index];
    connection.closed = true;
    connection.socket->deleteLater();
    emit connectionClosed(index);
}

// A real printer answers DLE EOT n wherever it comes in the stream, as soon as it arrives; the three bytes may come
// in separate packets, so scanning resumes where a request could still be incomplete.
void FakeThermalPrinter::answerStatusRequests(Connection& connection)
{
    const QByteArray& bytes = connection.bytes;
    qsizetype i = connection.scanned;
    for (; i + 2 < bytes.size(); ++i) {
        if (bytes.at(i) != dle || bytes.at(i + 1) != eot)
            continue;
        const int n = bytes.at(i + 2);
        if (n < 1 || n > 4)
            continue;
        connection.statusRequests.append(n);
        connection.statusOffsets.append(i);
        if (m_mode != Mode::Silent)
            connection.socket->write(QByteArray(1, statusByte(n)));
        i += 2;
    }
    connection.scanned = i;
}

char FakeThermalPrinter::statusByte(int n) const
{
    const bool paperOut = m_mode == Mode::PaperOut;
    switch (n) {
    case 1: // printer status: offline when the paper has run out
        return paperOut ? char(statusFixedBits | offlineBit) : statusFixedBits;
    case 2: // offline cause
        return paperOut ? char(statusFixedBits | paperEndStopBit) : statusFixedBits;
    case 4: // roll paper sensor
        return paperOut ? char(statusFixedBits | paperEndBits) : statusFixedBits;
    default: // 3, error cause: none
        return statusFixedBits;
    }
}

} // namespace lt::test
