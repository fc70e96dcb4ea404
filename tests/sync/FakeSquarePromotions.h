#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace lt::test {

// The fake Square's loyalty promotions, as Square describes LoyaltyPromotion: created ACTIVE (SCHEDULED when its
// first period is still to come), at most MaxLive ACTIVE or SCHEDULED at once, never updated, only canceled (or
// ended); listed newest first in pages of at most 30, optionally by status, with cursors bound to that status.
// Requests reach it already checked against Square's OpenAPI description by FakeSquareServer, which also keeps
// CreateLoyaltyPromotion's idempotency; this class adds Square's rules the description cannot state.
class FakeSquarePromotions
{
public:
    static constexpr int MaxLive = 10;

    struct Answer
    {
        int status = 200;
        QJsonObject body;
    };

    // ListLoyaltyPromotions' query: status, cursor, limit (1-30, default 30).
    Answer list(const QHash<QString, QString>& query);
    // CreateLoyaltyPromotion's body; `createdAt` (RFC 3339) and `sequence` (creation order) come from the server.
    Answer create(const QString& programId, const QJsonObject& request, const QString& createdAt, qint64 sequence);
    Answer retrieve(const QString& promotionId) const;
    Answer cancel(const QString& promotionId, const QString& at);
    // Its last period is over: ENDED, as Square marks it.
    bool end(const QString& promotionId, const QString& at);

    int count() const { return int(m_promotions.size()); }
    QJsonObject promotion(const QString& promotionId) const; // empty when there is none

private:
    struct Stored
    {
        QJsonObject json;
        qint64 sequence = 0;
    };
    struct Cursor
    {
        QString status;
        qint64 beforeSequence = 0;
    };

    qsizetype indexOf(const QString& promotionId) const;
    int liveCount() const;

    QList<Stored> m_promotions; // in creation order
    QHash<QString, Cursor> m_cursors;
};

} // namespace lt::test
