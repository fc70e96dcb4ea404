#pragma once

#include "core/services/AutomationPass.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QTimer>

namespace lt {

class Clock;

// Runs the automation pass for the till: at start, then once a day, each time on a thread of its own with its own
// connection to the store, so the cashier never waits for it (the pass commits in batches; the till's writes go
// between them).
class AutomationRunner : public QObject
{
    Q_OBJECT

public:
    AutomationRunner(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~AutomationRunner() override;

    void start();
    bool isRunning() const { return m_worker != nullptr; }

signals:
    void passFinished(const lt::AutomationReport& report);
    void passFailed(const QString& message);

private:
    void runIfDue();

    QString m_path;
    const Clock& m_clock;
    QTimer m_timer;
    QDate m_lastRun;
    QPointer<QThread> m_worker;
};

} // namespace lt
