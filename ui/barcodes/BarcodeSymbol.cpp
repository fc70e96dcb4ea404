#include "ui/barcodes/BarcodeSymbol.h"

#include "core/domain/CardNumber.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <memory>
#include <zint.h>

namespace lt::ui {

namespace {

// At scale 0.5 libzint's vector output measures one module as one unit; everything below is in modules.
constexpr float ModuleScale = 0.5F;
constexpr int QrEccLevelM = 2; // option_1: 1 = L, 2 = M, 3 = Q, 4 = H
constexpr int Utf8Eci = 26; // ECI 26: the data is UTF-8
constexpr int ZintWhite = 8; // zint_vector_rect::colour for background-coloured rectangles
constexpr qreal GlyphPixelSize = 100; // the size glyph outlines are taken at, then scaled to the module grid

struct ZintDeleter
{
    void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};

int zintSymbology(BarcodeSymbol::Symbology symbology)
{
    switch (symbology) {
    case BarcodeSymbol::Symbology::Ean13:
        return BARCODE_EANX;
    case BarcodeSymbol::Symbology::Qr:
        return BARCODE_QRCODE;
    }
    return BARCODE_QRCODE;
}

Qt::Alignment textAlignment(int zintHalign)
{
    switch (zintHalign) {
    case 1:
        return Qt::AlignLeft;
    case 2:
        return Qt::AlignRight;
    default:
        return Qt::AlignHCenter;
    }
}

bool isAscii(const QByteArray& data)
{
    for (char c : data) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool allDigits(const QString& text)
{
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return !text.isEmpty();
}

// The glyph outlines of a text laid on its baseline, so that a PDF gets shapes that print the same everywhere.
QPainterPath textPath(const BarcodeSymbol::Text& text)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(int(GlyphPixelSize));
    QPainterPath glyphs;
    glyphs.addText(0, 0, font, text.text);
    const qreal scale = text.fontSize / GlyphPixelSize;
    const qreal naturalWidth = glyphs.boundingRect().right() * scale;
    const qreal xScale = text.width > 0 && naturalWidth > text.width ? scale * text.width / naturalWidth : scale;
    const qreal drawnWidth = glyphs.boundingRect().right() * xScale;
    qreal left = text.baseline.x() - drawnWidth / 2;
    if (text.alignment & Qt::AlignLeft)
        left = text.baseline.x();
    else if (text.alignment & Qt::AlignRight)
        left = text.baseline.x() - drawnWidth;
    QTransform toModules;
    toModules.translate(left, text.baseline.y());
    toModules.scale(xScale, scale);
    return toModules.map(glyphs);
}

} // namespace

Result<BarcodeSymbol> BarcodeSymbol::ean13(const QString& digits)
{
    if (!allDigits(digits) || (digits.size() != 12 && digits.size() != 13))
        return Error::invalid(tr("An EAN-13 barcode takes 12 or 13 digits, not “%1”.").arg(digits));
    if (digits.size() == 13 && CardNumber::checkDigit(digits) != digits.at(12).digitValue())
        return Error::invalid(tr("The last digit of %1 is not its check digit (%2 would be).")
                                  .arg(digits)
                                  .arg(CardNumber::checkDigit(digits)));
    return encode(Symbology::Ean13, digits.toLatin1());
}

Result<BarcodeSymbol> BarcodeSymbol::qr(const QByteArray& data)
{
    return encode(Symbology::Qr, data);
}

Result<BarcodeSymbol> BarcodeSymbol::encode(Symbology symbology, const QByteArray& data)
{
    if (data.isEmpty())
        return Error::invalid(tr("A barcode needs something to encode."));
    const std::unique_ptr<zint_symbol, ZintDeleter> symbol(ZBarcode_Create());
    if (!symbol)
        return Error::internal(tr("The barcode library is out of memory."));
    symbol->symbology = zintSymbology(symbology);
    symbol->scale = ModuleScale;
    symbol->output_options = BARCODE_QUIET_ZONES;
    if (symbology == Symbology::Qr) {
        symbol->option_1 = QrEccLevelM;
        symbol->input_mode = DATA_MODE;
        // Without ECI 26 readers guess the bytes' encoding (ZBar guesses Shift JIS); plain ASCII needs none.
        if (!isAscii(data))
            symbol->eci = Utf8Eci;
    }
    int status =
        ZBarcode_Encode(symbol.get(), reinterpret_cast<const unsigned char*>(data.constData()), int(data.size()));
    if (status < ZINT_ERROR)
        status = ZBarcode_Buffer_Vector(symbol.get(), 0);
    if (status >= ZINT_ERROR) {
        const QString detail = QString::fromUtf8(symbol->errtxt);
        if (status == ZINT_ERROR_MEMORY || status == ZINT_ERROR_ENCODING_PROBLEM)
            return Error::internal(tr("The barcode could not be drawn: %1").arg(detail));
        return Error::invalid(tr("This cannot be encoded as a barcode: %1").arg(detail));
    }

    BarcodeSymbol result;
    result.m_symbology = symbology;
    const zint_vector* vector = symbol->vector;
    result.m_size = QSizeF(qreal(vector->width), qreal(vector->height));
    if (symbology == Symbology::Ean13)
        result.m_humanReadable = QString::fromUtf8(reinterpret_cast<const char*>(symbol->text));
    for (const zint_vector_rect* rect = vector->rectangles; rect; rect = rect->next)
        result.m_shapes.append({QRectF(qreal(rect->x), qreal(rect->y), qreal(rect->width), qreal(rect->height)),
                                rect->colour == ZintWhite});
    for (const zint_vector_string* string = vector->strings; string; string = string->next)
        result.m_texts.append({QString::fromUtf8(reinterpret_cast<const char*>(string->text), string->length),
                               QPointF(qreal(string->x), qreal(string->y)), qreal(string->fsize), qreal(string->width),
                               textAlignment(string->halign)});
    return result;
}

QRectF BarcodeSymbol::rectAt(QPointF topLeft, qreal moduleWidth) const
{
    return {topLeft, m_size * moduleWidth};
}

void BarcodeSymbol::paint(QPainter& painter, const QRectF& target) const
{
    if (m_size.isEmpty() || target.isEmpty())
        return;
    const qreal scale = std::min(target.width() / m_size.width(), target.height() / m_size.height());
    const QSizeF drawn = m_size * scale;
    const QPointF origin(target.x() + (target.width() - drawn.width()) / 2,
                         target.y() + (target.height() - drawn.height()) / 2);

    painter.save();
    painter.translate(origin);
    painter.scale(scale, scale);
    painter.setPen(Qt::NoPen);
    // The quiet zones must be light whatever lies beneath.
    painter.fillRect(QRectF(QPointF(0, 0), m_size), Qt::white);
    for (const Shape& shape : m_shapes)
        painter.fillRect(shape.rect, shape.light ? Qt::white : Qt::black);
    if (!m_texts.isEmpty()) {
        QPainterPath glyphs;
        for (const Text& text : m_texts)
            glyphs.addPath(textPath(text));
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.fillPath(glyphs, Qt::black);
    }
    painter.restore();
}

QImage BarcodeSymbol::toImage(int pixelsPerModule) const
{
    const int pixels = std::max(1, pixelsPerModule);
    QImage image(int(std::ceil(m_size.width())) * pixels, int(std::ceil(m_size.height())) * pixels,
                 QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    paint(painter, rectAt(QPointF(0, 0), pixels));
    return image;
}

} // namespace lt::ui
