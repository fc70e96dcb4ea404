#pragma once

#include "core/receipts/SlipRow.h"

#include <QList>

namespace lt::test {

// A slip's rows as SlipLayout makes them (title, pairs, a rule, the card's barcode, the cut), written out by hand so
// that the painter's and the transports' tests do not depend on the layout's wording.
inline QList<SlipRow> sampleRows(PaperWidth paper)
{
    const int columns = columnsOf(paper);
    auto text = [columns](const QString& words, SlipRow::Align align = SlipRow::Align::Left, bool bold = false,
                          bool doubleSize = false) {
        SlipRow row;
        row.kind = SlipRow::Kind::Text;
        row.text = words;
        row.align = align;
        row.bold = bold;
        row.doubleSize = doubleSize;
        row.columns = doubleSize ? columns / 2 : columns;
        return row;
    };
    auto pair = [columns](const QString& left, const QString& right, bool bold = false) {
        SlipRow row;
        row.kind = SlipRow::Kind::Pair;
        row.text = left;
        row.right = right;
        row.bold = bold;
        row.columns = columns;
        return row;
    };
    SlipRow rule;
    rule.kind = SlipRow::Kind::Separator;
    rule.columns = columns;
    SlipRow barcode;
    barcode.kind = SlipRow::Kind::Barcode;
    barcode.barcode = QStringLiteral("2900000000018");
    SlipRow cut;
    cut.kind = SlipRow::Kind::FeedCut;
    cut.feedLines = 3;
    return {text(QStringLiteral("Corner Café"), SlipRow::Align::Center, true, true),
            text(QStringLiteral("Till 1 · 2025-03-14 10:42"), SlipRow::Align::Center),
            text(QStringLiteral("Sale S-1001"), SlipRow::Align::Center),
            rule,
            text(QStringLiteral("Ana ··2671")),
            pair(QStringLiteral("Points earned"), QStringLiteral("+120")),
            pair(QStringLiteral("  Double points Friday"), QStringLiteral("+60")),
            pair(QStringLiteral("Balance"), QStringLiteral("1,340"), true),
            rule,
            text(QStringLiteral("160 points to a free coffee")),
            barcode,
            cut};
}

} // namespace lt::test
