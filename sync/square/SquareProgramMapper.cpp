#include "sync/square/SquareProgramMapper.h"

#include "core/domain/Money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace lt {

namespace {
Error unusableProgram(const QString& what)
{
    return Error::invalid(
        QCoreApplication::translate("SquareProgramMapper", "Square sent a loyalty program that cannot be used: %1")
            .arg(what));
}

// Square's integers arrive as JSON numbers; anything else (a string, a fraction) is refused, not guessed at.
std::optional<qint64> integer(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    const qint64 i = value.toInteger();
    if (double(i) != d)
        return std::nullopt;
    return i;
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& v : value.toArray()) {
        if (v.isString())
            list << v.toString();
    }
    return list;
}

// A reward Square's program names but whose discount this store has not described yet: read it from the name
// ("$5 off", "¥500 off", "10% off") so that the cashier sees what to give; otherwise the cashier applies it by
// hand. The amount is in the currency's own minor units: "$5.50" is 550 cents, "¥500" 500 yen, "1.250" 1250 fils.
void discountFromName(RewardTier& tier, const QString& currency)
{
    static const QRegularExpression percent(QStringLiteral("(\\d{1,3})\\s*%"));
    if (auto m = percent.match(tier.name); m.hasMatch() && m.captured(1).toInt() >= 1 && m.captured(1).toInt() <= 100) {
        tier.discount = RewardTier::Discount::Percentage;
        tier.percentage = m.captured(1).toInt();
        return;
    }
    tier.discount = RewardTier::Discount::FixedAmount;
    const int decimals = Money::decimalsOf(currency);
    const QString fraction = decimals > 0 ? QStringLiteral("(?:[.,](\\d{%1}))?").arg(decimals) : QString();
    const QRegularExpression amount(QStringLiteral("(\\d+)%1\\s*(?:off|de descuento)").arg(fraction),
                                    QRegularExpression::CaseInsensitiveOption);
    if (auto m = amount.match(tier.name); m.hasMatch()) {
        qint64 scale = 1;
        for (int i = 0; i < decimals; ++i)
            scale *= 10;
        tier.amountMinor = m.captured(1).toLongLong() * scale + m.captured(2).toLongLong();
    }
}
// One of Square's accrual rules; a spend rule also says the program's currency.
Result<AccrualRule> accrualRuleFrom(const QJsonObject& r, QString& currency)
{
    AccrualRule rule;
    const auto points = integer(r.value(QLatin1String("points")));
    if (!points || *points < 1)
        return unusableProgram(QStringLiteral("an accrual rule has no positive points."));
    rule.points = *points;
    rule.rounding = AccrualRule::Rounding::Down; // Square drops fractions of a spend step
    const QString type = r.value(QLatin1String("accrual_type")).toString();
    if (type == QLatin1String("SPEND")) {
        const QJsonObject data = r.value(QLatin1String("spend_data")).toObject();
        const QJsonObject money = data.value(QLatin1String("amount_money")).toObject();
        const auto amount = integer(money.value(QLatin1String("amount")));
        if (!amount || *amount < 1)
            return unusableProgram(QStringLiteral("a spend rule has no positive amount_money."));
        rule.type = AccrualRule::Type::Spend;
        rule.spendAmountMinor = *amount;
        if (const QString stated = money.value(QLatin1String("currency")).toString(); stated.size() == 3)
            currency = stated;
        rule.excludedCategoryIds = strings(data.value(QLatin1String("excluded_category_ids")));
        rule.excludedItemVariationIds = strings(data.value(QLatin1String("excluded_item_variation_ids")));
        rule.afterTax = data.value(QLatin1String("tax_mode")).toString() == QLatin1String("AFTER_TAX");
    } else if (type == QLatin1String("VISIT")) {
        const QJsonObject data = r.value(QLatin1String("visit_data")).toObject();
        rule.type = AccrualRule::Type::Visit;
        const QJsonValue minimum = data.value(QLatin1String("minimum_amount_money"));
        if (minimum.isObject()) {
            const auto amount = integer(minimum.toObject().value(QLatin1String("amount")));
            if (!amount || *amount < 0)
                return unusableProgram(QStringLiteral("a visit rule has a malformed minimum_amount_money."));
            rule.visitMinimumMinor = *amount;
        }
        rule.afterTax = data.value(QLatin1String("tax_mode")).toString() == QLatin1String("AFTER_TAX");
    } else if (type == QLatin1String("ITEM_VARIATION")) {
        rule.type = AccrualRule::Type::ItemVariation;
        rule.itemVariationId = r.value(QLatin1String("item_variation_data"))
                                   .toObject()
                                   .value(QLatin1String("item_variation_id"))
                                   .toString();
        if (rule.itemVariationId.isEmpty())
            return unusableProgram(QStringLiteral("an item rule has no item_variation_id."));
    } else if (type == QLatin1String("CATEGORY")) {
        rule.type = AccrualRule::Type::Category;
        rule.categoryId =
            r.value(QLatin1String("category_data")).toObject().value(QLatin1String("category_id")).toString();
        if (rule.categoryId.isEmpty())
            return unusableProgram(QStringLiteral("a category rule has no category_id."));
    } else {
        return unusableProgram(QStringLiteral("unknown accrual_type '%1'.").arg(type.left(40)));
    }
    return rule;
}

