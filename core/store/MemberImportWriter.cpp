#include "core/store/MemberImportWriter.h"

#include "core/domain/LedgerKind.h"
#include "core/domain/SyncKinds.h"
#include "core/store/Database.h"

#include <algorithm>
#include <sqlite3.h>

namespace lt {

MemberImportWriter::MemberImportWriter(SqliteConnection connection)
    : m_sql(connection)
    , m_enroll(toStorage(OutboxOperation::Enroll).toUtf8())
    , m_adjust(toStorage(OutboxOperation::Adjust).toUtf8())
    , m_opening(toStorage(LedgerKind::Opening).toUtf8())
{
}

MemberImportWriter::~MemberImportWriter() = default;

Result<std::unique_ptr<MemberImportWriter>> MemberImportWriter::open(Database& db, const QByteArray& actor,
                                                                     const QByteArray& openingNote)
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(db));
    std::unique_ptr<MemberImportWriter> writer(new MemberImportWriter(connection));
    writer->m_actor = actor;
    writer->m_openingNote = openingNote;
    LT_TRY(writer->prepare());
    return writer;
}

Result<void> MemberImportWriter::prepare()
{
    // The columns MemberStore::insert, addCard, SyncOutbox::enqueue and LedgerStore::append write for an imported
    // member; tests/bulk compares the two paths row by row.
    m_byPhone = std::make_unique<SqliteStatement>(m_sql, "SELECT id FROM members WHERE phone = ?");
    m_byCard = std::make_unique<SqliteStatement>(m_sql, "SELECT member_id FROM cards WHERE number = ?");
    m_member = std::make_unique<SqliteStatement>(
        m_sql,
        "INSERT INTO members (phone, name, email, birthday, consent, consent_at, consent_version, enrolled_at, "
        "origin, birthday_set_at, balance, lifetime_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?) "
        "ON CONFLICT (phone) DO NOTHING");
    m_term = std::make_unique<SqliteStatement>(m_sql, "INSERT INTO member_search (term, member_id) VALUES (?, ?)");
    QByteArray many = "INSERT INTO member_search (term, member_id) VALUES (?, ?)";
    for (std::size_t i = 1; i < TermsPerStatement; ++i)
        many += ", (?, ?)";
    m_terms64 = std::make_unique<SqliteStatement>(m_sql, many.constData());
    m_card =
        std::make_unique<SqliteStatement>(m_sql, "INSERT INTO cards (number, member_id, issued_at) VALUES (?, ?, ?)");
    m_outbox = std::make_unique<SqliteStatement>(m_sql,
                                                 "INSERT INTO outbox (member_id, ledger_id, operation, payload, "
                                                 "idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    m_ledger = std::make_unique<SqliteStatement>(
        m_sql, "INSERT INTO ledger (member_id, kind, points, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto* statement :
         {&m_byPhone, &m_byCard, &m_member, &m_term, &m_terms64, &m_card, &m_outbox, &m_ledger}) {
        if (!(*statement)->isValid())
            return m_sql.lastError(QStringLiteral("prepare import"));
    }
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
    if (!row.card.isNull())
        LT_TRY(m_card->bind(1, row.card).bind(2, outcome.memberId).bind(3, at).run(QStringLiteral("card")));
    LT_TRY(m_outbox->bind(1, outcome.memberId)
               .bindNull(2)
               .bind(3, m_enroll)
               .bind(4, row.enrollPayload)
               .bind(5, row.enrollKey)
               .bind(6, at)
               .run(QStringLiteral("outbox")));
    if (row.openingBalance > 0) {
        LT_TRY(m_ledger->bind(1, outcome.memberId)
                   .bind(2, m_opening)
                   .bind(3, row.openingBalance)
                   .bind(4, m_openingNote)
                   .bind(5, m_actor)
                   .bind(6, at)
                   .run(QStringLiteral("ledger")));
        const qint64 ledgerId = m_sql.lastInsertId();
        LT_TRY(m_outbox->bind(1, outcome.memberId)
                   .bind(2, ledgerId)
                   .bind(3, m_adjust)
                   .bind(4, row.adjustPayload)
                   .bind(5, row.adjustKey)
                   .bind(6, at)
                   .run(QStringLiteral("outbox")));
    }
    return outcome;
}

Result<void> MemberImportWriter::flush()
{
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
