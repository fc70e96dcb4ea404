#include "core/store/MemberStore.h"

#include "core/common/Clock.h"
#include "core/domain/SearchTerms.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/SqliteConnection.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace lt {

namespace {

const QString SelectMember = QStringLiteral(
    "SELECT m.id, m.phone, m.name, m.email, m.birthday, m.consent, m.consent_at, m.consent_version, m.enrolled_at, "
    "m.balance, m.lifetime_points, m.square_account_id, m.erased_at, "
    "(SELECT number FROM cards WHERE member_id = m.id ORDER BY issued_at DESC, number DESC LIMIT 1), "
    "m.tier, m.last_visit_at, m.referred_by ");
} // namespace

Member MemberStore::memberFrom(sqlite3_stmt* row)
{
    const auto text = [row](int column) {
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(row, column)),
                                 sqlite3_column_bytes(row, column));
    };
    Member m;
    m.id = sqlite3_column_int64(row, 0);
    m.phone = text(1);
    m.name = text(2);
    m.email = text(3);
    m.birthday = QDate::fromString(text(4), Qt::ISODate);
    m.marketingConsent = sqlite3_column_int(row, 5) == 1;
    m.consentAt = fromStorageTime(text(6));
    m.consentVersion = text(7);
    m.enrolledAt = fromStorageTime(text(8));
    m.balance = sqlite3_column_int64(row, 9);
    m.lifetimePoints = sqlite3_column_int64(row, 10);
    m.squareAccountId = text(11);
    m.erased = sqlite3_column_type(row, 12) != SQLITE_NULL;
    if (m.erased) // NULL for every member in the program: nothing to parse on the lookup before a sale
        m.erasedAt = fromStorageTime(text(12));
    m.card = text(13);
    m.tier = text(14);
    m.lastVisitAt = fromStorageTime(text(15));
    m.referredBy = sqlite3_column_int64(row, 16);
    return m;
}

Result<QList<Member>> MemberStore::fetch(const QByteArray& sql, const QVariantList& values) const
{
    // SQLite's own API: a member is read before every sale, and Qt SQL's per-column record costs more than the read.
    LT_TRY_ASSIGN(SqliteStatement * query, m_db.statement(sql.constData()));
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bind(int(i) + 1, values.at(i));
    QList<Member> members;
    LT_TRY(query->forEachRow(QStringLiteral("members"), [&](sqlite3_stmt* row) -> Result<void> {
        members << memberFrom(row);
        return {};
    }));
    return members;
}

Result<std::optional<Member>> MemberStore::one(const QByteArray& sql, const QVariantList& values) const
{
    LT_TRY_ASSIGN(const QList<Member> found, fetch(sql, values));
    if (found.isEmpty())
        return std::optional<Member>();
    return std::optional<Member>(found.first());
}

Result<std::optional<Member>> MemberStore::byId(qint64 id) const
{
    static const QByteArray sql = (SelectMember + QStringLiteral("FROM members m WHERE m.id = ?")).toUtf8();
    return one(sql, {id});
}

Result<std::optional<Member>> MemberStore::byPhone(const QString& e164) const
{
    static const QByteArray sql = (SelectMember + QStringLiteral("FROM members m WHERE m.phone = ?")).toUtf8();
    return one(sql, {e164});
}

Result<std::optional<Member>> MemberStore::byCard(const QString& number) const
{
    static const QByteArray sql =
        (SelectMember + QStringLiteral("FROM cards c JOIN members m ON m.id = c.member_id WHERE c.number = ?"))
            .toUtf8();
    return one(sql, {number});
}

Result<QList<Member>> MemberStore::search(const QStringList& words, int limit) const
{
    QStringList parts;
    for (qsizetype i = 0; i < std::min<qsizetype>(words.size(), 5); ++i)
        parts << QStringLiteral("SELECT member_id FROM member_search WHERE term >= ? AND term < ?");
    const QString sql = SelectMember + QStringLiteral("FROM members m WHERE m.id IN (")
        + parts.join(QStringLiteral(" INTERSECT ")) + QStringLiteral(") ORDER BY m.name, m.id LIMIT ?");
    QVariantList values;
    for (const QString& word : words.mid(0, parts.size()))
        values << word << SearchTerms::prefixUpperBound(word);
    values << limit;
    return fetch(sql.toUtf8(), values); // one statement per number of words, kept
}

Result<QList<Member>> MemberStore::list(int limit, qint64 afterId) const
{
    static const QByteArray sql =
        (SelectMember + QStringLiteral("FROM members m WHERE m.id > ? ORDER BY m.id LIMIT ?")).toUtf8();
    return fetch(sql, {afterId, limit});
}

Result<qint64> MemberStore::count() const
{
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(QStringLiteral("SELECT count(*) FROM members")));
    return count.toLongLong();
}

