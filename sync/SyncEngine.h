#pragma once

#include "sync/outbox/OutboxPusher.h"
#include "sync/square/SquareLoyaltyApi.h"

#include <QDateTime>
#include <QObject>
#include <QString>

namespace lt {

class Clock;
class Database;
class SquareTransport;
class EventPuller;
class ProgramPuller;

// What one sync pass did.
struct SyncReport
{
    PushSummary push;
    bool programUpdated = false;
    int eventsPulled = 0; // events read from Square this pass
    int eventsApplied = 0; // events made elsewhere, now in the local ledger
    int accountsDiscovered = 0; // Square accounts new to this store, now local members
    int conflictsFound = 0; // new conflicts: refused operations and balances that disagree
    bool stopped = false; // the pass ended early; `error` says why
    bool unauthorized = false; // Square refused the token: no more passes until it is replaced
    QString error;
};

// One sync pass with Square: the program when it is due, the outbox pushed (every operation exactly once), then
// the events made elsewhere pulled into the local ledger and balances compared. Runs on the caller's thread and
// never blocks it on the network: every step waits for Square through the event loop. Its commits are durable, so
// the till runs it on a thread of its own (SyncEngineThread); the admin CLI runs it directly.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(Database& db, const Clock& clock, SquareTransport& client, QString locationId,
               QObject* parent = nullptr);
    ~SyncEngine() override;

    void runOnce(); // answers through finished()
    bool isRunning() const { return m_running; }
    OutboxPusher& pusher() { return *m_pusher; }

signals:
    void finished(const lt::SyncReport& report);
    void programChanged(); // the local program was replaced by Square's: front ends reload it

private:
    void afterProgram();
    void afterPush(const PushSummary& summary);
    void finish();

    Database& m_db;
    const Clock& m_clock;
    SquareLoyaltyApi m_api;
    QString m_locationId;
    OutboxPusher* m_pusher;
    ProgramPuller* m_program;
    EventPuller* m_events;
    QDateTime m_programReadAt;
    bool m_running = false;
    SyncReport m_report;
};

} // namespace lt
