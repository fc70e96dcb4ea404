#include "ui/printing/EscPosStreamTransport.h"

#include "ui/printing/PrinterMessages.h"
#include "ui/printing/PrintingLogging.h"

#include <QIODevice>

namespace lt::ui {

namespace {

// DLE EOT n, "transmit real-time status": 1 the printer, 2 why it is offline, 4 the roll paper sensor. Each answer
// is one byte whose bits 1 and 4 are set and bits 0 and 7 clear, which tells it from anything else the printer sends.
const QByteArray statusRequests = QByteArrayLiteral("\x10\x04\x01\x10\x04\x02\x10\x04\x04");
const QByteArray paperRequest = QByteArrayLiteral("\x10\x04\x04");
constexpr qsizetype statusAnswers = 3;

bool isStatusByte(char byte)
{
    return (static_cast<unsigned char>(byte) & 0x93U) == 0x12U;
}

bool bit(char byte, unsigned mask)
{
    return (static_cast<unsigned char>(byte) & mask) != 0;
}

bool paperEnded(char paperSensor)
{
    return bit(paperSensor, 0x60U); // bits 5 and 6: the roll is out
}

} // namespace

EscPosStreamTransport::EscPosStreamTransport(QString printerName, QByteArray slip, const PrinterTimeouts& timeouts,
                                             QObject* parent)
    : PrinterTransport(parent)
    , m_printerName(std::move(printerName))
    , m_slip(std::move(slip))
    , m_timeouts(timeouts)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EscPosStreamTransport::timedOut);
}

void EscPosStreamTransport::awaitConnection()
{
    m_timer.start(m_timeouts.connectMs);
}

void EscPosStreamTransport::converse(QIODevice* device)
{
    if (m_phase != Phase::Opening)
        return;
    m_device = device;
    connect(device, &QIODevice::readyRead, this, &EscPosStreamTransport::readAnswers);
    m_phase = Phase::AskingStatus;
    m_answers.clear();
    m_timer.start(m_timeouts.statusMs);
    device->write(statusRequests);
}

void EscPosStreamTransport::readAnswers()
{
    if (m_phase != Phase::AskingStatus && m_phase != Phase::Sending)
        return;
    for (const char byte : m_device->readAll()) {
        if (isStatusByte(byte))
            m_answers.append(byte);
    }
    if (m_phase == Phase::AskingStatus && m_answers.size() >= statusAnswers) {
        judgeStatus();
    } else if (m_phase == Phase::Sending && !m_answers.isEmpty()) {
        if (paperEnded(m_answers.back()))
            finish(PrinterMessages::paperOut(m_printerName, true));
        else
            finish(PrintOutcome::printed());
    }
}

void EscPosStreamTransport::judgeStatus()
{
    const char printer = m_answers.at(0);
    const char offlineCause = m_answers.at(1);
    const char paperSensor = m_answers.at(2);
    if (paperEnded(paperSensor) || bit(offlineCause, 0x20U))
        return finish(PrinterMessages::paperOut(m_printerName, false));
    if (bit(printer, 0x08U)) // offline
        return finish(PrinterMessages::offline(m_printerName, bit(offlineCause, 0x04U)));
    qCDebug(lcPrinting).noquote() << "printer" << m_printerName << "ready; sending" << m_slip.size() << "bytes";
    m_phase = Phase::Sending;
    m_answers.clear();
    m_timer.start(m_timeouts.writeMs);
    m_device->write(m_slip + paperRequest);
}

void EscPosStreamTransport::timedOut()
{
    switch (m_phase) {
    case Phase::AskingStatus:
        return finish(PrinterMessages::noAnswer(m_printerName));
    case Phase::Sending:
        return finish(PrinterMessages::interrupted(
            m_printerName, tr("it took no more data for %1 s").arg(m_timeouts.writeMs / 1000.0, 0, 'g', 3)));
    case Phase::Opening:
        return finish(PrinterMessages::unreachable(
            m_printerName, tr("no answer within %1 s").arg(m_timeouts.connectMs / 1000.0, 0, 'g', 3)));
    case Phase::Done:
        break;
    }
}

void EscPosStreamTransport::deviceFailed(const QString& why)
{
    switch (m_phase) {
    case Phase::Opening:
        return finish(PrinterMessages::unreachable(m_printerName, why));
    case Phase::AskingStatus:
        return finish(PrinterMessages::noAnswer(m_printerName));
    case Phase::Sending:
        return finish(PrinterMessages::interrupted(m_printerName, why));
    case Phase::Done:
        break;
    }
}

void EscPosStreamTransport::finish(const PrintOutcome& outcome)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_timer.stop();
    if (m_device)
        disconnect(m_device, nullptr, this, nullptr);
    closeDevice();
    if (outcome.ok())
        qCInfo(lcPrinting).noquote() << "slip printed on" << m_printerName;
    else
        qCWarning(lcPrinting).noquote() << "slip not printed on" << m_printerName << printStatusName(outcome.status);
    emit finished(outcome);
}

} // namespace lt::ui
