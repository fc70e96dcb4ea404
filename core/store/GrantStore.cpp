#include "core/store/GrantStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/Transaction.h"

#include <QSqlQuery>

namespace lt {

namespace {
const QString SelectGrant =
    QStringLiteral("SELECT id, grant_key, member_id, kind, period, points, state, COALESCE(ledger_id, 0), "
                   "COALESCE(sale_id, 0), expires_at, created_at FROM grants ");
} // namespace

Result<bool> GrantStore::insert(const Grant& grant, const QString& source)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "INSERT INTO grants (grant_key, member_id, kind, period, points, state, source, ledger_id, sale_id, "
        "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (grant_key) DO NOTHING"));
    StatementScope scope(query);
    LT_TRY(
        m_db.exec(query,
                  {grant.key, grant.memberId, toStorage(grant.kind), grant.period, grant.points, toStorage(grant.state),
                   source, sqlvalue::nullUnlessPositive(grant.ledgerId), sqlvalue::nullUnlessPositive(grant.saleId),
                   grant.expiresAt.isValid() ? QVariant(toStorageTime(grant.expiresAt)) : QVariant(),
                   toStorageTime(grant.createdAt)}));
    return query.numRowsAffected() > 0;
}

Result<QList<Grant>> GrantStore::fetch(const QString& sql, std::initializer_list<QVariant> values) const
{
    QSqlQuery& query = m_db.prepared(SelectGrant + sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, values));
    QList<Grant> grants;
    while (query.next()) {
        Grant g;
        g.id = query.value(0).toLongLong();
        g.key = query.value(1).toString();
        g.memberId = query.value(2).toLongLong();
        LT_TRY_ASSIGN(g.kind, fromStorage<GrantKind>(query.value(3).toString()));
        g.period = query.value(4).toString();
        g.points = query.value(5).toLongLong();
        LT_TRY_ASSIGN(g.state, fromStorage<GrantState>(query.value(6).toString()));
        g.ledgerId = query.value(7).toLongLong();
        g.saleId = query.value(8).toLongLong();
        g.expiresAt = fromStorageTime(query.value(9).toString());
        g.createdAt = fromStorageTime(query.value(10).toString());
        grants << g;
    }
    return grants;
}

Result<std::optional<Grant>> GrantStore::byKey(const QString& key) const
{
    LT_TRY_ASSIGN(const QList<Grant> found, fetch(QStringLiteral("WHERE grant_key = ?"), {key}));
    if (found.isEmpty())
        return std::optional<Grant>();
    return std::optional<Grant>(found.constFirst());
}

Result<GrantStore::Held> GrantStore::held(GrantKind kind, const QStringList& periods) const
{
    Held held;
    for (const QString& period : periods) {
        QSqlQuery& query =
            m_db.prepared(QStringLiteral("SELECT grant_key, member_id FROM grants WHERE kind = ? AND period = ?"));
        StatementScope scope(query);
        LT_TRY(m_db.exec(query, {toStorage(kind), period}));
        while (query.next()) {
            held.keys.insert(query.value(0).toString());
            held.memberPeriods.insert({query.value(1).toLongLong(), period});
        }
    }
    return held;
}

Result<QSet<QString>> GrantStore::keysOfMembers(GrantKind kind, qint64 firstId, qint64 lastId) const
{
    QSqlQuery& query =
        m_db.prepared(QStringLiteral("SELECT grant_key FROM grants WHERE member_id BETWEEN ? AND ? AND kind = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {firstId, lastId, toStorage(kind)}));
    QSet<QString> keys;
    while (query.next())
        keys.insert(query.value(0).toString());
    return keys;
}

Result<std::optional<Grant>> GrantStore::openOffer(qint64 memberId, const QDateTime& at) const
{
    LT_TRY_ASSIGN(const QList<Grant> found,
                  fetch(QStringLiteral("WHERE member_id = ? AND kind = 'winback' AND state = 'offered' "
                                       "AND expires_at >= ? AND created_at > COALESCE((SELECT last_visit_at FROM "
                                       "members WHERE id = ?), '') ORDER BY id DESC LIMIT 1"),
                        {memberId, toStorageTime(at), memberId}));
    if (found.isEmpty())
        return std::optional<Grant>();
    return std::optional<Grant>(found.constFirst());
}

Result<void> GrantStore::markUsed(qint64 grantId, qint64 saleId, qint64 points)
{
    return m_db.exec(QStringLiteral("UPDATE grants SET state = 'used', sale_id = ?, points = ? WHERE id = ?"),
                     {saleId, points, grantId});
}

Result<QList<Grant>> GrantStore::referralsOfSale(qint64 saleId) const
{
    return fetch(QStringLiteral("WHERE sale_id = ? AND kind = 'referral' AND state = 'granted' ORDER BY id"), {saleId});
}

Result<QList<Grant>> GrantStore::ofSale(qint64 saleId) const
{
    return fetch(QStringLiteral("WHERE sale_id = ? ORDER BY id"), {saleId});
}

Result<void> GrantStore::markReversed(qint64 grantId)
{
    return m_db.exec(QStringLiteral("UPDATE grants SET state = 'reversed' WHERE id = ?"), {grantId});
}

Result<int> GrantStore::referrerBonusesSince(qint64 memberId, const QDateTime& since) const
{
    LT_TRY_ASSIGN(const QVariant count,
                  m_db.scalar(QStringLiteral("SELECT count(*) FROM grants WHERE member_id = ? AND kind = 'referral' "
                                             "AND period = 'referrer' AND state = 'granted' AND created_at >= ?"),
                              {memberId, toStorageTime(since)}));
    return count.toInt();
}

Result<bool> GrantStore::hasReferral(qint64 memberId) const
{
    LT_TRY_ASSIGN(const QVariant count,
                  m_db.scalar(QStringLiteral("SELECT count(*) FROM grants WHERE member_id = ? AND kind = 'referral' "
                                             "AND period = 'referee'"),
                              {memberId}));
    return count.toInt() > 0;
}

Result<QList<Grant>> GrantStore::ofMember(qint64 memberId) const
{
    return fetch(QStringLiteral("WHERE member_id = ? ORDER BY id"), {memberId});
}

} // namespace lt
