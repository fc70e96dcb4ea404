#include "ui/insight/MemberInsightLoader.h"

#include "core/common/Clock.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/OfferService.h"
#include "core/store/Database.h"
#include "ui/UiLogging.h"

namespace lt::ui {

// The worker's side: its own connection, engine and SegmentService, opened on first use and kept, so that the
// service's day scale survives from one member to the next. Used only on the loader's thread.
class MemberInsightReader : public QObject
{
public:
    MemberInsightReader(QString databasePath, const Clock& clock)
        : m_path(std::move(databasePath))
        , m_clock(clock)
    {
    }

    Result<MemberInsight> read(qint64 memberId, QDate day)
    {
        auto insight = readOnce(memberId, day);
        if (!insight)
            reset(); // opened again on the next request: the store may have been busy or replaced
        return insight;
    }

    void reset()
    {
        m_segments.reset();
        m_engine.reset();
        m_db.reset();
    }

private:
    Result<MemberInsight> readOnce(qint64 memberId, QDate day)
    {
        if (!m_segments) {
            Database::Options options;
            options.create = false;
            options.migrate = false;
            options.quickCheck = false;
            LT_TRY_ASSIGN(m_db, Database::open(m_path, options));
            LT_TRY_ASSIGN(m_engine, LoyaltyEngine::create(*m_db, m_clock));
            m_segments = std::make_unique<SegmentService>(m_engine->context());
        }
        MemberInsight insight;
        insight.memberId = memberId;
        insight.day = day;
        LT_TRY_ASSIGN(insight.segment, m_segments->memberOutlook(memberId, day));
        LT_TRY_ASSIGN(insight.offer, OfferService(m_engine->context()).offerFor(memberId, day));
        if (insight.offer)
            insight.offerDescription = OfferService::describe(*insight.offer, m_engine->program());
        return insight;
    }

    const QString m_path;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LoyaltyEngine> m_engine;
    std::unique_ptr<SegmentService> m_segments;
};

MemberInsightLoader::MemberInsightLoader(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_reader(new MemberInsightReader(std::move(databasePath), clock))
    , m_newest(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<lt::ui::MemberInsight>();
    m_thread.setObjectName(QStringLiteral("member insight"));
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

MemberInsightLoader::~MemberInsightLoader()
{
    m_thread.quit();
    m_thread.wait();
}

std::optional<MemberInsight> MemberInsightLoader::request(qint64 memberId)
{
    const QDate day = m_clock.nowUtc().toLocalTime().date();
    const int request = ++m_request;
    m_newest->store(request);
    m_loading = true;
    QMetaObject::invokeMethod(
        m_reader,
        [this, reader = m_reader, newest = m_newest, request, memberId, day] {
            if (newest->load() != request)
                return; // the cashier has moved on: only the newest request is read
            Result<MemberInsight> insight = reader->read(memberId, day);
            if (insight) {
                QMetaObject::invokeMethod(
                    this, [this, request, answer = *insight] { answered(request, answer); }, Qt::QueuedConnection);
                return;
            }
            qCWarning(lcTill) << "member insight not read:" << errorKindName(insight.error().kind);
            QMetaObject::invokeMethod(
                this,
                [this, request, memberId, message = insight.error().message] {
                    if (request != m_request)
                        return;
                    m_loading = false;
                    emit failed(memberId, message);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    for (const MemberInsight& known : std::as_const(m_cache)) {
        if (known.memberId == memberId && known.day == day)
            return known;
    }
    return std::nullopt;
}

void MemberInsightLoader::answered(int request, const MemberInsight& insight)
{
    // Read before the member changed (an offer used since may be in it): neither kept nor shown.
    const bool stale = request <= m_droppedAt.value(insight.memberId, 0);
    if (!stale)
        remember(insight); // an answer overtaken by another member is still right for its own
    if (request != m_request)
        return;
    m_loading = false;
    if (!stale)
        emit loaded(insight);
}

void MemberInsightLoader::remember(const MemberInsight& insight)
{
    m_cache.removeIf(
        [&](const MemberInsight& known) { return known.memberId == insight.memberId || known.day != insight.day; });
    m_cache.prepend(insight);
    if (m_cache.size() > CacheSize)
        m_cache.removeLast();
}

void MemberInsightLoader::drop(qint64 memberId)
{
    m_cache.removeIf([memberId](const MemberInsight& known) { return known.memberId == memberId; });
    m_droppedAt.insert(memberId, m_request);
}

void MemberInsightLoader::forget()
{
    m_cache.clear();
    QMetaObject::invokeMethod(
        m_reader, [reader = m_reader] { reader->reset(); }, Qt::QueuedConnection);
}

} // namespace lt::ui
