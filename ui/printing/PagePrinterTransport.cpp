#include "ui/printing/PagePrinterTransport.h"

#include "ui/printing/PrintSupportLock.h"
#include "ui/printing/PrinterMessages.h"
#include "ui/printing/PrintingLogging.h"
#include "ui/printing/SlipPainter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace lt::ui {

namespace {

QString defaultPrinterName()
{
    return QCoreApplication::translate("PrinterMessages", "the system's default printer");
}

// Draws the rows down the pages of `device`, whose painter is already scaled to printer dots; a row never straddles
// two pages. `pageDots` is the printable height of a page in dots.
void paintPaged(QPainter& painter, QPagedPaintDevice& device, const SlipPainter& slip, const QList<SlipRow>& rows,
                int pageDots)
{
    int top = 0;
    for (const SlipRow& row : rows) {
        const int height = slip.heightOf(row);
        if (top > 0 && top + height > pageDots) {
            device.newPage();
            top = 0;
        }
        slip.paintRow(painter, row, top);
        top += height;
    }
}

} // namespace

PagePrinterTransport::PagePrinterTransport(Target target, QString destination, PaperWidth paper, QList<SlipRow> rows,
                                           QObject* parent)
    : PrinterTransport(parent)
    , m_target(target)
    , m_destination(std::move(destination))
    , m_paper(paper)
    , m_rows(std::move(rows))
{
    connect(&m_watcher, &QFutureWatcher<PrintOutcome>::finished, this, [this] {
        const PrintOutcome outcome = m_watcher.result();
        if (outcome.ok())
            qCInfo(lcPrinting).noquote() << "slip printed on" << printerName();
        else
            qCWarning(lcPrinting).noquote()
                << "slip not printed on" << printerName() << printStatusName(outcome.status);
        emit finished(outcome);
    });
}

QString PagePrinterTransport::printerName() const
{
    return m_target == Target::SystemPrinter && m_destination.isEmpty() ? defaultPrinterName() : m_destination;
}

void PagePrinterTransport::start()
{
    // Painting onto a QPdfWriter or a QPrinter is allowed off the GUI thread (the printer behind a PrintSupportLock);
    // the worker holds copies only.
    if (m_target == Target::PdfFile)
        m_watcher.setFuture(QtConcurrent::run(&PagePrinterTransport::writePdf, m_destination, m_paper, m_rows));
    else
        m_watcher.setFuture(
            QtConcurrent::run(&PagePrinterTransport::printOnSystemPrinter, m_destination, m_paper, m_rows));
}

PrintOutcome PagePrinterTransport::writePdf(const QString& file, PaperWidth paper, const QList<SlipRow>& rows)
{
    const QFileInfo info(file);
    if (!info.absoluteDir().exists())
        return PrinterMessages::pageFailed(
            file,
            QCoreApplication::translate("PrinterMessages", "the folder %1 does not exist")
                .arg(QDir::toNativeSeparators(info.absolutePath())));
    const SlipPainter slip(paper);
    const qreal mmPerDot = 25.4 / SlipPainter::DotsPerInch;
    const qreal margin = slip.marginMm();
    // One page as long as the slip, like the paper that comes out of a receipt printer.
    const QSizeF pageMm(slip.paperWidthMm(), qMax(20.0, slip.heightOf(rows) * mmPerDot + 2 * margin));
    QPdfWriter pdf(file);
    pdf.setCreator(QStringLiteral("LoyaltyTill"));
    pdf.setTitle(QCoreApplication::translate("PrinterMessages", "Loyalty slip"));
    pdf.setResolution(SlipPainter::DotsPerInch);
    pdf.setPageLayout(QPageLayout(QPageSize(pageMm, QPageSize::Millimeter), QPageLayout::Portrait,
                                  QMarginsF(margin, margin, margin, margin), QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&pdf))
        return PrinterMessages::pageFailed(file,
                                           QCoreApplication::translate("PrinterMessages", "it cannot be written"));
    slip.paint(painter, rows);
    if (!painter.end())
        return PrinterMessages::pageFailed(file,
                                           QCoreApplication::translate("PrinterMessages", "it cannot be written"));
    // A member's slip (balance, the phone's last four digits): the owner's alone, whatever the umask of the process.
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return PrintOutcome::printed();
}

PrintOutcome PagePrinterTransport::printOnSystemPrinter(const QString& queue, PaperWidth paper,
                                                        const QList<SlipRow>& rows)
{
    const PrintSupportLock lock; // first, so that it outlives the printer
    const QString name = queue.isEmpty() ? defaultPrinterName() : queue;
    const QPrinterInfo info = queue.isEmpty() ? QPrinterInfo::defaultPrinter() : QPrinterInfo::printerInfo(queue);
    if (info.isNull())
        return PrinterMessages::pageFailed(
            name,
            queue.isEmpty() ? QCoreApplication::translate("PrinterMessages", "the system has no default printer")
                            : QCoreApplication::translate("PrinterMessages",
                                                          "the system has no printer of "
                                                          "that name"));
    QPrinter printer(info, QPrinter::HighResolution);
    printer.setDocName(QCoreApplication::translate("PrinterMessages", "Loyalty slip"));
    printer.setFullPage(false);
    QPainter painter;
    if (!painter.begin(&printer))
        return PrinterMessages::pageFailed(name, QCoreApplication::translate("PrinterMessages", "it refused the job"));
    const qreal scale = qreal(printer.resolution()) / SlipPainter::DotsPerInch;
    painter.scale(scale, scale);
    const SlipPainter slip(paper);
    const int pageDots = int(printer.pageLayout().paintRectPixels(printer.resolution()).height() / scale);
    paintPaged(painter, printer, slip, rows, pageDots);
    if (!painter.end())
        return PrinterMessages::pageFailed(name, QCoreApplication::translate("PrinterMessages", "it refused the job"));
    return PrintOutcome::printed();
}

} // namespace lt::ui
