#pragma once

#include "ui/printing/PrintOutcome.h"

#include <QCoreApplication>
#include <QString>

namespace lt::ui {

// What the cashier reads when a printer fails, in one voice for every kind of printer: what happened, to which
// printer, and what to do. `printer` is the printer's address as set in Settings ▸ Printing and wallet.
class PrinterMessages
{
    Q_DECLARE_TR_FUNCTIONS(PrinterMessages)
public:
    static PrintOutcome badAddress(const QString& printer, const QString& why);
    static PrintOutcome unreachable(const QString& printer, const QString& why);
    static PrintOutcome noAnswer(const QString& printer);
    static PrintOutcome paperOut(const QString& printer, bool whilePrinting);
    static PrintOutcome offline(const QString& printer, bool coverOpen);
    static PrintOutcome interrupted(const QString& printer, const QString& why);
    static PrintOutcome deviceMissing(const QString& printer);
    static PrintOutcome deviceDenied(const QString& printer, const QString& group);
    static PrintOutcome pageFailed(const QString& printer, const QString& why);
    // What the till adds to a failure's message: the slip waits to be printed again.
    static QString keptForReprint();
};

} // namespace lt::ui
