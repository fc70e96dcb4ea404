#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QRectF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace lt::ui {

// What a member card shows.
struct MemberCardFace
{
    QString storeName; // the store setting store.name; empty: no heading
    QString memberName; // empty for a card not given out yet, or a member without a name
    QString cardNumber; // 13 digits (or 12, the check digit then added), drawn as an EAN-13 barcode
};

// A loyalty card of the ISO/IEC 7810 ID-1 size (a bank card: 85.60 × 53.98 mm): the store's name, the member's
// name, and the card number as an EAN-13 barcode with its digits, dark on white. Everything is drawn as vectors
// (text and barcode shapes), so a PDF prints crisply at any resolution.
class MemberCardPainter
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::MemberCardPainter)
public:
    static constexpr qreal WidthMm = 85.60;
    static constexpr qreal HeightMm = 53.98;
    static constexpr qreal CornerRadiusMm = 3.18;
    // The barcode's module: 0.5 mm is 1.5 times EAN-13's nominal 0.33 mm, three pixels at 150 dpi.
    static constexpr qreal ModuleMm = 0.5;

    enum class Edge {
        None, // for sheets: the cut marks around the card guide the cut
        Outline, // a thin grey rounded outline, for a single card cut out by hand
    };

    static QSizeF sizeMm() { return {WidthMm, HeightMm}; }
    // Refuses a card number that is not a valid EAN-13 before anything is drawn.
    static Result<void> check(const MemberCardFace& face);
    // Paints the card into `card`, the card's rectangle in the painter's units (its proportions are the card's).
    static Result<void> paint(QPainter& painter, const QRectF& card, const MemberCardFace& face,
                              Edge edge = Edge::None);
};

} // namespace lt::ui
