#include "core/store/OfferStore.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/Transaction.h"

#include <QSqlQuery>

#include <algorithm>

namespace lt {

namespace {
const QString SelectOffer = QStringLiteral(
    "SELECT o.id, o.offer_key, o.name, o.segment, o.kind, o.points, o.multiplier_milli, COALESCE(o.reward_id, ''), "
    "o.valid_from, o.valid_to, o.holdout_percent, o.created_by, o.created_at, o.ended_at, COALESCE(o.ended_by, '') "
    "FROM offers o ");

Result<TargetedOffer> offerFrom(const QSqlQuery& row)
{
    TargetedOffer offer;
    offer.id = row.value(0).toLongLong();
    offer.key = row.value(1).toString();
    offer.name = row.value(2).toString();
    offer.segment = row.value(3).toString();
    LT_TRY_ASSIGN(offer.kind, fromStorage<TargetedOffer::Kind>(row.value(4).toString()));
    offer.points = row.value(5).toLongLong();
    offer.multiplierMilli = row.value(6).toInt();
    offer.rewardId = row.value(7).toString();
    offer.from = QDate::fromString(row.value(8).toString(), Qt::ISODate);
    offer.to = QDate::fromString(row.value(9).toString(), Qt::ISODate);
    offer.holdoutPercent = row.value(10).toInt();
    offer.createdBy = row.value(11).toString();
    offer.createdAt = fromStorageTime(row.value(12).toString());
    offer.endedAt = row.value(13).isNull() ? QDateTime() : fromStorageTime(row.value(13).toString());
    offer.endedBy = row.value(14).toString();
    return offer;
}
} // namespace

Result<QList<TargetedOffer>> OfferStore::read(const QString& where, std::initializer_list<QVariant> values) const
{
    QSqlQuery& query = m_db.prepared(SelectOffer + where);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, values));
    QList<TargetedOffer> offers;
    while (query.next()) {
        LT_TRY_ASSIGN(TargetedOffer offer, offerFrom(query));
        offers.append(std::move(offer));
    }
    return offers;
}

