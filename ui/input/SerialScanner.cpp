#include "ui/input/SerialScanner.h"

#include "ui/UiLogging.h"

namespace lt::ui {

SerialScanner::SerialScanner(QObject* parent)
    : QObject(parent)
{
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::readAvailable);
}

QString SerialScanner::open(const QString& portName, qint32 baudRate)
{
    m_port.setPortName(portName);
    m_port.setBaudRate(baudRate);
    if (!m_port.open(QIODevice::ReadOnly)) {
        qCWarning(lcScanner) << "serial scanner on" << portName << "not opened:" << m_port.errorString();
        return tr("The scanner on %1 cannot be opened: %2").arg(portName, m_port.errorString());
    }
    qCDebug(lcScanner) << "serial scanner on" << portName << "at" << baudRate << "baud";
    return QString();
}

void SerialScanner::readAvailable()
{
    m_pending += m_port.readAll();
    // A scanner that never ends a line must not grow this without bound.
    if (m_pending.size() > 4096)
        m_pending.clear();
    qsizetype end = 0;
    while ((end = m_pending.indexOf('\r')) >= 0 || (end = m_pending.indexOf('\n')) >= 0) {
        const QString code = QString::fromLatin1(m_pending.left(end)).trimmed();
        m_pending.remove(0, end + 1);
        if (!code.isEmpty()) {
            qCDebug(lcScanner) << "serial scan of" << code.size() << "characters";
            emit scanned(code);
        }
    }
}

} // namespace lt::ui
