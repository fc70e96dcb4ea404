#include "ui/reports/ReportLoader.h"

#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QElapsedTimer>

namespace lt::ui {

namespace {
constexpr int TrendMonths = 12;

Result<ReportData> read(const QString& path, const Clock& clock, QDate from, QDate to)
{
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    LT_TRY_ASSIGN(const std::unique_ptr<Database> db, Database::open(path, options));
    LT_TRY_ASSIGN(const std::unique_ptr<LoyaltyEngine> engine, LoyaltyEngine::create(*db, clock));
    QElapsedTimer timer;
    timer.start();
    const ReportService reports(engine->context());
    ReportData data;
    data.currency = engine->program().currency;
    LT_TRY_ASSIGN(data.period, reports.summary(from, to));
    // The same length of time just before, and the same dates a year earlier.
    const qint64 days = from.daysTo(to) + 1;
    LT_TRY_ASSIGN(data.previous, reports.summary(from.addDays(-days), from.addDays(-1)));
    LT_TRY_ASSIGN(data.yearEarlier, reports.summary(from.addYears(-1), to.addYears(-1)));
    LT_TRY_ASSIGN(data.months, reports.months(to, TrendMonths));
    data.milliseconds = timer.elapsed();
    return data;
}
} // namespace

ReportLoader::ReportLoader(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_clock(clock)
{
    qRegisterMetaType<lt::ui::ReportData>();
}

ReportLoader::~ReportLoader()
{
    for (QThread* worker : std::as_const(m_running)) {
        worker->wait();
        delete worker;
    }
}

void ReportLoader::load(QDate from, QDate to)
{
    const int request = ++m_request;
    m_loading = true;
    QThread* worker = QThread::create([this, from, to, request] {
        Result<ReportData> data = read(m_path, m_clock, from, to);
        QMetaObject::invokeMethod(
            this,
            [this, request, data = std::move(data)] {
                if (request != m_request)
                    return; // a newer period was asked for meanwhile
                m_loading = false;
                if (data)
                    emit loaded(*data);
                else
                    emit failed(data.error().message);
            },
            Qt::QueuedConnection);
    });
    m_running << worker;
    connect(worker, &QThread::finished, this, [this, worker] {
        m_running.removeOne(worker);
        worker->deleteLater();
    });
    worker->start(QThread::LowPriority);
}

} // namespace lt::ui
