#pragma once

#include "ui/reports/ReportLoader.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDateEdit;
class QLabel;
class QChartView;

namespace lt {
class Clock;
}

namespace lt::ui {

class KpiCard;

// The manager's Reports screen: a period (today, this week, this month, last month, this year or custom), its key
// figures as cards compared with the period before and a year earlier, each saying how it is computed, and charts
// of the twelve months that end with it. The figures are read off the till's thread (ReportLoader).
class ReportsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Period { Today, ThisWeek, ThisMonth, LastMonth, ThisYear, Custom };

    ReportsDialog(const QString& databasePath, const Clock& clock, QWidget* parent = nullptr);

    QComboBox* periodBox() const { return m_period; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    KpiCard* card(const QString& key) const { return m_cards.value(key); }
    QChartView* trendChart() const { return m_trend; }
    QChartView* pointsChart() const { return m_points; }
    QChartView* tiersChart() const { return m_tiers; }
    QString status() const;
    bool isLoading() const { return m_loader.isLoading(); }

signals:
    void figuresShown(); // the cards and charts show the period asked for

private:
    void choosePeriod(int index);
    void refresh();
    void display(const ReportData& figures);
    void addCard(const QString& key, const QString& title, const QString& howComputed);
    void showCharts(const ReportData& figures);

    const Clock& m_clock;
    ReportLoader m_loader;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_status;
    QMap<QString, KpiCard*> m_cards;
    QList<KpiCard*> m_order;
    QChartView* m_trend;
    QChartView* m_points;
    QChartView* m_tiers;
};

} // namespace lt::ui
