#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace lt::ui {

// A barcode encoded by libzint as vector shapes (bars or modules, and the human-readable digits), measured in
// modules (X-dimensions) with the quiet zones its symbology requires already included. Painting scales the shapes
// onto any QPainter, so a PDF gets vectors that stay crisp at any printing resolution.
class BarcodeSymbol
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::BarcodeSymbol)
public:
    enum class Symbology {
        Ean13, // EAN-13: 12 digits (the check digit is added) or 13 (the check digit is verified)
        Qr, // QR code, error correction level M; text beyond ASCII is marked as UTF-8 (ECI 26) for readers
    };

    // A filled rectangle in modules; `light` ones are background-coloured (drawn over dark ones).
    struct Shape
    {
        QRectF rect;
        bool light = false;
    };
    // Human-readable text under a linear barcode, in modules: `baseline.y()` is the text's baseline;
    // `alignment` is Qt::AlignLeft, Qt::AlignHCenter or Qt::AlignRight relative to `baseline.x()`.
    struct Text
    {
        QString text;
        QPointF baseline;
        qreal fontSize = 0; // the glyphs' em height
        qreal width = 0; // the width the text should not exceed; 0 when free
        Qt::Alignment alignment = Qt::AlignHCenter;
    };

    [[nodiscard]] static Result<BarcodeSymbol> encode(Symbology symbology, const QByteArray& data);
    [[nodiscard]] static Result<BarcodeSymbol> ean13(const QString& digits);
    [[nodiscard]] static Result<BarcodeSymbol> qr(const QByteArray& data);

    Symbology symbology() const { return m_symbology; }
    // The whole symbol (quiet zones and text included), in modules.
    QSizeF size() const { return m_size; }
    // What the symbol says in print: the 13 digits of an EAN-13 (check digit included); empty for QR.
    QString humanReadable() const { return m_humanReadable; }
    const QList<Shape>& shapes() const { return m_shapes; }
    const QList<Text>& texts() const { return m_texts; }

    // The rectangle the symbol takes at `topLeft` with modules `moduleWidth` wide (in the painter's units).
    QRectF rectAt(QPointF topLeft, qreal moduleWidth) const;
    // Paints the symbol into `target` on a white ground, scaled uniformly to fit and centred in it.
    void paint(QPainter& painter, const QRectF& target) const;
    // A raster copy with whole pixels per module and no anti-aliasing (for printers that take images).
    QImage toImage(int pixelsPerModule) const;

private:
    BarcodeSymbol() = default;

    Symbology m_symbology = Symbology::Ean13;
    QSizeF m_size;
    QString m_humanReadable;
    QList<Shape> m_shapes;
    QList<Text> m_texts;
};

} // namespace lt::ui
