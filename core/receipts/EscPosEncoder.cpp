#include "core/receipts/EscPosEncoder.h"

#include "core/receipts/EscPosBytes.h"

#include <algorithm>
#include <initializer_list>

namespace lt {

namespace {
using escpos::bytes;
using escpos::DLE;
using escpos::EOT;
constexpr int ESC = 0x1B;
constexpr int GS = 0x1D;
constexpr char LF = 0x0A;
// The real-time commands after DLE: EOT (status), ENQ (recover), DC4 (drawer pulse, clear buffer).
constexpr char ENQ = 0x05;
constexpr char DC4 = 0x14;
// GS v 0 takes at most this many dot rows at once on the common printers (yH ≤ 8); taller images go in bands.
constexpr int MaxRasterBand = 2048;
static_assert((MaxRasterBand >> 8) < DLE, "a band's yH must never be DLE");

char byte(int value)
{
    return static_cast<char>(static_cast<unsigned char>(value & 0xFF));
}

int alignNumber(SlipRow::Align align)
{
    switch (align) {
    case SlipRow::Align::Left:
        break;
    case SlipRow::Align::Center:
        return 1;
    case SlipRow::Align::Right:
        return 2;
    }
    return 0;
}
} // namespace

EscPosEncoder::EscPosEncoder(PaperWidth paper, CodePage codePage, SlipRasterizer rasterizer)
    : m_paper(paper)
    , m_codePage(codePage)
    , m_rasterizer(std::move(rasterizer))
{
}

QByteArray EscPosEncoder::initialize()
{
    return bytes({ESC, '@'});
}

QByteArray EscPosEncoder::selectCodePage() const
{
    return bytes({ESC, 't', byte(m_codePage.escPosNumber())});
}

bool EscPosEncoder::isRealTimeCommand(char first, char second)
{
    return first == DLE && (second == EOT || second == ENQ || second == DC4);
}

bool EscPosEncoder::containsRealTimeCommand(const QByteArray& stream)
{
    for (qsizetype i = 0; i + 1 < stream.size(); ++i) {
        if (isRealTimeCommand(stream.at(i), stream.at(i + 1)))
            return true;
    }
    return false;
}

QByteArray EscPosEncoder::raster(const RasterRow& image)
{
    QByteArray out;
    if (!image.isValid())
        return out;
    // The width's two bytes (xL xH) could only read as a command for images thousands of dots wide; a blank byte
    // at the end of each row then changes them.
    const RasterRow padded = realTimeSafeWidth(image);
    const int bytesPerRow = padded.bytesPerRow();
    for (int top = 0; top < padded.height;) {
        const int rows = realTimeSafeBand(bytesPerRow, std::min(MaxRasterBand, padded.height - top));
        out.append(rasterHeader(bytesPerRow, rows));
        QByteArray dots = padded.bits.mid(qsizetype(top) * bytesPerRow, qsizetype(rows) * bytesPerRow);
        breakRealTimeCommands(dots);
        out.append(dots);
        top += rows;
    }
    return out;
}

QByteArray EscPosEncoder::rasterHeader(int bytesPerRow, int rows)
{
    return bytes({GS, 'v', '0', 0, byte(bytesPerRow), byte(bytesPerRow >> 8), byte(rows), byte(rows >> 8)});
}

RasterRow EscPosEncoder::realTimeSafeWidth(const RasterRow& image)
{
    int bytesPerRow = image.bytesPerRow();
    while (containsRealTimeCommand(rasterHeader(bytesPerRow, 1)))
        ++bytesPerRow;
    if (bytesPerRow == image.bytesPerRow())
        return image;
    RasterRow padded;
    padded.widthDots = bytesPerRow * 8;
    padded.height = image.height;
    padded.bits.reserve(qsizetype(bytesPerRow) * image.height);
    const QByteArray blank(bytesPerRow - image.bytesPerRow(), '\0');
    for (int y = 0; y < image.height; ++y)
        padded.bits.append(image.bits.mid(qsizetype(y) * image.bytesPerRow(), image.bytesPerRow())).append(blank);
    return padded;
}

int EscPosEncoder::realTimeSafeBand(int bytesPerRow, int rows)
{
    // A band of one row has yL = 1, yH = 0, and a width realTimeSafeWidth() made safe: the loop always ends.
    while (rows > 1 && containsRealTimeCommand(rasterHeader(bytesPerRow, rows)))
        --rows;
    return rows;
}

void EscPosEncoder::breakRealTimeCommands(QByteArray& dots)
{
    // 0x10 is a single black dot: leaving it white is invisible on the paper and the pair no longer reads as a
    // command; 0x00 followed by anything never does, so no new pair can appear. The band's last byte is followed by
    // a command's first byte (GS, ESC, LF) or printable text, never by EOT, ENQ or DC4. The header's last byte (yH)
    // is at most MaxRasterBand >> 8, never DLE.
    for (qsizetype i = 0; i + 1 < dots.size(); ++i) {
        if (isRealTimeCommand(dots.at(i), dots.at(i + 1)))
            dots[i] = '\0';
    }
}

void EscPosEncoder::setStyle(QByteArray& out, Style& current, const Style& wanted) const
{
    if (current.align != wanted.align)
        out.append(bytes({ESC, 'a', byte(alignNumber(wanted.align))}));
    if (current.bold != wanted.bold)
        out.append(bytes({ESC, 'E', byte(wanted.bold ? 1 : 0)}));
    if (current.doubleSize != wanted.doubleSize)
        out.append(bytes({GS, '!', byte(wanted.doubleSize ? 0x11 : 0x00)}));
    current = wanted;
}

void EscPosEncoder::encodeText(QByteArray& out, Style& current, const SlipRow& row) const
{
    const QString line = row.line();
    const Style wanted {row.kind == SlipRow::Kind::Text ? row.align : SlipRow::Align::Left, row.bold, row.doubleSize};
    const std::optional<QByteArray> bytes =
        m_codePage.id() == CodePage::Id::Image ? std::nullopt : m_codePage.encode(line);
    if (!bytes && m_rasterizer) {
        // The painter aligns and sizes the text inside an image as wide as the paper.
        const int dots = dotsOf(m_paper);
        const std::optional<RasterRow> image = m_rasterizer(row, dots);
        if (image && image->isValid() && image->widthDots <= dots) {
            setStyle(out, current, Style {});
            out.append(raster(*image));
            return;
        }
    }
    setStyle(out, current, wanted);
    out.append(bytes ? *bytes : m_codePage.encodeLossy(line));
    out.append(LF);
}

void EscPosEncoder::encodeBarcode(QByteArray& out, Style& current, const SlipRow& row) const
{
    QByteArray digits = row.barcode.toLatin1();
    if (digits.size() != 13 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return; // the layout gives only valid card numbers; never send other bytes in a barcode command
    setStyle(out, current, Style {SlipRow::Align::Center, false, false});
    out.append(bytes({GS, 'h', byte(BarcodeHeightDots)}));
    out.append(bytes({GS, 'w', byte(BarcodeModuleDots)}));
    out.append(bytes({GS, 'H', 2})); // the digits below the bars
    // EAN-13 of 12 digits: the printer computes and prints the check digit, the 13th of the card number.
    out.append(bytes({GS, 'k', 67, 12}));
    out.append(digits.left(12));
    out.append(LF);
}

QByteArray EscPosEncoder::encode(const QList<SlipRow>& rows) const
{
    QByteArray out = initialize() + selectCodePage();
    Style current; // what ESC @ leaves
    for (const SlipRow& row : rows) {
        switch (row.kind) {
        case SlipRow::Kind::Text:
        case SlipRow::Kind::Pair:
        case SlipRow::Kind::Separator:
            encodeText(out, current, row);
            break;
        case SlipRow::Kind::Barcode:
            encodeBarcode(out, current, row);
            break;
        case SlipRow::Kind::FeedCut:
            setStyle(out, current, Style {});
            out.append(bytes({ESC, 'd', byte(std::clamp(row.feedLines, 0, 255))}));
            out.append(bytes({GS, 'V', 66, 0})); // feed to the cutter and cut, leaving a point uncut
            break;
        }
    }
    return out;
}

} // namespace lt
