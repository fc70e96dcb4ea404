#pragma once

#include "core/services/ReportService.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace lt {
class Clock;
}

namespace lt::ui {

// What the Reports screen shows for one period: its figures, the same for the period just before and for the same
// dates a year earlier, and the twelve months that end with it.
struct ReportData
{
    KpiSummary period;
    KpiSummary previous;
    KpiSummary yearEarlier;
    QList<MonthFigures> months;
    QString currency;
    qint64 milliseconds = 0; // how long the figures took to read
};

// Reads a period's figures on a thread and connection of its own, so the till never waits for a report; the answer
// comes back as a signal on the loader's thread. One load at a time: a new one while another runs waits for it.
class ReportLoader : public QObject
{
    Q_OBJECT

public:
    ReportLoader(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~ReportLoader() override;

    // Reads the figures of [from, to]; only the answer to the newest request is given.
    void load(QDate from, QDate to);
    bool isLoading() const { return m_loading; }

signals:
    void loaded(const lt::ui::ReportData& data);
    void failed(const QString& message);

private:
    const QString m_path;
    const Clock& m_clock;
    QList<QThread*> m_running;
    int m_request = 0;
    bool m_loading = false;
};

} // namespace lt::ui
