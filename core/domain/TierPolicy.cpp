#include "core/domain/TierPolicy.h"

#include "core/domain/ProgramFields.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <vector>

namespace lt {

namespace {
const QString Section = QStringLiteral("member_tiers");

QString basisName(TierPolicy::Basis basis)
{
    return basis == TierPolicy::Basis::Spend ? QStringLiteral("SPEND") : QStringLiteral("POINTS");
}

QString windowName(TierPolicy::Window window)
{
    switch (window) {
    case TierPolicy::Window::Rolling:
        return QStringLiteral("ROLLING");
    case TierPolicy::Window::CalendarYear:
        return QStringLiteral("CALENDAR_YEAR");
    case TierPolicy::Window::Lifetime:
        break;
    }
    return QStringLiteral("LIFETIME");
}
} // namespace

QDate TierPolicy::windowStart(QDate today) const
{
    switch (window) {
    case Window::Rolling:
        return today.addMonths(-months).addDays(1);
    case Window::CalendarYear:
        return QDate(today.year(), 1, 1);
    case Window::Lifetime:
        break;
    }
    return {};
}

int TierPolicy::indexFor(qint64 qualifying) const
{
    int index = tiers.isEmpty() ? -1 : 0;
    for (int i = 0; i < tiers.size(); ++i) {
        if (qualifying >= tiers.at(i).threshold)
            index = i;
    }
    return index;
}

int TierPolicy::indexOf(const QString& name) const
{
    if (name.isEmpty())
        return tiers.isEmpty() ? -1 : 0;
    for (int i = 0; i < tiers.size(); ++i) {
        if (tiers.at(i).name == name)
            return i;
    }
    return -1;
}

const MemberTier* TierPolicy::tier(const QString& name) const
{
    const int index = indexOf(name);
    return index < 0 ? nullptr : &tiers.at(index);
}

int TierPolicy::rewardTierIndex(const QString& rewardId) const
{
    for (int i = 0; i < tiers.size(); ++i) {
        if (tiers.at(i).rewardIds.contains(rewardId))
            return i;
    }
    return -1;
}

QJsonObject TierPolicy::toJson() const
{
    QJsonArray list;
    for (const MemberTier& t : tiers)
        list.append(QJsonObject {{QStringLiteral("name"), t.name},
                                 {QStringLiteral("threshold"), t.threshold},
                                 {QStringLiteral("multiplier"), multiplierText(t.multiplierMilli)},
                                 {QStringLiteral("reward_ids"), QJsonArray::fromStringList(t.rewardIds)}});
    QJsonObject json {{QStringLiteral("basis"), basisName(basis)},
                      {QStringLiteral("window"), windowName(window)},
                      {QStringLiteral("grace_days"), graceDays},
                      {QStringLiteral("tiers"), list}};
    if (window == Window::Rolling)
        json.insert(QStringLiteral("months"), months);
    return json;
}

Result<TierPolicy> TierPolicy::fromJson(const QJsonObject& json, const QStringList& knownRewardIds)
{
    const ProgramFields fields(json, Section);
    LT_TRY(fields.onlyKnown({QStringLiteral("basis"), QStringLiteral("window"), QStringLiteral("months"),
                             QStringLiteral("grace_days"), QStringLiteral("tiers")}));
    TierPolicy policy;
    LT_TRY_ASSIGN(const QString basis,
                  fields.choice(QStringLiteral("basis"), {QStringLiteral("POINTS"), QStringLiteral("SPEND")},
                                QStringLiteral("POINTS")));
    policy.basis = basis == QLatin1String("SPEND") ? Basis::Spend : Basis::Points;
    LT_TRY_ASSIGN(
        const QString window,
        fields.choice(QStringLiteral("window"),
                      {QStringLiteral("ROLLING"), QStringLiteral("CALENDAR_YEAR"), QStringLiteral("LIFETIME")},
                      QStringLiteral("ROLLING")));
    policy.window = window == QLatin1String("ROLLING") ? Window::Rolling
        : window == QLatin1String("CALENDAR_YEAR")     ? Window::CalendarYear
                                                       : Window::Lifetime;
    LT_TRY_ASSIGN(const qint64 months, fields.integer(QStringLiteral("months"), 1, 120, 12));
    policy.months = static_cast<int>(months);
    LT_TRY_ASSIGN(const qint64 grace, fields.integer(QStringLiteral("grace_days"), 0, 365, 30));
    policy.graceDays = static_cast<int>(grace);
    const QJsonValue list = json.value(QStringLiteral("tiers"));
    if (!list.isArray() || list.toArray().isEmpty())
        return fields.invalid(QStringLiteral("tiers"),
                              QCoreApplication::translate("ProgramFields", "must list at least one tier."));
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const ProgramFields tier(array.at(i).toObject(), fields.pathOf(QStringLiteral("tiers[%1]").arg(i)));
        if (!array.at(i).isObject())
            return fields.invalid(QStringLiteral("tiers[%1]").arg(i),
                                  QCoreApplication::translate("ProgramFields", "must be an object."));
        LT_TRY(tier.onlyKnown({QStringLiteral("name"), QStringLiteral("threshold"), QStringLiteral("multiplier"),
                               QStringLiteral("reward_ids")}));
        MemberTier t;
        LT_TRY_ASSIGN(t.name, tier.text(QStringLiteral("name")));
        if (t.name.isEmpty())
            return tier.invalid(QStringLiteral("name"), QCoreApplication::translate("ProgramFields", "is empty."));
        LT_TRY_ASSIGN(t.threshold, tier.integer(QStringLiteral("threshold"), 0, 1'000'000'000'000));
        LT_TRY_ASSIGN(t.multiplierMilli, tier.multiplierMilli(QStringLiteral("multiplier"), 1000));
        LT_TRY_ASSIGN(t.rewardIds, tier.textList(QStringLiteral("reward_ids")));
        for (const QString& id : t.rewardIds) {
            if (!knownRewardIds.contains(id))
                return tier.invalid(
                    QStringLiteral("reward_ids"),
                    QCoreApplication::translate("ProgramFields", "names '%1', which is not a reward.").arg(id));
        }
        if (i == 0 && t.threshold != 0)
            return tier.invalid(QStringLiteral("threshold"),
                                QCoreApplication::translate("ProgramFields",
                                                            "must be 0: the first tier is where every member starts."));
        if (i > 0 && t.threshold <= policy.tiers.last().threshold)
            return tier.invalid(
                QStringLiteral("threshold"),
                QCoreApplication::translate("ProgramFields", "must be higher than the tier before it (tiers go up)."));
        if (policy.indexOf(t.name) >= 0 && i > 0)
            return tier.invalid(QStringLiteral("name"),
                                QCoreApplication::translate("ProgramFields", "'%1' names two tiers.").arg(t.name));
        policy.tiers << t;
    }
    return policy;
}

