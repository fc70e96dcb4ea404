#include "core/store/AuditLog.h"

#include "core/common/Clock.h"
#include "core/store/AuditChain.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"
#include "core/store/Transaction.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace lt {

Result<void> AuditLog::record(const QString& actor, const QString& action, const QString& subject,
                              const QJsonObject& details)
{
    // Bound as UTF-8 through SQLite's own API, so that the stored bytes are the ones hashed.
    const auto text = [](const QString& value) {
        QByteArray utf8 = value.toUtf8();
        return utf8.isNull() ? QByteArray("") : utf8;
    };
    const auto write = [&]() -> Result<void> {
        AuditChain chain(m_db);
        LT_TRY_ASSIGN(const AuditChain::Link link, chain.next());
        AuditRow row {link.id,       text(toStorageTime(m_clock.nowUtc())),
                      text(actor),   text(action),
                      text(subject), QJsonDocument(details).toJson(QJsonDocument::Compact),
                      link.previous, {}};
        row.hash = AuditChain::hashOf(row);
        LT_TRY_ASSIGN(SqliteStatement * insert,
                      m_db.statement("INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        LT_TRY(insert->bind(1, row.id)
                   .bind(2, row.at)
                   .bind(3, row.actor)
                   .bind(4, row.action)
                   .bind(5, row.subject)
                   .bind(6, row.details)
                   .bind(7, row.previous)
                   .bind(8, row.hash)
                   .run(QStringLiteral("record in the audit log")));
        if (link.headKept)
            LT_TRY(chain.advance(row));
        return {};
    };
    // The chain's head is read and moved under the write lock: in the caller's transaction (BEGIN IMMEDIATE), or in
    // one of its own for a caller that has none.
    LT_TRY_ASSIGN(const SqliteConnection connection, SqliteConnection::from(m_db));
    if (sqlite3_get_autocommit(connection.handle()) == 0)
        return write();
    return inTransaction(m_db, write);
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
