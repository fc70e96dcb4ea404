#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace lt {

// The receipt printers' two paper widths, in Font A's 12×24-dot characters at 203 dpi.
enum class PaperWidth {
    Mm58, // 32 columns, 384 dots
    Mm80, // 48 columns, 576 dots
};

inline int columnsOf(PaperWidth paper)
{
    return paper == PaperWidth::Mm58 ? 32 : 48;
}
inline int dotsOf(PaperWidth paper)
{
    return paper == PaperWidth::Mm58 ? 384 : 576;
}

// One row of a laid-out slip: what a character printer prints on one line (or the barcode, or the cut), and what the
// page painter draws. Independent of ESC/POS and of painting.
struct SlipRow
{
    enum class Kind {
        Text, // `text`, aligned by `align`
        Pair, // `text` on the left and `right` on the right of the same line
        Separator, // a rule across the paper
        Barcode, // `barcode`: the 13 digits of an EAN-13, printed with the digits under the bars
        FeedCut, // feed `feedLines` lines, then cut the paper
    };
    enum class Align { Left, Center, Right };

    Kind kind = Kind::Text;
    QString text;
    QString right;
    Align align = Align::Left;
    bool bold = false;
    bool doubleSize = false; // twice as wide and twice as high: half the columns
    QString barcode;
    int feedLines = 0;
    int columns = 0; // the characters this row has room for: the paper's, halved for double size

    // What a character printer prints: a Pair with spaces between its parts so that it fills `columns`, a Separator
    // as dashes, a Text as it is. Empty for Barcode and FeedCut.
    QString line() const;
    // The width of `text` in character cells: a combining mark takes none (the text is NFC first).
    static int cellsOf(const QString& text);
};

// A row drawn as a bitmap, for text the printer's code page cannot show: 1 bit per dot, rows of (widthDots + 7) / 8
// bytes, the most significant bit leftmost, 1 = black. The GS v 0 layout, so that core needs no image type.
struct RasterRow
{
    int widthDots = 0;
    int height = 0;
    QByteArray bits;

    int bytesPerRow() const { return (widthDots + 7) / 8; }
    bool isValid() const { return widthDots > 0 && height > 0 && bits.size() == qsizetype(bytesPerRow()) * height; }
};

} // namespace lt
