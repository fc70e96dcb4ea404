#include "core/domain/LoyaltyProgram.h"

#include "core/domain/Money.h"
#include "core/domain/ProgramFields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lt {

namespace {

QString typeName(AccrualRule::Type type)
{
    switch (type) {
    case AccrualRule::Type::Spend:
        return QStringLiteral("SPEND");
    case AccrualRule::Type::Visit:
        return QStringLiteral("VISIT");
    case AccrualRule::Type::ItemVariation:
        return QStringLiteral("ITEM_VARIATION");
    case AccrualRule::Type::Category:
        break;
    }
    return QStringLiteral("CATEGORY");
}

QString roundingName(AccrualRule::Rounding rounding)
{
    switch (rounding) {
    case AccrualRule::Rounding::Down:
        return QStringLiteral("DOWN");
    case AccrualRule::Rounding::Nearest:
        return QStringLiteral("NEAREST");
    case AccrualRule::Rounding::Up:
        break;
    }
    return QStringLiteral("UP");
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& v : value.toArray())
        list << v.toString();
    return list;
}

qint64 integer(const QJsonObject& json, const QString& key, qint64 fallback = 0)
{
    const QJsonValue v = json.value(key);
    return v.isDouble() ? v.toInteger(fallback) : fallback;
}

// The fields of the objects the program reads leniently (a field of the wrong type reads as its default), checked
// first so that a misspelt or mistyped field is refused by name, never read as 0.
const ProgramFields::Shape AccrualRuleShape {
    {QStringLiteral("accrual_type"), QStringLiteral("rounding"), QStringLiteral("tax_mode"),
     QStringLiteral("item_variation_id"), QStringLiteral("category_id")},
    {QStringLiteral("points"), QStringLiteral("spend_amount_minor"), QStringLiteral("visit_minimum_minor")},
    {},
    {QStringLiteral("excluded_item_variation_ids"), QStringLiteral("excluded_category_ids")}};
const ProgramFields::Shape RewardTierShape {{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("discount")},
                                            {QStringLiteral("points"), QStringLiteral("amount_minor"),
                                             QStringLiteral("percentage"), QStringLiteral("maximum_discount_minor"),
                                             QStringLiteral("minimum_points"), QStringLiteral("minor_per_point")},
                                            {QStringLiteral("partial")},
                                            {}};
const ProgramFields::Shape TerminologyShape {{QStringLiteral("one"), QStringLiteral("other")}, {}, {}, {}};

// `value`, found at `key` of `parent`, as an object of `shape`.
Result<QJsonObject> shaped(const ProgramFields& parent, const QString& key, const QJsonValue& value,
                           const ProgramFields::Shape& shape)
{
    if (!value.isObject())
        return parent.invalid(key, QCoreApplication::translate("ProgramFields", "must be an object."));
    LT_TRY(ProgramFields(value.toObject(), parent.pathOf(key)).hasShape(shape));
    return value.toObject();
}
} // namespace

QJsonObject AccrualRule::toJson() const
{
    QJsonObject json {{QStringLiteral("accrual_type"), typeName(type)}, {QStringLiteral("points"), points}};
    switch (type) {
    case Type::Spend:
        json.insert(QStringLiteral("spend_amount_minor"), spendAmountMinor);
        json.insert(QStringLiteral("rounding"), roundingName(rounding));
        json.insert(QStringLiteral("excluded_item_variation_ids"),
                    QJsonArray::fromStringList(excludedItemVariationIds));
        json.insert(QStringLiteral("excluded_category_ids"), QJsonArray::fromStringList(excludedCategoryIds));
        break;
    case Type::Visit:
        json.insert(QStringLiteral("visit_minimum_minor"), visitMinimumMinor);
        break;
    case Type::ItemVariation:
        json.insert(QStringLiteral("item_variation_id"), itemVariationId);
        break;
    case Type::Category:
        json.insert(QStringLiteral("category_id"), categoryId);
        break;
    }
    json.insert(QStringLiteral("tax_mode"), afterTax ? QStringLiteral("AFTER_TAX") : QStringLiteral("BEFORE_TAX"));
    return json;
}