Result<MemberStore::Standing> MemberStore::standing(qint64 id) const
{
    LT_TRY_ASSIGN(const QVariant erased,
                  m_db.scalar(QStringLiteral("SELECT erased_at IS NOT NULL FROM members WHERE id = ?"), {id}));
    if (!erased.isValid())
        return Standing::Missing;
    return erased.toBool() ? Standing::Erased : Standing::Active;
}

Result<qint64> MemberStore::balance(qint64 id) const
{
    LT_TRY_ASSIGN(const QVariant balance,
                  m_db.scalar(QStringLiteral("SELECT balance FROM members WHERE id = ?"), {id}));
    return balance.toLongLong();
}

Result<qint64> MemberStore::idByPhone(const QString& e164) const
{
    LT_TRY_ASSIGN(const QVariant id, m_db.scalar(QStringLiteral("SELECT id FROM members WHERE phone = ?"), {e164}));
    return sqlvalue::idOrZero(id);
}

Result<qint64> MemberStore::idByCard(const QString& number) const
{
    LT_TRY_ASSIGN(const QVariant id,
                  m_db.scalar(QStringLiteral("SELECT member_id FROM cards WHERE number = ?"), {number}));
    return sqlvalue::idOrZero(id);
}

Result<QString> MemberStore::highestCard(const QString& prefix) const
{
    LT_TRY_ASSIGN(const QVariant highest,
                  m_db.scalar(QStringLiteral("SELECT max(number) FROM cards WHERE number >= ? AND number < ?"),
                              {prefix, SearchTerms::prefixUpperBound(prefix)}));
    return highest.isNull() ? QString() : highest.toString();
}

Result<qint64> MemberStore::insert(const NewMember& member)
{
    const QString at = toStorageTime(member.enrolledAt);
    QSqlQuery& insert = m_db.prepared(
        QStringLiteral("INSERT INTO members (phone, name, email, birthday, consent, consent_at, consent_version, "
                       "enrolled_at, origin, square_account_id, birthday_set_at, referred_by) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted =
        m_db.exec(insert,
                  {member.phone, member.name, member.email, sqlvalue::nullIfEmpty(member.birthday),
                   member.marketingConsent ? 1 : 0, member.marketingConsent ? QVariant(at) : QVariant(),
                   member.marketingConsent ? QVariant(member.consentVersion) : QVariant(), at, member.origin,
                   sqlvalue::nullIfEmpty(member.squareAccountId), member.birthday.isEmpty() ? QVariant() : QVariant(at),
                   member.referredBy > 0 ? QVariant(member.referredBy) : QVariant()});
    const qint64 memberId = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);

    QSqlQuery& term = m_db.prepared(QStringLiteral("INSERT INTO member_search (term, member_id) VALUES (?, ?)"));
    for (const QString& word : SearchTerms::forMember(member.name, member.email)) {
        auto added = m_db.exec(term, {word, memberId});
        term.finish();
        LT_TRY(added);
    }
    return memberId;
}

Result<void> MemberStore::addCard(qint64 memberId, const QString& number, const QDateTime& issuedAt)
{
    return m_db.exec(QStringLiteral("INSERT INTO cards (number, member_id, issued_at) VALUES (?, ?, ?)"),
                     {number, memberId, toStorageTime(issuedAt)});
}

Result<void> MemberStore::setPhone(qint64 memberId, const QString& e164)
{
    return m_db.exec(QStringLiteral("UPDATE members SET phone = ? WHERE id = ?"), {e164, memberId});
}

Result<bool> MemberStore::addPoints(qint64 memberId, qint64 points, qint64 lifetimePoints)
{
    QSqlQuery& update = m_db.prepared(
        QStringLiteral("UPDATE members SET balance = balance + ?, lifetime_points = lifetime_points + ? WHERE id = ?"));
    auto updated = m_db.exec(update, {points, lifetimePoints, memberId});
    const int rows = update.numRowsAffected();
    update.finish();
    LT_TRY(updated);
    return rows == 1;
}

Result<void> MemberStore::addPointsToMany(const QList<PointsChange>& changes)
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement update(
        connection, "UPDATE members SET balance = balance + ?, lifetime_points = lifetime_points + ? WHERE id = ?");
    for (const PointsChange& change : changes) {
        LT_TRY(update.bind(1, change.points)
                   .bind(2, change.lifetimePoints)
                   .bind(3, change.memberId)
                   .run(QStringLiteral("member points")));
        if (connection.changes() != 1)
            return Error::notFound(
                QCoreApplication::translate("LedgerWriter", "There is no member %1.").arg(change.memberId));
    }
    return {};
}

