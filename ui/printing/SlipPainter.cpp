#include "ui/printing/SlipPainter.h"

#include "ui/barcodes/BarcodeSymbol.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace lt::ui {

namespace {

constexpr int BarcodeGapDots = 12; // white above and below the card's barcode

// The largest pixel size at which `columns` characters of the monospace font fit `widthDots`.
QFont monospaceFor(int columns, int widthDots)
{
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setHintingPreference(QFont::PreferFullHinting);
    for (int pixels = 26; pixels > 6; --pixels) {
        font.setPixelSize(pixels);
        if (QFontMetricsF(font).horizontalAdvance(QString(columns, QLatin1Char('M'))) <= widthDots)
            break;
    }
    return font;
}

Qt::Alignment alignmentOf(SlipRow::Align align)
{
    switch (align) {
    case SlipRow::Align::Center:
        return Qt::AlignHCenter;
    case SlipRow::Align::Right:
        return Qt::AlignRight;
    case SlipRow::Align::Left:
        break;
    }
    return Qt::AlignLeft;
}

} // namespace

SlipPainter::SlipPainter(PaperWidth paper)
    : m_paper(paper)
    , m_widthDots(dotsOf(paper))
    , m_font(monospaceFor(columnsOf(paper), dotsOf(paper)))
{
}

qreal SlipPainter::paperWidthMm() const
{
    return m_paper == PaperWidth::Mm58 ? 58.0 : 80.0;
}

qreal SlipPainter::marginMm() const
{
    return (paperWidthMm() - m_widthDots * 25.4 / DotsPerInch) / 2;
}

int SlipPainter::heightOf(const SlipRow& row) const
{
    switch (row.kind) {
    case SlipRow::Kind::Text:
    case SlipRow::Kind::Pair:
        return row.doubleSize ? 2 * LineDots : LineDots;
    case SlipRow::Kind::Separator:
        return LineDots;
    case SlipRow::Kind::Barcode:
        if (const auto symbol = BarcodeSymbol::ean13(row.barcode))
            return int(std::ceil(symbol->size().height() * BarcodeModuleDots)) + 2 * BarcodeGapDots;
        return LineDots;
    case SlipRow::Kind::FeedCut:
        break;
    }
    return row.feedLines * LineDots;
}

int SlipPainter::heightOf(const QList<SlipRow>& rows) const
{
    int height = 0;
    for (const SlipRow& row : rows)
        height += heightOf(row);
    return height;
}

QFont SlipPainter::fontFor(const SlipRow& row) const
{
    QFont font = m_font;
    if (row.doubleSize)
        font.setPixelSize(2 * m_font.pixelSize());
    font.setBold(row.bold);
    return font;
}

void SlipPainter::paintRow(QPainter& painter, const SlipRow& row, int top) const
{
    switch (row.kind) {
    case SlipRow::Kind::Text:
    case SlipRow::Kind::Pair:
        return paintText(painter, row, top);
    case SlipRow::Kind::Separator: {
        painter.save();
        painter.setPen(QPen(Qt::black, 2));
        painter.drawLine(QPointF(0, top + LineDots / 2.0), QPointF(m_widthDots, top + LineDots / 2.0));
        painter.restore();
        return;
    }
    case SlipRow::Kind::Barcode:
        return paintBarcode(painter, row, top);
    case SlipRow::Kind::FeedCut:
        break;
    }
}

void SlipPainter::paintText(QPainter& painter, const SlipRow& row, int top) const
{
    painter.save();
    painter.setFont(fontFor(row));
    painter.setPen(Qt::black);
    const QRectF line(0, top, m_widthDots, heightOf(row));
    if (row.kind == SlipRow::Kind::Pair) {
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, row.text);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, row.right);
    } else {
        painter.drawText(line, static_cast<int>((alignmentOf(row.align) | Qt::AlignVCenter).toInt()), row.text);
    }
    painter.restore();
}

void SlipPainter::paintBarcode(QPainter& painter, const SlipRow& row, int top) const
{
    const auto symbol = BarcodeSymbol::ean13(row.barcode);
    if (!symbol) { // a card number that is not an EAN-13 is still printed, as digits
        SlipRow digits = row;
        digits.kind = SlipRow::Kind::Text;
        digits.text = row.barcode;
        digits.align = SlipRow::Align::Center;
        return paintText(painter, digits, top);
    }
    const QRectF bounds = symbol->rectAt(QPointF(0, 0), BarcodeModuleDots);
    symbol->paint(painter, bounds.translated((m_widthDots - bounds.width()) / 2, top + BarcodeGapDots));
}

void SlipPainter::paint(QPainter& painter, const QList<SlipRow>& rows) const
{
    int top = 0;
    for (const SlipRow& row : rows) {
        paintRow(painter, row, top);
        top += heightOf(row);
    }
}

QImage SlipPainter::image(const QList<SlipRow>& rows) const
{
    QImage image(m_widthDots, qMax(1, heightOf(rows)), QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(DotsPerInch / 0.0254));
    image.setDotsPerMeterY(qRound(DotsPerInch / 0.0254));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint(painter, rows);
    return image;
}

std::optional<RasterRow> SlipPainter::raster(const SlipRow& row, int widthDots) const
{
    const int height = heightOf(row);
    if (height <= 0 || widthDots <= 0 || row.kind == SlipRow::Kind::FeedCut)
        return std::nullopt;
    // Drawn without anti-aliasing: a thermal head prints a dot or none, and grey edges would only be thresholded.
    QImage gray(widthDots, height, QImage::Format_Grayscale8);
    gray.fill(Qt::white);
    {
        QPainter painter(&gray);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setRenderHint(QPainter::TextAntialiasing, false);
        if (widthDots != m_widthDots)
            painter.scale(qreal(widthDots) / m_widthDots, 1.0);
        paintRow(painter, row, 0);
    }
    RasterRow out;
    out.widthDots = widthDots;
    out.height = height;
    out.bits = QByteArray(qsizetype(out.bytesPerRow()) * height, '\0');
    auto* bits = reinterpret_cast<uchar*>(out.bits.data());
    for (int y = 0; y < height; ++y) {
        const uchar* line = gray.constScanLine(y);
        for (int x = 0; x < widthDots; ++x) {
            if (line[x] < 128)
                bits[qsizetype(y) * out.bytesPerRow() + x / 8] |= static_cast<uchar>(0x80U >> (x % 8));
        }
    }
    return out;
}

SlipRasterizer SlipPainter::rasterizer() const
{
    return [painter = *this](const SlipRow& row, int widthDots) {
        return painter.raster(row, widthDots);
    };
}

} // namespace lt::ui
