#include "core/store/WalCheckpointer.h"

#include "core/common/Logging.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"

#include <sqlite3.h>

namespace lt {

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs)
    : m_path(std::move(databasePath))
    , m_intervalMs(intervalMs)
{
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_thread)
        return;
    m_stop.release();
    m_thread->wait();
}

void WalCheckpointer::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start(QThread::LowPriority);
}

void WalCheckpointer::run()
{
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    auto db = Database::open(m_path, options);
    if (!db) {
        qCWarning(lcStore) << "no background checkpoints:" << db.error().message;
        return;
    }
    auto connection = SqliteConnection::from(**db);
    if (!connection)
        return;
    do {
        int logFrames = 0;
        int copiedFrames = 0;
        // PASSIVE: copies what no reader still needs, without taking the write lock or waiting for anyone.
        const int rc = sqlite3_wal_checkpoint_v2(connection->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames,
                                                 &copiedFrames);
        if (rc == SQLITE_OK && copiedFrames > 0)
            ++m_checkpoints;
        else if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcStore) << "background checkpoint failed:" << sqlite3_errstr(rc);
    } while (!m_stop.tryAcquire(1, m_intervalMs));
}

} // namespace lt
