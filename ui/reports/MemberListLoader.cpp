#include "ui/reports/MemberListLoader.h"

#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QElapsedTimer>

namespace lt::ui {

namespace {

// Ranks the list when no ranking is given, then reads the page from `offset`.
Result<MemberListPage> read(const QString& path, const Clock& clock, const DrillDownQuery& query,
                            std::shared_ptr<const DrillDownRanking> ranking, qint64 offset)
{
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    LT_TRY_ASSIGN(const std::unique_ptr<Database> db, Database::open(path, options));
    LT_TRY_ASSIGN(const std::unique_ptr<LoyaltyEngine> engine, LoyaltyEngine::create(*db, clock));
    QElapsedTimer timer;
    timer.start();
    const MemberDrillDown drillDown(engine->context());
    if (!ranking) {
        LT_TRY_ASSIGN(DrillDownRanking ranked, drillDown.rank(query));
        ranking = std::make_shared<const DrillDownRanking>(std::move(ranked));
    }
    MemberListPage page;
    page.ranking = ranking;
    page.offset = offset;
    page.currency = engine->program().currency;
    LT_TRY_ASSIGN(page.rows, drillDown.rows(*ranking, offset, MemberDrillDown::PageSize));
    page.milliseconds = timer.elapsed();
    return page;
}

} // namespace

MemberListLoader::MemberListLoader(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_clock(clock)
{
    qRegisterMetaType<lt::ui::MemberListPage>();
}

MemberListLoader::~MemberListLoader()
{
    for (QThread* worker : std::as_const(m_running)) {
        worker->wait();
        delete worker;
    }
}

void MemberListLoader::load(const DrillDownQuery& query)
{
    m_ranking.reset();
    m_loaded = 0;
    start(query, nullptr, 0);
}

void MemberListLoader::loadMore()
{
    if (m_loading || !hasMore())
        return;
    start(m_ranking->query, m_ranking, m_loaded);
}

void MemberListLoader::start(const DrillDownQuery& query, std::shared_ptr<const DrillDownRanking> ranking,
                             qint64 offset)
{
    const int request = ++m_request;
    m_loading = true;
    QThread* worker = QThread::create([this, query, ranking = std::move(ranking), offset, request] {
        Result<MemberListPage> page = read(m_path, m_clock, query, ranking, offset);
        QMetaObject::invokeMethod(
            this,
            [this, request, page = std::move(page)] {
                if (request != m_request)
                    return; // a newer list was asked for meanwhile
                m_loading = false;
                if (!page) {
                    emit failed(page.error().message);
                    return;
                }
                m_ranking = page->ranking;
                m_loaded = page->offset + page->rows.size();
                emit pageLoaded(*page);
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