// One of Square's reward tiers; what the store already knew of it is kept (a tier new here reads its
// discount from its name).
Result<RewardTier> rewardTierFrom(const QJsonObject& t, const LoyaltyProgram& program, const LoyaltyProgram& current)
{
    const QString tierId = t.value(QLatin1String("id")).toString();
    const auto points = integer(t.value(QLatin1String("points")));
    if (tierId.isEmpty() || !points || *points < 1)
        return unusableProgram(QStringLiteral("a reward tier has no id or no positive points."));
    RewardTier tier;
    if (const RewardTier* known = current.tier(tierId); known && !known->partial)
        tier = *known;
    tier.id = tierId;
    tier.name = t.value(QLatin1String("name")).toString().trimmed().left(100);
    if (tier.name.isEmpty())
        tier.name = QStringLiteral("%1 %2").arg(*points).arg(program.termOther);
    tier.points = *points;
    tier.partial = false;
    if (!current.tier(tierId))
        discountFromName(tier, program.currency);
    return tier;
}

} // namespace

Result<LoyaltyProgram> SquareProgramMapper::map(const QJsonObject& square, const LoyaltyProgram& current)
{
    LoyaltyProgram program = current;
    const QString id = square.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return unusableProgram(QStringLiteral("it has no id."));
    program.squareProgramId = id;
    program.active = square.value(QLatin1String("status")).toString() == QLatin1String("ACTIVE");

    const QJsonObject terminology = square.value(QLatin1String("terminology")).toObject();
    const QString one = terminology.value(QLatin1String("one")).toString().trimmed();
    const QString other = terminology.value(QLatin1String("other")).toString().trimmed();
    if (!one.isEmpty() && !other.isEmpty() && one.size() <= 40 && other.size() <= 40) {
        program.termOne = one;
        program.termOther = other;
    }

    program.expirationMonths.reset();
    const QJsonValue expiration = square.value(QLatin1String("expiration_policy"));
    if (expiration.isObject()) {
        static const QRegularExpression months(QStringLiteral("^P(\\d{1,3})M$"));
        const QString duration = expiration.toObject().value(QLatin1String("expiration_duration")).toString();
        auto m = months.match(duration);
        if (!m.hasMatch())
            return unusableProgram(QStringLiteral("expiration_duration '%1' is not P[n]M.").arg(duration.left(40)));
        program.expirationMonths = m.captured(1).toInt();
    }

    const QJsonValue rules = square.value(QLatin1String("accrual_rules"));
    if (!rules.isUndefined() && !rules.isArray())
        return unusableProgram(QStringLiteral("accrual_rules is not a list."));
    program.accrualRules.clear();
    for (const QJsonValue& value : rules.toArray()) {
        auto rule = accrualRuleFrom(value.toObject(), program.currency);
        if (!rule)
            return rule.error();
        program.accrualRules.append(*rule);
    }

    const QJsonValue tiers = square.value(QLatin1String("reward_tiers"));
    if (!tiers.isUndefined() && !tiers.isArray())
        return unusableProgram(QStringLiteral("reward_tiers is not a list."));
    QList<RewardTier> rewards;
    for (const QJsonValue& value : tiers.toArray()) {
        auto tier = rewardTierFrom(value.toObject(), program, current);
        if (!tier)
            return tier.error();
        rewards.append(*tier);
    }
    // Rewards where the cashier chooses the points exist only here; Square learns them as adjustments.
    for (const RewardTier& local : current.rewardTiers) {
        if (local.partial)
            rewards.append(local);
    }
    std::stable_sort(rewards.begin(), rewards.end(),
                     [](const RewardTier& a, const RewardTier& b) { return a.points < b.points; });
    program.rewardTiers = rewards;
    // The till's own parts may name a reward Square's program does not have (a local one, or one Square removed):
    // a tier no longer reserves it, and a gift of it becomes a gift of the same points.
    const QStringList known = program.rewardIds();
    for (MemberTier& tier : program.memberTiers.tiers)
        tier.rewardIds.removeIf([&known](const QString& reward) { return !known.contains(reward); });
    for (std::optional<OccasionBonus>* bonus : {&program.birthdayBonus, &program.anniversaryBonus}) {
        if (*bonus && !(*bonus)->rewardId.isEmpty() && !known.contains((*bonus)->rewardId))
            (*bonus)->rewardId.clear();
    }
    // The result must read back as a valid program.
    auto checked = LoyaltyProgram::fromJson(program.toJson());
    if (!checked)
        return unusableProgram(checked.error().message);
    return *checked;
}

} // namespace lt
