#pragma once

// Header only: the sync benchmark's build lists its sources in bench/CMakeLists.txt, and this needs no moc.

#include "core/store/Database.h"
#include "sync/outbox/OutboxPusher.h"
#include "sync/square/RelayedSquareClient.h"
#include "sync/square/SquareLoyaltyApi.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace lt::bench {

// The outbox pusher as the till runs it (SyncEngineThread): on a thread of its own with its own connection to the
// store, reaching Square through a client that stays on the caller's thread with its network access manager.
class PusherOnWorker
{
public:
    PusherOnWorker(const QString& path, const Clock& clock, SquareClient& client, const QString& location, int parallel)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start(QThread::LowPriority); // as SyncEngineThread
        onWorker([&] {
            Database::Options options;
            options.create = false;
            options.migrate = false;
            options.quickCheck = false;
            auto opened = Database::open(path, options);
            if (!opened) {
                m_error = opened.error().message;
                return;
            }
            m_db = std::move(*opened);
            m_relay = std::make_unique<RelayedSquareClient>(client);
            m_api = std::make_unique<SquareLoyaltyApi>(*m_relay);
            m_pusher = std::make_unique<OutboxPusher>(*m_db, clock, *m_api, location);
            m_pusher->setMaxInFlight(parallel);
        });
    }
    ~PusherOnWorker()
    {
        onWorker([this] {
            m_pusher.reset();
            m_api.reset();
            m_relay.reset();
            m_db.reset();
        });
        m_thread.quit();
        m_thread.wait();
    }
    PusherOnWorker(const PusherOnWorker&) = delete;
    PusherOnWorker& operator=(const PusherOnWorker&) = delete;

    const QString& error() const { return m_error; } // the connection could not be opened
    // Its signals cross to the caller's thread queued; only onWorker() may call it.
    OutboxPusher* pusher() const { return m_pusher.get(); }

    // Runs `work` on the worker and waits for it.
    template<typename Work>
    void onWorker(Work work)
    {
        QMetaObject::invokeMethod(&m_context, work, Qt::BlockingQueuedConnection);
    }
    Database& db() const { return *m_db; } // on the worker only

private:
    QThread m_thread;
    QObject m_context; // lives on m_thread
    QString m_error;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RelayedSquareClient> m_relay;
    std::unique_ptr<SquareLoyaltyApi> m_api;
    std::unique_ptr<OutboxPusher> m_pusher;
};

} // namespace lt::bench
