#include "bench/BareSqlite.h"

#include <QList>

#include <chrono>
#include <sqlite3.h>
#include <thread>

namespace lt::bench {

BareSqlite::BareSqlite(const QString& path, bool checkpointsElsewhere)
{
    if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_db, 5000);
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    if (checkpointsElsewhere)
        exec("PRAGMA wal_autocheckpoint = 10000");
    m_byPhone = prepare("SELECT id, balance FROM members WHERE phone = ?");
    m_byCard = prepare("SELECT m.id, m.balance FROM cards c JOIN members m ON m.id = c.member_id WHERE c.number = ?");
    m_sale = prepare("INSERT INTO sales (reference, member_id, amount_minor, currency, points, created_at) "
                     "VALUES (?, ?, ?, 'USD', ?, '2026-11-23T00:00:00.000Z')");
    m_ledger = prepare("INSERT INTO ledger (member_id, kind, points, sale_id, created_at) "
                       "VALUES (?, 'accrue', ?, ?, '2026-11-23T00:00:00.000Z')");
    m_balance = prepare("UPDATE members SET balance = balance + ?, lifetime_points = lifetime_points + ? WHERE id = ?");
}

BareSqlite::~BareSqlite()
{
    for (sqlite3_stmt* s : {m_byPhone, m_byCard, m_sale, m_ledger, m_balance})
        sqlite3_finalize(s);
    sqlite3_close(m_db);
}

sqlite3_stmt* BareSqlite::prepare(const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
    return statement;
}

void BareSqlite::exec(const char* sql)
{
    sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
}

qint64 BareSqlite::memberByPhone(const QByteArray& e164)
{
    sqlite3_bind_text(m_byPhone, 1, e164.constData(), int(e164.size()), SQLITE_STATIC);
    const qint64 id = sqlite3_step(m_byPhone) == SQLITE_ROW ? sqlite3_column_int64(m_byPhone, 0) : 0;
    sqlite3_reset(m_byPhone);
    return id;
}

qint64 BareSqlite::memberByCard(const QByteArray& card)
{
    sqlite3_bind_text(m_byCard, 1, card.constData(), int(card.size()), SQLITE_STATIC);
    const qint64 id = sqlite3_step(m_byCard) == SQLITE_ROW ? sqlite3_column_int64(m_byCard, 0) : 0;
    sqlite3_reset(m_byCard);
    return id;
}

bool BareSqlite::accrue(qint64 memberId, const QByteArray& reference, qint64 amountMinor, qint64 points)
{
    exec("BEGIN IMMEDIATE");
    sqlite3_bind_text(m_sale, 1, reference.constData(), int(reference.size()), SQLITE_STATIC);
    sqlite3_bind_int64(m_sale, 2, memberId);
    sqlite3_bind_int64(m_sale, 3, amountMinor);
    sqlite3_bind_int64(m_sale, 4, points);
    bool ok = sqlite3_step(m_sale) == SQLITE_DONE;
    sqlite3_reset(m_sale);
    const qint64 saleId = sqlite3_last_insert_rowid(m_db);
    sqlite3_bind_int64(m_ledger, 1, memberId);
    sqlite3_bind_int64(m_ledger, 2, points);
    sqlite3_bind_int64(m_ledger, 3, saleId);
    ok = ok && sqlite3_step(m_ledger) == SQLITE_DONE;
    sqlite3_reset(m_ledger);
    sqlite3_bind_int64(m_balance, 1, points);
    sqlite3_bind_int64(m_balance, 2, points);
    sqlite3_bind_int64(m_balance, 3, memberId);
    ok = ok && sqlite3_step(m_balance) == SQLITE_DONE;
    sqlite3_reset(m_balance);
    exec(ok ? "COMMIT" : "ROLLBACK");
    return ok;
}

double BareSqlite::insertRate(const QList<QByteArray>& phones)
{
    sqlite3_stmt* insert =
        prepare("INSERT INTO members (phone, name, email, enrolled_at, origin) "
                "VALUES (?, 'Bench Member', 'bench@example.com', '2026-11-23T00:00:00.000Z', 'import')");
    const auto start = std::chrono::steady_clock::now();
    exec("BEGIN IMMEDIATE");
    for (const QByteArray& phone : phones) {
        sqlite3_bind_text(insert, 1, phone.constData(), int(phone.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    exec("ROLLBACK");
    sqlite3_finalize(insert);
    return double(phones.size()) / seconds;
}

std::optional<QList<QVariantList>> BareSqlite::select(const QByteArray& sql, const QVariantList& values)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
        return std::nullopt;
    for (int i = 0; i < int(values.size()); ++i) {
        const QVariant& value = values.at(i);
        const int id = value.metaType().id();
        if (id == QMetaType::LongLong || id == QMetaType::Int) {
            sqlite3_bind_int64(statement, i + 1, value.toLongLong());
        } else {
            const QByteArray text = value.toByteArray();
            sqlite3_bind_text(statement, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
    }
    QList<QVariantList> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        QVariantList row;
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            switch (sqlite3_column_type(statement, column)) {
            case SQLITE_INTEGER:
                row << QVariant(qint64(sqlite3_column_int64(statement, column)));
                break;
            case SQLITE_FLOAT:
                row << QVariant(sqlite3_column_double(statement, column));
                break;
            case SQLITE_NULL:
                row << QVariant();
                break;
            default:
                row << QVariant(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                                                  sqlite3_column_bytes(statement, column)));
            }
        }
        rows << row;
    }
    sqlite3_finalize(statement);
    if (step != SQLITE_DONE)
        return std::nullopt;
    return rows;
}

bool BareSqlite::execute(const QByteArray& sql)
{
    return sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool BareSqlite::checkpoint()
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto result = select("PRAGMA wal_checkpoint(TRUNCATE)");
        if (result && !result->isEmpty() && result->first().value(0).toLongLong() == 0)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

QString BareSqlite::error() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("the database did not open");
}

} // namespace lt::bench
