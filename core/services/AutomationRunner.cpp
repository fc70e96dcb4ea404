#include "core/services/AutomationRunner.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QThread>

namespace lt {

namespace {
constexpr int CheckEveryMs = 15 * 60 * 1000; // a new day is noticed within a quarter of an hour
}

AutomationRunner::AutomationRunner(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_clock(clock)
{
    m_timer.setInterval(CheckEveryMs);
    connect(&m_timer, &QTimer::timeout, this, &AutomationRunner::runIfDue);
}

AutomationRunner::~AutomationRunner()
{
    if (m_worker)
        m_worker->wait();
}

void AutomationRunner::start()
{
    m_timer.start();
    runIfDue();
}

void AutomationRunner::runIfDue()
{
    const QDate today = m_clock.nowUtc().toLocalTime().date();
    if (m_worker || m_lastRun == today)
        return;
    m_lastRun = today;
    const QString path = m_path;
    const Clock& clock = m_clock;
    m_worker = QThread::create([this, path, &clock] {
        Database::Options options;
        options.create = false;
        options.migrate = false;
        options.quickCheck = false;
        auto db = Database::open(path, options);
        Result<AutomationReport> report = db ? Result<AutomationReport>(Error::internal(QString())) : db.error();
        if (db) {
            auto engine = LoyaltyEngine::create(**db, clock);
            report = engine ? AutomationPass((*engine)->context()).run(Actor::till()) : engine.error();
        }
        if (report) {
            QMetaObject::invokeMethod(
                this, [this, done = *report] { emit passFinished(done); }, Qt::QueuedConnection);
        } else {
            qCWarning(lcServices) << "automation pass failed:" << report.error().message;
            QMetaObject::invokeMethod(
                this, [this, message = report.error().message] { emit passFailed(message); }, Qt::QueuedConnection);
        }
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start(QThread::LowPriority);
}

} // namespace lt
