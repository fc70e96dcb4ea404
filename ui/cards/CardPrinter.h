#pragma once

#include "core/common/Result.h"
#include "core/receipts/PrinterUri.h"
#include "ui/cards/MemberCardPainter.h"
#include "ui/printing/PrinterTransport.h"

#include <QFutureWatcher>

#include <memory>

namespace lt::ui {

// One member card printed at the till for the member at the counter, on the till's card printer (the till setting
// cards.printer): a printer the system knows (cups:QUEUE; empty or `cups:` for the default printer) or a PDF file
// (pdf:FILE) the size of the card. A printer whose paper is card-sized (CR80, a card printer) gets the card edge to
// edge; an office printer gets it at its true size in the corner of the page with a thin outline to cut along.
// The job runs on a worker thread; finished() comes once, in the thread that made the printer.
class CardPrinter : public PrinterTransport
{
    Q_OBJECT
public:
    // The printer named by a cards.printer setting; receipt printers (tcp, serial, usb) cannot print a card.
    [[nodiscard]] static Result<std::unique_ptr<CardPrinter>> forSetting(const QString& setting, MemberCardFace face,
                                                                         QObject* parent = nullptr);
    CardPrinter(PrinterUri printer, MemberCardFace face, QObject* parent = nullptr);

    QString printerName() const override;
    void start() override;

    // The whole job, blocking: what the worker thread runs.
    static PrintOutcome writePdf(const QString& file, const MemberCardFace& face);
    static PrintOutcome printOnSystemPrinter(const QString& queue, const MemberCardFace& face);

private:
    PrinterUri m_printer;
    MemberCardFace m_face;
    QFutureWatcher<PrintOutcome> m_watcher;
};

} // namespace lt::ui
