#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QStringList>

namespace lt {

class Database;

// What the sync tables (outbox, sync_conflicts) keep of one member's personal data: the phone an enrollment carries
// to Square, and the facts and messages of the conflicts sync recorded. Erasure clears them here, inside the
// caller's transaction, so that nothing personal stays behind the member's row. (The rows themselves belong to
// SyncOutbox and SyncConflicts; this class touches only the personal part of them.)
class MemberSyncTraces
{
public:
    explicit MemberSyncTraces(Database& db)
        : m_db(db)
    {
    }

    // The member's outbox rows Square has not accepted yet, oldest first.
    Result<QList<qint64>> pendingOutbox(qint64 memberId) const;
    // Removes "phone" from the member's outbox payloads and conflicts' facts, and every text of `phones` (the number
    // as stored, and as written without its "+") from their messages.
    Result<void> forgetPhone(qint64 memberId, const QStringList& phones);

private:
    Database& m_db;
};

} // namespace lt
