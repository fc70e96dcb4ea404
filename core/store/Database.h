#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <map>
#include <memory>

namespace lt {

class BusyWait;
class SqliteConnection;
class SqliteStatement;

// One open connection to the store's SQLite file, configured for durability: WAL (checked), synchronous=FULL,
// foreign keys, a busy timeout, mode 0600, a quick_check at open and the schema migrated to the current version.
// A connection belongs to the thread that opened it.
class Database
{
public:
    struct Options
    {
        bool create = true; // create the file when it does not exist
        bool migrate = true; // upgrade an older schema
        // PRAGMA quick_check reads the whole file: seconds on a million members. The till opens without it and runs
        // it on a second connection in the background, so that it takes keys at once.
        bool quickCheck = true;
        int busyTimeoutMs = 5000;
        // A WalCheckpointer runs this connection's checkpoints: its commits leave them to it, unless the log
        // reaches 40 MB (the checkpointer has stopped).
        bool checkpointsElsewhere = false;
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& path) { return open(path, Options {}); }
    // Beside a store whose quick_check failed: the till's fast open then runs the check too, and refuses the store
    // until it is restored (StoreRestore removes it).
    static QString damageMarker(const QString& path);
    // Where the store lives when neither --database nor LOYALTYTILL_DATABASE says otherwise.
    static QString defaultPath();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;

    // A prepared statement, cached per connection: preparing is most of a small query's cost.
    QSqlQuery& prepared(const QString& sql);
    // Runs a statement with positional values; the error names the statement's purpose, not its text.
    Result<void> exec(QSqlQuery& query, std::initializer_list<QVariant> values = {});
    Result<void> exec(QSqlQuery& query, const QVariantList& values); // for a statement built with its conditions
    Result<void> exec(const QString& sql, std::initializer_list<QVariant> values = {});
    // First column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString& sql, std::initializer_list<QVariant> values = {});

    // The same through SQLite's own API, for the till's hottest reads (a member, a tier's window): Qt SQL builds a
    // record of every column on each run, which costs more than the query. Reset after each use.
    Result<SqliteStatement*> statement(const char* sql);

    static Error errorFrom(const QSqlQuery& query);
    // A page cache of this many MiB for this connection (SQLite's default is 2): a pass that writes hundreds of
    // thousands of rows into indexes of random keys stays in memory instead of reading the same pages again.
    Result<void> widenCache(int mebibytes);

private:
    Database(QString path, QString connectionName);
    Result<void> configure(const Options& options);

    QString m_path;
    QString m_connectionName;
    QString m_openKey; // the canonical path under which this process counts the store open
    QHash<QString, QSqlQuery*> m_statements;
    std::unique_ptr<QSqlQuery> m_unprepared;
    std::unique_ptr<SqliteConnection> m_raw;
    std::map<QByteArray, std::unique_ptr<SqliteStatement>> m_rawStatements;
    std::unique_ptr<BusyWait> m_busyWait;
};

} // namespace lt
