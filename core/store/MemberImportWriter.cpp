#include "core/store/MemberImportWriter.h"

#include "core/common/Logging.h"
#include "core/domain/LedgerKind.h"
#include "core/domain/SyncKinds.h"
#include "core/store/Database.h"
#include "core/store/RowBatch.h"

#include <algorithm>
#include <sqlite3.h>

namespace lt {

MemberImportWriter::MemberImportWriter(SqliteConnection connection)
    : m_sql(connection)
    , m_enroll(toStorage(OutboxOperation::Enroll).toUtf8())
    , m_adjust(toStorage(OutboxOperation::Adjust).toUtf8())
    , m_opening(toStorage(LedgerKind::Opening).toUtf8())
    , m_origin(QByteArrayLiteral("import"))
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
    m_lastMember = std::make_unique<SqliteStatement>(m_sql, "SELECT coalesce(max(id), 0) FROM members");
    m_members = std::make_unique<RowBatch>(
        m_sql,
        "INSERT OR FAIL INTO members (id, phone, name, email, birthday, consent, consent_at, consent_version, "
        "enrolled_at, origin, birthday_set_at, balance, lifetime_points) VALUES ",
        13);
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
    for (const auto* statement : {&m_byPhone, &m_byCard, &m_lastMember, &m_term, &m_terms64}) {
        if (!(*statement)->isValid())
            return m_sql.lastError(QStringLiteral("prepare import"));
    }
    if (!m_members->isValid() || !m_cards->isValid() || !m_ledgerRows->isValid() || !m_outboxRows->isValid())
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

Result<qint64> MemberImportWriter::nextMemberId()
{
    if (m_nextMemberId == 0) {
        LT_TRY(m_lastMember->forEachRow(QStringLiteral("members"), [this](sqlite3_stmt* row) -> Result<void> {
            m_nextMemberId = sqlite3_column_int64(row, 0) + 1;
            return {};
        }));
    }
    return m_nextMemberId++;
}

Result<MemberImportWriter::Outcome> MemberImportWriter::add(const Row& row, const QByteArray& at, bool write)
{
    Outcome outcome;
    if (!row.card.isNull()) {
        LT_TRY_ASSIGN(outcome.cardOwner, ownerOf(*m_byCard, row.card));
    }
    LT_TRY_ASSIGN(outcome.phoneOwner, ownerOf(*m_byPhone, row.phone));
    if (outcome.cardOwner != 0 || outcome.phoneOwner != 0 || !write)
        return outcome;
    // Inside the caller's write transaction nothing else adds a member: the id is the one SQLite would give.
    LT_TRY_ASSIGN(outcome.memberId, nextMemberId());
    for (const QByteArray& term : row.searchTerms)
        m_terms.emplace_back(term, outcome.memberId);
    m_keptBack.push_back(KeptBack {outcome.memberId, at, row});
    // A bounded amount kept back, also inside a transaction of a whole file.
    if (m_keptBack.size() >= KeptBackRows)
        LT_TRY(flush());
    return outcome;
}

Result<void> MemberImportWriter::flush()
{
    // Table by table in the members' order, as EnrollmentService writes them one member at a time: sync pushes a
    // member's enrollment before the adjustment of their opening balance.
    m_nextMemberId = 0;
    for (const KeptBack& kept : m_keptBack) {
        const Row& row = kept.row;
        const bool consent = row.consent;
        LT_TRY(m_members->add({kept.memberId, row.phone, row.name, row.email, row.birthday, qint64(consent ? 1 : 0),
                               consent ? RowBatch::Value(kept.at) : RowBatch::Value(nullptr),
                               consent ? RowBatch::Value(row.consentVersion) : RowBatch::Value(nullptr), kept.at,
                               m_origin, row.birthday.isNull() ? RowBatch::Value(nullptr) : RowBatch::Value(kept.at),
                               row.openingBalance, row.openingLifetime},
                              QStringLiteral("member")));
    }
    LT_TRY(m_members->finish(QStringLiteral("member")));
    for (const KeptBack& kept : m_keptBack) {
        if (!kept.row.card.isNull())
            LT_TRY(m_cards->add({kept.row.card, kept.memberId, kept.at}, QStringLiteral("card")));
    }
    LT_TRY(m_cards->finish(QStringLiteral("card")));
    for (const KeptBack& kept : m_keptBack) {
        if (kept.row.openingBalance > 0)
            LT_TRY(
                m_ledgerRows->add({kept.memberId, m_opening, kept.row.openingBalance, m_openingNote, m_actor, kept.at},
                                  QStringLiteral("ledger")));
    }
    LT_TRY(m_ledgerRows->finish(QStringLiteral("ledger")));
    // The entries just written hold consecutive ids: each insert takes the largest id plus one.
    qint64 nextLedgerId = m_sql.lastInsertId();
    for (const KeptBack& kept : m_keptBack)
        nextLedgerId -= kept.row.openingBalance > 0 ? 1 : 0;
    for (const KeptBack& kept : m_keptBack) {
        const Row& row = kept.row;
        LT_TRY(m_outboxRows->add({kept.memberId, nullptr, m_enroll, row.enrollPayload, row.enrollKey, kept.at},
                                 QStringLiteral("outbox")));
        if (row.openingBalance > 0)
            LT_TRY(
                m_outboxRows->add({kept.memberId, ++nextLedgerId, m_adjust, row.adjustPayload, row.adjustKey, kept.at},
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
