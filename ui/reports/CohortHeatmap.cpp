#include "ui/reports/CohortHeatmap.h"

#include "ui/Appearance.h"

#include <QCoreApplication>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lt::ui {

namespace {

QString percentText(double retention)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(retention * 100.0, 'f', 0));
}

int columnsOf(const CohortGrid& grid)
{
    int columns = 0;
    for (const CohortGrid::Cohort& cohort : grid.cohorts)
        columns = std::max(columns, int(cohort.retention.size()));
    return columns;
}

} // namespace

CohortHeatmap::CohortHeatmap(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(480, 300);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CohortHeatmap::setGrid(const CohortGrid& grid)
{
    m_grid = grid;
    update();
}

QString CohortHeatmap::cellText(int row, int column) const
{
    const QList<double>& retention = m_grid.cohorts.value(row).retention;
    return column < retention.size() ? percentText(retention.at(column)) : QString();
}

QColor CohortHeatmap::cellColor(int row, int column) const
{
    return shade(m_grid.cohorts.value(row).retention.value(column), palette());
}

QColor CohortHeatmap::shade(double retention, const QPalette& palette)
{
    const QColor none = palette.color(QPalette::Base);
    const QColor all = palette.color(QPalette::Highlight);
    const double t = std::clamp(retention, 0.0, 1.0);
    const auto mix = [t](int a, int b) {
        return int(std::lround(a + (b - a) * t));
    };
    return QColor(mix(none.red(), all.red()), mix(none.green(), all.green()), mix(none.blue(), all.blue()));
}

QColor CohortHeatmap::textOn(const QColor& background)
{
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return Appearance::contrastRatio(black, background) >= Appearance::contrastRatio(white, background) ? black : white;
}

void CohortHeatmap::paint(QPainter& painter, const QRectF& area, const CohortGrid& grid, const QPalette& palette)
{
    painter.save();
    const QColor ink = palette.color(QPalette::WindowText);
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() * 1.6;
    const int columns = std::max(1, columnsOf(grid));
    const int rows = int(grid.cohorts.size());
    const QString enrolledTitle = QCoreApplication::translate("CohortHeatmap", "Enrolled");
    const double labelWidth = metrics.horizontalAdvance(QStringLiteral("Mmm 0000")) * 1.15;
    const double countWidth =
        std::max(metrics.horizontalAdvance(enrolledTitle), metrics.horizontalAdvance(QStringLiteral("000000"))) * 1.15;
    const double left = area.left() + labelWidth + countWidth;
    const double legendHeight = line * 2.2;
    const double cellWidth = (area.right() - left) / columns;
    const double cellHeight = std::min(line, (area.height() - line - legendHeight) / std::max(1, rows));

    painter.setPen(ink);
    const double headerTop = area.top();
    painter.drawText(QRectF(area.left(), headerTop, labelWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("CohortHeatmap", "Cohort"));
    painter.drawText(QRectF(area.left() + labelWidth, headerTop, countWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                     enrolledTitle);
    for (int k = 0; k < columns; ++k)
        painter.drawText(QRectF(left + k * cellWidth, headerTop, cellWidth, line), Qt::AlignCenter,
                         QStringLiteral("+%1").arg(k));
    for (int row = 0; row < rows; ++row) {
        const CohortGrid::Cohort& cohort = grid.cohorts.at(row);
        const double top = headerTop + line + row * cellHeight;
        painter.setPen(ink);
        painter.drawText(QRectF(area.left(), top, labelWidth, cellHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         QLocale().toString(cohort.month, QStringLiteral("MMM yyyy")));
        painter.drawText(QRectF(area.left() + labelWidth, top, countWidth * 0.85, cellHeight),
                         Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(cohort.enrolled));
        for (int k = 0; k < int(cohort.retention.size()); ++k) {
            const QRectF cell(left + k * cellWidth, top, cellWidth, cellHeight);
            const QColor fill = shade(cohort.retention.at(k), palette);
            painter.fillRect(cell, fill);
            painter.setPen(QPen(palette.color(QPalette::Mid), 0));
            painter.drawRect(cell);
            painter.setPen(textOn(fill));
            painter.drawText(cell, Qt::AlignCenter, percentText(cohort.retention.at(k)));
        }
    }

    // The legend: the shade from nobody to everyone, and what a cell means.
    const double legendTop = headerTop + line + rows * cellHeight + line * 0.5;
    const QRectF strip(left, legendTop, std::min(cellWidth * 4, area.right() - left), line * 0.6);
    QLinearGradient gradient(strip.topLeft(), strip.topRight());
    gradient.setColorAt(0, shade(0, palette));
    gradient.setColorAt(1, shade(1, palette));
    painter.fillRect(strip, gradient);
    painter.setPen(QPen(palette.color(QPalette::Mid), 0));
    painter.drawRect(strip);
    painter.setPen(ink);
    painter.drawText(QRectF(area.left(), legendTop, left - area.left() - 4, strip.height()),
                     Qt::AlignRight | Qt::AlignVCenter, percentText(0));
    painter.drawText(
        QRectF(strip.right() + 4, legendTop, metrics.horizontalAdvance(percentText(1)) * 1.2, strip.height()),
        Qt::AlignLeft | Qt::AlignVCenter, percentText(1));
    painter.drawText(QRectF(left, strip.bottom(), area.right() - left, line), Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("CohortHeatmap",
                                                 "Each cell: the members of the cohort who bought in "
                                                 "that month after enrolling ÷ those enrolled."));
    painter.restore();
}

QSize CohortHeatmap::sizeHint() const
{
    return {760, 420};
}

void CohortHeatmap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    if (m_grid.cohorts.isEmpty()) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No cohort yet."));
        return;
    }
    paint(painter, QRectF(rect()).adjusted(8, 8, -8, -8), m_grid, palette());
}

} // namespace lt::ui
