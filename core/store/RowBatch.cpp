#include "core/store/RowBatch.h"

namespace lt {

RowBatch::RowBatch(SqliteConnection& sql, const QByteArray& head, int columns)
    : m_columns(columns)
{
    QByteArray one = "(?";
    for (int i = 1; i < columns; ++i)
        one += ", ?";
    one += ')';
    QByteArray many = head + one;
    for (int i = 1; i < RowsPerStatement; ++i)
        many += ", " + one;
    m_one = std::make_unique<SqliteStatement>(sql, QByteArray(head + one).constData());
    m_many = std::make_unique<SqliteStatement>(sql, many.constData());
    m_values.reserve(std::size_t(RowsPerStatement) * std::size_t(columns));
}

RowBatch::~RowBatch() = default;

bool RowBatch::isValid() const
{
    return m_one->isValid() && m_many->isValid();
}

Result<void> RowBatch::add(std::initializer_list<Value> row, const QString& what)
{
    m_values.insert(m_values.end(), row.begin(), row.end());
    if (m_values.size() < std::size_t(RowsPerStatement) * std::size_t(m_columns))
        return {};
    LT_TRY(run(*m_many, 0, RowsPerStatement, what));
    m_values.clear();
    return {};
}

Result<void> RowBatch::finish(const QString& what)
{
    const int rows = int(m_values.size()) / m_columns;
    for (int row = 0; row < rows; ++row)
        LT_TRY(run(*m_one, std::size_t(row) * std::size_t(m_columns), 1, what));
    m_values.clear();
    return {};
}

Result<void> RowBatch::run(SqliteStatement& statement, std::size_t from, int rows, const QString& what)
{
    for (int i = 0; i < rows * m_columns; ++i) {
        const Value& value = m_values[from + std::size_t(i)];
        if (const auto* number = std::get_if<qint64>(&value))
            statement.bind(i + 1, *number);
        else if (const auto* text = std::get_if<QByteArray>(&value))
            statement.bindUncopied(i + 1, *text); // m_values holds it until the statement has run
        else
            statement.bindNull(i + 1);
    }
    return statement.run(what);
}

} // namespace lt
