#pragma once

#include "core/common/Result.h"
#include "core/domain/LedgerKind.h"
#include "core/store/SqliteConnection.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace lt {

class Database;
class RowBatch;
class SummaryRebuild;

// The bulk path into members, cards, member_search, sales and ledger, for demo data: SQLite's own API on the
// store's connection, in one transaction, with the secondary indexes dropped first and rebuilt once at the end, many
// rows a statement, the search terms sorted so that each lands at the end of its table, and foreign keys off (the
// caller assigns every id; `check` verifies every reference). A million members take seconds instead of minutes.
// The rows are written as given: the caller keeps balances consistent with the ledger (setPoints). Nothing is kept
// unless commit() succeeds. Into an empty store, the reports' summaries are summed from the rows as they are written
// rather than read back at the end.
class BulkMemberWriter
{
public:
    struct Member
    {
        qint64 id = 0;
        QByteArray phone; // E.164
        QByteArray name;
        QByteArray email; // may be empty
        QByteArray birthday; // YYYY-MM-DD, or null
        bool consent = false;
        QByteArray consentVersion; // with a consent
        QByteArray enrolledAt; // ISO 8601 UTC, as toStorageTime writes it; also the consent and card time
        QList<QByteArray> searchTerms;
        QByteArray card; // null: no card
    };

    // Every member written here is a generated one: training data, never sent to Square.
    static Result<std::unique_ptr<BulkMemberWriter>> begin(Database& db);
    ~BulkMemberWriter();
    BulkMemberWriter(const BulkMemberWriter&) = delete;
    BulkMemberWriter& operator=(const BulkMemberWriter&) = delete;

    Result<void> addMember(const Member& member);
    Result<void> addSale(qint64 id, const QByteArray& reference, qint64 memberId, qint64 amountMinor,
                         const QByteArray& currency, qint64 points, const QByteArray& at);
    // saleId 0 and an empty rewardTierId are stored as NULL; the actor is "demo".
    Result<void> addLedgerEntry(qint64 memberId, LedgerKind kind, qint64 points, qint64 saleId,
                                const QByteArray& rewardTierId, std::optional<qint64> discountMinor,
                                const QByteArray& at);
    // The member's cached balance and lifetime points, once their ledger is written.
    // lastVisitAt: the member's last sale (ISO 8601 UTC), empty for none.
    Result<void> setPoints(qint64 memberId, qint64 balance, qint64 lifetimePoints, const QByteArray& lastVisitAt = {});

    // Room for the summaries of this many sales, when the caller knows how many it will write.
    void reserveSales(qint64 sales);
    qsizetype indexCount() const { return m_indexes.size(); }
    // Rebuilds the indexes and commits.
    Result<void> commit();

private:
    BulkMemberWriter(Database& db, SqliteConnection connection);
    Result<void> start();
    Result<void> finishBatches();
    void finalizeStatements();

    Database& m_db;
    SqliteConnection m_sql;
    QList<QByteArray> m_indexes;
    QList<QByteArray> m_triggers; // the reports' triggers, made again at the end
    bool m_open = false;
    bool m_committed = false;
    // Many rows a statement; a member's row is written before their balance is set.
    std::unique_ptr<RowBatch> m_member;
    std::unique_ptr<RowBatch> m_term;
    std::vector<std::pair<QByteArray, qint64>> m_terms; // written at the end in the order of their index
    std::unique_ptr<RowBatch> m_card;
    std::unique_ptr<RowBatch> m_sale;
    std::unique_ptr<RowBatch> m_ledger;
    std::unique_ptr<SqliteStatement> m_points;
    QList<QByteArray> m_kindNames; // by LedgerKind, converted once instead of once per row
    std::unique_ptr<SummaryRebuild> m_summaries; // fed the rows when the store held none; else read at the end
};

} // namespace lt
