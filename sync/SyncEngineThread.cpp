#include "sync/SyncEngineThread.h"

#include "core/store/Database.h"
#include "sync/SyncEngine.h"
#include "sync/SyncLogging.h"
#include "sync/square/RelayedSquareClient.h"

#include <memory>

namespace lt {

// What lives on the worker thread: the store's second connection, the relay to Square and the engine, made there
// when the first pass asks (again after a failure to open).
class SyncEngineThread::Worker : public QObject
{
public:
    Worker(SyncEngineThread* front, QString storePath, const Clock& clock, SquareClient& client, QString locationId)
        : m_front(front)
        , m_storePath(std::move(storePath))
        , m_clock(clock)
        , m_client(client)
        , m_locationId(std::move(locationId))
    {
    }

    void run()
    {
        if (!m_engine) {
            if (auto opened = open(); !opened) {
                qCWarning(lcSync) << "sync cannot open its connection to the store:" << opened.error().message;
                SyncReport report;
                report.stopped = true;
                report.error = opened.error().message;
                deliver(report);
                return;
            }
        }
        m_engine->runOnce();
    }

    void close()
    {
        m_engine.reset(); // before the relay and the connection it uses
        m_relay.reset();
        m_db.reset();
    }

private:
    Result<void> open()
    {
        Database::Options options;
        options.create = false; // the till made and migrated it already
        options.migrate = false;
        options.quickCheck = false; // the till checks the file on a connection of its own
        LT_TRY_ASSIGN(m_db, Database::open(m_storePath, options));
        m_relay = std::make_unique<RelayedSquareClient>(m_client);
        m_engine = std::make_unique<SyncEngine>(*m_db, m_clock, *m_relay, m_locationId);
        connect(m_engine.get(), &SyncEngine::finished, this, &Worker::deliver);
        connect(m_engine.get(), &SyncEngine::programChanged, this, [front = m_front] {
            QMetaObject::invokeMethod(front, &SyncEngineThread::programChanged, Qt::QueuedConnection);
        });
        return {};
    }

    // Queued to the front, which outlives this worker (its destructor waits for it).
    void deliver(const SyncReport& report)
    {
        QMetaObject::invokeMethod(
            m_front, [front = m_front, report] { front->deliver(report); }, Qt::QueuedConnection);
    }

    SyncEngineThread* m_front;
    QString m_storePath;
    const Clock& m_clock;
    SquareClient& m_client;
    QString m_locationId;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RelayedSquareClient> m_relay;
    std::unique_ptr<SyncEngine> m_engine;
};

SyncEngineThread::SyncEngineThread(const QString& storePath, const Clock& clock, SquareClient& client,
                                   const QString& locationId, QObject* parent)
    : QObject(parent)
    , m_worker(new Worker(this, storePath, clock, client, locationId))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(&m_thread);
    m_thread.start(QThread::LowPriority); // as the till's other background threads
}

SyncEngineThread::~SyncEngineThread()
{
    // Between two events the worker holds no transaction open: stopping here loses nothing already committed.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended
}

void SyncEngineThread::runOnce()
{
    if (m_running)
        return;
    m_running = true;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->run(); }, Qt::QueuedConnection);
}

void SyncEngineThread::deliver(const SyncReport& report)
{
    m_running = false;
    emit finished(report);
}

} // namespace lt
