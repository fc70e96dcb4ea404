#pragma once

#include "core/common/Result.h"
#include "core/receipts/CodePage.h"
#include "core/receipts/LoyaltySlip.h"
#include "core/receipts/PrinterUri.h"
#include "core/receipts/SlipRow.h"
#include "ui/printing/PrinterTransport.h"

#include <QList>
#include <QLocale>

#include <memory>

namespace lt::ui {

class TillPreferences;

// Where this till's slips go and how they look there: the printer, its paper and code page, the language of the
// slip's words and numbers, and how long the printer may take. It makes the transport for one slip: ESC/POS bytes
// (with rows the code page lacks drawn as images) for tcp, serial and usb printers, a painted page for cups and pdf.
struct SlipPrinterSetup
{
    PrinterUri printer;
    PaperWidth paper = PaperWidth::Mm80;
    CodePage::Id codePage = CodePage::Id::Pc858;
    QLocale locale;
    PrinterTimeouts timeouts;

    // From this till's settings (slip.printer, slip.paper_width, slip.code_page). NotFound when no slip printer is
    // set; InvalidInput when its address is not a printer URI.
    static Result<SlipPrinterSetup> fromPreferences(const TillPreferences& preferences, const QLocale& locale);
    // The same with another printer (loyaltytill-admin slip --printer URI).
    static Result<SlipPrinterSetup> forPrinter(const QString& uri, const TillPreferences& preferences,
                                               const QLocale& locale);

    // The slip's rows for this paper, in this language.
    QList<SlipRow> rows(const LoyaltySlip& slip) const;
    // What an ESC/POS printer is sent for these rows.
    QByteArray escPos(const QList<SlipRow>& rows) const;
    // A transport that prints these rows on this printer, not started yet.
    std::unique_ptr<PrinterTransport> transportFor(const QList<SlipRow>& rows) const;
    // The printer's name in messages.
    QString printerName() const;
};

} // namespace lt::ui
