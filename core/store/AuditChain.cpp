#include "core/store/AuditChain.h"

#include "core/common/Logging.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtEndian>

#include <array>
#include <sqlite3.h>

namespace lt {

namespace {

// Bumped if the encoding ever changes; a store keeps the version its chain was made with.
constexpr char EncodingTag[] = "LoyaltyTill audit chain v1";

void addField(QCryptographicHash& sha, QByteArrayView bytes)
{
    const quint32 length = qToBigEndian(quint32(bytes.size()));
    sha.addData(QByteArrayView(reinterpret_cast<const char*>(&length), sizeof length));
    sha.addData(bytes);
}

QByteArray columnText(sqlite3_stmt* statement, int column)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    if (!text)
        return {};
    return QByteArray(text, sqlite3_column_bytes(statement, column));
}

QByteArray newStoreId()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char*>(words.data()), sizeof words).toHex();
}

} // namespace

AuditRow AuditRow::fromColumns(sqlite3_stmt* statement)
{
    return AuditRow {sqlite3_column_int64(statement, 0), columnText(statement, 1), columnText(statement, 2),
                     columnText(statement, 3),           columnText(statement, 4), columnText(statement, 5),
                     columnText(statement, 6),           columnText(statement, 7)};
}

QByteArray AuditChain::hashOf(const AuditRow& row)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    addField(sha, EncodingTag);
    addField(sha, QByteArray::number(row.id));
    for (const QByteArray* field : {&row.at, &row.actor, &row.action, &row.subject, &row.details, &row.previous})
        addField(sha, *field);
    return sha.result().toHex();
}

Result<void> AuditChain::anchor()
{
    const QByteArray storeId = newStoreId();
    // In batches, so that a long history never sits in memory at once, nor is updated under a running read.
    constexpr qint64 Batch = 10000;
    LT_TRY_ASSIGN(SqliteStatement * rows,
                  m_db.statement("SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log "
                                 "WHERE id > ? ORDER BY id LIMIT ?"));
    LT_TRY_ASSIGN(SqliteStatement * update,
                  m_db.statement("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
    qint64 count = 0;
    qint64 firstId = 0;
    AuditRow last;
    last.hash = storeId;
    for (;;) {
        QList<AuditRow> batch;
        rows->bind(1, last.id).bind(2, Batch);
        LT_TRY(rows->forEachRow(QStringLiteral("read the audit log"), [&](sqlite3_stmt* statement) -> Result<void> {
            batch << AuditRow::fromColumns(statement);
            return {};
        }));
        for (AuditRow& row : batch) {
            row.previous = last.hash;
            row.hash = hashOf(row);
            LT_TRY(update->bind(1, row.previous)
                       .bind(2, row.hash)
                       .bind(3, row.id)
                       .run(QStringLiteral("chain the audit log")));
            firstId = firstId == 0 ? row.id : firstId;
            last = std::move(row);
            ++count;
        }
        if (batch.size() < Batch)
            break;
    }
    LT_TRY_ASSIGN(SqliteStatement * insert,
                  m_db.statement("INSERT INTO audit_chain (id, store_id, created_at, first_id, entries, head_id, "
                                 "head_at, head_action, head_hash) "
                                 "VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, ?)"));
    insert->bind(1, storeId);
    if (count == 0) {
        insert->bindNull(2).bind(3, qint64(0)).bind(4, qint64(0)).bindNull(5).bindNull(6).bindNull(7);
    } else {
        insert->bind(2, firstId)
            .bind(3, count)
            .bind(4, last.id)
            .bind(5, last.at)
            .bind(6, last.action)
            .bind(7, last.hash);
    }
    LT_TRY(insert->run(QStringLiteral("anchor the audit chain")));
    qCDebug(lcStore) << "audit chain anchored over" << count << "entries";
    return {};
}

Result<std::optional<AuditChainHead>> AuditChain::head()
{
    LT_TRY_ASSIGN(SqliteStatement * select,
                  m_db.statement("SELECT store_id, COALESCE(first_id, 0), entries, head_id, head_at, head_action, "
                                 "head_hash FROM audit_chain WHERE id = 1"));
    std::optional<AuditChainHead> found;
    LT_TRY(select->forEachRow(QStringLiteral("read the audit chain"), [&](sqlite3_stmt* statement) -> Result<void> {
        found = AuditChainHead {columnText(statement, 0),
                                sqlite3_column_int64(statement, 1),
                                sqlite3_column_int64(statement, 2),
                                sqlite3_column_int64(statement, 3),
                                QString::fromUtf8(columnText(statement, 4)),
                                QString::fromUtf8(columnText(statement, 5)),
                                columnText(statement, 6)};
        return {};
    }));
    return found;
}

Result<AuditChain::Link> AuditChain::next()
{
    LT_TRY_ASSIGN(const std::optional<AuditChainHead> current, head());
    LT_TRY_ASSIGN(SqliteStatement * last,
                  m_db.statement("SELECT id, hash FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"));
    qint64 lastId = 0;
    QByteArray lastHash;
    LT_TRY(last->forEachRow(QStringLiteral("read the audit log"), [&](sqlite3_stmt* statement) -> Result<void> {
        lastId = sqlite3_column_int64(statement, 0);
        lastHash = columnText(statement, 1);
        return {};
    }));
    if (!current)
        return Link {lastId + 1, lastHash, false};
    const QByteArray previous = current->headHash.isEmpty() ? current->storeId : current->headHash;
    return Link {qMax(lastId, current->headId) + 1, previous, true};
}

Result<void> AuditChain::advance(const AuditRow& row)
{
    LT_TRY_ASSIGN(SqliteStatement * update,
                  m_db.statement("UPDATE audit_chain SET entries = entries + 1, head_id = ?, head_at = ?, "
                                 "head_action = ?, head_hash = ?, first_id = COALESCE(first_id, ?) WHERE id = 1"));
    return update->bind(1, row.id)
        .bind(2, row.at)
        .bind(3, row.action)
        .bind(4, row.hash)
        .bind(5, row.id)
        .run(QStringLiteral("advance the audit chain"));
}

} // namespace lt
