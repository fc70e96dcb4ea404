#include "core/store/SqliteConnection.h"

#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <sqlite3.h>

namespace lt {

Result<SqliteConnection> SqliteConnection::from(Database& db)
{
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Error::internal(QStringLiteral("The database connection is not SQLite."));
    sqlite3* raw = *static_cast<sqlite3* const*>(handle.constData());
    if (!raw)
        return Error::internal(QStringLiteral("The database connection is closed."));
    return SqliteConnection(raw);
}

void SqliteConnection::waitWhenBusy(BusyWait& wait)
{
    sqlite3_busy_handler(m_handle, &BusyWait::onBusy, &wait);
}

int BusyWait::onBusy(void* wait, int tries)
{
    auto* self = static_cast<BusyWait*>(wait);
    if (tries == 0)
        self->m_since.start();
    if (self->m_since.elapsed() >= self->m_timeoutMs)
        return 0; // SQLITE_BUSY: "The database is busy; try again."
    sqlite3_sleep(1);
    return 1;
}

Error SqliteConnection::lastError(const QString& what) const
{
    // As Database::errorFrom: a busy store and a damaged file each get the message that says what to do, and so does
    // a full or failing disk, whose message must not be the statement that met it.
    switch (sqlite3_errcode(m_handle) & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::storage(QCoreApplication::translate("Database", "The database is busy; try again."));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error::corrupt(QCoreApplication::translate("Database", "The database file is damaged: %1")
                                  .arg(QString::fromUtf8(sqlite3_errmsg(m_handle))));
    case SQLITE_FULL:
        return Error::storage(QCoreApplication::translate(
            "Database", "The disk is full, so the change was not recorded. Make room on the disk and try again."));
    case SQLITE_IOERR:
        return Error::storage(QCoreApplication::translate("Database",
                                                          "The disk failed to read or write the database (%1), so the "
                                                          "change was not recorded. Check the disk and try again.")
                                  .arg(QString::fromUtf8(sqlite3_errmsg(m_handle))));
    default:
        break;
    }
    return Error::storage(what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_handle)));
}

qint64 SqliteConnection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

int SqliteConnection::changes() const
{
    return sqlite3_changes(m_handle);
}

Result<void> SqliteConnection::exec(const char* sql)
{
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError(QString::fromUtf8(sql).left(60));
    return {};
}

SqliteStatement::SqliteStatement(SqliteConnection& connection, const char* sql)
    : m_connection(connection)
{
    if (sqlite3_prepare_v2(connection.handle(), sql, -1, &m_statement, nullptr) != SQLITE_OK)
        m_statement = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QByteArray& utf8)
{
    return bindText(index, utf8, true);
}

SqliteStatement& SqliteStatement::bindUncopied(int index, const QByteArray& utf8)
{
    return bindText(index, utf8, false);
}

SqliteStatement& SqliteStatement::bindText(int index, const QByteArray& utf8, bool copy)
{
    if (utf8.isNull())
        sqlite3_bind_null(m_statement, index);
    else
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()),
                          copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QVariant& value)
{
    if (value.isNull())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return bind(index, value.toLongLong());
    default:
        break;
    }
    const QByteArray utf8 = value.toString().toUtf8(); // a null string is '', as Qt SQL binds it
    sqlite3_bind_text(m_statement, index, utf8.isEmpty() ? "" : utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Result<void> SqliteStatement::run(const QString& what)
{
    if (!m_statement)
        return m_connection.lastError(what);
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return m_connection.lastError(what);
    return {};
}

Result<void> SqliteStatement::forEachRow(const QString& what, const std::function<Result<void>(sqlite3_stmt*)>& onRow)
{
    if (!m_statement)
        return m_connection.lastError(what);
    int rc = SQLITE_ROW;
    Result<void> outcome;
    while (outcome.ok() && (rc = sqlite3_step(m_statement)) == SQLITE_ROW)
        outcome = onRow(m_statement);
    sqlite3_reset(m_statement);
    if (!outcome)
        return outcome;
    if (rc != SQLITE_DONE)
        return m_connection.lastError(what);
    return {};
}

} // namespace lt