Result<AccrualRule> AccrualRule::fromJson(const QJsonObject& json)
{
    AccrualRule rule;
    const QString type = json.value(QStringLiteral("accrual_type")).toString();
    if (type == QLatin1String("SPEND"))
        rule.type = Type::Spend;
    else if (type == QLatin1String("VISIT"))
        rule.type = Type::Visit;
    else if (type == QLatin1String("ITEM_VARIATION"))
        rule.type = Type::ItemVariation;
    else if (type == QLatin1String("CATEGORY"))
        rule.type = Type::Category;
    else
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "Unknown accrual rule type '%1'.").arg(type));
    rule.points = integer(json, QStringLiteral("points"), 0);
    if (rule.points < 1)
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "An accrual rule must award at least one point."));
    rule.spendAmountMinor = integer(json, QStringLiteral("spend_amount_minor"), 100);
    rule.visitMinimumMinor = integer(json, QStringLiteral("visit_minimum_minor"), 0);
    rule.itemVariationId = json.value(QStringLiteral("item_variation_id")).toString();
    rule.categoryId = json.value(QStringLiteral("category_id")).toString();
    rule.excludedItemVariationIds = stringList(json.value(QStringLiteral("excluded_item_variation_ids")));
    rule.excludedCategoryIds = stringList(json.value(QStringLiteral("excluded_category_ids")));
    rule.afterTax = json.value(QStringLiteral("tax_mode")).toString() == QLatin1String("AFTER_TAX");
    const QString rounding = json.value(QStringLiteral("rounding")).toString(QStringLiteral("DOWN"));
    rule.rounding = rounding == QLatin1String("NEAREST") ? Rounding::Nearest
        : rounding == QLatin1String("UP")                ? Rounding::Up
                                                         : Rounding::Down;
    if (rule.type == Type::Spend && rule.spendAmountMinor < 1)
        return Error::invalid(QCoreApplication::translate("LoyaltyProgram", "A spend rule needs a positive amount."));
    if (rule.visitMinimumMinor < 0)
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "A visit rule's minimum cannot be negative."));
    if (rule.type == Type::ItemVariation && rule.itemVariationId.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "An item rule needs an item variation id."));
    if (rule.type == Type::Category && rule.categoryId.isEmpty())
        return Error::invalid(QCoreApplication::translate("LoyaltyProgram", "A category rule needs a category id."));
    return rule;
}

QJsonObject RewardTier::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("points"), points},
        {QStringLiteral("discount"),
         discount == Discount::FixedAmount ? QStringLiteral("FIXED_AMOUNT") : QStringLiteral("PERCENTAGE")},
        {QStringLiteral("amount_minor"), amountMinor},
        {QStringLiteral("percentage"), percentage},
        {QStringLiteral("maximum_discount_minor"), maximumDiscountMinor},
        {QStringLiteral("partial"), partial}};
    if (partial) {
        json.insert(QStringLiteral("minimum_points"), minimumPoints);
        json.insert(QStringLiteral("minor_per_point"), minorPerPoint);
    }
    return json;
}

Result<RewardTier> RewardTier::fromJson(const QJsonObject& json)
{
    RewardTier tier;
    tier.id = json.value(QStringLiteral("id")).toString();
    tier.name = json.value(QStringLiteral("name")).toString();
    tier.points = integer(json, QStringLiteral("points"));
    tier.discount = json.value(QStringLiteral("discount")).toString() == QLatin1String("PERCENTAGE")
        ? Discount::Percentage
        : Discount::FixedAmount;
    tier.amountMinor = integer(json, QStringLiteral("amount_minor"));
    tier.percentage = static_cast<int>(integer(json, QStringLiteral("percentage")));
    tier.maximumDiscountMinor = integer(json, QStringLiteral("maximum_discount_minor"));
    tier.partial = json.value(QStringLiteral("partial")).toBool();
    tier.minimumPoints = integer(json, QStringLiteral("minimum_points"), 1);
    tier.minorPerPoint = integer(json, QStringLiteral("minor_per_point"));
    if (tier.id.isEmpty() || tier.name.isEmpty())
        return Error::invalid(QCoreApplication::translate("LoyaltyProgram", "A reward needs an id and a name."));
    if (tier.points < 1)
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "The reward '%1' must cost at least one point.")
                .arg(tier.name));
    if (tier.discount == Discount::Percentage && (tier.percentage < 1 || tier.percentage > 100))
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "The reward '%1' has a percentage outside 1-100.")
                .arg(tier.name));
    if (tier.amountMinor < 0 || tier.amountMinor > Money::MaximumMinorUnits || tier.maximumDiscountMinor < 0)
        return Error::invalid(
            QCoreApplication::translate("LoyaltyProgram", "The reward '%1' has an impossible discount.")
                .arg(tier.name));
    if (tier.partial && (tier.minorPerPoint < 1 || tier.minimumPoints < 1 || tier.minimumPoints > tier.points))
        return Error::invalid(QCoreApplication::translate(
                                  "LoyaltyProgram", "The reward '%1' lets points be chosen but has no value per point.")
                                  .arg(tier.name));
    return tier;
}

