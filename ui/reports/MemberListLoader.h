#pragma once

#include "core/services/MemberDrillDown.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace lt {
class Clock;
}

namespace lt::ui {

// One page of a member list as it came back from the store.
struct MemberListPage
{
    std::shared_ptr<const DrillDownRanking> ranking; // the whole list in its order, for the next pages
    qint64 offset = 0;
    QList<DrillDownRow> rows;
    QString currency; // of the program, for the sales
    qint64 milliseconds = 0; // how long the page took
};

// Reads a member list on a thread and connection of its own, as ReportLoader reads the figures: the first page
// ranks the whole list (one read of the period's member-days), each further page reads only its own members. One
// read runs at a time: a newer request cancels it (MemberDrillDown stops at its next step) and waits as the only one
// queued, so changing the order again and again never stacks up rankings of the whole store. Only the answer to the
// newest request is given.
class MemberListLoader : public QObject
{
    Q_OBJECT

public:
    // `clock` must outlive every read: a read cancelled when the loader goes may end on its own a little later.
    MemberListLoader(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    // Cancels the read under way and waits for it a moment only (ShutdownWait), so that closing the list never holds
    // the till; a read still in a store call then ends by itself, touching nothing of the loader.
    ~MemberListLoader() override;

    static constexpr int ShutdownWait = 200; // ms

    // Ranks the list and reads its first page.
    void load(const DrillDownQuery& query);
    // The page after the rows read so far; nothing when every member is read or a page is on its way.
    void loadMore();
    bool isLoading() const { return m_loading; }
    qint64 total() const { return m_ranking ? m_ranking->total() : 0; }
    qint64 loaded() const { return m_loaded; }
    bool hasMore() const { return m_ranking && m_loaded < m_ranking->total(); }
    // How many reads went to a thread so far: for tests of the queue.
    int readsStarted() const { return m_readsStarted; }

signals:
    void pageLoaded(const lt::ui::MemberListPage& page);
    void failed(const QString& message);

private:
    // One read: what it asks, and what its thread leaves for the loader's thread to take.
    struct Read
    {
        DrillDownQuery query;
        std::shared_ptr<const DrillDownRanking> ranking; // none: rank the list first
        qint64 offset = 0;
        int request = 0;
        std::atomic_bool cancelled = false;
        std::optional<Result<MemberListPage>> page; // set on the read's thread before it finishes
    };

    void ask(const DrillDownQuery& query, std::shared_ptr<const DrillDownRanking> ranking, qint64 offset);
    void startNext();
    void finish(const std::shared_ptr<Read>& read);

    const QString m_path;
    const Clock& m_clock;
    QThread* m_worker = nullptr; // the one read on its thread
    std::shared_ptr<Read> m_current; // its read
    std::shared_ptr<Read> m_next; // the newest request, waiting for the current read to stop
    std::shared_ptr<const DrillDownRanking> m_ranking;
    qint64 m_loaded = 0;
    int m_request = 0;
    int m_readsStarted = 0;
    bool m_loading = false;
};

} // namespace lt::ui
