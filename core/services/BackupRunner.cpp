#include "core/services/BackupRunner.h"

#include "core/common/Logging.h"
#include "core/store/StoreBackups.h"

#include <chrono>

namespace lt {

BackupRunner::BackupRunner(QString storePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_hourly, &QTimer::timeout, this, &BackupRunner::checkInBackground);
}

BackupRunner::~BackupRunner()
{
    m_hourly.stop();
    m_pool.waitForDone();
}

void BackupRunner::start()
{
    m_hourly.start(std::chrono::hours(1));
    QTimer::singleShot(std::chrono::minutes(5), this, &BackupRunner::checkInBackground);
}

void BackupRunner::checkInBackground()
{
    m_pool.start([path = m_path, &clock = m_clock] {
        if (auto written = StoreBackups::backUpStoreIfDue(path, clock); !written)
            qCWarning(lcBackup) << "no backup:" << written.error().message;
    });
}

} // namespace lt
