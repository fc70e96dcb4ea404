#pragma once

#include "ui/reports/ReportLoader.h"

#include <QDialog>
#include <QMap>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QChartView;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace lt {
class Clock;
}

namespace lt::ui {

class CohortHeatmap;
class KpiCard;

// The manager's Reports screen: a period (today, this week, this month, last month, this year or custom) and a till
// and staff filter; on tabs, the key figures as cards compared with the period before and a year earlier, each saying
// how it is computed; the twelve months' trends (sales, points flow, tiers); the RFM segments with last month's
// movement; and cohort retention. Everything is read off the till's thread (ReportLoader): the cards first, the
// segments and cohorts when they are ready. Save as PDF (Ctrl+P or Ctrl+S) writes the whole screen (ReportPdf).
class ReportsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Period { Today, ThisWeek, ThisMonth, LastMonth, ThisYear, Custom };
    enum Tab { KeyFigures, Trends, Segments, Cohorts };

    ReportsDialog(const QString& databasePath, const Clock& clock, QWidget* parent = nullptr);

    QComboBox* periodBox() const { return m_period; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QComboBox* tillBox() const { return m_till; }
    QComboBox* staffBox() const { return m_staff; }
    QTabWidget* tabs() const { return m_tabs; }
    KpiCard* card(const QString& key) const { return m_cards.value(key); }
    QChartView* trendChart() const { return m_trend; }
    QChartView* pointsChart() const { return m_points; }
    QChartView* tiersChart() const { return m_tiers; }
    QChartView* segmentsChart() const { return m_segments; }
    QTableWidget* movementTable() const { return m_movement; }
    CohortHeatmap* cohortHeatmap() const { return m_cohorts; }
    QPushButton* pdfButton() const { return m_pdfButton; }
    QString status() const;
    bool isLoading() const { return m_loader.isLoading(); }
    bool isAnalysing() const { return m_loader.isAnalysing(); }

    // Where Save as PDF writes: a file dialog unless a test gives its own chooser (an empty path: cancelled).
    void setPdfPathChooser(std::function<QString(QWidget*)> choose) { m_choosePdfPath = std::move(choose); }
    // Writes what the screen shows to `path`; the status line says where, or why not.
    Result<void> savePdf(const QString& path);

signals:
    void memberChosen(qint64 memberId); // picked in the list behind a figure: the till shows them
    void figuresShown(); // the cards and charts show the period asked for
    void analysisShown(); // the segments and cohorts are shown

private:
    QWidget* keyFiguresTab();
    QWidget* trendsTab();
    QWidget* segmentsTab();
    QWidget* cohortsTab();
    void choosePeriod(int index);
    ReportFilter filter() const;
    void refresh();
    void display(const ReportData& figures);
    void displayAnalytics(const ReportAnalytics& analytics);
    void offerFilters(const ReportData& figures);
    void choosePdf();
    void showMessage(const QString& text, bool error);

    void openMembersBehind(const QString& cardKey);

    const QString m_databasePath;
    const Clock& m_clock;
    ReportLoader m_loader;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_till;
    QComboBox* m_staff;
    QLabel* m_status;
    QTabWidget* m_tabs;
    QMap<QString, KpiCard*> m_cards;
    QMap<QString, QString> m_howComputed;
    QChartView* m_trend;
    QChartView* m_points;
    QChartView* m_tiers;
    QChartView* m_segments;
    QTableWidget* m_movement;
    QLabel* m_actions;
    QLabel* m_segmentsStatus;
    QLabel* m_cohortsStatus;
    CohortHeatmap* m_cohorts;
    QPushButton* m_pdfButton;
    std::optional<ReportData> m_figures;
    std::optional<ReportAnalytics> m_analytics;
    std::function<QString(QWidget*)> m_choosePdfPath;
};

} // namespace lt::ui
