#pragma once

#include "core/common/Result.h"
#include "ui/cards/MemberCardPainter.h"

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <functional>

namespace lt::ui {

// Sheets of member cards for a batch: a PDF of A4 or US Letter pages, each a grid of 2 × 5 cards side by side, with
// cut marks outside the grid on every cut line. Vectors only, written page by page.
class CardSheetWriter
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::CardSheetWriter)
public:
    enum class Paper {
        A4, // 210 × 297 mm
        Letter, // US Letter, 8.5 × 11 in (215.9 × 279.4 mm)
    };
    static constexpr int Columns = 2;
    static constexpr int Rows = 5;
    static constexpr int CardsPerPage = Columns * Rows;

    // "a4" or "letter", in any case.
    static Result<Paper> paperFromName(const QString& name);
    static QString paperName(Paper paper);

    explicit CardSheetWriter(Paper paper);

    QSizeF pageSizeMm() const;
    // Where the card at `index` (0 to 9, row by row) lies on its page, in millimetres from the page's top-left.
    QRectF cardRectMm(int index) const;
    // Run once the sheets are drawn, before they replace the file: the store's change that goes with them (a batch
    // reserved, cards given). When it fails, the file is left as it was.
    using BeforeReplace = std::function<Result<void>()>;

    // Checks every card first, then writes the PDF through a temporary file that replaces `pdfPath` only when
    // complete (and `beforeReplace` succeeded). Returns the number of pages.
    Result<int> write(const QString& pdfPath, const QList<MemberCardFace>& cards,
                      const BeforeReplace& beforeReplace = {}) const;

private:
    Paper m_paper;
};

} // namespace lt::ui
