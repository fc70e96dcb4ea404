#include "ui/reports/ReportLoader.h"

#include "core/common/Clock.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/ReportStore.h"
#include "core/store/StoreSettings.h"

#include <QElapsedTimer>

namespace lt::ui {

namespace {
constexpr int TrendMonths = 12;

Result<std::unique_ptr<Database>> openReading(const QString& path)
{
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    return Database::open(path, options);
}

// Names of a report_sales column for a filter: the empty name of sales recorded before tills were named is "every".
QStringList named(QStringList names)
{
    names.removeAll(QString());
    return names;
}
} // namespace

Result<ReportData> ReportLoader::readFigures(LoyaltyEngine& engine, QDate from, QDate to, const ReportFilter& filter)
{
    QElapsedTimer timer;
    timer.start();
    const ReportService reports(engine.context());
    ReportData data;
    data.currency = engine.program().currency;
    data.storeName = StoreSettings(engine.context().db).value(StoreSettings::StoreName);
    const ReportStore store(engine.context().db);
    LT_TRY_ASSIGN(const QStringList tills, store.tills());
    LT_TRY_ASSIGN(const QStringList staff, store.staff());
    data.tills = named(tills);
    data.staff = named(staff);
    LT_TRY_ASSIGN(data.period, reports.summary(from, to, filter));
    // The same length of time just before, and the same dates a year earlier.
    const qint64 days = from.daysTo(to) + 1;
    LT_TRY_ASSIGN(data.previous, reports.summary(from.addDays(-days), from.addDays(-1), filter));
    LT_TRY_ASSIGN(data.yearEarlier, reports.summary(from.addYears(-1), to.addYears(-1), filter));
    LT_TRY_ASSIGN(data.months, reports.months(to, TrendMonths, filter));
    data.milliseconds = timer.elapsed();
    return data;
}

Result<ReportAnalytics> ReportLoader::readAnalytics(LoyaltyEngine& engine, QDate today, QDate cohortMonth)
{
    QElapsedTimer timer;
    timer.start();
    const SegmentService segments(engine.context());
    LT_TRY_ASSIGN(const SegmentReport report, segments.segments(today));
    ReportAnalytics analytics;
    analytics.today = report.today;
    analytics.lastMonthEnd = report.lastMonthEnd;
    analytics.members = report.members;
    analytics.membersLastMonth = report.membersLastMonth;
    analytics.movement = report.movement;
    analytics.lapsed = report.lapsed.size();
    analytics.nearlyThere = report.nearlyThere.size();
    const QDate last(cohortMonth.year(), cohortMonth.month(), 1);
    LT_TRY_ASSIGN(analytics.cohorts, segments.cohorts(last.addMonths(1 - CohortMonths), last));
    analytics.milliseconds = timer.elapsed();
    return analytics;
}

ReportLoader::ReportLoader(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_clock(clock)
{
    qRegisterMetaType<lt::ui::ReportData>();
    qRegisterMetaType<lt::ui::ReportAnalytics>();
}

ReportLoader::~ReportLoader()
{
    for (QThread* worker : std::as_const(m_running)) {
        worker->wait();
        delete worker;
    }
}

template<typename Read, typename Deliver>
void ReportLoader::start(int request, const int& newest, bool& loading, Read read, Deliver deliver)
{
    loading = true;
    QThread* worker = QThread::create([this, request, &newest, &loading, read, deliver] {
        auto answer = [&]() -> decltype(read(std::declval<LoyaltyEngine&>())) {
            LT_TRY_ASSIGN(const std::unique_ptr<Database> db, openReading(m_path));
            LT_TRY_ASSIGN(const std::unique_ptr<LoyaltyEngine> engine, LoyaltyEngine::create(*db, m_clock));
            return read(*engine);
        }();
        QMetaObject::invokeMethod(
            this,
            [this, request, &newest, &loading, deliver, answer = std::move(answer)] {
                if (request != newest)
                    return; // a newer one was asked for meanwhile
                loading = false;
                if (answer)
                    deliver(*answer);
                else
                    emit failed(answer.error().message);
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

void ReportLoader::load(QDate from, QDate to, const ReportFilter& filter)
{
    ++m_figuresRequest;
    start(
        m_figuresRequest, m_figuresRequest, m_loadingFigures,
        [from, to, filter](LoyaltyEngine& engine) { return readFigures(engine, from, to, filter); },
        [this](const ReportData& data) { emit loaded(data); });
    const QDate today = m_clock.nowUtc().toLocalTime().date();
    const QDate month = std::min(QDate(to.year(), to.month(), 1), QDate(today.year(), today.month(), 1));
    if (month == m_analysedMonth)
        return; // segments are today's whatever the period; the cohorts end with the same month
    m_analysedMonth = month;
    ++m_analyticsRequest;
    start(
        m_analyticsRequest, m_analyticsRequest, m_loadingAnalytics,
        [today, month](LoyaltyEngine& engine) { return readAnalytics(engine, today, month); },
        [this](const ReportAnalytics& analytics) { emit analysed(analytics); });
}

} // namespace lt::ui
