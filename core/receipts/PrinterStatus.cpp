#include "core/receipts/PrinterStatus.h"

#include "core/receipts/EscPosBytes.h"

#include <QCoreApplication>

namespace lt {

namespace {
using escpos::bytes;
using escpos::DLE;
using escpos::EOT;

// Every real-time status byte has bit 0 clear, bits 1 and 4 set and bit 7 clear.
bool isStatusByte(char answer)
{
    return (static_cast<unsigned char>(answer) & 0x93) == 0x12;
}

bool bit(char answer, int n)
{
    return (static_cast<unsigned char>(answer) >> n) & 1;
}
} // namespace

QByteArray PrinterStatus::printerStatusQuery()
{
    return bytes({DLE, EOT, 1});
}

QByteArray PrinterStatus::offlineCauseQuery()
{
    return bytes({DLE, EOT, 2});
}

QByteArray PrinterStatus::paperSensorQuery()
{
    return bytes({DLE, EOT, 4});
}

bool PrinterStatus::readPrinterStatus(char answer, PrinterStatus& status)
{
    if (!isStatusByte(answer))
        return false;
    status.offline = bit(answer, 3);
    return true;
}

bool PrinterStatus::readOfflineCause(char answer, PrinterStatus& status)
{
    if (!isStatusByte(answer))
        return false;
    status.coverOpen = bit(answer, 2);
    status.feedButton = bit(answer, 3);
    status.paperEndStop = bit(answer, 5);
    status.error = bit(answer, 6);
    return true;
}

bool PrinterStatus::readPaperSensor(char answer, PrinterStatus& status)
{
    if (!isStatusByte(answer))
        return false;
    status.paperNearEnd = bit(answer, 2) || bit(answer, 3);
    status.paperEnd = bit(answer, 5) || bit(answer, 6);
    return true;
}

QString PrinterStatus::problem() const
{
    if (coverOpen)
        return QCoreApplication::translate("PrinterStatus", "The printer's cover is open.");
    if (paperEnd || paperEndStop)
        return QCoreApplication::translate("PrinterStatus", "The printer is out of paper.");
    if (error)
        return QCoreApplication::translate("PrinterStatus",
                                           "The printer reports an error (a paper jam or the cutter): see its lights.");
    if (offline)
        return QCoreApplication::translate("PrinterStatus", "The printer is offline.");
    if (paperNearEnd)
        return QCoreApplication::translate("PrinterStatus", "The printer's paper is running out.");
    return {};
}

} // namespace lt
