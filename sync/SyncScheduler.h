#pragma once

#include "sync/square/SquareEnvironment.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace lt {

class Clock;
class CredentialStore;
class Database;
class SquareClient;
class SyncEngineThread;
struct SyncReport;

// What the till shows about sync.
struct SyncStatus
{
    enum class State {
        NotConnected, // no Square connection configured: the till works offline for good
        Starting, // reading the token from the keychain
        Idle, // the last pass reached Square
        Running,
        Offline, // Square could not be reached; the next pass is scheduled
        Unauthorized, // Square refused the token: a manager must connect again
        Failed, // the store or the keychain failed; `message` says how
    };
    State state = State::NotConnected;
    QDateTime lastSyncAt; // the end of the last pass that reached Square
    qint64 pending = 0; // operations waiting to be sent
    qint64 conflicts = 0; // open conflicts for a manager
    QString message; // readable detail for the state
};

// Runs sync for a front end that stays open (the till): at start, soon after each local operation, every few
// minutes, and on demand. The caller's thread never waits for Square nor for sync's database work: the engine runs
// on a thread of its own with its own connection to the store (SyncEngineThread), while the keychain and the
// network access manager stay on the caller's thread, which only relays requests and replies.
// The network access manager and the keychain enter through the constructor and must outlive the scheduler.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int intervalMs = 0; // between passes while nothing else asks for one; 0: the store's sync.interval_seconds
        int afterOperationDelayMs = 2000; // operations close together share one pass
        int offlineRetryMs = 60 * 1000; // how soon to try again when Square could not be reached
    };

    SyncScheduler(Database& db, const Clock& clock, QNetworkAccessManager& network, CredentialStore& credentials,
                  QObject* parent = nullptr);
    SyncScheduler(Database& db, const Clock& clock, QNetworkAccessManager& network, CredentialStore& credentials,
                  const Options& options, QObject* parent = nullptr);
    ~SyncScheduler() override;

    // Reads the store's Square connection and its token from the keychain, then syncs at once and on schedule.
    void start();
    // The same with a known token (tests, and front ends that already hold it).
    void startWith(const SquareEnvironment& environment, const QString& locationId, const QString& token);
    void operationRecorded(); // a local operation was queued: sync soon
    void syncNow(); // on demand; a pass already running is not interrupted
    void refreshCounts(); // re-read pending and conflict counts (e.g. after a manager resolved a conflict)
    const SyncStatus& status() const { return m_status; }

signals:
    void statusChanged(const lt::SyncStatus& status);
    void programChanged();
    void passFinished(const lt::SyncReport& report);

private:
    int intervalMs() const;
    void schedule(int delayMs);
    void run();
    void onFinished(const SyncReport& report);
    void setState(SyncStatus::State state, const QString& message = {});

    Database& m_db;
    const Clock& m_clock;
    QNetworkAccessManager& m_network;
    CredentialStore& m_credentials;
    Options m_options;
    std::unique_ptr<SquareClient> m_client;
    std::unique_ptr<SyncEngineThread> m_engine;
    QTimer* m_timer;
    bool m_watchingReachability = false;
    bool m_again = false; // an operation arrived during a pass: run another one after it
    SyncStatus m_status;
};

} // namespace lt
