#include "bench/SlowThermalPrinter.h"

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <atomic>

namespace lt::bench {

namespace {

constexpr char dle = 0x10;
constexpr char eot = 0x04;
constexpr char onlineWithPaper = 0x12; // DLE EOT n's answer with only its fixed bits: online, paper present
constexpr int tickMs = 20; // how often the slow printer takes its next few bytes
constexpr int inputBufferBytes = 4096; // a thermal printer's receive buffer

} // namespace

// The port itself, living on the printer's thread: everything here runs there.
class SlowPrinterPort : public QObject
{
public:
    SlowPrinterPort(SlowThermalPrinter::Mode mode, const SlowThermalPrinter::Pace& pace)
        : m_mode(mode)
        , m_pace(pace)
    {
    }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        connect(m_server, &QTcpServer::newConnection, this, &SlowPrinterPort::accept);
        m_tick = new QTimer(this);
        m_tick->setInterval(tickMs);
        connect(m_tick, &QTimer::timeout, this, &SlowPrinterPort::take);
        if (m_mode == SlowThermalPrinter::Mode::Slow)
            m_tick->start();
        return m_server->serverPort();
    }

    // Before the thread ends: the timers and sockets belong to it.
    void close()
    {
        delete m_tick;
        m_tick = nullptr;
        for (Stream& stream : m_streams)
            delete stream.socket;
        m_streams.clear();
        delete m_server;
        m_server = nullptr;
    }

    std::atomic<qint64> connections {0};
    std::atomic<qint64> bytesRead {0};
    std::atomic<qint64> statusAnswers {0};

private:
    struct Stream
    {
        QPointer<QTcpSocket> socket;
        QByteArray carry; // the last bytes read, where a DLE EOT n could be cut in two
    };

    void accept()
    {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            ++connections;
            // A printer's input buffer: Qt reads no more than this from the system until the printer takes it.
            socket->setReadBufferSize(inputBufferBytes);
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_streams.append(Stream {socket, {}});
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_streams.removeIf([socket](const Stream& stream) { return stream.socket == socket; });
                socket->deleteLater();
            });
        }
    }

    // Every tick: a tick's worth of bytes from each connection, and the status requests among them answered later.
    void take()
    {
        const qint64 budget = qMax<qint64>(1, qint64(m_pace.bytesPerSecond) * tickMs / 1000);
        for (Stream& stream : m_streams) {
            if (!stream.socket || stream.socket->state() != QAbstractSocket::ConnectedState)
                continue;
            const QByteArray bytes = stream.socket->read(budget);
            if (bytes.isEmpty())
                continue;
            bytesRead += bytes.size();
            const QByteArray seen = stream.carry + bytes;
            for (qsizetype i = 0; i + 2 < seen.size(); ++i) {
                if (seen.at(i) == dle && seen.at(i + 1) == eot && seen.at(i + 2) >= 1 && seen.at(i + 2) <= 4) {
                    answerLater(stream.socket);
                    i += 2;
                }
            }
            // A request cut in two by the budget is completed by the next tick's bytes.
            qsizetype keep = 0;
            if (seen.endsWith(dle))
                keep = 1;
            else if (seen.size() >= 2 && seen.at(seen.size() - 2) == dle && seen.back() == eot)
                keep = 2;
            stream.carry = seen.right(keep);
        }
    }

    void answerLater(const QPointer<QTcpSocket>& socket)
    {
        QTimer::singleShot(m_pace.answerDelayMs, this, [this, socket] {
            if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                return;
            socket->write(QByteArray(1, onlineWithPaper));
            ++statusAnswers;
        });
    }

    SlowThermalPrinter::Mode m_mode;
    SlowThermalPrinter::Pace m_pace;
    QTcpServer* m_server = nullptr;
    QTimer* m_tick = nullptr;
    QList<Stream> m_streams;
};

SlowThermalPrinter::SlowThermalPrinter() = default;

SlowThermalPrinter::~SlowThermalPrinter()
{
    if (m_port) {
        QMetaObject::invokeMethod(
            m_port.get(), [this] { m_port->close(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

bool SlowThermalPrinter::start(Mode mode, const Pace& pace)
{
    m_port = std::make_unique<SlowPrinterPort>(mode, pace);
    m_thread.setObjectName(QStringLiteral("slow printer"));
    m_port->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_port.get(), [this] { m_portNumber = m_port->listen(); }, Qt::BlockingQueuedConnection);
    return m_portNumber != 0;
}

QString SlowThermalPrinter::uri() const
{
    return QStringLiteral("tcp://127.0.0.1:%1").arg(m_portNumber);
}

SlowThermalPrinter::Counts SlowThermalPrinter::counts() const
{
    Counts counts;
    if (m_port) {
        counts.connections = m_port->connections;
        counts.bytesRead = m_port->bytesRead;
        counts.statusAnswers = m_port->statusAnswers;
    }
    return counts;
}

} // namespace lt::bench
