#include "ui/printing/SlipPrintQueue.h"

#include "ui/printing/PrinterMessages.h"
#include "ui/printing/PrinterTransport.h"
#include "ui/printing/PrintingLogging.h"

#include <QCoreApplication>
#include <QTimer>

#include <utility>

namespace lt::ui {

SlipPrintQueue::SlipPrintQueue(QObject* parent)
    : QObject(parent)
    , m_noSetupReason(QCoreApplication::translate("SlipPrintQueue", "This till has no slip printer."))
{
}

SlipPrintQueue::~SlipPrintQueue() = default;

void SlipPrintQueue::setSetup(const SlipPrinterSetup& setup)
{
    m_setup = setup;
}

void SlipPrintQueue::clearSetup(const QString& why)
{
    m_setup.reset();
    m_noSetupReason = why;
}

qint64 SlipPrintQueue::print(const LoyaltySlip& slip)
{
    Job job;
    job.id = m_nextId++;
    job.slip = slip;
    m_waiting.append(job);
    // Started from the event loop, so that the caller has the id before any signal about it.
    QTimer::singleShot(0, this, &SlipPrintQueue::startNext);
    return job.id;
}

bool SlipPrintQueue::printAgain(qint64 id)
{
    for (qsizetype i = 0; i < m_failed.size(); ++i) {
        if (m_failed.at(i).id != id)
            continue;
        m_waiting.append(m_failed.takeAt(i));
        QTimer::singleShot(0, this, &SlipPrintQueue::startNext);
        return true;
    }
    return false;
}

int SlipPrintQueue::printAllAgain()
{
    const int count = int(m_failed.size());
    m_waiting.append(m_failed);
    m_failed.clear();
    if (count > 0)
        QTimer::singleShot(0, this, &SlipPrintQueue::startNext);
    return count;
}

void SlipPrintQueue::startNext()
{
    if (m_current || m_waiting.isEmpty())
        return;
    m_current = m_waiting.takeFirst();
    emit started(m_current->id);
    if (!m_setup) {
        // Ended from the event loop as well: every outcome comes after started(), never inside print().
        QTimer::singleShot(
            0, this, [this] { jobEnded(PrintOutcome::failed(PrintOutcome::Status::BadAddress, m_noSetupReason)); });
        return;
    }
    m_transport = m_setup->transportFor(m_setup->rows(m_current->slip)).release();
    m_transport->setParent(this);
    connect(m_transport, &PrinterTransport::finished, this, &SlipPrintQueue::jobEnded);
    qCDebug(lcPrinting).noquote() << "slip job" << m_current->id << "to" << m_transport->printerName();
    m_transport->start();
}

void SlipPrintQueue::jobEnded(const PrintOutcome& outcome)
{
    if (!m_current)
        return;
    Job job = std::move(*m_current);
    m_current.reset();
    // The transport emitted from inside its own code: it is deleted once that has returned.
    if (m_transport)
        std::exchange(m_transport, nullptr)->deleteLater();
    job.outcome = outcome;
    if (!outcome.ok()) {
        m_failed.append(job);
        while (m_failed.size() > KeptFailures)
            m_failed.removeFirst();
    }
    emit finished(job.id, outcome);
    if (m_waiting.isEmpty())
        emit idle();
    else
        startNext();
}

} // namespace lt::ui
