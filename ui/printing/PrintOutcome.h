#pragma once

#include "core/common/Result.h"

#include <QMetaType>
#include <QString>

namespace lt::ui {

// How sending one slip to a printer ended. Every failure's message names the printer and says what to do; the slip
// stays printable again whatever happened (the sale is recorded before anything is printed).
struct PrintOutcome
{
    enum class Status {
        Printed, // the printer took every byte (an ESC/POS printer also said it still had paper afterwards)
        BadAddress, // the printer's address cannot be used: a mistyped setting or an unknown host name
        Unreachable, // nothing took the connection: switched off, unplugged, or another address or port
        NoAnswer, // connected, but the printer did not answer its status request in time (hung, busy, or not ESC/POS)
        PaperOut, // the printer says its paper has run out (nothing was sent, or the slip stopped short)
        Offline, // the printer says it is offline: its cover is open or it shows an error
        Interrupted, // the connection broke or stalled while the slip was being sent: it may be incomplete
        DeviceMissing, // the serial port or USB printer device does not exist (unplugged, or another name)
        DeviceDenied, // the device exists but this user may not write to it
        PageFailed, // the system's printer or the PDF file could not take the page
    };

    Status status = Status::Printed;
    QString message; // for the cashier's status line; empty when printed

    static PrintOutcome printed() { return {}; }
    static PrintOutcome failed(Status status, QString message) { return {status, std::move(message)}; }
    bool ok() const { return status == Status::Printed; }
    // The outcome as the Result front ends map to exit codes: a printer's state is refused, a missing one not found.
    Result<void> toResult() const;
};

// The status's name in logs and JSON ("paper-out").
QString printStatusName(PrintOutcome::Status status);

} // namespace lt::ui

Q_DECLARE_METATYPE(lt::ui::PrintOutcome)