Result<qint64> OfferStore::add(const TargetedOffer& offer, const QList<Member>& members)
{
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO offers (offer_key, name, segment, kind, points, multiplier_milli, reward_id, valid_from, "
        "valid_to, holdout_percent, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    qint64 id = 0;
    {
        StatementScope scope(insert);
        LT_TRY(m_db.exec(insert,
                         {offer.key, offer.name, offer.segment, toStorage(offer.kind), offer.points,
                          offer.multiplierMilli, offer.rewardId.isEmpty() ? QVariant() : QVariant(offer.rewardId),
                          offer.from.toString(Qt::ISODate), offer.to.toString(Qt::ISODate), offer.holdoutPercent,
                          offer.createdBy, toStorageTime(offer.createdAt)}));
        id = insert.lastInsertId().toLongLong();
    }
    // Many rows a statement: a segment of a million members is written while the till waits for the write lock.
    constexpr qsizetype Chunk = 256;
    const auto statement = [](qsizetype rows) {
        QString sql = QStringLiteral("INSERT INTO offer_members (offer_id, member_id, held_out) VALUES ");
        for (qsizetype i = 0; i < rows; ++i)
            sql += i == 0 ? QStringLiteral("(?, ?, ?)") : QStringLiteral(", (?, ?, ?)");
        return sql;
    };
    for (qsizetype first = 0; first < members.size(); first += Chunk) {
        const qsizetype rows = std::min(Chunk, members.size() - first);
        QSqlQuery& insertMembers = m_db.prepared(statement(rows));
        StatementScope scope(insertMembers);
        QVariantList values;
        values.reserve(rows * 3);
        for (qsizetype i = first; i < first + rows; ++i)
            values << id << members.at(i).memberId << (members.at(i).heldOut ? 1 : 0);
        LT_TRY(m_db.exec(insertMembers, values));
    }
    return id;
}

Result<bool> OfferStore::end(qint64 offerId, const QDateTime& at, const QString& manager)
{
    QSqlQuery& update =
        m_db.prepared(QStringLiteral("UPDATE offers SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL"));
    StatementScope scope(update);
    LT_TRY(m_db.exec(update, {toStorageTime(at), manager, offerId}));
    return update.numRowsAffected() > 0;
}

Result<std::optional<TargetedOffer>> OfferStore::byId(qint64 offerId) const
{
    LT_TRY_ASSIGN(const QList<TargetedOffer> found, read(QStringLiteral("WHERE o.id = ?"), {offerId}));
    if (found.isEmpty())
        return std::optional<TargetedOffer>();
    return std::optional<TargetedOffer>(found.constFirst());
}

Result<QList<TargetedOffer>> OfferStore::all() const
{
    return read(QStringLiteral("ORDER BY o.id DESC"), {});
}

Result<OfferStore::Standing> OfferStore::standing(qint64 offerId, qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT held_out, applied_at IS NOT NULL, points, COALESCE(ledger_id, 0), COALESCE(sale_id, 0) "
                       "FROM offer_members WHERE offer_id = ? AND member_id = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {offerId, memberId}));
    Standing standing;
    if (query.next()) {
        standing.member = true;
        standing.heldOut = query.value(0).toInt() != 0;
        standing.used = query.value(1).toInt() != 0;
        standing.points = query.value(2).toLongLong();
        standing.ledgerId = query.value(3).toLongLong();
        standing.saleId = query.value(4).toLongLong();
    }
    return standing;
}

Result<std::optional<TargetedOffer>> OfferStore::openFor(qint64 memberId, QDate day,
                                                         std::optional<TargetedOffer::Kind> kind,
                                                         const QDateTime& endedAfter) const
{
    const QString dayText = day.toString(Qt::ISODate);
    const QString kindText = kind ? toStorage(*kind) : QString();
    // Stored times are ISO 8601 UTC with milliseconds: they compare as text.
    const QString endedAfterText = endedAfter.isValid() ? toStorageTime(endedAfter) : QString();
    LT_TRY_ASSIGN(const QList<TargetedOffer> found,
                  read(QStringLiteral("JOIN offer_members m ON m.offer_id = o.id WHERE m.member_id = ? "
                                      "AND m.held_out = 0 AND m.applied_at IS NULL "
                                      "AND (o.ended_at IS NULL OR (? <> '' AND o.ended_at > ?)) "
                                      "AND o.valid_from <= ? AND o.valid_to >= ? AND (? = '' OR o.kind = ?) "
                                      "ORDER BY o.id DESC LIMIT 1"),
                       {memberId, endedAfterText, endedAfterText, dayText, dayText, kindText, kindText}));
    if (found.isEmpty())
        return std::optional<TargetedOffer>();
    return std::optional<TargetedOffer>(found.constFirst());
}

Result<bool> OfferStore::recordUse(qint64 offerId, qint64 memberId, const Use& use)
{
    QSqlQuery& update = m_db.prepared(
        QStringLiteral("UPDATE offer_members SET applied_at = ?, apply_key = ?, points = ?, ledger_id = ?, "
                       "sale_id = ? WHERE offer_id = ? AND member_id = ? AND held_out = 0 AND applied_at IS NULL"));
    StatementScope scope(update);
    LT_TRY(m_db.exec(update,
                     {toStorageTime(use.at), use.key, use.points, sqlvalue::nullUnlessPositive(use.ledgerId),
                      sqlvalue::nullUnlessPositive(use.saleId), offerId, memberId}));
    return update.numRowsAffected() > 0;
}

Result<std::optional<OfferStore::SaleUse>> OfferStore::multiplierUsedBy(qint64 memberId, qint64 saleId) const
{
    // Through the few multiplier offers and the primary key (offer_id, member_id): sale_id has no index.
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT o.name, o.multiplier_milli, m.points FROM offers o JOIN offer_members m "
                       "ON m.offer_id = o.id AND m.member_id = ? WHERE o.kind = 'multiplier' AND m.sale_id = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId, saleId}));
    if (!query.next())
        return std::optional<SaleUse>();
    return std::optional<SaleUse>(
        SaleUse {query.value(0).toString(), query.value(1).toInt(), query.value(2).toLongLong()});
}

Result<int> OfferStore::releaseUseOf(qint64 saleId)
{
    QSqlQuery& update = m_db.prepared(
        QStringLiteral("UPDATE offer_members SET applied_at = NULL, apply_key = NULL, points = 0, ledger_id = NULL, "
                       "sale_id = NULL WHERE sale_id = ?"));
    StatementScope scope(update);
    LT_TRY(m_db.exec(update, {saleId}));
    return update.numRowsAffected();
}

Result<QList<OfferStore::Outcome>> OfferStore::outcomes(qint64 offerId, QDate from, QDate to) const
{
    // A sale refunded in part keeps the use; the offer's points lose their share of what the refunds took back of the
    // sale's points, rounded down as the refund's reversal is (PointsRules::refundReversal).
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT m.member_id, m.held_out, m.applied_at IS NOT NULL, "
                       "m.points - CASE WHEN s.points > 0 THEN m.points * s.points_reversed / s.points ELSE 0 END, "
                       "COALESCE(sum(d.sales), 0), COALESCE(sum(d.net_minor), 0) "
                       "FROM offer_members m LEFT JOIN sales s ON s.id = m.sale_id "
                       "LEFT JOIN report_member_days d ON d.member_id = m.member_id AND d.day BETWEEN ? AND ? "
                       "WHERE m.offer_id = ? GROUP BY m.member_id ORDER BY m.member_id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {from.toString(Qt::ISODate), to.toString(Qt::ISODate), offerId}));
    QList<Outcome> outcomes;
    while (query.next()) {
        Outcome outcome;
        outcome.memberId = query.value(0).toLongLong();
        outcome.heldOut = query.value(1).toInt() != 0;
        outcome.used = query.value(2).toInt() != 0;
        outcome.offerPoints = query.value(3).toLongLong();
        outcome.sales = query.value(4).toLongLong();
        outcome.netMinor = query.value(5).toLongLong();
        outcomes.append(outcome);
    }
    return outcomes;
}

} // namespace lt
