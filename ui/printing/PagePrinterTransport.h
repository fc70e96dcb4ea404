#pragma once

#include "core/receipts/SlipRow.h"
#include "ui/printing/PrinterTransport.h"

#include <QFutureWatcher>
#include <QList>

namespace lt::ui {

// A slip drawn as a page, on a worker thread, by SlipPainter: into a PDF file the width of the receipt paper and as
// long as the slip (pdf:FILE), or onto a printer the system knows (cups:QUEUE, or the default printer for `cups:`)
// at its natural size from the page's top left corner, over as many pages as it needs.
class PagePrinterTransport : public PrinterTransport
{
    Q_OBJECT
public:
    enum class Target {
        PdfFile, // `destination` is the file
        SystemPrinter, // `destination` is the print queue; empty: the system's default printer
    };

    PagePrinterTransport(Target target, QString destination, PaperWidth paper, QList<SlipRow> rows,
                         QObject* parent = nullptr);

    QString printerName() const override;
    void start() override;

    // The whole job, blocking: what the worker thread runs.
    static PrintOutcome writePdf(const QString& file, PaperWidth paper, const QList<SlipRow>& rows);
    static PrintOutcome printOnSystemPrinter(const QString& queue, PaperWidth paper, const QList<SlipRow>& rows);

private:
    Target m_target;
    QString m_destination;
    PaperWidth m_paper;
    QList<SlipRow> m_rows;
    QFutureWatcher<PrintOutcome> m_watcher;
};

} // namespace lt::ui
