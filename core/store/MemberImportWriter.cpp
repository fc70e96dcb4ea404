#include "core/store/MemberImportWriter.h"

#include "core/common/Logging.h"
#include "core/domain/LedgerKind.h"
#include "core/domain/SyncKinds.h"
#include "core/store/Database.h"

#include <algorithm>
#include <sqlite3.h>
#include <variant>

namespace lt {

// Rows of one table written many to a statement: a statement's own cost (its start, its end, its journal) is most
// of a small row's. Values are kept until a statement's worth is there; finish() writes the rest one by one.
class RowBatch
{
public:
    using Value = std::variant<std::nullptr_t, qint64, QByteArray>;
    static constexpr int RowsPerStatement = 32;

    RowBatch(SqliteConnection& sql, const QByteArray& head, int columns)
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
    }
    bool isValid() const { return m_one->isValid() && m_many->isValid(); }

    Result<void> add(std::initializer_list<Value> row, const QString& what)
    {
        m_values.insert(m_values.end(), row.begin(), row.end());
        if (m_values.size() < std::size_t(RowsPerStatement) * std::size_t(m_columns))
            return {};
        LT_TRY(run(*m_many, 0, RowsPerStatement, what));
        m_values.clear();
        return {};
    }
    Result<void> finish(const QString& what)
    {
        const int rows = int(m_values.size()) / m_columns;
        for (int row = 0; row < rows; ++row)
            LT_TRY(run(*m_one, std::size_t(row * m_columns), 1, what));
        m_values.clear();
        return {};
    }

private:
    Result<void> run(SqliteStatement& statement, std::size_t from, int rows, const QString& what)
    {
        for (int i = 0; i < rows * m_columns; ++i) {
            const Value& value = m_values[from + std::size_t(i)];
            if (const auto* number = std::get_if<qint64>(&value))
                statement.bind(i + 1, *number);
            else if (const auto* text = std::get_if<QByteArray>(&value))
                statement.bind(i + 1, *text);
            else
                statement.bindNull(i + 1);
        }
        return statement.run(what);
    }

    int m_columns;
    std::vector<Value> m_values;
    std::unique_ptr<SqliteStatement> m_one;
    std::unique_ptr<SqliteStatement> m_many;
};

MemberImportWriter::MemberImportWriter(SqliteConnection connection)
    : m_sql(connection)
    , m_enroll(toStorage(OutboxOperation::Enroll).toUtf8())
    , m_adjust(toStorage(OutboxOperation::Adjust).toUtf8())
    , m_opening(toStorage(LedgerKind::Opening).toUtf8())
{
}

MemberImportWriter::~MemberImportWriter()
{
    if (!m_foreignKeysOff)
        return;
    // A pragma inside a transaction does nothing: the caller ends its transactions before the writer goes.
    if (sqlite3_get_autocommit(m_sql.handle()) == 0)
        qCCritical(lcStore)
            << "the import's transaction is still open: foreign keys stay unenforced on this connection";
    else if (auto restored = m_sql.exec("PRAGMA foreign_keys = ON"); !restored)
        qCCritical(lcStore) << "foreign keys not enforced again after the import:" << restored.error().message;
}

Result<bool> MemberImportWriter::foreignKeysEnforced()
{
    bool on = false;
    LT_TRY(SqliteStatement(m_sql, "PRAGMA foreign_keys")
               .forEachRow(QStringLiteral("foreign keys"), [&on](sqlite3_stmt* row) -> Result<void> {
                   on = sqlite3_column_int(row, 0) != 0;
                   return {};
               }));
    return on;
}

Result<void> MemberImportWriter::stopEnforcingForeignKeys()
{
    // Only outside a transaction does the pragma take effect; inside the caller's own, keys stay enforced.
    LT_TRY_ASSIGN(const bool wasOn, foreignKeysEnforced());
    if (!wasOn || sqlite3_get_autocommit(m_sql.handle()) == 0)
        return {};
    LT_TRY(m_sql.exec("PRAGMA foreign_keys = OFF"));
    LT_TRY_ASSIGN(const bool stillOn, foreignKeysEnforced());
    m_foreignKeysOff = !stillOn;
    return {};
}

