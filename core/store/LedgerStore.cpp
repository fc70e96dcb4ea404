#include "core/store/LedgerStore.h"

#include "core/common/Clock.h"
#include "core/domain/PointsRules.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QStringList>

namespace lt {

namespace {
QVariant orNull(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant orNull(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant();
}
} // namespace

Result<qint64> LedgerStore::append(const NewEntry& entry, const QString& actor, const QDateTime& at)
{
    QSqlQuery& insert =
        m_db.prepared(QStringLiteral("INSERT INTO ledger (member_id, kind, points, sale_id, reference, reward_tier_id, "
                                     "discount_minor, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted =
        m_db.exec(insert,
                  {entry.memberId, toStorage(entry.kind), entry.points, orNull(entry.saleId), orNull(entry.reference),
                   orNull(entry.rewardTierId), orNull(entry.discountMinor), entry.note, actor, toStorageTime(at)});
    const qint64 ledgerId = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return ledgerId;
}

Result<QList<LedgerEntry>> LedgerStore::history(qint64 memberId, int limit) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT l.id, l.member_id, l.kind, l.points, COALESCE(s.reference, l.reference), l.reward_tier_id, "
        "l.discount_minor, l.note, l.actor, l.created_at, "
        "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.ledger_id = l.id AND o.state <> 'sent') "
        "FROM ledger l LEFT JOIN sales s ON s.id = l.sale_id WHERE l.member_id = ? ORDER BY l.id DESC LIMIT ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId, limit}));
    QList<LedgerEntry> entries;
    while (query.next()) {
        LedgerEntry e;
        LT_TRY_ASSIGN(e.kind, fromStorage<LedgerKind>(query.value(2).toString()));
        e.id = query.value(0).toLongLong();
        e.memberId = query.value(1).toLongLong();
        e.points = query.value(3).toLongLong();
        e.saleReference = query.value(4).toString();
        e.rewardTierId = query.value(5).toString();
        e.discountMinor = query.value(6).toLongLong();
        e.note = query.value(7).toString();
        e.actor = query.value(8).toString();
        e.createdAt = fromStorageTime(query.value(9).toString());
        e.synced = query.value(10).toBool();
        entries << e;
    }
    return entries;
}

Result<qint64> LedgerStore::pointsFor(qint64 memberId, const QString& reference, LedgerKind kind) const
{
    LT_TRY_ASSIGN(const QVariant sum,
                  m_db.scalar(QStringLiteral("SELECT COALESCE(sum(points), 0) FROM ledger WHERE member_id = ? AND "
                                             "reference = ? AND kind = ?"),
                              {memberId, reference, toStorage(kind)}));
    return sum.toLongLong();
}

QString LedgerStore::lifetimeDeltaSql()
{
    QStringList all;
    QStringList gains;
    for (LedgerKind kind : AllLedgerKinds) {
        const QString quoted = QStringLiteral("'%1'").arg(toStorage(kind));
        if (PointsRules::lifetimeEffect(kind) == PointsRules::LifetimeEffect::All)
            all << quoted;
        else if (PointsRules::lifetimeEffect(kind) == PointsRules::LifetimeEffect::GainsOnly)
            gains << quoted;
    }
    return QStringLiteral("CASE WHEN kind IN (%1) THEN points WHEN kind IN (%2) AND points > 0 THEN points ELSE 0 END")
        .arg(all.join(QStringLiteral(", ")), gains.join(QStringLiteral(", ")));
}

} // namespace lt
