#include "ui/reports/MemberListLoader.h"

#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QElapsedTimer>

#include <utility>

namespace lt::ui {

namespace {

// Ranks the list when no ranking is given, then reads the page from `offset`; stops early once `cancelled` is set.
Result<MemberListPage> read(const QString& path, const Clock& clock, const DrillDownQuery& query,
                            std::shared_ptr<const DrillDownRanking> ranking, qint64 offset,
                            const std::atomic_bool& cancelled)
{
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    LT_TRY_ASSIGN(const std::unique_ptr<Database> db, Database::open(path, options));
    LT_TRY_ASSIGN(const std::unique_ptr<LoyaltyEngine> engine, LoyaltyEngine::create(*db, clock));
    QElapsedTimer timer;
    timer.start();
    const MemberDrillDown drillDown(engine->context(), [&cancelled] { return cancelled.load(); });
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
    m_next.reset();
    if (!m_worker)
        return;
    m_current->cancelled = true;
    // The thread deletes itself when it ends (see startNext); once ended here, it goes at once.
    if (m_worker->wait(ShutdownWait))
        delete m_worker;
}

void MemberListLoader::load(const DrillDownQuery& query)
{
    m_ranking.reset();
    m_loaded = 0;
    ask(query, nullptr, 0);
}

void MemberListLoader::loadMore()
{
    if (m_loading || !hasMore())
        return;
    ask(m_ranking->query, m_ranking, m_loaded);
}

void MemberListLoader::ask(const DrillDownQuery& query, std::shared_ptr<const DrillDownRanking> ranking, qint64 offset)
{
    auto request = std::make_shared<Read>();
    request->query = query;
    request->ranking = std::move(ranking);
    request->offset = offset;
    request->request = ++m_request;
    m_loading = true;
    m_next = std::move(request); // an older request still waiting is dropped
    if (m_worker)
        m_current->cancelled = true; // the newest request starts when this read has stopped
    else
        startNext();
}

void MemberListLoader::startNext()
{
    m_current = std::exchange(m_next, nullptr);
    ++m_readsStarted;
    // The thread holds nothing of the loader: it may outlive it (see the destructor).
    m_worker = QThread::create([path = m_path, &clock = m_clock, current = m_current] {
        current->page = read(path, clock, current->query, current->ranking, current->offset, current->cancelled);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &QThread::finished, this, [this, current = m_current] { finish(current); });
    m_worker->start(QThread::LowPriority);
}

void MemberListLoader::finish(const std::shared_ptr<Read>& done)
{
    m_worker = nullptr;
    m_current.reset();
    if (m_next)
        startNext();
    if (done->request != m_request || !done->page)
        return; // a newer list was asked for meanwhile
    m_loading = false;
    const Result<MemberListPage>& page = *done->page;
    if (!page) {
        emit failed(page.error().message);
        return;
    }
    m_ranking = page->ranking;
    m_loaded = page->offset + page->rows.size();
    emit pageLoaded(*page);
}

} // namespace lt::ui
