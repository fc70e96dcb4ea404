#include "ui/cards/CardPrinter.h"

#include "ui/printing/PrintSupportLock.h"
#include "ui/printing/PrintingLogging.h"

#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace lt::ui {

namespace {

constexpr qreal CardSizeToleranceMm = 3.0; // CR80 media are listed as 85.6 × 54 mm, 86 × 54 mm or 3.375 × 2.125 in

QString defaultCardPrinterName()
{
    return CardPrinter::tr("the system's default printer");
}

PrintOutcome failed(const QString& printer, const QString& why)
{
    return PrintOutcome::failed(
        PrintOutcome::Status::PageFailed,
        CardPrinter::tr("The card could not be printed on %1 (%2). Check the printer in the system's printer "
                        "settings, or the card printer in Settings ▸ Printing and wallet.")
            .arg(printer, why));
}

bool isCardSized(const QSizeF& mm)
{
    const QSizeF card = MemberCardPainter::sizeMm();
    const auto near = [](const QSizeF& a, const QSizeF& b) {
        return qAbs(a.width() - b.width()) <= CardSizeToleranceMm
            && qAbs(a.height() - b.height()) <= CardSizeToleranceMm;
    };
    return near(mm, card) || near(mm, card.transposed());
}

} // namespace

Result<std::unique_ptr<CardPrinter>> CardPrinter::forSetting(const QString& setting, MemberCardFace face,
                                                             QObject* parent)
{
    LT_TRY(MemberCardPainter::check(face));
    PrinterUri printer;
    printer.kind = PrinterUri::Kind::Cups; // empty: the system's default printer
    if (!setting.trimmed().isEmpty()) {
        LT_TRY_ASSIGN(printer, PrinterUri::parse(setting));
    }
    if (printer.speaksEscPos())
        return Error::invalid(
            tr("%1 is a receipt printer; a card is printed by a printer the system knows (cups:QUEUE) or into a "
               "PDF file (pdf:FILE).")
                .arg(printer.toString()),
            QStringLiteral("cards.printer"));
    return std::make_unique<CardPrinter>(printer, std::move(face), parent);
}

CardPrinter::CardPrinter(PrinterUri printer, MemberCardFace face, QObject* parent)
    : PrinterTransport(parent)
    , m_printer(std::move(printer))
    , m_face(std::move(face))
{
    connect(&m_watcher, &QFutureWatcher<PrintOutcome>::finished, this, [this] {
        const PrintOutcome outcome = m_watcher.result();
        if (outcome.ok())
            qCInfo(lcPrinting).noquote() << "card printed on" << printerName();
        else
            qCWarning(lcPrinting).noquote()
                << "card not printed on" << printerName() << printStatusName(outcome.status);
        emit finished(outcome);
    });
}

QString CardPrinter::printerName() const
{
    if (m_printer.kind == PrinterUri::Kind::Pdf)
        return QDir::toNativeSeparators(m_printer.file);
    return m_printer.queue.isEmpty() ? defaultCardPrinterName() : m_printer.queue;
}

void CardPrinter::start()
{
    // Painting onto a QPdfWriter or a QPrinter is allowed off the GUI thread (the printer behind a PrintSupportLock);
    // the worker holds copies only.
    if (m_printer.kind == PrinterUri::Kind::Pdf)
        m_watcher.setFuture(QtConcurrent::run(&CardPrinter::writePdf, m_printer.file, m_face));
    else
        m_watcher.setFuture(QtConcurrent::run(&CardPrinter::printOnSystemPrinter, m_printer.queue, m_face));
}

PrintOutcome CardPrinter::writePdf(const QString& file, const MemberCardFace& face)
{
    const QFileInfo info(file);
    const QString name = QDir::toNativeSeparators(file);
    if (!info.absoluteDir().exists())
        return failed(name, tr("the folder %1 does not exist").arg(QDir::toNativeSeparators(info.absolutePath())));
    // The member's name and card (enough to earn and redeem at the till): readable by the owner only, and put in
    // place only when whole.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return failed(name, out.errorString());
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QPdfWriter pdf(&out);
    pdf.setCreator(QStringLiteral("LoyaltyTill"));
    pdf.setTitle(tr("Member card"));
    pdf.setResolution(1200);
    pdf.setPageLayout(QPageLayout(QPageSize(MemberCardPainter::sizeMm(), QPageSize::Millimeter), QPageLayout::Portrait,
                                  QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&pdf))
        return failed(name, tr("it cannot be written"));
    const QRectF page(QPointF(0, 0), MemberCardPainter::sizeMm() * (pdf.resolution() / 25.4));
    if (auto painted = MemberCardPainter::paint(painter, page, face); !painted)
        return failed(name, painted.error().message);
    if (!painter.end() || !out.commit())
        return failed(name, tr("it cannot be written"));
    return PrintOutcome::printed();
}

PrintOutcome CardPrinter::printOnSystemPrinter(const QString& queue, const MemberCardFace& face)
{
    const PrintSupportLock lock; // first, so that it outlives the printer
    const QString name = queue.isEmpty() ? defaultCardPrinterName() : queue;
    const QPrinterInfo info = queue.isEmpty() ? QPrinterInfo::defaultPrinter() : QPrinterInfo::printerInfo(queue);
    if (info.isNull())
        return failed(name,
                      queue.isEmpty() ? tr("the system has no default printer")
                                      : tr("the system has no printer of that name"));
    QPrinter printer(info, QPrinter::HighResolution);
    printer.setDocName(tr("Member card"));
    // A card printer's own media, when it lists them: the card fills it, edge to edge.
    bool cardMedia = isCardSized(printer.pageLayout().pageSize().size(QPageSize::Millimeter));
    if (!cardMedia) {
        for (const QPageSize& size : info.supportedPageSizes()) {
            if (isCardSized(size.size(QPageSize::Millimeter))) {
                printer.setPageSize(size);
                cardMedia = true;
                break;
            }
        }
    }
    if (cardMedia) {
        printer.setFullPage(true);
        // The card lies wide, whichever way the driver lists its media.
        printer.setPageOrientation(QPageLayout::Landscape);
        const QRectF paper = printer.pageLayout().fullRectPoints();
        if (paper.height() > paper.width())
            printer.setPageOrientation(QPageLayout::Portrait);
    }
    QPainter painter;
    if (!painter.begin(&printer))
        return failed(name, tr("it refused the job"));
    const qreal dotsPerMm = printer.resolution() / 25.4;
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QRectF card =
        cardMedia ? QRectF(QPointF(0, 0), page.size()) : QRectF(QPointF(0, 0), MemberCardPainter::sizeMm() * dotsPerMm);
    if (auto painted = MemberCardPainter::paint(
            painter, card, face, cardMedia ? MemberCardPainter::Edge::None : MemberCardPainter::Edge::Outline);
        !painted)
        return failed(name, painted.error().message);
    if (!painter.end())
        return failed(name, tr("it refused the job"));
    return PrintOutcome::printed();
}

} // namespace lt::ui
