#include "sync/SyncScheduler.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/StoreSettings.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "sync/SquareConnection.h"
#include "sync/SyncEngine.h"
#include "sync/SyncEngineThread.h"
#include "sync/SyncLogging.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SquareClient.h"

#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QTimer>

namespace lt {

SyncScheduler::SyncScheduler(Database& db, const Clock& clock, QNetworkAccessManager& network,
                             CredentialStore& credentials, QObject* parent)
    : SyncScheduler(db, clock, network, credentials, Options {}, parent)
{
}

SyncScheduler::SyncScheduler(Database& db, const Clock& clock, QNetworkAccessManager& network,
                             CredentialStore& credentials, const Options& options, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_network(network)
    , m_credentials(credentials)
    , m_options(options)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncScheduler::run);
}

SyncScheduler::~SyncScheduler() = default;

void SyncScheduler::start()
{
    auto connection = SquareConnection::load(m_db);
    if (!connection) {
        setState(SyncStatus::State::Failed, connection.error().message);
        return;
    }
    if (!connection->has_value()) {
        setState(SyncStatus::State::NotConnected);
        return;
    }
    const SquareConnection settings = **connection;
    m_status.lastSyncAt = settings.lastSyncAt;
    auto environment = SquareEnvironment::parse(settings.environment);
    if (!environment) {
        setState(SyncStatus::State::Failed, environment.error().message);
        return;
    }
    setState(SyncStatus::State::Starting);
    // The keychain answers asynchronously; the till keeps taking keys meanwhile.
    m_credentials.readToken(settings.environment, settings.locationId,
                            [this, environment = *environment, location = settings.locationId](Result<QString> token) {
                                if (!token) {
                                    setState(SyncStatus::State::Failed, token.error().message);
                                    return;
                                }
                                startWith(environment, location, *token);
                            });
}

void SyncScheduler::startWith(const SquareEnvironment& environment, const QString& locationId, const QString& token)
{
    m_engine.reset();
    m_client.reset();
    m_client = std::make_unique<SquareClient>(m_network, environment, token);
    m_engine = std::make_unique<SyncEngineThread>(m_db.path(), m_clock, *m_client, locationId);
    connect(m_engine.get(), &SyncEngineThread::finished, this, &SyncScheduler::onFinished);
    connect(m_engine.get(), &SyncEngineThread::programChanged, this, &SyncScheduler::programChanged);
    // Where the platform reports reachability, a pass while offline is not even tried; the timer tries again.
    if (!m_watchingReachability
        && QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        m_watchingReachability = true;
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability != QNetworkInformation::Reachability::Disconnected
                        && m_status.state == SyncStatus::State::Offline)
                        schedule(0);
                });
    }
    setState(SyncStatus::State::Idle);
    schedule(0);
}

void SyncScheduler::operationRecorded()
{
    refreshCounts();
    if (!m_engine || m_status.state == SyncStatus::State::Unauthorized)
        return;
    if (m_engine->isRunning()) {
        m_again = true;
        return;
    }
    // Only bring a scheduled pass forward; never push it back.
    if (!m_timer->isActive() || m_timer->remainingTime() > m_options.afterOperationDelayMs)
        schedule(m_options.afterOperationDelayMs);
}

void SyncScheduler::syncNow()
{
    if (!m_engine) {
        start();
        return;
    }
    if (m_engine->isRunning()) {
        m_again = true;
        return;
    }
    schedule(0);
}

void SyncScheduler::refreshCounts()
{
    // The one definition of "waiting to sync", as the status line, `sync status` and `check` count it.
    auto pending = SyncOutbox(m_db, m_clock).pendingCount();
    auto conflicts = SyncConflicts(m_db, m_clock).openCount();
    if (pending)
        m_status.pending = *pending;
    if (conflicts)
        m_status.conflicts = *conflicts;
    emit statusChanged(m_status);
}

int SyncScheduler::intervalMs() const
{
    if (m_options.intervalMs > 0)
        return m_options.intervalMs;
    const qint64 seconds = StoreSettings(m_db).value(StoreSettings::SyncIntervalSeconds).toLongLong();
    return int(std::clamp<qint64>(seconds, 1, 100'000) * 1000);
}

void SyncScheduler::schedule(int delayMs)
{
    qCDebug(lcScheduler) << "next pass in" << std::max(0, delayMs) << "ms";
    m_timer->start(std::max(0, delayMs));
}

void SyncScheduler::run()
{
    if (!m_engine || m_engine->isRunning())
        return;
    if (QNetworkInformation* info = QNetworkInformation::instance();
        info && info->reachability() == QNetworkInformation::Reachability::Disconnected) {
        qCDebug(lcScheduler) << "no network: the pass waits";
        setState(SyncStatus::State::Offline, tr("No network"));
        schedule(m_options.offlineRetryMs);
        return;
    }
    m_again = false;
    setState(SyncStatus::State::Running);
    m_engine->runOnce();
}

void SyncScheduler::onFinished(const SyncReport& report)
{
    if (report.unauthorized) {
        qCWarning(lcScheduler) << "Square refused the access token: no more passes until it is replaced";
        setState(SyncStatus::State::Unauthorized, report.error);
        emit passFinished(report);
        return; // no more passes until a manager connects again
    }
    if (report.stopped) {
        setState(SyncStatus::State::Offline, report.error);
        schedule(m_options.offlineRetryMs);
    } else {
        m_status.lastSyncAt = m_clock.nowUtc();
        setState(SyncStatus::State::Idle);
        schedule(m_again ? 0 : intervalMs());
    }
    emit passFinished(report);
}

void SyncScheduler::setState(SyncStatus::State state, const QString& message)
{
    m_status.state = state;
    m_status.message = message;
    refreshCounts();
}

} // namespace lt
