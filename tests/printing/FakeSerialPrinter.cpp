#include "tests/printing/FakeSerialPrinter.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace lt::test {

FakeSerialPrinter::FakeSerialPrinter(QObject* parent)
    : QObject(parent)
{
}

FakeSerialPrinter::~FakeSerialPrinter()
{
    delete m_notifier;
    if (m_master >= 0)
        ::close(m_master);
}

bool FakeSerialPrinter::start(bool answers)
{
    m_answers = answers;
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
        return false;
    const char* slave = ::ptsname(m_master);
    if (!slave)
        return false;
    m_devicePath = QString::fromLocal8Bit(slave);
    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read);
    connect(m_notifier, &QSocketNotifier::activated, this, &FakeSerialPrinter::read);
    return true;
}

QByteArray FakeSerialPrinter::printed() const
{
    QByteArray bytes = m_received;
    for (const char n : {'\x01', '\x02', '\x04'})
        bytes.replace(QByteArray("\x10\x04", 2).append(n), QByteArray());
    return bytes;
}

void FakeSerialPrinter::read()
{
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(m_master, buffer, sizeof buffer);
        if (got <= 0) {
            // EIO: the till closed the tty; nothing more comes until it opens it again.
            if (got < 0 && errno == EIO)
                m_notifier->setEnabled(false);
            return;
        }
        const qsizetype from = m_received.size();
        m_received.append(buffer, got);
        if (!m_answers)
            continue;
        // Requests never straddle reads in these tests' short conversations; a ready printer answers 0x12 to each.
        for (qsizetype i = qMax<qsizetype>(0, from - 2); i + 2 < m_received.size(); ++i) {
            if (m_received.at(i) == 0x10 && m_received.at(i + 1) == 0x04 && i + 2 >= from) {
                const char ready = 0x12;
                if (::write(m_master, &ready, 1) != 1)
                    return;
            }
        }
    }
}

} // namespace lt::test