const RewardTier* LoyaltyProgram::tier(const QString& id) const
{
    for (const RewardTier& t : rewardTiers) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QStringList LoyaltyProgram::rewardIds() const
{
    QStringList ids;
    for (const RewardTier& t : rewardTiers)
        ids << t.id;
    return ids;
}

QJsonObject LoyaltyProgram::toJson() const
{
    QJsonArray rules;
    for (const AccrualRule& r : accrualRules)
        rules.append(r.toJson());
    QJsonArray tiers;
    for (const RewardTier& t : rewardTiers)
        tiers.append(t.toJson());
    QJsonObject json {{QStringLiteral("square_program_id"), squareProgramId},
                      {QStringLiteral("status"), active ? QStringLiteral("ACTIVE") : QStringLiteral("INACTIVE")},
                      {QStringLiteral("currency"), currency},
                      {QStringLiteral("terminology"),
                       QJsonObject {{QStringLiteral("one"), termOne}, {QStringLiteral("other"), termOther}}},
                      {QStringLiteral("accrual_rules"), rules},
                      {QStringLiteral("reward_tiers"), tiers}};
    if (expirationMonths)
        json.insert(QStringLiteral("expiration_months"), *expirationMonths);
    if (!memberTiers.isEmpty())
        json.insert(QStringLiteral("member_tiers"), memberTiers.toJson());
    if (birthdayBonus)
        json.insert(QStringLiteral("birthday_bonus"), birthdayBonus->toJson());
    if (anniversaryBonus)
        json.insert(QStringLiteral("anniversary_bonus"), anniversaryBonus->toJson());
    if (referralBonus)
        json.insert(QStringLiteral("referral_bonus"), referralBonus->toJson());
    if (winBack)
        json.insert(QStringLiteral("win_back"), winBack->toJson());
    return json;
}

Result<LoyaltyProgram> LoyaltyProgram::fromJson(const QJsonObject& json)
{
    const ProgramFields fields(json, QString());
    LT_TRY(fields.onlyKnown(
        {QStringLiteral("square_program_id"), QStringLiteral("status"), QStringLiteral("currency"),
         QStringLiteral("terminology"), QStringLiteral("expiration_months"), QStringLiteral("accrual_rules"),
         QStringLiteral("reward_tiers"), QStringLiteral("member_tiers"), QStringLiteral("birthday_bonus"),
         QStringLiteral("anniversary_bonus"), QStringLiteral("referral_bonus"), QStringLiteral("win_back")}));
    LoyaltyProgram program;
    LT_TRY_ASSIGN(program.squareProgramId, fields.text(QStringLiteral("square_program_id"), QString()));
    LT_TRY_ASSIGN(const QString status,
                  fields.choice(QStringLiteral("status"), {QStringLiteral("ACTIVE"), QStringLiteral("INACTIVE")},
                                QStringLiteral("ACTIVE")));
    program.active = status == QLatin1String("ACTIVE");
    LT_TRY_ASSIGN(program.currency, fields.text(QStringLiteral("currency"), QStringLiteral("USD")));
    if (!Money::isValidCurrencyCode(program.currency))
        return fields.invalid(
            QStringLiteral("currency"),
            QCoreApplication::translate("LoyaltyProgram", "'%1' is not a currency code.").arg(program.currency));
    QJsonObject terms;
    if (json.contains(QStringLiteral("terminology"))) {
        LT_TRY_ASSIGN(
            terms,
            shaped(fields, QStringLiteral("terminology"), json.value(QStringLiteral("terminology")), TerminologyShape));
    }
    program.termOne = terms.value(QStringLiteral("one")).toString(QStringLiteral("Point"));
    program.termOther = terms.value(QStringLiteral("other")).toString(QStringLiteral("Points"));
    if (json.contains(QStringLiteral("expiration_months"))) {
        LT_TRY_ASSIGN(const qint64 months, fields.integer(QStringLiteral("expiration_months"), 1, 120));
        program.expirationMonths = static_cast<int>(months);
    }
    const QJsonArray rules = json.value(QStringLiteral("accrual_rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        LT_TRY_ASSIGN(const QJsonObject object,
                      shaped(fields, QStringLiteral("accrual_rules[%1]").arg(i), rules.at(i), AccrualRuleShape));
        auto rule = AccrualRule::fromJson(object);
        if (!rule)
            return fields.invalid(QStringLiteral("accrual_rules[%1]").arg(i), rule.error().message);
        program.accrualRules << *rule;
    }
    const QJsonArray rewards = json.value(QStringLiteral("reward_tiers")).toArray();
    for (qsizetype i = 0; i < rewards.size(); ++i) {
        LT_TRY_ASSIGN(const QJsonObject object,
                      shaped(fields, QStringLiteral("reward_tiers[%1]").arg(i), rewards.at(i), RewardTierShape));
        auto tier = RewardTier::fromJson(object);
        if (!tier)
            return fields.invalid(QStringLiteral("reward_tiers[%1]").arg(i), tier.error().message);
        if (program.tier(tier->id))
            return fields.invalid(
                QStringLiteral("reward_tiers[%1].id").arg(i),
                QCoreApplication::translate("LoyaltyProgram", "Two rewards share the id '%1'.").arg(tier->id));
        program.rewardTiers << *tier;
    }
    std::sort(program.rewardTiers.begin(), program.rewardTiers.end(),
              [](const RewardTier& a, const RewardTier& b) { return a.points < b.points; });
    const QJsonValue tiers = json.value(QStringLiteral("member_tiers"));
    if (tiers.isArray()) {
        LT_TRY_ASSIGN(program.memberTiers, TierPolicy::fromLifetimeList(tiers.toArray()));
    } else if (!tiers.isUndefined()) {
        LT_TRY_ASSIGN(const QJsonObject section, fields.object(QStringLiteral("member_tiers")));
        LT_TRY_ASSIGN(program.memberTiers, TierPolicy::fromJson(section, program.rewardIds()));
    }
    for (const auto& [key, target] : {std::pair {QStringLiteral("birthday_bonus"), &program.birthdayBonus},
                                      std::pair {QStringLiteral("anniversary_bonus"), &program.anniversaryBonus}}) {
        if (!json.contains(key))
            continue;
        LT_TRY_ASSIGN(const QJsonObject section, fields.object(key));
        LT_TRY_ASSIGN(OccasionBonus bonus, OccasionBonus::fromJson(section, key));
        if (!bonus.rewardId.isEmpty()) {
            const RewardTier* reward = program.tier(bonus.rewardId);
            if (!reward)
                return fields.invalid(key + QStringLiteral(".reward_id"),
                                      QCoreApplication::translate("ProgramFields", "names '%1', which is not a reward.")
                                          .arg(bonus.rewardId));
            bonus.points = reward->points;
        }
        *target = bonus;
    }
    if (json.contains(QStringLiteral("referral_bonus"))) {
        LT_TRY_ASSIGN(const QJsonObject section, fields.object(QStringLiteral("referral_bonus")));
        LT_TRY_ASSIGN(program.referralBonus, ReferralBonus::fromJson(section));
    }
    if (json.contains(QStringLiteral("win_back"))) {
        LT_TRY_ASSIGN(const QJsonObject section, fields.object(QStringLiteral("win_back")));
        LT_TRY_ASSIGN(program.winBack, WinBackOffer::fromJson(section));
    }
    return program;
}

LoyaltyProgram LoyaltyProgram::defaultProgram()
{
    LoyaltyProgram program;
    AccrualRule spend;
    spend.type = AccrualRule::Type::Spend;
    spend.points = 1;
    spend.spendAmountMinor = 100;
    program.accrualRules << spend;

    RewardTier fiveOff;
    fiveOff.id = QStringLiteral("five-off");
    fiveOff.name = QStringLiteral("5.00 off");
    fiveOff.points = 100;
    fiveOff.amountMinor = 500;
    RewardTier tenPercent;
    tenPercent.id = QStringLiteral("ten-percent");
    tenPercent.name = QStringLiteral("10% off the sale");
    tenPercent.points = 250;
    tenPercent.discount = RewardTier::Discount::Percentage;
    tenPercent.percentage = 10;
    tenPercent.maximumDiscountMinor = 5000;
    RewardTier pointsAsCash;
    pointsAsCash.id = QStringLiteral("points-as-cash");
    pointsAsCash.name = QStringLiteral("Pay with points (0.05 each)");
    pointsAsCash.points = 2000;
    pointsAsCash.partial = true;
    pointsAsCash.minimumPoints = 20;
    pointsAsCash.minorPerPoint = 5;
    program.rewardTiers << fiveOff << tenPercent << pointsAsCash;
    program.memberTiers.tiers << MemberTier {QStringLiteral("Member"), 0, 1000, {}}
                              << MemberTier {QStringLiteral("Silver"), 500, 1000, {}}
                              << MemberTier {QStringLiteral("Gold"), 2000, 1250, {}};
    program.birthdayBonus = OccasionBonus {50, QString(), OccasionBonus::Period::Week};
    program.referralBonus = ReferralBonus {100, 50, 1000, 5};
    program.winBack = WinBackOffer {90, 30, 2000};
    return program;
}

} // namespace lt