Result<std::unique_ptr<MemberImportWriter>> MemberImportWriter::open(Database& db, const QByteArray& actor,
                                                                     const QByteArray& openingNote)
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(db));
    std::unique_ptr<MemberImportWriter> writer(new MemberImportWriter(connection));
    writer->m_actor = actor;
    writer->m_openingNote = openingNote;
    LT_TRY(writer->stopEnforcingForeignKeys());
    LT_TRY(writer->prepare());
    return writer;
}

Result<void> MemberImportWriter::prepare()
{
    // The columns MemberStore::insert, addCard, SyncOutbox::enqueue and LedgerStore::append write for an imported
    // member; tests/bulk compares the two paths row by row. OR FAIL: a statement that may stop half-way with ABORT
    // (many rows, or a trigger) makes SQLite copy every page it touches into a statement journal first, to undo that
    // statement alone; the import rolls back its whole transaction on any error, so that copy is never needed.
    m_byPhone = std::make_unique<SqliteStatement>(m_sql, "SELECT id FROM members WHERE phone = ?");
    m_byCard = std::make_unique<SqliteStatement>(m_sql, "SELECT member_id FROM cards WHERE number = ?");
    m_member = std::make_unique<SqliteStatement>(
        m_sql,
        "INSERT OR FAIL INTO members (phone, name, email, birthday, consent, consent_at, consent_version, enrolled_at, "
        "origin, birthday_set_at, balance, lifetime_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?) "
        "ON CONFLICT (phone) DO NOTHING");
    m_term =
        std::make_unique<SqliteStatement>(m_sql, "INSERT OR FAIL INTO member_search (term, member_id) VALUES (?, ?)");
    QByteArray many = "INSERT OR FAIL INTO member_search (term, member_id) VALUES (?, ?)";
    for (std::size_t i = 1; i < TermsPerStatement; ++i)
        many += ", (?, ?)";
    m_terms64 = std::make_unique<SqliteStatement>(m_sql, many.constData());
    m_cards = std::make_unique<RowBatch>(m_sql, "INSERT OR FAIL INTO cards (number, member_id, issued_at) VALUES ", 3);
    m_ledgerRows = std::make_unique<RowBatch>(
        m_sql, "INSERT OR FAIL INTO ledger (member_id, kind, points, note, actor, created_at) VALUES ", 6);
    m_outboxRows = std::make_unique<RowBatch>(
        m_sql,
        "INSERT OR FAIL INTO outbox (member_id, ledger_id, operation, payload, idempotency_key, created_at) VALUES ",
        6);
    for (const auto* statement : {&m_byPhone, &m_byCard, &m_member, &m_term, &m_terms64}) {
        if (!(*statement)->isValid())
            return m_sql.lastError(QStringLiteral("prepare import"));
    }
    if (!m_cards->isValid() || !m_ledgerRows->isValid() || !m_outboxRows->isValid())
        return m_sql.lastError(QStringLiteral("prepare import"));
    return {};
}

Result<qint64> MemberImportWriter::ownerOf(SqliteStatement& find, const QByteArray& key)
{
    qint64 owner = 0;
    LT_TRY(find.bind(1, key).forEachRow(QStringLiteral("member lookup"), [&owner](sqlite3_stmt* row) -> Result<void> {
        owner = sqlite3_column_int64(row, 0);
        return {};
    }));
    return owner;
}