Result<QList<qint64>> MemberStore::enrolledBetween(const QDateTime& fromUtc, const QDateTime& beforeUtc) const
{
    // Stored times sort as text; a million members are read through SQLite's own API.
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement query(connection, "SELECT id FROM members WHERE enrolled_at >= ? AND enrolled_at < ? ORDER BY id");
    query.bind(1, fromUtc.isValid() ? toStorageTime(fromUtc).toUtf8() : QByteArray("0"))
        .bind(2, toStorageTime(beforeUtc).toUtf8());
    QList<qint64> ids;
    LT_TRY(query.forEachRow(QStringLiteral("members enrolled"), [&](sqlite3_stmt* row) -> Result<void> {
        ids << sqlite3_column_int64(row, 0);
        return {};
    }));
    return ids;
}

Result<QList<qint64>> MemberStore::inTier(const QString& tier, bool orUnplaced) const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement query(connection,
                          "SELECT id FROM members WHERE erased_at IS NULL AND (tier = ? OR (? AND "
                          "(tier IS NULL OR tier = ''))) ORDER BY id");
    query.bind(1, tier.toUtf8()).bind(2, qint64(orUnplaced ? 1 : 0));
    QList<qint64> ids;
    LT_TRY(query.forEachRow(QStringLiteral("members in a tier"), [&](sqlite3_stmt* row) -> Result<void> {
        ids << sqlite3_column_int64(row, 0);
        return {};
    }));
    return ids;
}

Result<QString> MemberStore::squareAccountId(qint64 memberId) const
{
    LT_TRY_ASSIGN(const QVariant account,
                  m_db.scalar(QStringLiteral("SELECT square_account_id FROM members WHERE id = ?"), {memberId}));
    return account.isNull() ? QString() : account.toString();
}

Result<std::optional<MemberStore::SquareLink>> MemberStore::bySquareAccount(const QString& accountId) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT id, balance FROM members WHERE square_account_id = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {accountId}));
    if (!query.next())
        return std::optional<SquareLink>();
    return std::optional<SquareLink>(SquareLink {query.value(0).toLongLong(), query.value(1).toLongLong()});
}

Result<void> MemberStore::linkSquareAccount(qint64 memberId, const QString& accountId,
                                            const std::optional<QDateTime>& historyReadAt)
{
    return m_db.exec(QStringLiteral("UPDATE members SET square_account_id = ?, square_history_at = ? WHERE id = ?"),
                     {accountId, historyReadAt ? QVariant(toStorageTime(*historyReadAt)) : QVariant(), memberId});
}

Result<bool> MemberStore::linkSquareAccountIfUnlinked(qint64 memberId, const QString& accountId)
{
    QSqlQuery& update =
        m_db.prepared(QStringLiteral("UPDATE members SET square_account_id = ?, "
                                     "square_history_at = NULL WHERE id = ? AND square_account_id IS NULL"));
    auto updated = m_db.exec(update, {accountId, memberId});
    const int rows = update.numRowsAffected();
    update.finish();
    LT_TRY(updated);
    return rows == 1;
}

Result<void> MemberStore::unlinkSquareAccount(qint64 memberId)
{
    return m_db.exec(
        QStringLiteral("UPDATE members SET square_account_id = NULL, square_history_at = NULL WHERE id = ?"),
        {memberId});
}

Result<qint64> MemberStore::nextWithoutSquareHistory() const
{
    // Read through the partial index members_history_unread (schema 11), whose condition these terms repeat; named,
    // so that a plan scanning every member is an error rather than a sync pass that slows with the store.
    LT_TRY_ASSIGN(const QVariant next,
                  m_db.scalar(QStringLiteral("SELECT id FROM members INDEXED BY members_history_unread "
                                             "WHERE square_account_id IS NOT NULL AND square_history_at IS NULL "
                                             "AND origin <> 'generated' ORDER BY id LIMIT 1")));
    return sqlvalue::idOrZero(next);
}

Result<void> MemberStore::markSquareHistoryRead(qint64 memberId, const QDateTime& at)
{
    return m_db.exec(QStringLiteral("UPDATE members SET square_history_at = ? WHERE id = ?"),
                     {toStorageTime(at), memberId});
}

Result<void> MemberStore::recordSquareBalance(qint64 memberId, qint64 balance, const QDateTime& at)
{
    return m_db.exec(QStringLiteral("UPDATE members SET square_balance = ?, square_checked_at = ? WHERE id = ?"),
                     {balance, toStorageTime(at), memberId});
}

Result<QString> MemberStore::phoneWhenSettledWithSquare(qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT m.phone FROM members m WHERE m.id = ? AND m.phone IS NOT NULL AND m.square_account_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM square_events e WHERE e.account_id = m.square_account_id AND e.state = 'held') "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.member_id = m.id AND o.state = 'pending' "
        "AND o.first_attempt_at IS NOT NULL)"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    return query.next() ? query.value(0).toString() : QString();
}

