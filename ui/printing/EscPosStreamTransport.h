#pragma once

#include "ui/printing/PrinterTransport.h"

#include <QByteArray>
#include <QTimer>

class QIODevice;

namespace lt::ui {

// The conversation with an ESC/POS printer over a two-way stream (a TCP socket, a serial port), shared by both:
// ask the printer's real-time status (DLE EOT 1, 2, 4) and wait for its three answers; refuse to print when it says
// the paper is out or it is offline; then send the slip followed by one more paper request, whose answer proves the
// printer took every byte before it. Each step has its timeout; nothing waits on the calling thread.
class EscPosStreamTransport : public PrinterTransport
{
    Q_OBJECT
public:
    QString printerName() const override { return m_printerName; }

protected:
    EscPosStreamTransport(QString printerName, QByteArray slip, const PrinterTimeouts& timeouts, QObject* parent);

    // The subclass is connecting: unreachable unless converse() comes within the connect timeout.
    void awaitConnection();
    // The subclass opened or connected `device` (which it owns): the conversation starts.
    void converse(QIODevice* device);
    // Ends the attempt once: the subclass's hook closes its device, then finished() is emitted.
    void finish(const PrintOutcome& outcome);
    // The device failed with `why` (its error string): what that means depends on how far the conversation got.
    void deviceFailed(const QString& why);
    virtual void closeDevice() = 0;
    bool done() const { return m_phase == Phase::Done; }
    const PrinterTimeouts& timeouts() const { return m_timeouts; }

private:
    enum class Phase {
        Opening, // the subclass is connecting or opening
        AskingStatus, // the status requests are out; their three answers are awaited
        Sending, // the slip and the last paper request are out; that request's answer is awaited
        Done,
    };

    void readAnswers();
    void judgeStatus();
    void timedOut();

    QString m_printerName;
    QByteArray m_slip;
    PrinterTimeouts m_timeouts;
    QIODevice* m_device = nullptr;
    Phase m_phase = Phase::Opening;
    QByteArray m_answers; // status bytes received in the current phase
    QTimer m_timer;
};

} // namespace lt::ui