Result<MemberImportWriter::Outcome> MemberImportWriter::add(const Row& row, const QByteArray& at, bool write)
{
    Outcome outcome;
    if (!row.card.isNull()) {
        LT_TRY_ASSIGN(outcome.cardOwner, ownerOf(*m_byCard, row.card));
    }
    if (outcome.cardOwner != 0 || !write) {
        LT_TRY_ASSIGN(outcome.phoneOwner, ownerOf(*m_byPhone, row.phone));
        return outcome;
    }

    SqliteStatement& member = *m_member;
    member.bind(1, row.phone).bind(2, row.name).bind(3, row.email).bind(4, row.birthday);
    member.bind(5, row.consent ? 1 : 0);
    if (row.consent)
        member.bind(6, at).bind(7, row.consentVersion);
    else
        member.bindNull(6).bindNull(7);
    member.bind(8, at);
    if (row.birthday.isNull())
        member.bindNull(9);
    else
        member.bind(9, at);
    member.bind(10, row.openingBalance).bind(11, row.openingLifetime);
    LT_TRY(member.run(QStringLiteral("member")));
    if (m_sql.changes() == 0) {
        // The phone belongs to a member already (the insert did the index search a lookup would have done).
        LT_TRY_ASSIGN(outcome.phoneOwner, ownerOf(*m_byPhone, row.phone));
        if (outcome.phoneOwner == 0)
            return m_sql.lastError(QStringLiteral("member"));
        return outcome;
    }
    outcome.memberId = m_sql.lastInsertId();
    for (const QByteArray& term : row.searchTerms)
        m_terms.emplace_back(term, outcome.memberId);
    m_keptBack.push_back(KeptBack {outcome.memberId, at, row.card, row.enrollPayload, row.enrollKey, row.openingBalance,
                                   row.adjustPayload, row.adjustKey});
    // A bounded amount kept back, also inside a transaction of a whole file.
    if (m_keptBack.size() >= KeptBackRows)
        LT_TRY(flush());
    return outcome;
}

Result<void> MemberImportWriter::flush()
{
    // In the members' order, as EnrollmentService writes them one member at a time: sync pushes a member's
    // enrollment before the adjustment of their opening balance.
    for (const KeptBack& kept : m_keptBack) {
        if (!kept.card.isNull())
            LT_TRY(m_cards->add({kept.card, kept.memberId, kept.at}, QStringLiteral("card")));
    }
    LT_TRY(m_cards->finish(QStringLiteral("card")));
    for (const KeptBack& kept : m_keptBack) {
        if (kept.openingBalance > 0)
            LT_TRY(m_ledgerRows->add({kept.memberId, m_opening, kept.openingBalance, m_openingNote, m_actor, kept.at},
                                     QStringLiteral("ledger")));
    }
    LT_TRY(m_ledgerRows->finish(QStringLiteral("ledger")));
    // The entries just written hold consecutive ids: each insert takes the largest id plus one.
    qint64 nextLedgerId = m_sql.lastInsertId();
    for (const KeptBack& kept : m_keptBack)
        nextLedgerId -= kept.openingBalance > 0 ? 1 : 0;
    for (const KeptBack& kept : m_keptBack) {
        LT_TRY(m_outboxRows->add({kept.memberId, nullptr, m_enroll, kept.enrollPayload, kept.enrollKey, kept.at},
                                 QStringLiteral("outbox")));
        if (kept.openingBalance > 0)
            LT_TRY(m_outboxRows->add(
                {kept.memberId, ++nextLedgerId, m_adjust, kept.adjustPayload, kept.adjustKey, kept.at},
                QStringLiteral("outbox")));
    }
    LT_TRY(m_outboxRows->finish(QStringLiteral("outbox")));
    m_keptBack.clear();

    std::sort(m_terms.begin(), m_terms.end());
    std::size_t next = 0;
    // Many rows a statement: a statement's own cost (its start, its end) is most of a two-column row's.
    for (; next + TermsPerStatement <= m_terms.size(); next += TermsPerStatement) {
        for (int i = 0; i < int(TermsPerStatement); ++i) {
            const auto& [term, memberId] = m_terms[next + std::size_t(i)];
            m_terms64->bind(2 * i + 1, term).bind(2 * i + 2, memberId);
        }
        LT_TRY(m_terms64->run(QStringLiteral("search terms")));
    }
    for (; next < m_terms.size(); ++next)
        LT_TRY(m_term->bind(1, m_terms[next].first).bind(2, m_terms[next].second).run(QStringLiteral("search term")));
    m_terms.clear();
    return {};
}

} // namespace lt
