#pragma once

#include "core/services/SegmentService.h"

#include <QWidget>

namespace lt::ui {

// Cohort retention as a heatmap: a row per enrollment month, a column per month since enrolling, each cell shaded
// from the palette's base colour (nobody came back) to its highlight (everyone did) with the percentage written in
// it, in black or white, whichever reads better on that shade; a legend under the grid. A plain painted widget rather
// than a table view with a delegate: the same paint() draws the grid into the PDF as vector shapes and text.
class CohortHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit CohortHeatmap(QWidget* parent = nullptr);

    void setGrid(const CohortGrid& grid);
    const CohortGrid& grid() const { return m_grid; }
    // A cell's text ("42 %"; empty past the last month) and shade, row by cohort (oldest first), column by months
    // since enrolling.
    QString cellText(int row, int column) const;
    QColor cellColor(int row, int column) const;

    // Draws `grid` into `area` with the palette's colours; the painter's font sets the size of everything.
    static void paint(QPainter& painter, const QRectF& area, const CohortGrid& grid, const QPalette& palette);
    static QColor shade(double retention, const QPalette& palette);
    // Black or white, whichever contrasts more with `background`.
    static QColor textOn(const QColor& background);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    CohortGrid m_grid;
};

} // namespace lt::ui
