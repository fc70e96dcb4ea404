#include "tests/sync/FakeSquarePromotions.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace lt::test {

namespace {
using Answer = FakeSquarePromotions::Answer;

Answer refusal(int status, const QString& code, const QString& detail, const QString& field = {})
{
    QJsonObject error {{QStringLiteral("category"), QStringLiteral("INVALID_REQUEST_ERROR")},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("detail"), detail}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    return {status, QJsonObject {{QStringLiteral("errors"), QJsonArray {error}}}};
}

Answer badRequest(const QString& detail, const QString& field = {})
{
    return refusal(400, QStringLiteral("BAD_REQUEST"), detail, field);
}

QString text(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

bool isLive(const QJsonObject& promotion)
{
    const QString status = text(promotion, "status");
    return status == QLatin1String("ACTIVE") || status == QLatin1String("SCHEDULED");
}

// Square writes the multiplier with three decimals ("3.000"), and the deprecated whole one beside it when it is
// whole. Returns an empty object when the incentive is not one Square takes.
QJsonObject normalisedIncentive(const QJsonObject& incentive, QString& problem)
{
    const QString type = text(incentive, "type");
    if (type == QLatin1String("POINTS_ADDITION")) {
        if (!incentive.value(QLatin1String("points_addition_data")).isObject()) {
            problem = QStringLiteral("points_addition_data is required for POINTS_ADDITION");
            return {};
        }
        return incentive;
    }
    const QJsonObject data = incentive.value(QLatin1String("points_multiplier_data")).toObject();
    double multiplier = 0;
    if (data.value(QLatin1String("multiplier")).isString()) {
        static const QRegularExpression format(QStringLiteral("^\\d{1,2}(\\.\\d{1,3})?$"));
        const QString written = text(data, "multiplier");
        if (format.match(written).hasMatch())
            multiplier = written.toDouble();
    } else if (data.value(QLatin1String("points_multiplier")).isDouble()) {
        multiplier = data.value(QLatin1String("points_multiplier")).toDouble();
    }
    if (multiplier <= 1 || multiplier > 10) {
        problem = QStringLiteral("multiplier must be more than 1 and at most 10, with at most 3 decimals");
        return {};
    }
    QJsonObject written {{QStringLiteral("multiplier"), QString::number(multiplier, 'f', 3)}};
    if (multiplier == double(int(multiplier)))
        written.insert(QStringLiteral("points_multiplier"), int(multiplier));
    return QJsonObject {{QStringLiteral("type"), type}, {QStringLiteral("points_multiplier_data"), written}};
}

// The periods as Square answers them (always within BEGIN:VEVENT ... END:VEVENT), and the dates it derives.
bool readPeriods(const QJsonArray& periods, QJsonArray& written, QDate& start, QDate& end, QString& problem)
{
    static const QRegularExpression dtstart(QStringLiteral("(^|\\n)DTSTART:(\\d{8})T\\d{6}(\\n|$)"));
    static const QRegularExpression duration(QStringLiteral("(^|\\n)DURATION:P\\w+(\\n|$)"));
    static const QRegularExpression until(QStringLiteral("UNTIL=(\\d{8})"));
    bool everyOneEnds = true;
    for (const QJsonValue& value : periods) {
        QString period = value.toString().trimmed();
        if (!period.startsWith(QLatin1String("BEGIN:VEVENT")))
            period = QStringLiteral("BEGIN:VEVENT\n") + period + QStringLiteral("\nEND:VEVENT");
        const QRegularExpressionMatch starts = dtstart.match(period);
        if (!starts.hasMatch() || !duration.match(period).hasMatch()) {
            problem = QStringLiteral("each time period needs a local DTSTART and a DURATION");
            return false;
        }
        const QDate first = QDate::fromString(starts.captured(2), QStringLiteral("yyyyMMdd"));
        if (!start.isValid() || first < start)
            start = first;
        const QRegularExpressionMatch ends = until.match(period);
        everyOneEnds = everyOneEnds && ends.hasMatch();
        if (ends.hasMatch())
            end = std::max(end, QDate::fromString(ends.captured(1), QStringLiteral("yyyyMMdd")));
        written.append(period);
    }
    if (!everyOneEnds)
        end = QDate();
    if (written.isEmpty()) {
        problem = QStringLiteral("time_periods must not be empty");
        return false;
    }
    return true;
}
} // namespace

qsizetype FakeSquarePromotions::indexOf(const QString& promotionId) const
{
    for (qsizetype i = 0; i < m_promotions.size(); ++i) {
        if (text(m_promotions.at(i).json, "id") == promotionId)
            return i;
    }
    return -1;
}

int FakeSquarePromotions::liveCount() const
{
    return int(std::count_if(m_promotions.begin(), m_promotions.end(),
                             [](const Stored& stored) { return isLive(stored.json); }));
}

QJsonObject FakeSquarePromotions::promotion(const QString& promotionId) const
{
    const qsizetype at = indexOf(promotionId);
    return at < 0 ? QJsonObject() : m_promotions.at(at).json;
}

FakeSquarePromotions::Answer FakeSquarePromotions::list(const QHash<QString, QString>& query)
{
    const QString status = query.value(QStringLiteral("status"));
    bool limitOk = true;
    const int limit =
        query.contains(QStringLiteral("limit")) ? query.value(QStringLiteral("limit")).toInt(&limitOk) : 30;
    if (!limitOk || limit < 1 || limit > 30)
        return refusal(400, QStringLiteral("INVALID_VALUE"), QStringLiteral("limit must be between 1 and 30."),
                       QStringLiteral("limit"));
    qint64 before = std::numeric_limits<qint64>::max();
    if (const QString cursor = query.value(QStringLiteral("cursor")); !cursor.isEmpty()) {
        const auto it = m_cursors.constFind(cursor);
        // A cursor belongs to the request it came from.
        if (it == m_cursors.constEnd() || it->status != status)
            return refusal(400, QStringLiteral("INVALID_CURSOR"), QStringLiteral("The cursor is not valid."),
                           QStringLiteral("cursor"));
        before = it->beforeSequence;
    }
    QJsonArray found;
    bool more = false;
    qint64 last = before;
    for (auto it = m_promotions.crbegin(); it != m_promotions.crend(); ++it) { // newest first
        if (it->sequence >= before || (!status.isEmpty() && text(it->json, "status") != status))
            continue;
        if (found.size() == limit) {
            more = true;
            break;
        }
        found.append(it->json);
        last = it->sequence;
    }
    QJsonObject body; // Square answers an empty object when nothing matches
    if (!found.isEmpty())
        body.insert(QStringLiteral("loyalty_promotions"), found);
    if (more) {
        const QString cursor = QStringLiteral("promo-cur-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_cursors.insert(cursor, Cursor {status, last});
        body.insert(QStringLiteral("cursor"), cursor);
    }
    return {200, body};
}

FakeSquarePromotions::Answer FakeSquarePromotions::create(const QString& programId, const QJsonObject& request,
                                                          const QString& createdAt, qint64 sequence)
{
    const QJsonObject asked = request.value(QLatin1String("loyalty_promotion")).toObject();
    if (liveCount() >= MaxLive)
        return badRequest(QStringLiteral("A loyalty program can have at most %1 promotions with an ACTIVE or "
                                         "SCHEDULED status.")
                              .arg(MaxLive));
    QString problem;
    const QJsonObject incentive = normalisedIncentive(asked.value(QLatin1String("incentive")).toObject(), problem);
    if (incentive.isEmpty())
        return badRequest(problem, QStringLiteral("loyalty_promotion.incentive"));
    const QJsonObject available = asked.value(QLatin1String("available_time")).toObject();
    QJsonArray periods;
    QDate start;
    QDate end;
    if (!readPeriods(available.value(QLatin1String("time_periods")).toArray(), periods, start, end, problem))
        return badRequest(problem, QStringLiteral("loyalty_promotion.available_time.time_periods"));
    if (!asked.value(QLatin1String("qualifying_item_variation_ids")).toArray().isEmpty()
        && !asked.value(QLatin1String("qualifying_category_ids")).toArray().isEmpty())
        return badRequest(
            QStringLiteral("Specify qualifying_item_variation_ids or qualifying_category_ids, not both."));
    if (asked.contains(QLatin1String("minimum_spend_amount_money"))
        && asked.value(QLatin1String("minimum_spend_amount_money"))
                .toObject()
                .value(QLatin1String("amount"))
                .toInteger()
            <= 0)
        return badRequest(QStringLiteral("minimum_spend_amount_money must be positive."));

    QJsonObject promotion = asked;
    for (const char* readOnly : {"id", "status", "created_at", "updated_at", "canceled_at", "loyalty_program_id"})
        promotion.remove(QLatin1String(readOnly));
    QJsonObject time {{QStringLiteral("time_periods"), periods},
                      {QStringLiteral("start_date"), start.toString(Qt::ISODate)}};
    if (end.isValid())
        time.insert(QStringLiteral("end_date"), end.toString(Qt::ISODate));
    promotion.insert(QStringLiteral("available_time"), time);
    promotion.insert(QStringLiteral("incentive"), incentive);
    promotion.insert(QStringLiteral("id"),
                     QString(QStringLiteral("loypromo_") + QUuid::createUuid().toString(QUuid::WithoutBraces)));
    promotion.insert(QStringLiteral("status"),
                     start > QDate::currentDate() ? QStringLiteral("SCHEDULED") : QStringLiteral("ACTIVE"));
    promotion.insert(QStringLiteral("loyalty_program_id"), programId);
    promotion.insert(QStringLiteral("created_at"), createdAt);
    promotion.insert(QStringLiteral("updated_at"), createdAt);
    m_promotions.append(Stored {promotion, sequence});
    return {200, QJsonObject {{QStringLiteral("loyalty_promotion"), promotion}}};
}

FakeSquarePromotions::Answer FakeSquarePromotions::retrieve(const QString& promotionId) const
{
    const qsizetype at = indexOf(promotionId);
    if (at < 0)
        return refusal(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Loyalty promotion not found."),
                       QStringLiteral("promotion_id"));
    return {200, QJsonObject {{QStringLiteral("loyalty_promotion"), m_promotions.at(at).json}}};
}

FakeSquarePromotions::Answer FakeSquarePromotions::cancel(const QString& promotionId, const QString& at)
{
    const qsizetype index = indexOf(promotionId);
    if (index < 0)
        return retrieve(promotionId);
    QJsonObject& promotion = m_promotions[index].json;
    if (!isLive(promotion))
        return badRequest(QStringLiteral("Only an ACTIVE or SCHEDULED promotion can be canceled."));
    promotion.insert(QStringLiteral("status"), QStringLiteral("CANCELED"));
    promotion.insert(QStringLiteral("canceled_at"), at);
    promotion.insert(QStringLiteral("updated_at"), at);
    return {200, QJsonObject {{QStringLiteral("loyalty_promotion"), promotion}}};
}

bool FakeSquarePromotions::end(const QString& promotionId, const QString& at)
{
    const qsizetype index = indexOf(promotionId);
    if (index < 0 || !isLive(m_promotions.at(index).json))
        return false;
    m_promotions[index].json.insert(QStringLiteral("status"), QStringLiteral("ENDED"));
    m_promotions[index].json.insert(QStringLiteral("updated_at"), at);
    return true;
}

} // namespace lt::test
