#pragma once

#include "core/common/Result.h"
#include "ui/reports/ReportLoader.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class QChart;
class QPainter;
class QRectF;

namespace lt::ui {

// The Reports screen as a PDF, for the till's "Save as PDF…" and `loyaltytill-admin report pdf`: A4 portrait, the
// store's name, the period, the filter and when it was made on every page; every card with its value, comparisons and
// how it is computed; every chart drawn as vectors (the Qt Charts through QGraphicsScene::render, the cohort heatmap
// and the movement table by QPainter), on as many pages as they need. Needs a QApplication (the charts are
// QGraphicsWidgets); the CLI runs one on the offscreen platform.
class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::ReportPdf)
public:
    ReportPdf(ReportData data, std::optional<ReportAnalytics> analytics, QDateTime madeAt);

    // Writes the whole file or nothing. Error field "output": a path that cannot be written.
    Result<void> write(const QString& path) const;

private:
    void drawHeader(QPainter& painter, const QRectF& page, int pageNumber) const;
    double drawCards(QPainter& painter, const QRectF& area) const;
    void drawMovement(QPainter& painter, const QRectF& area) const;
    static void drawChart(QPainter& painter, QChart* chart, const QRectF& area);

    ReportData m_data;
    std::optional<ReportAnalytics> m_analytics;
    QDateTime m_madeAt;
};

} // namespace lt::ui