// Tiers as earlier versions kept them, [{name, lifetime_points}], counted over the lifetime. The lowest was where
// every member started whatever its points (indexFor), which today's form says with a threshold of 0. They are put
// in that form and read by fromJson, so that they pass the same checks and read back as they were read.
Result<TierPolicy> TierPolicy::fromLifetimeList(const QJsonArray& list)
{
    const ProgramFields fields {QJsonObject(), QString()};
    std::vector<std::pair<qint64, QJsonObject>> tiers;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = Section + QStringLiteral("[%1]").arg(i);
        if (!list.at(i).isObject())
            return fields.invalid(at, QCoreApplication::translate("ProgramFields", "must be an object."));
        const ProgramFields tier(list.at(i).toObject(), at);
        LT_TRY(tier.onlyKnown({QStringLiteral("name"), QStringLiteral("lifetime_points")}));
        LT_TRY_ASSIGN(const QString name, tier.text(QStringLiteral("name")));
        LT_TRY_ASSIGN(const qint64 points, tier.integer(QStringLiteral("lifetime_points"), 0, 1'000'000'000'000));
        tiers.emplace_back(points, QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("threshold"), points}});
    }
    std::stable_sort(tiers.begin(), tiers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QJsonArray ordered;
    for (auto& [points, tier] : tiers) {
        if (ordered.isEmpty())
            tier.insert(QStringLiteral("threshold"), 0);
        ordered.append(tier);
    }
    return fromJson(QJsonObject {{QStringLiteral("window"), QStringLiteral("LIFETIME")},
                                 {QStringLiteral("grace_days"), 0},
                                 {QStringLiteral("tiers"), ordered}},
                    {});
}

} // namespace lt
