#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace lt {

// An ESC/POS printer's real-time status (DLE EOT n): the transport sends the query, the printer answers one byte at
// once even mid-job. Each answer byte has the fixed pattern 0xx1xx10; anything else is not an answer.
struct PrinterStatus
{
    bool offline = false; // DLE EOT 1 bit 3
    bool coverOpen = false; // DLE EOT 2 bit 2
    bool feedButton = false; // DLE EOT 2 bit 3: paper fed by the button
    bool paperEndStop = false; // DLE EOT 2 bit 5: printing stopped for want of paper
    bool error = false; // DLE EOT 2 bit 6: a cutter jam, an overheated head...
    bool paperNearEnd = false; // DLE EOT 4 bits 2-3
    bool paperEnd = false; // DLE EOT 4 bits 5-6

    bool canPrint() const { return !offline && !coverOpen && !paperEnd && !paperEndStop && !error; }
    // What the status line says: the first problem found, or empty when it can print (paper near its end is
    // mentioned too, as a warning).
    QString problem() const;

    static QByteArray printerStatusQuery(); // DLE EOT 1
    static QByteArray offlineCauseQuery(); // DLE EOT 2
    static QByteArray paperSensorQuery(); // DLE EOT 4
    // Each reads the answer to its query into `status`; false when the byte is not such an answer.
    static bool readPrinterStatus(char answer, PrinterStatus& status);
    static bool readOfflineCause(char answer, PrinterStatus& status);
    static bool readPaperSensor(char answer, PrinterStatus& status);
};

} // namespace lt
