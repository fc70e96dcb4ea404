#pragma once

#include <QCoreApplication>
#include <QPalette>

class QChart;

namespace lt::ui {

struct ReportAnalytics;
struct ReportData;

// The Reports screen's Qt Charts, built the same for the screen and for its PDF. Their colours follow the palette
// given (the dark theme on the dark one); the caller owns the chart.
class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::ReportCharts)
public:
    // Net sales of the twelve months (following the till and staff filter).
    static QChart* salesTrend(const ReportData& data, const QPalette& palette);
    // Points earned, redeemed and expired in each month as bars, and the points outstanding at each month's end as a
    // line on an axis of its own (a balance dwarfs a month's flow).
    static QChart* pointsFlow(const ReportData& data, const QPalette& palette);
    static QChart* tiers(const ReportData& data, const QPalette& palette);
    // Members in each RFM segment today beside the end of last month.
    static QChart* segments(const ReportAnalytics& analytics, const QPalette& palette);
};

} // namespace lt::ui
