#pragma once

#include "core/services/ReportService.h"
#include "core/services/SegmentService.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <array>

namespace lt {
class Clock;
class LoyaltyEngine;
} // namespace lt

namespace lt::ui {

// What the Reports screen shows for one period: its figures, the same for the period just before and for the same
// dates a year earlier, and the twelve months that end with it; the sales follow the filter.
struct ReportData
{
    KpiSummary period;
    KpiSummary previous;
    KpiSummary yearEarlier;
    QList<MonthFigures> months;
    QString currency;
    QString storeName;
    QStringList tills; // every till and staff member that recorded a sale, for the filters
    QStringList staff;
    qint64 milliseconds = 0; // how long the figures took to read
};

// The slower half of the screen: the members by segment today and at the end of last month with the movement
// between, the ready-made lists' sizes, and the retention of the twelve cohorts that end with the period's month.
struct ReportAnalytics
{
    QDate today;
    QDate lastMonthEnd;
    std::array<qint64, kSegmentCount> members {};
    std::array<qint64, kSegmentCount> membersLastMonth {};
    std::array<std::array<qint64, kSegmentCount>, kSegmentCount + 1> movement {}; // as SegmentReport::movement
    qint64 lapsed = 0;
    qint64 nearlyThere = 0;
    CohortGrid cohorts;
    qint64 milliseconds = 0;
};

// Reads a period's figures on a thread and connection of its own, so the till never waits for a report; the answers
// come back as signals on the loader's thread: the figures first, then (they take seconds at a million members) the
// segments and cohorts. Only the answer to the newest request of each kind is given.
class ReportLoader : public QObject
{
    Q_OBJECT

public:
    // The cohorts the screen shows: the twelve that end with the period's month.
    static constexpr int CohortMonths = 12;

    ReportLoader(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~ReportLoader() override;

    // Reads the figures of [from, to] with the sales of `filter`, and the segments and cohorts unless those of the
    // same month were already asked for.
    void load(QDate from, QDate to, const ReportFilter& filter = {});
    bool isLoading() const { return m_loadingFigures || m_loadingAnalytics; }
    bool isAnalysing() const { return m_loadingAnalytics; }

    // The same reads on an engine the caller holds (the admin CLI's PDF), on the caller's thread.
    static Result<ReportData> readFigures(LoyaltyEngine& engine, QDate from, QDate to, const ReportFilter& filter);
    static Result<ReportAnalytics> readAnalytics(LoyaltyEngine& engine, QDate today, QDate cohortMonth);

signals:
    void loaded(const lt::ui::ReportData& data);
    void analysed(const lt::ui::ReportAnalytics& analytics);
    void failed(const QString& message);

private:
    template<typename Read, typename Deliver>
    void start(int request, const int& newest, bool& loading, Read read, Deliver deliver);

    const QString m_path;
    const Clock& m_clock;
    QList<QThread*> m_running;
    int m_figuresRequest = 0;
    int m_analyticsRequest = 0;
    QDate m_analysedMonth; // the cohorts' last month last asked for
    bool m_loadingFigures = false;
    bool m_loadingAnalytics = false;
};

} // namespace lt::ui
