#pragma once

#include "core/receipts/LoyaltySlip.h"
#include "ui/printing/PrintOutcome.h"
#include "ui/printing/SlipPrinterSetup.h"

#include <QList>
#include <QObject>

#include <optional>

namespace lt::ui {

class PrinterTransport;

// The till's slips on their way to the printer: printed in the order they came, one at a time, each through a
// transport that never waits on the GUI thread. A slip that did not print is kept, with why, until it is printed
// again (printAgain) or the till closes; the sale, redemption or refund behind it was recorded before it came here.
class SlipPrintQueue : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        qint64 id = 0;
        LoyaltySlip slip;
        PrintOutcome outcome; // the last attempt's, for a failed job
    };
    static constexpr qsizetype KeptFailures = 20; // older failures are dropped: nobody reprints yesterday's slips

    explicit SlipPrintQueue(QObject* parent = nullptr);
    ~SlipPrintQueue() override;

    // Where the slips that start from now on go (a job already being sent finishes where it started).
    void setSetup(const SlipPrinterSetup& setup);
    // No printer: slips fail at once with `why` (the setting's problem) and are kept to print later.
    void clearSetup(const QString& why);
    const std::optional<SlipPrinterSetup>& setup() const { return m_setup; }

    // Queues the slip and returns its job's id; finished(id, ...) follows, later.
    qint64 print(const LoyaltySlip& slip);
    // Queues a kept failure again; false when there is no such kept job.
    bool printAgain(qint64 id);
    // Every kept failure again, oldest first; how many.
    int printAllAgain();

    QList<Job> failedJobs() const { return m_failed; } // oldest first
    qsizetype waiting() const { return m_waiting.size(); }
    bool isIdle() const { return !m_current && m_waiting.isEmpty(); }

signals:
    void started(qint64 id);
    void finished(qint64 id, const lt::ui::PrintOutcome& outcome);
    void idle(); // nothing is being sent and nothing waits

private:
    void startNext();
    void jobEnded(const PrintOutcome& outcome);

    std::optional<SlipPrinterSetup> m_setup;
    QString m_noSetupReason;
    qint64 m_nextId = 1;
    QList<Job> m_waiting;
    QList<Job> m_failed;
    std::optional<Job> m_current;
    PrinterTransport* m_transport = nullptr; // a child: it goes with the queue if the till closes mid-slip
};

} // namespace lt::ui
