#include "ui/widgets/SyncStatusLine.h"

#include "core/services/LoyaltyEngine.h"
#include "core/store/SyncConflicts.h"
#include "core/store/SyncOutbox.h"
#include "sync/SquareConnection.h"
#include "sync/SyncScheduler.h"
#include "ui/widgets/StatusLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace lt::ui {

SyncStatusLine::SyncStatusLine(Database& db, LoyaltyEngine& engine, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_engine(engine)
    , m_clock(clock)
    , m_connection(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_conflicts(new StatusLabel(this))
{
    m_connection->setAccessibleName(tr("Square connection"));
    m_pending->setAccessibleName(tr("Operations waiting to sync"));
    m_conflicts->setAccessibleName(tr("Sync conflicts"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_connection);
    layout->addWidget(m_pending);
    layout->addWidget(m_conflicts);
    refresh();
}

void SyncStatusLine::setScheduler(SyncScheduler* scheduler)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    if (m_scheduler)
        connect(m_scheduler, &SyncScheduler::statusChanged, this, &SyncStatusLine::refresh);
    refresh();
}

void SyncStatusLine::refresh()
{
    auto connection = SquareConnection::load(m_db);
    QString text;
    if (!connection || !*connection) {
        text = tr("Square: not connected (working offline)");
    } else {
        QDateTime last = (*connection)->lastSyncAt;
        if (m_scheduler && m_scheduler->status().lastSyncAt.isValid()
            && (!last.isValid() || m_scheduler->status().lastSyncAt > last))
            last = m_scheduler->status().lastSyncAt;
        text = !last.isValid()
            ? tr("Square: %1, not synced yet").arg((*connection)->locationId)
            : tr("Square: %1, last sync %2")
                  .arg((*connection)->locationId, QLocale().toString(last.toLocalTime(), QLocale::ShortFormat));
        if (m_scheduler) {
            const SyncStatus& status = m_scheduler->status();
            switch (status.state) {
            case SyncStatus::State::Starting:
            case SyncStatus::State::Running:
                text = tr("%1 · syncing…").arg(text);
                break;
            case SyncStatus::State::Offline:
                text = tr("%1 · offline — will retry").arg(text);
                break;
            case SyncStatus::State::Unauthorized:
                text = tr("Square refused the token — a manager must reconnect");
                break;
            case SyncStatus::State::Failed:
                text = tr("%1 · sync failed: %2").arg(text, status.message);
                break;
            case SyncStatus::State::NotConnected:
            case SyncStatus::State::Idle:
                break;
            }
        }
    }
    m_connection->setText(text);
    auto pending = SyncOutbox(m_db, m_clock).pendingCount();
    m_pending->setText(pending ? tr("%n operation(s) waiting to sync", nullptr, int(*pending))
                               : tr("Sync queue unreadable"));
    auto conflicts = SyncConflicts(m_db, m_clock).openCount();
    m_conflicts->setText(conflicts && *conflicts > 0 ? tr("%n conflict(s)", nullptr, int(*conflicts)) : QString());
    m_conflicts->setVisible(!m_conflicts->text().isEmpty());
}

QString SyncStatusLine::connectionText() const
{
    return m_connection->text();
}

QString SyncStatusLine::pendingText() const
{
    return m_pending->text();
}

QString SyncStatusLine::conflictsText() const
{
    return m_conflicts->text();
}

} // namespace lt::ui
