#include "ui/cards/CardSheetWriter.h"

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QSaveFile>

#include <algorithm>

namespace lt::ui {

namespace {

constexpr int PdfUnitsPerInch = 1200; // the PDF's user units per inch: fine enough that no coordinate is rounded
constexpr qreal MarkGapMm = 1.0; // cut marks stop short of the grid, so that a cut a little off shows none
constexpr qreal MarkLengthMm = 5.0;
constexpr qreal MarkMinLengthMm = 1.5;
constexpr qreal PageEdgeMm = 0.5; // marks never reach the paper's edge
constexpr qreal MarkWidthMm = 0.2;

QPageSize pageSize(CardSheetWriter::Paper paper)
{
    return QPageSize(paper == CardSheetWriter::Paper::A4 ? QPageSize::A4 : QPageSize::Letter);
}

} // namespace

Result<CardSheetWriter::Paper> CardSheetWriter::paperFromName(const QString& name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("a4"))
        return Paper::A4;
    if (lower == QLatin1String("letter"))
        return Paper::Letter;
    return Error::invalid(tr("The paper is a4 or letter, not “%1”.").arg(name), QStringLiteral("page"));
}

QString CardSheetWriter::paperName(Paper paper)
{
    return paper == Paper::A4 ? QStringLiteral("a4") : QStringLiteral("letter");
}

CardSheetWriter::CardSheetWriter(Paper paper)
    : m_paper(paper)
{
}

QSizeF CardSheetWriter::pageSizeMm() const
{
    return pageSize(m_paper).size(QPageSize::Millimeter);
}

QRectF CardSheetWriter::cardRectMm(int index) const
{
    const QSizeF page = pageSizeMm();
    const QSizeF card = MemberCardPainter::sizeMm();
    const QPointF grid((page.width() - Columns * card.width()) / 2, (page.height() - Rows * card.height()) / 2);
    const int row = index / Columns;
    const int column = index % Columns;
    return {grid + QPointF(column * card.width(), row * card.height()), card};
}

Result<int> CardSheetWriter::write(const QString& pdfPath, const QList<MemberCardFace>& cards,
                                   const BeforeReplace& beforeReplace) const
{
    if (cards.isEmpty())
        return Error::invalid(tr("There are no cards to print."));
    for (const MemberCardFace& card : cards) {
        if (auto checked = MemberCardPainter::check(card); !checked)
            return checked.error();
    }

    QSaveFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(tr("Cannot write %1 (%2).").arg(pdfPath, file.errorString()), QStringLiteral("output"));
    // Names and card numbers (a card is enough to earn and redeem at the till): readable by the owner only, from
    // the temporary file on. Best effort, as a USB stick's file system may keep no permissions.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QPdfWriter pdf(&file);
    pdf.setResolution(PdfUnitsPerInch);
    pdf.setPageSize(pageSize(m_paper));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(tr("Member cards"));
    pdf.setCreator(QStringLiteral("LoyaltyTill"));

    const qreal mm = PdfUnitsPerInch / 25.4;
    const auto toUnits = [mm](const QRectF& rectMm) {
        return QRectF(rectMm.topLeft() * mm, rectMm.size() * mm);
    };
    // The cut lines are the grid's lines; each gets a mark beyond the grid at both of its ends.
    const QRectF grid = cardRectMm(0).united(cardRectMm(CardsPerPage - 1));
    const qreal sideRoom = grid.left() - MarkGapMm - PageEdgeMm;
    const qreal headRoom = grid.top() - MarkGapMm - PageEdgeMm;
    const qreal sideLength = std::clamp(sideRoom, MarkMinLengthMm, MarkLengthMm);
    const qreal headLength = std::clamp(headRoom, MarkMinLengthMm, MarkLengthMm);
    QList<QLineF> marks;
    for (int column = 0; column <= Columns; ++column) {
        const qreal x = grid.left() + column * MemberCardPainter::WidthMm;
        marks << QLineF(x, grid.top() - MarkGapMm - headLength, x, grid.top() - MarkGapMm)
              << QLineF(x, grid.bottom() + MarkGapMm, x, grid.bottom() + MarkGapMm + headLength);
    }
    for (int row = 0; row <= Rows; ++row) {
        const qreal y = grid.top() + row * MemberCardPainter::HeightMm;
        marks << QLineF(grid.left() - MarkGapMm - sideLength, y, grid.left() - MarkGapMm, y)
              << QLineF(grid.right() + MarkGapMm, y, grid.right() + MarkGapMm + sideLength, y);
    }
    for (QLineF& mark : marks)
        mark = QLineF(mark.p1() * mm, mark.p2() * mm);

    QPainter painter;
    if (!painter.begin(&pdf))
        return Error::storage(tr("Cannot start the PDF %1.").arg(pdfPath));
    const qsizetype pages = (cards.size() + CardsPerPage - 1) / CardsPerPage;
    for (qsizetype pageIndex = 0; pageIndex < pages; ++pageIndex) {
        if (pageIndex > 0 && !pdf.newPage())
            return Error::storage(tr("Cannot add a page to %1.").arg(pdfPath));
        painter.setPen(QPen(Qt::black, MarkWidthMm * mm, Qt::SolidLine, Qt::FlatCap));
        painter.drawLines(marks);
        for (int index = 0; index < CardsPerPage; ++index) {
            const qsizetype card = pageIndex * CardsPerPage + index;
            if (card >= cards.size())
                break;
            LT_TRY(MemberCardPainter::paint(painter, toUnits(cardRectMm(index)), cards.at(card)));
        }
    }
    if (!painter.end())
        return Error::storage(tr("Cannot finish the PDF %1.").arg(pdfPath));
    // The whole sheet is written but for the rename, so that the store changes only for a sheet that is whole.
    if (!file.flush() || file.error() != QFileDevice::NoError)
        return Error::storage(tr("Cannot write %1 (%2).").arg(pdfPath, file.errorString()));
    if (beforeReplace)
        LT_TRY(beforeReplace()); // the temporary file is removed as `file` goes
    if (!file.commit())
        return Error::storage(tr("Cannot write %1 (%2).").arg(pdfPath, file.errorString()));
    return int(pages);
}

} // namespace lt::ui
