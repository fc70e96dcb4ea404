#include "ui/reports/ReportCharts.h"

#include "core/analytics/RfmSegments.h"
#include "core/domain/Money.h"
#include "ui/Appearance.h"
#include "ui/reports/ReportCards.h"
#include "ui/reports/ReportLoader.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

namespace lt::ui {

namespace {

QChart* themed(const QPalette& palette, const QString& title)
{
    auto* chart = new QChart();
    chart->setTheme(Appearance::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

// Bars by category on a value axis at the left.
QChart* barChart(const QPalette& palette, const QString& title, const QStringList& categories,
                 const QList<QBarSet*>& sets)
{
    QChart* chart = themed(palette, title);
    auto* series = new QBarSeries();
    series->append(sets);
    chart->addSeries(series);
    auto* axis = new QBarCategoryAxis();
    axis->append(categories);
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    auto* values = new QValueAxis();
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setVisible(sets.size() > 1);
    return chart;
}

QStringList monthLabels(const QList<MonthFigures>& months)
{
    QStringList labels;
    for (const MonthFigures& month : months)
        labels << QLocale().toString(month.first, QStringLiteral("MMM")); // twelve fit under a half-width chart
    return labels;
}

} // namespace

QChart* ReportCharts::salesTrend(const ReportData& data, const QPalette& palette)
{
    auto* sales = new QBarSet(tr("Net sales"));
    const double unit = std::pow(10.0, Money::decimalsOf(data.currency));
    for (const MonthFigures& month : data.months)
        *sales << double(month.netSalesMinor) / unit;
    QString title = tr("Net sales by month (%1)").arg(data.currency);
    if (!data.period.filter.isEmpty())
        title += QStringLiteral(" · ") + ReportCards::filterText(data.period.filter.till, data.period.filter.staff);
    return barChart(palette, title, monthLabels(data.months), {sales});
}

QChart* ReportCharts::pointsFlow(const ReportData& data, const QPalette& palette)
{
    auto* earned = new QBarSet(tr("Earned"));
    auto* redeemed = new QBarSet(tr("Redeemed"));
    auto* expired = new QBarSet(tr("Expired"));
    auto* outstanding = new QLineSeries();
    outstanding->setName(tr("Outstanding at the month's end"));
    qint64 highest = 0;
    for (qsizetype i = 0; i < data.months.size(); ++i) {
        const MonthFigures& month = data.months.at(i);
        *earned << double(month.pointsEarned);
        *redeemed << double(month.pointsRedeemed);
        *expired << double(month.pointsExpired);
        outstanding->append(double(i), double(month.pointsOutstanding));
        highest = std::max(highest, month.pointsOutstanding);
    }
    QChart* chart =
        barChart(palette, tr("Points flow by month"), monthLabels(data.months), {earned, redeemed, expired});
    chart->addSeries(outstanding);
    outstanding->attachAxis(chart->axes(Qt::Horizontal).constFirst());
    auto* balance = new QValueAxis();
    balance->setRange(0, std::max<double>(1.0, double(highest)) * 1.1);
    balance->setLabelFormat(QStringLiteral("%.0f"));
    balance->setTitleText(tr("Outstanding"));
    chart->addAxis(balance, Qt::AlignRight);
    outstanding->attachAxis(balance);
    chart->legend()->setVisible(true);
    return chart;
}

QChart* ReportCharts::tiers(const ReportData& data, const QPalette& palette)
{
    auto* members = new QBarSet(tr("Members"));
    QStringList tiers;
    for (auto it = data.period.membersPerTier.cbegin(); it != data.period.membersPerTier.cend(); ++it) {
        tiers << it.key();
        *members << double(it.value());
    }
    return barChart(palette, tr("Members by tier"), tiers, {members});
}

QChart* ReportCharts::segments(const ReportAnalytics& analytics, const QPalette& palette)
{
    auto* today = new QBarSet(tr("Today"));
    auto* lastMonth = new QBarSet(tr("End of last month"));
    QStringList names;
    for (const RfmSegment segment : RfmSegments::allSegments()) {
        names << RfmSegments::displayName(segment);
        *today << double(analytics.members[std::size_t(segment)]);
        *lastMonth << double(analytics.membersLastMonth[std::size_t(segment)]);
    }
    // Bars lying down, so that the segments' names read in full on the left.
    QChart* chart = themed(palette, tr("Members by segment"));
    auto* series = new QHorizontalBarSeries();
    series->append({today, lastMonth});
    chart->addSeries(series);
    auto* axis = new QBarCategoryAxis();
    axis->append(names);
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    auto* values = new QValueAxis();
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    return chart;
}

} // namespace lt::ui
