#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3_stmt;

namespace lt {

class Database;

// One audit entry as SQLite stores it, its text byte for byte (UTF-8): exactly what its hash covers.
struct AuditRow
{
    qint64 id = 0;
    QByteArray at;
    QByteArray actor;
    QByteArray action;
    QByteArray subject;
    QByteArray details;
    QByteArray previous; // hex: the hash of the entry before it, or the store id for the first entry
    QByteArray hash; // hex, as stored; empty when the row has none

    // From a statement selecting id, at, actor, action, subject, details, prev_hash, hash in that order.
    static AuditRow fromColumns(sqlite3_stmt* statement);
};

// The chain's anchor and head, kept in audit_chain beside the log.
struct AuditChainHead
{
    QByteArray storeId; // 64 hex digits from the system's cryptographic random source
    qint64 firstId = 0; // 0 before the first entry
    qint64 entries = 0;
    qint64 headId = 0; // 0 before the first entry
    QString headAt;
    QString headAction;
    QByteArray headHash; // empty before the first entry
};

// Owns audit_chain and the chain's arithmetic. Each entry's hash is SHA-256 over a length-prefixed encoding of its
// id, time, actor, action, subject, details and the hash before it; the first entry's "before" is the store id. The
// head (last entry, count) lives in its own row, so that removing the last entries breaks the chain too. No key is
// involved: the chain shows edits made to the file by hand, not a rewrite of the whole chain by someone who knows
// this code (the README says what else can catch that).
class AuditChain
{
public:
    explicit AuditChain(Database& db)
        : m_db(db)
    {
    }

    static QByteArray hashOf(const AuditRow& row); // lowercase hex

    // Schema 10, in its migration's transaction: a new store id, and the entries written so far chained to it in id
    // order.
    Result<void> anchor();
    // std::nullopt when the chain's row is gone (removed with its trigger dropped).
    Result<std::optional<AuditChainHead>> head();

    // Where the next entry goes: after both the head and the highest id in the log, so that an entry forged or removed
    // by hand never makes the till's next entry fail; it stays a break `check` reports.
    struct Link
    {
        qint64 id = 0;
        QByteArray previous;
        bool headKept = true; // false when audit_chain's row is gone: the entry is chained to the log's last entry
    };
    // Inside the write transaction, so that two tills never chain to the same entry.
    Result<Link> next();
    // Moves the head to the entry just written.
    Result<void> advance(const AuditRow& row);

private:
    Database& m_db;
};

} // namespace lt
