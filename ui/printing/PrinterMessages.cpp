#include "ui/printing/PrinterMessages.h"

namespace lt::ui {

namespace {

using Status = PrintOutcome::Status;

} // namespace

QString PrinterMessages::keptForReprint()
{
    return tr("The slip was kept: print it again once the printer is ready.");
}

PrintOutcome PrinterMessages::badAddress(const QString& printer, const QString& why)
{
    return PrintOutcome::failed(
        Status::BadAddress,
        tr("The slip printer %1 cannot be used: %2 Correct its address in Settings ▸ Printing and wallet.")
            .arg(printer, why));
}

PrintOutcome PrinterMessages::unreachable(const QString& printer, const QString& why)
{
    return PrintOutcome::failed(Status::Unreachable,
                                tr("The slip printer %1 cannot be reached (%2). Check that it is switched on and its "
                                   "cable is in, and its address in Settings ▸ Printing and wallet.")
                                    .arg(printer, why));
}

PrintOutcome PrinterMessages::noAnswer(const QString& printer)
{
    return PrintOutcome::failed(Status::NoAnswer,
                                tr("The slip printer %1 does not answer. Switch it off and on again; if it still does "
                                   "not answer, check its address in Settings ▸ Printing and wallet.")
                                    .arg(printer));
}

PrintOutcome PrinterMessages::paperOut(const QString& printer, bool whilePrinting)
{
    return PrintOutcome::failed(
        Status::PaperOut,
        whilePrinting ? tr("The slip printer %1 ran out of paper while printing. Put in a new roll.").arg(printer)
                      : tr("The slip printer %1 is out of paper. Put in a new roll.").arg(printer));
}

PrintOutcome PrinterMessages::offline(const QString& printer, bool coverOpen)
{
    return PrintOutcome::failed(
        Status::Offline,
        coverOpen
            ? tr("The slip printer %1 has its cover open. Close it.").arg(printer)
            : tr("The slip printer %1 is offline. Check its error light; switch it off and on again.").arg(printer));
}

PrintOutcome PrinterMessages::interrupted(const QString& printer, const QString& why)
{
    return PrintOutcome::failed(Status::Interrupted,
                                tr("The slip printer %1 stopped while the slip was being sent (%2): the slip may be "
                                   "incomplete. Check its power and cable.")
                                    .arg(printer, why));
}

PrintOutcome PrinterMessages::deviceMissing(const QString& printer)
{
    return PrintOutcome::failed(
        Status::DeviceMissing,
        tr("The slip printer %1 is not connected: there is no such device. Check that it is switched on and its cable "
           "is in, and its address in Settings ▸ Printing and wallet.")
            .arg(printer));
}

PrintOutcome PrinterMessages::deviceDenied(const QString& printer, const QString& group)
{
    return PrintOutcome::failed(
        Status::DeviceDenied,
        tr("The till may not use the slip printer %1. Ask IT to add the till's user to the %2 group.")
            .arg(printer, group));
}

PrintOutcome PrinterMessages::pageFailed(const QString& printer, const QString& why)
{
    return PrintOutcome::failed(Status::PageFailed,
                                tr("The slip could not be printed on %1 (%2). Check the printer in the system's "
                                   "printer settings, or the address in Settings ▸ Printing and wallet.")
                                    .arg(printer, why));
}

} // namespace lt::ui
