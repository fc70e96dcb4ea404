#pragma once

#include <QSemaphore>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace lt {

// Copies the write-ahead log back into the database file from a thread and connection of its own, so that a sale's
// commit never does it. SQLite's automatic checkpoint runs inside whichever commit takes the log past 1,000 pages:
// with the automation pass and sync writing too, that was a sale in every few dozen, and the slowest ones.
// The till's connection hands its checkpoints over (Database::Options::checkpointsElsewhere); other processes (the
// admin CLI) keep SQLite's own.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(QString databasePath, int intervalMs = 500);
    ~WalCheckpointer(); // stops and waits for the thread
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    void start();
    int checkpoints() const { return m_checkpoints; } // that copied anything

private:
    void run();

    const QString m_path;
    const int m_intervalMs;
    QSemaphore m_stop;
    std::atomic<int> m_checkpoints {0};
    std::unique_ptr<QThread> m_thread;
};

} // namespace lt
