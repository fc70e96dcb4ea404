#include "core/receipts/SlipRow.h"

namespace lt {

namespace {
// Characters a receipt printer's font (and the image painter's) draws two cells wide: the East Asian wide ranges and
// the emoji blocks.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}
} // namespace

int SlipRow::cellsOf(const QString& text)
{
    int cells = 0;
    for (const char32_t c : text.normalized(QString::NormalizationForm_C).toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || category == QChar::Other_Format)
            continue;
        cells += isWide(c) ? 2 : 1;
    }
    return cells;
}

QString SlipRow::line() const
{
    switch (kind) {
    case Kind::Text:
        return text;
    case Kind::Pair: {
        const int gap = std::max(1, columns - cellsOf(text) - cellsOf(right));
        return text + QString(gap, u' ') + right;
    }
    case Kind::Separator:
        return QString(columns, u'-');
    case Kind::Barcode:
    case Kind::FeedCut:
        break;
    }
    return {};
}

} // namespace lt
