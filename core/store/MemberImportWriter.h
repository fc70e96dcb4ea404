#pragma once

#include "core/common/Result.h"
#include "core/store/SqliteConnection.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <utility>
#include <vector>

namespace lt {

class Database;
class RowBatch;

// The import's path into members, cards, member_search, outbox and ledger: the same rows EnrollmentService writes
// for an imported customer (queued for enrollment at Square, an opening balance as a ledger entry sent as an
// adjustment), through SQLite's own API on the store's connection, inside the caller's transaction. Indexes and
// triggers stay in place: the store is live and `check` holds after every commit. add() only looks up the row's phone
// and card, which decide whether it is new, and gives it the next member id (the largest plus one, as SQLite would);
// the rows are written at flush(), table by table in the same order, many rows a statement, and the search terms
// sorted. One member a statement cost twice as much: a trigger that writes (the enrollment summary) makes SQLite keep
// a statement journal, set up and copied into once per statement.
// While it is open the connection does not enforce foreign keys (when no transaction was open to begin with): every
// row it writes refers to a member or a ledger entry it wrote in the same transaction, and an enforced key makes
// SQLite copy each page a many-row statement touches into a statement journal, to undo that statement alone. The
// caller commits or rolls back before the writer goes, which turns enforcement back on.
class MemberImportWriter
{
public:
    // One validated row, as UTF-8. Null arrays are NULL (birthday) or nothing (card, adjust*).
    struct Row
    {
        QByteArray phone; // E.164
        QByteArray name;
        QByteArray email;
        QByteArray birthday; // YYYY-MM-DD, or null
        QByteArray card; // null: no card
        bool consent = false;
        QByteArray consentVersion;
        qint64 openingBalance = 0;
        qint64 openingLifetime = 0; // what the opening balance adds to lifetime points
        QList<QByteArray> searchTerms;
        QByteArray enrollPayload; // the outbox's enrollment, JSON
        QByteArray enrollKey; // its idempotency key
        QByteArray adjustPayload; // the opening balance's adjustment, JSON; null without one
        QByteArray adjustKey;
    };

    // Who already holds the row's phone or card; memberId is set when the row was written.
    struct Outcome
    {
        qint64 memberId = 0;
        qint64 phoneOwner = 0;
        qint64 cardOwner = 0;
    };

    // actor: written on opening balances; openingNote: their ledger note.
    static Result<std::unique_ptr<MemberImportWriter>> open(Database& db, const QByteArray& actor,
                                                            const QByteArray& openingNote);
    ~MemberImportWriter();
    MemberImportWriter(const MemberImportWriter&) = delete;
    MemberImportWriter& operator=(const MemberImportWriter&) = delete;

    // Keeps the row back to be written at `at` (ISO 8601 UTC) unless its phone or card already belongs to a member.
    // With write false only looks: what an all-or-nothing import does once it knows nothing will be kept.
    Result<Outcome> add(const Row& row, const QByteArray& at, bool write);
    // Writes what was kept back; before each commit (the member ids given are valid only inside the transaction).
    Result<void> flush();

private:
    explicit MemberImportWriter(SqliteConnection connection);
    Result<void> prepare();
    Result<bool> foreignKeysEnforced();
    Result<void> stopEnforcingForeignKeys();
    Result<qint64> ownerOf(SqliteStatement& find, const QByteArray& key);
    Result<qint64> nextMemberId();

    SqliteConnection m_sql;
    bool m_foreignKeysOff = false; // enforcement was turned off here and is turned back on when the writer goes
    QByteArray m_actor;
    QByteArray m_openingNote;
    QByteArray m_enroll; // the stored names of the outbox operations and the ledger kind
    QByteArray m_adjust;
    QByteArray m_opening;
    QByteArray m_origin;
    std::unique_ptr<SqliteStatement> m_byPhone;
    std::unique_ptr<SqliteStatement> m_byCard;
    std::unique_ptr<SqliteStatement> m_lastMember;
    qint64 m_nextMemberId = 0; // 0: to be read; reset at each flush(), after which another connection may write
    static constexpr std::size_t TermsPerStatement = 256;
    std::unique_ptr<SqliteStatement> m_term;
    std::unique_ptr<SqliteStatement> m_terms64; // TermsPerStatement rows at once
    std::vector<std::pair<QByteArray, qint64>> m_terms; // kept back until flush()
    struct KeptBack
    {
        qint64 memberId = 0;
        QByteArray at;
        Row row;
    };
    static constexpr std::size_t KeptBackRows = 8192;
    std::vector<KeptBack> m_keptBack;
    std::unique_ptr<RowBatch> m_members;
    std::unique_ptr<RowBatch> m_cards;
    std::unique_ptr<RowBatch> m_ledgerRows;
    std::unique_ptr<RowBatch> m_outboxRows;
};

} // namespace lt
