#include "sync/square/SquareLoyaltyApi.h"

#include "sync/square/AdjustmentReference.h"
#include "sync/square/SquareTransport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

#include <memory>

namespace lt {

namespace {
QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

// The answer to a call, read by `parse` when Square said yes.
template<typename T, typename Parse>
SquareTransport::Callback reading(SquareLoyaltyApi::Callback<T> done, Parse parse)
{
    return [done = std::move(done), parse = std::move(parse)](const SquareReply& reply) {
        if (!reply.ok) {
            done(reply.error);
            return;
        }
        SquareResult<T> parsed = parse(reply.body);
        if (!parsed.ok()) {
            SquareError error = parsed.error();
            error.httpStatus = reply.httpStatus;
            done(error);
            return;
        }
        done(parsed);
    };
}

SquareTransport::Callback readingEvents(SquareLoyaltyApi::Callback<SquareEvents> done)
{
    return reading<SquareEvents>(std::move(done), [](const QJsonObject& body) {
        return SquareResult<SquareEvents>(LoyaltyJson::createdEvents(body));
    });
}

// A walk through ListLoyaltyPromotions' pages; the request in flight holds it, nothing else does.
struct PromotionWalk
{
    SquareTransport& client;
    QString path;
    SquareLoyaltyApi::Callback<QList<Promotion>> done;
    QList<Promotion> promotions;
    int pages = 0;
};

void readPromotionPage(const std::shared_ptr<PromotionWalk>& walk, const QString& cursor)
{
    // The first page asks for nothing but the defaults (every status, 30 a page: Square's largest page), so that
    // it needs no query string; the next pages carry their cursor in one.
    QString path = walk->path;
    if (!cursor.isEmpty())
        path += QStringLiteral("?cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    walk->client.get(path,
                     reading<SquarePromotionPage>(
                         [walk](const SquareResult<SquarePromotionPage>& page) {
                             if (!page) {
                                 walk->done(page.error());
                                 return;
                             }
                             walk->promotions.append(page->promotions);
                             if (page->cursor.isEmpty()) {
                                 walk->done(walk->promotions);
                                 return;
                             }
                             if (++walk->pages >= SquareLoyaltyApi::MaxPromotionPages) {
                                 walk->done(SquareError::malformed(
                                     QCoreApplication::translate("SquareLoyaltyApi",
                                                                 "Square kept sending pages of promotions; reading "
                                                                 "stopped after %1.")
                                         .arg(SquareLoyaltyApi::MaxPromotionPages)));
                                 return;
                             }
                             readPromotionPage(walk, page->cursor);
                         },
                         &LoyaltyJson::promotionPage));
}

QJsonObject phoneMapping(const QString& phone)
{
    return QJsonObject {{QStringLiteral("phone_number"), phone}};
}
} // namespace

SquareLoyaltyApi::SquareLoyaltyApi(SquareTransport& client)
    : m_client(client)
{
}

void SquareLoyaltyApi::retrieveProgram(Callback<SquareProgram> done)
{
    m_client.get(QStringLiteral("/v2/loyalty/programs/main"),
                 reading<SquareProgram>(std::move(done), &LoyaltyJson::program));
}

void SquareLoyaltyApi::searchAccountsByPhone(const QStringList& phones, Callback<QList<SquareAccount>> done)
{
    Q_ASSERT(!phones.isEmpty() && phones.size() <= MaxPhonesPerSearch);
    QJsonArray mappings;
    for (const QString& phone : phones)
        mappings.append(phoneMapping(phone));
    const QJsonObject body {{QStringLiteral("query"), QJsonObject {{QStringLiteral("mappings"), mappings}}},
                            {QStringLiteral("limit"), phones.size()}};
    m_client.post(QStringLiteral("/v2/loyalty/accounts/search"), body,
                  reading<QList<SquareAccount>>(std::move(done), &LoyaltyJson::accounts));
}

void SquareLoyaltyApi::createAccount(const QString& programId, const QString& phone, const QString& idempotencyKey,
                                     Callback<SquareAccount> done)
{
    const QJsonObject body {
        {QStringLiteral("idempotency_key"), idempotencyKey},
        {QStringLiteral("loyalty_account"),
         QJsonObject {{QStringLiteral("program_id"), programId}, {QStringLiteral("mapping"), phoneMapping(phone)}}}};
    m_client.post(QStringLiteral("/v2/loyalty/accounts"), body,
                  reading<SquareAccount>(std::move(done), &LoyaltyJson::account));
}

void SquareLoyaltyApi::retrieveAccount(const QString& accountId, Callback<SquareAccount> done)
{
    m_client.get(QStringLiteral("/v2/loyalty/accounts/%1").arg(segment(accountId)),
                 reading<SquareAccount>(std::move(done), [accountId](const QJsonObject& body) {
                     auto account = LoyaltyJson::account(body);
                     if (account && account->id != accountId)
                         return SquareResult<SquareAccount>(SquareError::malformed(
                             QStringLiteral("Square answered for another loyalty account than the one asked for.")));
                     return account;
                 }));
}

void SquareLoyaltyApi::accumulatePoints(const QString& accountId, qint64 points, const QString& locationId,
                                        const QString& idempotencyKey, Callback<SquareEvents> done)
{
    const QJsonObject body {{QStringLiteral("idempotency_key"), idempotencyKey},
                            {QStringLiteral("location_id"), locationId},
                            {QStringLiteral("accumulate_points"), QJsonObject {{QStringLiteral("points"), points}}}};
    m_client.post(QStringLiteral("/v2/loyalty/accounts/%1/accumulate").arg(segment(accountId)), body,
                  readingEvents(std::move(done)));
}

void SquareLoyaltyApi::adjustPoints(const QString& accountId, qint64 points, const QString& reason,
                                    bool allowNegativeBalance, const QString& idempotencyKey,
                                    Callback<SquareEvents> done)
{
    QJsonObject body {
        {QStringLiteral("idempotency_key"), idempotencyKey},
        {QStringLiteral("adjust_points"),
         QJsonObject {{QStringLiteral("points"), points},
                      {QStringLiteral("reason"), AdjustmentReference::reasonWith(reason, idempotencyKey)}}}};
    if (allowNegativeBalance)
        body.insert(QStringLiteral("allow_negative_balance"), true);
    m_client.post(QStringLiteral("/v2/loyalty/accounts/%1/adjust").arg(segment(accountId)), body,
                  readingEvents(std::move(done)));
}

void SquareLoyaltyApi::createReward(const QString& accountId, const QString& rewardTierId,
                                    const QString& idempotencyKey, Callback<SquareReward> done)
{
    const QJsonObject body {{QStringLiteral("idempotency_key"), idempotencyKey},
                            {QStringLiteral("reward"),
                             QJsonObject {{QStringLiteral("loyalty_account_id"), accountId},
                                          {QStringLiteral("reward_tier_id"), rewardTierId}}}};
    m_client.post(QStringLiteral("/v2/loyalty/rewards"), body,
                  reading<SquareReward>(std::move(done), &LoyaltyJson::reward));
}

void SquareLoyaltyApi::redeemReward(const QString& rewardId, const QString& locationId, const QString& idempotencyKey,
                                    Callback<SquareEvents> done)
{
    const QJsonObject body {{QStringLiteral("idempotency_key"), idempotencyKey},
                            {QStringLiteral("location_id"), locationId}};
    m_client.post(QStringLiteral("/v2/loyalty/rewards/%1/redeem").arg(segment(rewardId)), body,
                  readingEvents(std::move(done)));
}

void SquareLoyaltyApi::searchEvents(const SquareEventFilter& filter, const QString& cursor,
                                    Callback<SquareEventPage> done)
{
    QJsonObject body {{QStringLiteral("query"), LoyaltyJson::eventQuery(filter)},
                      {QStringLiteral("limit"), EventsPerPage}};
    if (!cursor.isEmpty())
        body.insert(QStringLiteral("cursor"), cursor);
    m_client.post(QStringLiteral("/v2/loyalty/events/search"), body,
                  reading<SquareEventPage>(std::move(done), &LoyaltyJson::eventPage));
}

void SquareLoyaltyApi::listPromotions(const QString& programId, Callback<QList<Promotion>> done)
{
    readPromotionPage(std::make_shared<PromotionWalk>(
                          PromotionWalk {m_client,
                                         QStringLiteral("/v2/loyalty/programs/%1/promotions").arg(segment(programId)),
                                         std::move(done),
                                         {},
                                         0}),
                      QString());
}

} // namespace lt
