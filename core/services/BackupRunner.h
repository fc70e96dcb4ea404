#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

namespace lt {

class Clock;

// A running till's daily backup: every hour (and five minutes after start) it checks on a worker thread, with a
// connection of its own, whether backup.time has passed since the last good backup, and backs up if so
// (StoreBackups::backUpStoreIfDue). The package's timer does the same when no till runs.
class BackupRunner : public QObject
{
    Q_OBJECT

public:
    BackupRunner(QString storePath, const Clock& clock, QObject* parent = nullptr);
    ~BackupRunner() override; // waits for a backup under way (one at most)

    void start();

private:
    void checkInBackground();

    QString m_path;
    const Clock& m_clock;
    QTimer m_hourly;
    QThreadPool m_pool; // its own: closing the till waits for a backup under way, not for other work
};

} // namespace lt
