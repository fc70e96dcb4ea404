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
    // GS v 0, in bands of at most 2048 rows. The image's bytes are sent as they are except for the real-time
    // commands (see below): where a byte 0x10 is followed by 0x04, 0x05 or 0x14, that one dot is left white.
    static QByteArray raster(const RasterRow& image);

    // Printers act on DLE EOT n (status), DLE ENQ n and DLE DC4 fn (drawer pulse, buffer clear) wherever those
    // bytes arrive, even inside another command's parameters or an image: a stray status answer ends the
    // transport's wait early and a DLE DC4 1 opens the cash drawer. encode() never emits 0x10 followed by 0x04,
    // 0x05 or 0x14; the transport's own status requests are the only ones the printer gets.
    static bool isRealTimeCommand(char first, char second);
    static bool containsRealTimeCommand(const QByteArray& stream);

private:
    static QByteArray rasterHeader(int bytesPerRow, int rows);
    static RasterRow realTimeSafeWidth(const RasterRow& image);
    static int realTimeSafeBand(int bytesPerRow, int rows);
    static void breakRealTimeCommands(QByteArray& dots);

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
