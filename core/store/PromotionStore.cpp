#include "core/store/PromotionStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

namespace lt {

namespace {
const QString SelectPromotion = QStringLiteral("SELECT id, COALESCE(square_id, ''), status, document, created_at, "
                                               "canceled_at FROM promotions ");
const QString NewestFirst = QStringLiteral(" ORDER BY created_at DESC, id DESC");
const QString Live = QStringLiteral("status IN ('ACTIVE', 'SCHEDULED') AND canceled_at IS NULL");

QString documentOf(const Promotion& promotion)
{
    return QString::fromUtf8(QJsonDocument(promotion.toSquareJson()).toJson(QJsonDocument::Compact));
}

QVariant timeOrNull(const QDateTime& at)
{
    return at.isValid() ? QVariant(toStorageTime(at)) : QVariant();
}

Result<Promotion> promotionFrom(const QSqlQuery& row)
{
    const qint64 id = row.value(0).toLongLong();
    auto read = Promotion::fromSquareJson(QJsonDocument::fromJson(row.value(3).toString().toUtf8()).object());
    if (!read)
        return Error::corrupt(
            QCoreApplication::translate("PromotionStore", "The stored promotion %1 cannot be read: %2")
                .arg(QString::number(id), read.error().message));
    Promotion promotion = std::move(read).value();
    promotion.id = id;
    promotion.squareId = row.value(1).toString();
    LT_TRY_ASSIGN(promotion.status, fromStorage<Promotion::Status>(row.value(2).toString()));
    promotion.createdAt = fromStorageTime(row.value(4).toString());
    promotion.canceledAt = row.value(5).isNull() ? QDateTime() : fromStorageTime(row.value(5).toString());
    return promotion;
}
} // namespace

Result<QList<Promotion>> PromotionStore::read(const QString& where, std::initializer_list<QVariant> values) const
{
    QSqlQuery& query = m_db.prepared(SelectPromotion + where + NewestFirst);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, values));
    QList<Promotion> promotions;
    while (query.next()) {
        LT_TRY_ASSIGN(Promotion promotion, promotionFrom(query));
        promotions.append(std::move(promotion));
    }
    return promotions;
}

Result<QString> PromotionStore::signature() const
{
    LT_TRY_ASSIGN(const QVariant signature,
                  m_db.scalar(QStringLiteral("SELECT count(*) || ':' || COALESCE(max(id), 0) || ':' || "
                                             "COALESCE(sum(length(document)), 0) || ':' || "
                                             "COALESCE(group_concat(id || status || COALESCE(canceled_at, '')), '') "
                                             "FROM promotions")));
    return signature.toString();
}

Result<int> PromotionStore::liveCount() const
{
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(QStringLiteral("SELECT count(*) FROM promotions WHERE ") + Live));
    return count.toInt();
}

Result<qint64> PromotionStore::add(const Promotion& promotion)
{
    // What is stored must read back: the same checks as Square's promotions get.
    LT_TRY_ASSIGN(const Promotion checked, Promotion::fromSquareJson(promotion.toSquareJson()));
    if (!promotion.createdAt.isValid())
        return Error::invalid(
            QCoreApplication::translate("PromotionStore", "A promotion needs the moment it was created."),
            QStringLiteral("created_at"));
    LT_TRY_ASSIGN(const int live, liveCount());
    if (checked.isLive() && live >= Promotion::MaxLive)
        return Error::refused(
            QCoreApplication::translate("PromotionStore",
                                        "A program runs at most %1 active or scheduled promotions: cancel one first.")
                .arg(Promotion::MaxLive));
    QSqlQuery& insert = m_db.prepared(QStringLiteral("INSERT INTO promotions (square_id, name, status, document, "
                                                     "created_at, canceled_at) VALUES (?, ?, ?, ?, ?, ?)"));
    auto inserted =
        m_db.exec(insert,
                  {sqlvalue::nullIfEmpty(promotion.squareId), promotion.name, toStorage(promotion.status),
                   documentOf(promotion), toStorageTime(promotion.createdAt), timeOrNull(promotion.canceledAt)});
    const qint64 id = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return id;
}

Result<Promotion> PromotionStore::cancel(qint64 id, const QDateTime& at)
{
    LT_TRY_ASSIGN(Promotion promotion, byId(id));
    if (!promotion.isLive())
        return Error::conflict(
            QCoreApplication::translate("PromotionStore", "Promotion %1 has already ended or been canceled.").arg(id));
    promotion.status = Promotion::Status::Canceled;
    promotion.canceledAt = at.toUTC();
    LT_TRY(m_db.exec(QStringLiteral("UPDATE promotions SET status = 'CANCELED', canceled_at = ?, document = ? "
                                    "WHERE id = ?"),
                     {toStorageTime(at), documentOf(promotion), id}));
    return promotion;
}

