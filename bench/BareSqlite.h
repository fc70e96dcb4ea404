#pragma once

#include <QByteArray>
#include <QString>

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
