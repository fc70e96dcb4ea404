#pragma once

#include "ui/insight/MemberInsight.h"

#include <QHash>
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

class MemberInsightReader;

// Reads members' insights on a thread and connection of its own that live as long as the loader, so that the day's
// segment scale (a scan of every buyer, 0.4 s at a million members) is read once a day and never on the till's
// event loop. Only the newest request is answered; the worker skips the requests it has not started when a newer
// one comes. The last few answers of the day are kept, so a member seen again shows theirs at once.
class MemberInsightLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int CacheSize = 8;

    MemberInsightLoader(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~MemberInsightLoader() override;

    // Asks for the member's insight today: `loaded` brings it unless another member is asked for first. Returns
    // what is known of it already today, to show while the fresh one is read.
    std::optional<MemberInsight> request(qint64 memberId);
    // The member changed (an offer applied or used by a sale): what is kept of them goes, so that the next request
    // shows nothing stale while it is read again, and answers asked for before now are neither kept nor shown.
    void drop(qint64 memberId);
    // The program changed: what is kept goes, and the worker reads the program again.
    void forget();
    bool isLoading() const { return m_loading; }

signals:
    void loaded(const lt::ui::MemberInsight& insight);
    void failed(qint64 memberId, const QString& message);

private:
    void answered(int request, const MemberInsight& insight);
    void remember(const MemberInsight& insight);

    const Clock& m_clock;
    QThread m_thread;
    MemberInsightReader* m_reader; // lives on m_thread, deleted there when it finishes
    std::shared_ptr<std::atomic<int>> m_newest; // the newest request, read by the worker
    int m_request = 0;
    bool m_loading = false;
    QList<MemberInsight> m_cache; // newest first
    QHash<qint64, int> m_droppedAt; // member → the newest request made before the member was last dropped
};

} // namespace lt::ui
