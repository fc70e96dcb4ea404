#pragma once

#include "core/common/Result.h"
#include "core/store/SqliteConnection.h"

#include <QByteArray>
#include <QString>

#include <initializer_list>
#include <memory>
#include <variant>
#include <vector>

namespace lt {

// Rows of one table written many to a statement: a statement's own cost (its start, its end, its journal) is most
// of a small row's. Values are kept until a statement's worth is there; finish() writes the rest one by one. For the
// bulk writers, inside their caller's transaction; the rows of a statement are written in the order they were added.
class RowBatch
{
public:
    using Value = std::variant<std::nullptr_t, qint64, QByteArray>;
    static constexpr int RowsPerStatement = 128;

    // head: "INSERT ... (columns) VALUES ", to which the rows' placeholders are appended.
    RowBatch(SqliteConnection& sql, const QByteArray& head, int columns);
    ~RowBatch();
    RowBatch(const RowBatch&) = delete;
    RowBatch& operator=(const RowBatch&) = delete;

    bool isValid() const;
    // what: names the rows in an error.
    Result<void> add(std::initializer_list<Value> row, const QString& what);
    Result<void> finish(const QString& what);

private:
    Result<void> run(SqliteStatement& statement, std::size_t from, int rows, const QString& what);

    int m_columns;
    std::vector<Value> m_values;
    std::unique_ptr<SqliteStatement> m_one;
    std::unique_ptr<SqliteStatement> m_many;
};

} // namespace lt
