#include "ui/printing/EscPosStreamTransport.h"

#include "core/receipts/PrinterStatus.h"
#include "ui/printing/PrinterMessages.h"
#include "ui/printing/PrintingLogging.h"

#include <QIODevice>

namespace lt::ui {

namespace {

// DLE EOT 1 (the printer), 2 (why it is offline), 4 (the roll's paper sensor): three answers, in that order.
const QByteArray statusRequests =
    PrinterStatus::printerStatusQuery() + PrinterStatus::offlineCauseQuery() + PrinterStatus::paperSensorQuery();
constexpr qsizetype statusAnswers = 3;

// Whether `byte` is an answer to a status request: anything else the printer sends is passed over.
bool isStatusAnswer(char byte)
{
    PrinterStatus ignored;
    return PrinterStatus::readPrinterStatus(byte, ignored);
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
        if (isStatusAnswer(byte))
            m_answers.append(byte);
    }
    if (m_phase == Phase::AskingStatus && m_answers.size() >= statusAnswers) {
        judgeStatus();
    } else if (m_phase == Phase::Sending && !m_answers.isEmpty()) {
        PrinterStatus status;
        PrinterStatus::readPaperSensor(m_answers.back(), status);
        if (status.paperEnd)
            finish(PrinterMessages::paperOut(m_printerName, true));
        else
            finish(PrintOutcome::printed());
    }
}

void EscPosStreamTransport::judgeStatus()
{
    PrinterStatus status;
    PrinterStatus::readPrinterStatus(m_answers.at(0), status);
    PrinterStatus::readOfflineCause(m_answers.at(1), status);
    PrinterStatus::readPaperSensor(m_answers.at(2), status);
    if (status.paperEnd || status.paperEndStop)
        return finish(PrinterMessages::paperOut(m_printerName, false));
    if (!status.canPrint()) // offline: the cover open, or an error such as a jam
        return finish(PrinterMessages::offline(m_printerName, status.coverOpen));
    qCDebug(lcPrinting).noquote() << "printer" << m_printerName << "ready; sending" << m_slip.size() << "bytes";
    m_phase = Phase::Sending;
    m_answers.clear();
    m_timer.start(m_timeouts.writeMs);
    m_device->write(m_slip + PrinterStatus::paperSensorQuery());
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
