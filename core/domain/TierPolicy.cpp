#include "core/domain/TierPolicy.h"

#include "core/domain/ProgramFields.h"

#include <QCoreApplication>
#include <QJsonArray>

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

TierPolicy TierPolicy::fromLifetimeList(const QJsonArray& list)
{
    TierPolicy policy;
    policy.window = Window::Lifetime;
    policy.graceDays = 0;
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        policy.tiers << MemberTier {o.value(QStringLiteral("name")).toString(),
                                    o.value(QStringLiteral("lifetime_points")).toInteger(),
                                    1000,
                                    {}};
    }
    std::sort(policy.tiers.begin(), policy.tiers.end(),
              [](const MemberTier& a, const MemberTier& b) { return a.threshold < b.threshold; });
    return policy;
}

} // namespace lt
