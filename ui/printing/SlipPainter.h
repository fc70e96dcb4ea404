#pragma once

#include "core/receipts/EscPosEncoder.h"
#include "core/receipts/SlipRow.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QList>

#include <optional>

class QPainter;

namespace lt::ui {

// Draws a slip's rows as a receipt printer prints them: a monospace font sized so that a row's columns fill the
// paper's printable width (384 dots on 58 mm paper, 576 on 80 mm, at 203 dpi), bold and double size as the rows ask,
// the card's EAN-13 as vectors. The painter's unit is one printer dot. Used for system printers and PDF files, for
// the README's picture of a slip, and as EscPosEncoder's rasterizer for rows the printer's code page cannot print.
// Safe on a worker thread (it paints; it makes no widgets).
class SlipPainter
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::SlipPainter)
public:
    static constexpr int DotsPerInch = 203;
    static constexpr int LineDots = 30; // a text line's height: ESC/POS's default line spacing at 203 dpi
    static constexpr int BarcodeModuleDots = EscPosEncoder::BarcodeModuleDots;

    explicit SlipPainter(PaperWidth paper);

    int widthDots() const { return m_widthDots; }
    // The paper's width in millimetres (58 or 80) and its unprinted margin on either side.
    qreal paperWidthMm() const;
    qreal marginMm() const;

    int heightOf(const SlipRow& row) const;
    int heightOf(const QList<SlipRow>& rows) const;
    // Draws `row` with its top at `top` (dots), across the printable width from x = 0.
    void paintRow(QPainter& painter, const SlipRow& row, int top) const;
    void paint(QPainter& painter, const QList<SlipRow>& rows) const;

    // The whole slip, one pixel per dot, black on white: what the printer would print.
    QImage image(const QList<SlipRow>& rows) const;
    // One row as a 1-bit GS v 0 bitmap `widthDots` wide (EscPosEncoder's rasterizer); nothing for a row without ink
    // to draw (a cut).
    std::optional<RasterRow> raster(const SlipRow& row, int widthDots) const;
    // raster() as the function EscPosEncoder takes; it holds its own copy of the painter.
    SlipRasterizer rasterizer() const;

private:
    QFont fontFor(const SlipRow& row) const;
    void paintText(QPainter& painter, const SlipRow& row, int top) const;
    void paintBarcode(QPainter& painter, const SlipRow& row, int top) const;

    PaperWidth m_paper;
    int m_widthDots;
    QFont m_font; // one column wide per character at normal size
};

} // namespace lt::ui
