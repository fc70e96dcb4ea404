#include "ui/cards/MemberCardPainter.h"

#include "ui/barcodes/BarcodeSymbol.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPen>

namespace lt::ui {

namespace {

// The card's layout in millimetres from its top-left corner.
constexpr qreal SideMarginMm = 4.0;
constexpr qreal TopMarginMm = 4.0;
constexpr qreal BottomMarginMm = 3.5;
constexpr qreal StoreNameEmMm = 5.0;
constexpr qreal StoreNameMinEmMm = 3.2; // a long name shrinks to this, then is cut short with an ellipsis
constexpr qreal MemberNameEmMm = 3.8;
constexpr qreal MemberNameMinEmMm = 3.0;
constexpr qreal LineGapMm = 1.2;
constexpr qreal OutlineWidthMm = 0.2;

// Glyphs are measured at this pixel size and scaled: the text then lands at any fractional size on any device and
// under any transform the caller set, rather than at the device's whole pixel or point sizes.
constexpr int MeasurePixels = 200;

QFont cardFont(bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(MeasurePixels);
    font.setBold(bold);
    return font;
}

// Draws one line of text from `topLeft`, at `em` high (in the painter's units) and no wider than `width`: shrunk
// down to `minEm` when too wide, then cut short with an ellipsis. Returns the line's height.
qreal drawLine(QPainter& painter, QPointF topLeft, qreal width, const QString& text, bool bold, qreal em, qreal minEm,
               const QColor& colour)
{
    const QFont font = cardFont(bold);
    const QFontMetricsF metrics(font);
    qreal scale = em / MeasurePixels;
    const qreal natural = metrics.horizontalAdvance(text);
    if (natural * scale > width)
        scale = std::max(minEm / MeasurePixels, width / natural);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, width / scale);
    painter.save();
    painter.translate(topLeft.x(), topLeft.y() + metrics.ascent() * scale);
    painter.scale(scale, scale);
    painter.setFont(font);
    painter.setPen(colour);
    painter.drawText(QPointF(0, 0), shown);
    painter.restore();
    return metrics.height() * scale;
}

} // namespace

Result<void> MemberCardPainter::check(const MemberCardFace& face)
{
    LT_TRY(BarcodeSymbol::ean13(face.cardNumber));
    return {};
}

Result<void> MemberCardPainter::paint(QPainter& painter, const QRectF& card, const MemberCardFace& face, Edge edge)
{
    LT_TRY_ASSIGN(const BarcodeSymbol barcode, BarcodeSymbol::ean13(face.cardNumber));
    const qreal mm = card.width() / WidthMm;
    const auto at = [&](qreal xMm, qreal yMm) {
        return QPointF(card.left() + xMm * mm, card.top() + yMm * mm);
    };

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const qreal radius = CornerRadiusMm * mm;
    painter.setBrush(Qt::white);
    if (edge == Edge::Outline) {
        const qreal pen = OutlineWidthMm * mm;
        painter.setPen(QPen(QColor(0x99, 0x99, 0x99), pen));
        painter.drawRoundedRect(card.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2), radius, radius);
    } else {
        painter.setPen(Qt::NoPen);
        painter.drawRect(card);
    }

    const qreal textWidth = (WidthMm - 2 * SideMarginMm) * mm;
    QPointF line = at(SideMarginMm, TopMarginMm);
    if (!face.storeName.trimmed().isEmpty()) {
        const qreal height = drawLine(painter, line, textWidth, face.storeName.trimmed(), true, StoreNameEmMm * mm,
                                      StoreNameMinEmMm * mm, Qt::black);
        line.ry() += height + LineGapMm * mm;
    }
    if (!face.memberName.trimmed().isEmpty())
        drawLine(painter, line, textWidth, face.memberName.trimmed(), false, MemberNameEmMm * mm,
                 MemberNameMinEmMm * mm, QColor(0x20, 0x20, 0x20));

    // The barcode sits at the foot of the card, centred, its modules exactly ModuleMm wide.
    const QSizeF barcodeMm = barcode.size() * ModuleMm;
    const QPointF barcodeTopLeft =
        at((WidthMm - barcodeMm.width()) / 2, HeightMm - BottomMarginMm - barcodeMm.height());
    barcode.paint(painter, barcode.rectAt(barcodeTopLeft, ModuleMm * mm));
    painter.restore();
    return {};
}

} // namespace lt::ui
