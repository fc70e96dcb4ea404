#include "ui/printing/SlipPrinterSetup.h"

#include "core/receipts/EscPosEncoder.h"
#include "core/receipts/SlipLayout.h"
#include "ui/TillPreferences.h"
#include "ui/printing/DevicePrinterTransport.h"
#include "ui/printing/PagePrinterTransport.h"
#include "ui/printing/SerialPrinterTransport.h"
#include "ui/printing/SlipPainter.h"
#include "ui/printing/TcpPrinterTransport.h"

#include <QCoreApplication>

namespace lt::ui {

Result<SlipPrinterSetup> SlipPrinterSetup::fromPreferences(const TillPreferences& preferences, const QLocale& locale)
{
    const QString uri = preferences.slipPrinter();
    if (uri.trimmed().isEmpty())
        return Error::notFound(QCoreApplication::translate(
            "SlipPrinterSetup",
            "This till has no slip printer: set one in Settings ▸ Printing and wallet (slip.printer)."));
    return forPrinter(uri, preferences, locale);
}

Result<SlipPrinterSetup> SlipPrinterSetup::forPrinter(const QString& uri, const TillPreferences& preferences,
                                                      const QLocale& locale)
{
    SlipPrinterSetup setup;
    LT_TRY_ASSIGN(setup.printer, PrinterUri::parse(uri));
    setup.paper = preferences.slipPaperWidth() == 58 ? PaperWidth::Mm58 : PaperWidth::Mm80;
    const auto codePage = CodePage::fromName(preferences.slipCodePage());
    setup.codePage = codePage ? codePage->id() : CodePage::Id::Pc858;
    setup.locale = locale;
    return setup;
}

QList<SlipRow> SlipPrinterSetup::rows(const LoyaltySlip& slip) const
{
    return SlipLayout(paper, locale).rows(slip);
}

QByteArray SlipPrinterSetup::escPos(const QList<SlipRow>& slipRows) const
{
    return EscPosEncoder(paper, CodePage(codePage), SlipPainter(paper).rasterizer()).encode(slipRows);
}

std::unique_ptr<PrinterTransport> SlipPrinterSetup::transportFor(const QList<SlipRow>& slipRows) const
{
    switch (printer.kind) {
    case PrinterUri::Kind::Tcp:
        return std::make_unique<TcpPrinterTransport>(printer.host, quint16(printer.port), escPos(slipRows), timeouts);
    case PrinterUri::Kind::Serial:
        return std::make_unique<SerialPrinterTransport>(printer.device, qint32(printer.baud), escPos(slipRows),
                                                        timeouts);
    case PrinterUri::Kind::Usb:
        return std::make_unique<DevicePrinterTransport>(printer.device, escPos(slipRows), timeouts);
    case PrinterUri::Kind::Cups:
        return std::make_unique<PagePrinterTransport>(PagePrinterTransport::Target::SystemPrinter, printer.queue, paper,
                                                      slipRows);
    case PrinterUri::Kind::Pdf:
        break;
    }
    return std::make_unique<PagePrinterTransport>(PagePrinterTransport::Target::PdfFile, printer.file, paper, slipRows);
}

QString SlipPrinterSetup::printerName() const
{
    return printer.toString();
}

} // namespace lt::ui
