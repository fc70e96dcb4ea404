#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace lt::bench {

// The floor: the same operations with SQLite's C API and nothing else, on the same file, configured the same way
// (WAL, synchronous=FULL).
class BareSqlite
{
public:
    // checkpointsElsewhere: as Database::Options says, for a benchmark that runs the till's WalCheckpointer.
    explicit BareSqlite(const QString& path, bool checkpointsElsewhere = false);
    ~BareSqlite();
    BareSqlite(const BareSqlite&) = delete;
    BareSqlite& operator=(const BareSqlite&) = delete;

    bool ok() const { return m_db != nullptr; }
    qint64 memberByPhone(const QByteArray& e164);
    qint64 memberByCard(const QByteArray& card);
    bool accrue(qint64 memberId, const QByteArray& reference, qint64 amountMinor, qint64 points);
    // Inserts rows like an import's into members, in one transaction that is rolled back; returns rows/s.
    double insertRate(const QList<QByteArray>& phones);
    // A read with plain SQL, prepared afresh: every row, each value an integer, a real, text or null. The values are
    // bound in order, integers as integers and anything else as text. nullopt on an error, which error() gives.
    std::optional<QList<QVariantList>> select(const QByteArray& sql, const QVariantList& values = {});
    // A statement without rows (a pragma, a schema change); false on an error, which error() gives.
    bool execute(const QByteArray& sql);
    QString error() const;
    // Copies the whole write-ahead log into the file and empties it, waiting out a checkpoint under way on another
    // connection: the file alone is then the whole store, and so is a copy of it.
    bool checkpoint();

private:
    sqlite3_stmt* prepare(const char* sql);
    void exec(const char* sql);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_byPhone = nullptr;
    sqlite3_stmt* m_byCard = nullptr;
    sqlite3_stmt* m_sale = nullptr;
    sqlite3_stmt* m_ledger = nullptr;
    sqlite3_stmt* m_balance = nullptr;
};

} // namespace lt::bench
