#pragma once

#include <QWidget>

class QLabel;

namespace lt {
class Clock;
class Database;
class LoyaltyEngine;
class SyncScheduler;
} // namespace lt

namespace lt::ui {

// The till's status bar on sync: the Square location and the last sync, what sync is doing now, the operations
// waiting to be sent and the conflicts waiting for a manager. Reads the store; the scheduler, when there is one,
// says what a pass is doing.
class SyncStatusLine : public QWidget
{
    Q_OBJECT
public:
    SyncStatusLine(Database& db, LoyaltyEngine& engine, const Clock& clock, QWidget* parent = nullptr);

    void setScheduler(SyncScheduler* scheduler);
    void refresh();

    QString connectionText() const;
    QString pendingText() const;
    QString conflictsText() const; // empty when no conflict is open

private:
    Database& m_db;
    LoyaltyEngine& m_engine;
    const Clock& m_clock;
    SyncScheduler* m_scheduler = nullptr;
    QLabel* m_connection;
    QLabel* m_pending;
    QLabel* m_conflicts;
};

} // namespace lt::ui
