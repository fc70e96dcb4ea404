#pragma once

#include "core/services/MemberDrillDown.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

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
// ranks the whole list (one read of the period's member-days), each further page reads only its own members. Only
// the answer to the newest request is given.
class MemberListLoader : public QObject
{
    Q_OBJECT

public:
    MemberListLoader(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~MemberListLoader() override;

    // Ranks the list and reads its first page.
    void load(const DrillDownQuery& query);
    // The page after the rows read so far; nothing when every member is read or a page is on its way.
    void loadMore();
    bool isLoading() const { return m_loading; }
    qint64 total() const { return m_ranking ? m_ranking->total() : 0; }
    qint64 loaded() const { return m_loaded; }
    bool hasMore() const { return m_ranking && m_loaded < m_ranking->total(); }

signals:
    void pageLoaded(const lt::ui::MemberListPage& page);
    void failed(const QString& message);

private:
    void start(const DrillDownQuery& query, std::shared_ptr<const DrillDownRanking> ranking, qint64 offset);

    const QString m_path;
    const Clock& m_clock;
    QList<QThread*> m_running;
    std::shared_ptr<const DrillDownRanking> m_ranking;
    qint64 m_loaded = 0;
    int m_request = 0;
    bool m_loading = false;
};

} // namespace lt::ui
