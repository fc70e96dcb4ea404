#pragma once

#include "core/receipts/CodePage.h"
#include "core/receipts/SlipRow.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace lt {

// Draws a row as a bitmap `widthDots` wide (the paper's printable width), for text the code page cannot print. The
// caller (ui/printing) owns the fonts; core has no image type. Returns nothing when it cannot.
using SlipRasterizer = std::function<std::optional<RasterRow>(const SlipRow& row, int widthDots)>;

// Turns laid-out rows into the bytes of an ESC/POS receipt printer (Epson TM-T20/T88 and the many compatibles):
// ESC @, ESC t for the code page, then per row ESC a (alignment), ESC E (bold), GS ! (size) and the text in the
// page's bytes; a row holding a character the page lacks goes out as a GS v 0 raster image drawn by the rasterizer,
// or with '?' for that character when there is none. The barcode is GS h/w/H and GS k 67 (EAN-13, 12 digits: the
// printer adds the check digit); the end ESC d (feed) and GS V 66 (feed and partial cut).
class EscPosEncoder
{
public:
    static constexpr int BarcodeHeightDots = 80; // 10 mm
    static constexpr int BarcodeModuleDots = 3; // 0.375 mm: 113 modules with the quiet zones fit 58 mm paper too

    EscPosEncoder(PaperWidth paper, CodePage codePage, SlipRasterizer rasterizer = {});

    QByteArray encode(const QList<SlipRow>& rows) const;

    // Pieces, for the tests and the transport.
    static QByteArray initialize(); // ESC @
    QByteArray selectCodePage() const; // ESC t n
    static QByteArray raster(const RasterRow& image); // GS v 0

private:
    struct Style
    {
        SlipRow::Align align = SlipRow::Align::Left;
        bool bold = false;
        bool doubleSize = false;
    };
    void setStyle(QByteArray& out, Style& current, const Style& wanted) const;
    void encodeText(QByteArray& out, Style& current, const SlipRow& row) const;
    void encodeBarcode(QByteArray& out, Style& current, const SlipRow& row) const;

    PaperWidth m_paper;
    CodePage m_codePage;
    SlipRasterizer m_rasterizer;
};

} // namespace lt
