#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace lt::test {

// An ESC/POS printer at the far end of a serial cable, played on a pseudo-terminal: the till opens devicePath() (the
// pty's slave, a real tty that QSerialPort configures as it would /dev/ttyS0) and this end reads and answers. It
// answers the real-time status requests as a ready printer, or stays silent as one switched off.
class FakeSerialPrinter : public QObject
{
    Q_OBJECT
public:
    explicit FakeSerialPrinter(QObject* parent = nullptr);
    ~FakeSerialPrinter() override;

    bool start(bool answers = true);
    QString devicePath() const { return m_devicePath; }
    QByteArray received() const { return m_received; }
    // What was received without its DLE EOT status requests.
    QByteArray printed() const;

private:
    void read();

    int m_master = -1;
    bool m_answers = true;
    QString m_devicePath;
    QByteArray m_received;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace lt::test
