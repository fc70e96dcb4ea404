#include "core/store/AuditLog.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QJsonDocument>

namespace lt {

Result<void> AuditLog::record(const QString& actor, const QString& action, const QString& subject,
                              const QJsonObject& details)
{
    return m_db.exec(
        QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)"),
        {toStorageTime(m_clock.nowUtc()), actor, action, subject,
         QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

Result<QList<AuditEntry>> AuditLog::recent(int limit) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id DESC LIMIT ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {limit}));
    QList<AuditEntry> entries;
    while (query.next()) {
        entries << AuditEntry {
            query.value(0).toLongLong(), query.value(1).toString(),
            query.value(2).toString(),   query.value(3).toString(),
            query.value(4).toString(),   QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object()};
    }
    return entries;
}

} // namespace lt
