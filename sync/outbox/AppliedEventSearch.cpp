#include "sync/outbox/AppliedEventSearch.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"
#include "sync/square/SquareEvent.h"

#include <memory>

namespace lt {

void AppliedEventSearch::run(SquareClient& client, Database& db, const Query& query, Callback done)
{
    QJsonArray types;
    if (query.operation == QLatin1String("accrue"))
        types = {QStringLiteral("ACCUMULATE_POINTS")};
    else if (query.reward)
        types = {QStringLiteral("CREATE_REWARD"), QStringLiteral("REDEEM_REWARD")};
    else
        types = {QStringLiteral("ADJUST_POINTS")};
    const QJsonObject filter {
        {QStringLiteral("loyalty_account_filter"),
         QJsonObject {{QStringLiteral("loyalty_account_id"), query.accountId}}},
        {QStringLiteral("type_filter"), QJsonObject {{QStringLiteral("types"), types}}},
        {QStringLiteral("date_time_filter"),
         QJsonObject {{QStringLiteral("created_at"),
                       QJsonObject {{QStringLiteral("start_at"),
                                     query.since.addSecs(-300).toUTC().toString(Qt::ISODateWithMs)}}}}}};

    struct Walk
    {
        QJsonArray found;
        int pages = 0;
    };
    auto walk = std::make_shared<Walk>();
    auto page = std::make_shared<std::function<void(const QString&)>>();
    // The page step holds itself only weakly; the request in flight holds it strongly.
    *page = [&client, &db, query, done, filter, walk, weak = std::weak_ptr(page)](const QString& cursor) {
        QJsonObject body {{QStringLiteral("query"), QJsonObject {{QStringLiteral("filter"), filter}}},
                          {QStringLiteral("limit"), 30}};
        if (!cursor.isEmpty())
            body.insert(QStringLiteral("cursor"), cursor);
        client.post(QStringLiteral("/v2/loyalty/events/search"), body,
                    [&db, query, done, walk, self = weak.lock()](const SquareReply& reply) {
                        if (!reply.ok) {
                            done(Outcome {reply, {}, {}});
                            return;
                        }
                        for (const QJsonValue& v : reply.body.value(QLatin1String("events")).toArray())
                            walk->found.append(v);
                        const QString next = reply.body.value(QLatin1String("cursor")).toString();
                        if (!next.isEmpty() && ++walk->pages < MaxPages) {
                            (*self)(next);
                            return;
                        }
                        done(decide(db, query, walk->found));
                    });
    };
    (*page)(QString());
}

AppliedEventSearch::Outcome AppliedEventSearch::decide(Database& db, const Query& query, const QJsonArray& events)
{
    Outcome outcome;
    outcome.failure.ok = true;
    QSqlQuery& claimed =
        db.prepared(QStringLiteral("SELECT 1 FROM square_events WHERE event_id = ? AND state <> 'held'"));
    auto unclaimed = [&](const SquareEvent& event) {
        StatementScope scope(claimed);
        return !(db.exec(claimed, {event.id}) && claimed.next());
    };
    QList<std::pair<SquareEvent, QJsonValue>> candidates;
    for (const QJsonValue& v : events) {
        auto event = SquareEvent::fromJson(v.toObject());
        if (event && unclaimed(*event))
            candidates.append({*event, v});
    }
    QString rewardId = query.rewardId;
    if (query.reward && rewardId.isEmpty()) {
        // Newest first: the oldest matching reward created since the first attempt is the one it made.
        for (auto it = candidates.crbegin(); it != candidates.crend(); ++it) {
            if (it->first.type == QLatin1String("CREATE_REWARD") && it->first.points == query.points) {
                rewardId = it->first.rewardId;
                outcome.createdRewardId = rewardId;
                break;
            }
        }
    }
    for (const auto& [event, json] : std::as_const(candidates)) {
        const bool found = query.reward
            ? (event.type == QLatin1String("REDEEM_REWARD") && !rewardId.isEmpty() && event.rewardId == rewardId)
            : query.operation == QLatin1String("accrue")
            ? (event.type == QLatin1String("ACCUMULATE_POINTS") && event.points == query.points
               && event.locationId == query.locationId)
            : (event.type == QLatin1String("ADJUST_POINTS") && event.reason.contains(query.idempotencyKey));
        if (found) {
            outcome.match = {json};
            break;
        }
    }
    return outcome;
}

} // namespace lt