Result<bool> MemberStore::erasePersonalData(qint64 memberId, const QDateTime& at)
{
    // consent and consent_at stay: the fact that the member agreed (or withdrew) and when, which the store may have to
    // show; the version of the text they saw is a detail that goes.
    QSqlQuery& update = m_db.prepared(
        QStringLiteral("UPDATE members SET phone = NULL, name = '', email = '', birthday = NULL, birthday_set_at = "
                       "NULL, consent_version = NULL, erased_at = ? WHERE id = ? AND erased_at IS NULL"));
    auto updated = m_db.exec(update, {toStorageTime(at), memberId});
    const int rows = update.numRowsAffected();
    update.finish();
    LT_TRY(updated);
    if (rows != 1)
        return false;
    LT_TRY(m_db.exec(QStringLiteral("DELETE FROM member_search WHERE member_id = ?"), {memberId}));
    LT_TRY(m_db.exec(QStringLiteral("DELETE FROM cards WHERE member_id = ?"), {memberId}));
    return true;
}

Result<QStringList> MemberStore::cards(qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT number FROM cards WHERE member_id = ? ORDER BY issued_at DESC, number DESC"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    QStringList numbers;
    while (query.next())
        numbers << query.value(0).toString();
    return numbers;
}

Result<bool> MemberStore::setMarketingConsent(qint64 memberId, bool consent, const QString& version,
                                              const QDateTime& at)
{
    QSqlQuery& update = m_db.prepared(
        QStringLiteral("UPDATE members SET consent = ?, consent_at = ?, consent_version = ? "
                       "WHERE id = ? AND erased_at IS NULL AND (consent <> ? OR (? = 0 AND consent_at IS NULL))"));
    // A member never asked who says no is recorded too: their refusal has a time from then on.
    const int value = consent ? 1 : 0;
    auto updated = m_db.exec(
        update,
        {value, toStorageTime(at), consent ? sqlvalue::nullIfEmpty(version) : QVariant(), memberId, value, value});
    const int rows = update.numRowsAffected();
    update.finish();
    LT_TRY(updated);
    return rows == 1;
}

Result<QList<qint64>> MemberStore::withdrawnConsent() const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT id FROM members WHERE consent = 0 AND consent_at IS NOT NULL AND erased_at IS NULL ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

Result<void> MemberStore::recordVisit(qint64 memberId, const QDateTime& at)
{
    return m_db.exec(m_db.prepared(QStringLiteral("UPDATE members SET last_visit_at = ? WHERE id = ? "
                                                  "AND (last_visit_at IS NULL OR last_visit_at < ?)")),
                     {toStorageTime(at), memberId, toStorageTime(at)});
}

Result<QList<MemberStore::Occasions>> MemberStore::occasions(const OccasionFilter& filter, qint64 afterId,
                                                             int limit) const
{
    QStringList which;
    QVariantList values {afterId};
    const auto monthDays = [&](const QString& column, const QList<std::pair<QString, QString>>& ranges) {
        for (const auto& [first, last] : ranges) {
            which << QStringLiteral("substr(%1, 6, 5) BETWEEN ? AND ?").arg(column);
            values << first << last;
        }
    };
    if (!filter.everyone) {
        monthDays(QStringLiteral("birthday"), filter.birthdays);
        monthDays(QStringLiteral("enrolled_at"), filter.enrollments);
        if (filter.seenFrom.isValid()) {
            which << QStringLiteral("COALESCE(last_visit_at, enrolled_at) BETWEEN ? AND ?");
            values << toStorageTime(filter.seenFrom) << toStorageTime(filter.seenTo);
        }
        if (which.isEmpty())
            return QList<Occasions>();
    }
    values << limit;
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT id, phone, birthday, birthday_set_at, enrolled_at, last_visit_at FROM members "
                       "WHERE id > ? AND erased_at IS NULL AND phone IS NOT NULL %1 ORDER BY id LIMIT ?")
            .arg(which.isEmpty() ? QString() : QStringLiteral("AND (%1)").arg(which.join(QStringLiteral(" OR ")))));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, values));
    QList<Occasions> list;
    while (query.next()) {
        Occasions o;
        o.id = query.value(0).toLongLong();
        o.phone = query.value(1).toString();
        o.birthday = QDate::fromString(query.value(2).toString(), Qt::ISODate);
        o.birthdaySetAt = fromStorageTime(query.value(3).toString()).toLocalTime().date();
        o.enrolledAt = fromStorageTime(query.value(4).toString());
        o.lastVisitAt = fromStorageTime(query.value(5).toString());
        list << o;
    }
    return list;
}

} // namespace lt