Result<PromotionStore::Replaced> PromotionStore::replaceFromSquare(const QList<Promotion>& promotions)
{
    Replaced replaced;
    QSet<QString> listed;
    for (const Promotion& promotion : promotions) {
        if (promotion.squareId.isEmpty() || !promotion.createdAt.isValid())
            return Error::invalid(QCoreApplication::translate(
                "PromotionStore", "A promotion from Square needs its id and the moment it was created."));
        listed.insert(promotion.squareId);
        const QString document = documentOf(promotion);
        QSqlQuery& known =
            m_db.prepared(QStringLiteral("SELECT id, status, document FROM promotions WHERE square_id = ?"));
        qint64 id = 0;
        bool same = false;
        {
            StatementScope scope(known);
            LT_TRY(m_db.exec(known, {promotion.squareId}));
            if (known.next()) {
                id = known.value(0).toLongLong();
                same =
                    known.value(1).toString() == toStorage(promotion.status) && known.value(2).toString() == document;
            }
        }
        if (same)
            continue;
        if (id == 0) {
            LT_TRY(m_db.exec(QStringLiteral("INSERT INTO promotions (square_id, name, status, document, created_at, "
                                            "canceled_at) VALUES (?, ?, ?, ?, ?, ?)"),
                             {promotion.squareId, promotion.name, toStorage(promotion.status), document,
                              toStorageTime(promotion.createdAt), timeOrNull(promotion.canceledAt)}));
            ++replaced.added;
        } else {
            LT_TRY(m_db.exec(QStringLiteral("UPDATE promotions SET name = ?, status = ?, document = ?, created_at = ?, "
                                            "canceled_at = ? WHERE id = ?"),
                             {promotion.name, toStorage(promotion.status), document, toStorageTime(promotion.createdAt),
                              timeOrNull(promotion.canceledAt), id}));
            ++replaced.changed;
        }
    }
    LT_TRY_ASSIGN(const QList<Promotion> live, active());
    for (const Promotion& promotion : live) {
        if (listed.contains(promotion.squareId))
            continue;
        LT_TRY(m_db.exec(QStringLiteral("UPDATE promotions SET status = 'ENDED' WHERE id = ?"), {promotion.id}));
        ++replaced.ended;
    }
    return replaced;
}

Result<QList<Promotion>> PromotionStore::active() const
{
    return read(QStringLiteral("WHERE ") + Live, {});
}

Result<QList<Promotion>> PromotionStore::all() const
{
    return read(QString(), {});
}

Result<Promotion> PromotionStore::byId(qint64 id) const
{
    LT_TRY_ASSIGN(const QList<Promotion> found, read(QStringLiteral("WHERE id = ?"), {id}));
    if (found.isEmpty())
        return Error::notFound(QCoreApplication::translate("PromotionStore", "There is no promotion %1.").arg(id));
    return found.first();
}

Result<int> PromotionStore::usesSince(qint64 memberId, qint64 promotionId, const QDateTime& since) const
{
    QSqlQuery& count = m_db.prepared(QStringLiteral(
        "SELECT count(*) FROM promotion_uses WHERE member_id = ? AND promotion_id = ? AND used_at >= ?"));
    StatementScope scope(count);
    // Stored times are ISO text, which sorts as time does: the empty text is before every moment.
    LT_TRY(m_db.exec(count, {memberId, promotionId, since.isValid() ? toStorageTime(since) : QString()}));
    return count.next() ? count.value(0).toInt() : 0;
}

Result<void> PromotionStore::recordUse(qint64 saleId, qint64 promotionId, qint64 memberId, qint64 points,
                                       const QDateTime& at)
{
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO promotion_uses (sale_id, promotion_id, member_id, points, used_at) VALUES (?, ?, ?, ?, ?)"));
    StatementScope scope(insert);
    return m_db.exec(insert, {saleId, promotionId, memberId, points, toStorageTime(at)});
}

Result<QList<PromotionAward>> PromotionStore::pointsBySale(qint64 saleId) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT u.promotion_id, p.name, u.points FROM promotion_uses u "
                                                    "JOIN promotions p ON p.id = u.promotion_id WHERE u.sale_id = ? "
                                                    "ORDER BY u.promotion_id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {saleId}));
    QList<PromotionAward> awards;
    while (query.next())
        awards.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong()});
    return awards;
}

} // namespace lt
