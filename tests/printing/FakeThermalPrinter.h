#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace lt::test {

// An ESC/POS receipt printer's network port (raw TCP, as on port 9100) on 127.0.0.1, in the test's own thread. It
// records every byte of every connection and answers the real-time status requests (DLE EOT n) the way an Epson
// TM-series printer does: one status byte per request, bits 1 and 4 always set. The faults a till meets in a shop
// are its modes.
class FakeThermalPrinter : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Ready, // answers every status request with "online, paper present" and keeps what it is sent
        PaperOut, // answers DLE EOT 4 with the roll's paper-end bits (and DLE EOT 1/2 with "offline, paper end")
        CloseAfterBytes, // closes the connection once closeAfter() bytes have arrived (the power cut mid-slip)
        Refusing, // nothing listens on the port: connections are refused
        Silent, // accepts and reads but never answers a status request (a printer hung or busy)
    };

    // DLE EOT n answers (ESC/POS "transmit real-time status"): bits 1 and 4 are fixed on.
    static constexpr char statusFixedBits = 0x12;
    static constexpr char paperEndBits = 0x60; // n = 4: bits 5 and 6, the roll is out
    static constexpr char offlineBit = 0x08; // n = 1: bit 3
    static constexpr char paperEndStopBit = 0x20; // n = 2: bit 5, printing stopped at the paper's end

    explicit FakeThermalPrinter(QObject* parent = nullptr);
    ~FakeThermalPrinter() override;

    // Listens on 127.0.0.1 on a free port. A Refusing printer keeps the port it found but does not listen on it.
    bool start(Mode mode = Mode::Ready);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setCloseAfter(qsizetype bytes) { m_closeAfter = bytes; }
    qsizetype closeAfter() const { return m_closeAfter; }

    quint16 port() const { return m_port; }
    QString uri() const; // tcp://127.0.0.1:PORT

    qsizetype connectionCount() const { return m_connections.size(); }
    // Every byte connection `index` brought, status requests included.
    QByteArray received(qsizetype index) const;
    // What connection `index` had printed: its bytes without the status requests it made.
    QByteArray printed(qsizetype index) const;
    // The status requests connection `index` made, as their n (1 to 4), in order.
    QList<int> statusRequests(qsizetype index) const;
    // The last connection that printed something (its bytes, less leading status requests), or nothing.
    QByteArray lastPrinted() const;

signals:
    void bytesArrived();
    void connectionClosed(qsizetype index);

private:
    struct Connection
    {
        QTcpSocket* socket = nullptr;
        QByteArray bytes;
        QList<int> statusRequests;
        QList<qsizetype> statusOffsets; // where each request's three bytes start in `bytes`
        qsizetype scanned = 0; // bytes looked at for DLE EOT so far
        bool closed = false;
    };

    void accept();
    void read(qsizetype index);
    void answerStatusRequests(Connection& connection);
    void closed(qsizetype index);
    char statusByte(int n) const;

    QTcpServer* m_server = nullptr;
    Mode m_mode = Mode::Ready;
    quint16 m_port = 0;
    qsizetype m_closeAfter = 64;
    QList<Connection> m_connections;
};

} // namespace lt::test
