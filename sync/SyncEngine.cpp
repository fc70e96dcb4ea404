#include "sync/SyncEngine.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "sync/SquareConnection.h"
#include "sync/SyncLogging.h"
#include "sync/pull/EventPuller.h"
#include "sync/pull/ProgramPuller.h"

namespace lt {

namespace {
constexpr qint64 ProgramRefreshMs = 60 * 60 * 1000; // the program changes rarely: read it hourly
}

SyncEngine::SyncEngine(Database& db, const Clock& clock, SquareTransport& client, QString locationId, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_api(client)
    , m_locationId(std::move(locationId))
    , m_pusher(new OutboxPusher(db, clock, m_api, m_locationId, this))
    , m_program(new ProgramPuller(db, clock, m_api, this))
    , m_events(new EventPuller(db, clock, m_api, m_locationId, this))
{
    connect(m_pusher, &OutboxPusher::finished, this, &SyncEngine::afterPush);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::runOnce()
{
    if (m_running)
        return;
    m_running = true;
    m_report = {};
    if (m_programReadAt.isValid() && m_programReadAt.msecsTo(m_clock.nowUtc()) < ProgramRefreshMs) {
        afterProgram();
        return;
    }
    m_program->pull([this](const ProgramPuller::Outcome& outcome) {
        if (!outcome.ok) {
            m_report.stopped = true;
            m_report.unauthorized = outcome.squareError.stopsSync();
            m_report.error = outcome.error;
            finish();
            return;
        }
        m_programReadAt = m_clock.nowUtc();
        m_pusher->setProgramId(outcome.programId);
        m_report.programUpdated = outcome.changed;
        if (outcome.changed)
            emit programChanged();
        afterProgram();
    });
}

void SyncEngine::afterProgram()
{
    m_pusher->pushOnce();
}

void SyncEngine::afterPush(const PushSummary& summary)
{
    m_report.push = summary;
    m_report.conflictsFound += summary.conflicts;
    if (summary.stopped) {
        m_report.stopped = true;
        m_report.unauthorized = summary.unauthorized;
        m_report.error = summary.error;
        finish();
        return;
    }
    m_events->pull([this](const EventPuller::Outcome& outcome) {
        m_report.eventsPulled = outcome.eventsPulled;
        m_report.eventsApplied = outcome.eventsApplied;
        m_report.accountsDiscovered = outcome.accountsDiscovered;
        m_report.conflictsFound += outcome.conflictsFound;
        if (!outcome.ok) {
            m_report.stopped = true;
            m_report.unauthorized = outcome.squareError.stopsSync();
            m_report.error = outcome.error;
        }
        finish();
    });
}

void SyncEngine::finish()
{
    m_running = false;
    // The till shows when the store last reached Square; a pass that stopped early does not count.
    if (!m_report.stopped)
        (void)SquareConnection::recordPass(m_db, m_clock.nowUtc());
    qCInfo(lcSync) << "sync pass: sent" << m_report.push.sent << "pulled" << m_report.eventsPulled << "applied"
                   << m_report.eventsApplied << "conflicts" << m_report.conflictsFound
                   << (m_report.stopped ? "stopped (the area that stopped it logged why)" : "");
    emit finished(m_report);
}

} // namespace lt
