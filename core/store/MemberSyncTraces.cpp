#include "core/store/MemberSyncTraces.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

namespace lt {

Result<QList<qint64>> MemberSyncTraces::pendingOutbox(qint64 memberId) const
{
    QSqlQuery& query =
        m_db.prepared(QStringLiteral("SELECT id FROM outbox WHERE member_id = ? AND state = 'pending' ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

Result<void> MemberSyncTraces::forgetPhone(qint64 memberId, const QStringList& phones)
{
    LT_TRY(m_db.exec(QStringLiteral("UPDATE outbox SET payload = json_remove(payload, '$.phone') "
                                    "WHERE member_id = ? AND json_type(payload, '$.phone') IS NOT NULL"),
                     {memberId}));
    LT_TRY(m_db.exec(QStringLiteral("UPDATE sync_conflicts SET local_facts = json_remove(local_facts, '$.phone'), "
                                    "square_facts = json_remove(square_facts, '$.phone') WHERE member_id = ?"),
                     {memberId}));
    const QString erased = QStringLiteral("[erased]");
    for (const QString& phone : phones) {
        if (phone.size() < 4)
            continue;
        LT_TRY(m_db.exec(QStringLiteral("UPDATE outbox SET last_error = replace(last_error, ?, ?) "
                                        "WHERE member_id = ? AND instr(last_error, ?) > 0"),
                         {phone, erased, memberId, phone}));
        LT_TRY(m_db.exec(QStringLiteral("UPDATE sync_conflicts SET message = replace(message, ?, ?), "
                                        "resolution_note = replace(resolution_note, ?, ?) WHERE member_id = ? "
                                        "AND (instr(message, ?) > 0 OR instr(resolution_note, ?) > 0)"),
                         {phone, erased, phone, erased, memberId, phone, phone}));
    }
    return {};
}

} // namespace lt
