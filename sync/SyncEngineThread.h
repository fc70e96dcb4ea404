#pragma once

#include <QObject>
#include <QString>
#include <QThread>

namespace lt {

class Clock;
class SquareClient;
struct SyncReport;

// The sync engine on a thread of its own, so that the till's thread never waits on sync's database work (above
// all its durable commits). The worker opens its own connection to the store file (a connection belongs to the
// thread that opened it; WAL lets the till read and write beside it, the busy timeout covers the brief overlap of
// two writers) and reaches Square through `client`, which stays on the caller's thread with the network access
// manager it was given (RelayedSquareClient: Square's answers cross as bytes and are parsed into JSON here, on the
// worker). The caller sees the engine's passes only through queued signals.
// Destroying it stops the worker between two events, so at a transaction boundary: an operation whose answer had
// not been recorded stays in the outbox and goes again, with the same idempotency key, on the next pass.
class SyncEngineThread : public QObject
{
    Q_OBJECT
public:
    // `clock` and `client` must outlive this object; `client` lives on the caller's thread.
    SyncEngineThread(const QString& storePath, const Clock& clock, SquareClient& client, const QString& locationId,
                     QObject* parent = nullptr);
    ~SyncEngineThread() override;

    void runOnce(); // answers through finished(); a pass already running is left alone
    bool isRunning() const { return m_running; }
    const QThread* workerThread() const { return &m_thread; }

signals:
    void finished(const lt::SyncReport& report);
    void programChanged(); // the local program was replaced by Square's: front ends reload it

private:
    class Worker;
    void deliver(const SyncReport& report);

    QThread m_thread;
    Worker* m_worker; // lives on m_thread; its parts are made, used and destroyed there
    bool m_running = false;
};

} // namespace lt
