#pragma once

#include "core/common/Result.h"

#include <QObject>
#include <QString>

class QThread;

namespace lt {

class Database;

// The store's full check (quick_check, seconds on a million members) on a thread and a connection of its own, while
// the till already takes keys on its fast open. What writes on its own (the checkpointer, the automations) waits for
// passed(); on damaged() the till's connection stops writing (refuseWrites) until a restart offers the
// backup. Its signals arrive on the thread that owns this object.
class BackgroundStoreCheck : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundStoreCheck(QString databasePath, QObject* parent = nullptr);
    ~BackgroundStoreCheck() override; // waits for the check
    BackgroundStoreCheck(const BackgroundStoreCheck&) = delete;
    BackgroundStoreCheck& operator=(const BackgroundStoreCheck&) = delete;

    void start();

    // For the till's connection once damage is found: SQLite refuses every later write on it, and closing it copies
    // nothing from the log into the file.
    static Result<void> refuseWrites(Database& db);

signals:
    void passed();
    void damaged(const QString& message); // the store is damaged: the next start offers the backup
    void unreadable(const QString& message); // the check could not read the store (the disk, a permission)

private:
    const QString m_path;
    QThread* m_thread = nullptr;
};

} // namespace lt
