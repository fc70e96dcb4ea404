#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace lt {

class Database;
class Clock;

struct AuditEntry
{
    qint64 id = 0;
    QString at;
    QString actor;
    QString action;
    QString subject;
    QJsonObject details;
};

// Owns the audit_log table: who did what and when, append-only (enforced by triggers) and chained (AuditChain): each
// entry carries a hash over itself and the entry before it, so that `check` finds an entry edited, removed, reordered
// or added by hand. Details never carry personal data: members are named by id.
class AuditLog
{
public:
    AuditLog(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    // Runs inside the caller's transaction (or a transaction of its own when the caller has none).
    Result<void> record(const QString& actor, const QString& action, const QString& subject,
                        const QJsonObject& details = {});
    Result<QList<AuditEntry>> recent(int limit) const;

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
