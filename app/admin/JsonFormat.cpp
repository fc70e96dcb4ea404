#include "app/admin/JsonFormat.h"

#include "core/domain/LoyaltyProgram.h"
#include "core/domain/PersonalDataMask.h"
#include "core/domain/PhoneNumberNormalizer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lt::admin {

QString JsonFormat::timestamp(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue JsonFormat::textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue JsonFormat::orNull(bool present, const QJsonValue& value)
{
    return present ? value : QJsonValue(QJsonValue::Null);
}

QJsonObject JsonFormat::member(const Member& m)
{
    return {
        {QStringLiteral("id"), m.id},
        {QStringLiteral("phone"), textOrNull(m.phone)},
        {QStringLiteral("card"), textOrNull(m.card)},
        {QStringLiteral("name"), m.name},
        {QStringLiteral("email"), m.email},
        {QStringLiteral("birthday"), textOrNull(m.birthday.isValid() ? m.birthday.toString(Qt::ISODate) : QString())},
        {QStringLiteral("balance"), m.balance},
        {QStringLiteral("lifetime_points"), m.lifetimePoints},
        {QStringLiteral("tier"), m.tier},
        {QStringLiteral("marketing_consent"), m.marketingConsent},
        {QStringLiteral("consent_version"), textOrNull(m.consentVersion)},
        {QStringLiteral("consent_at"), textOrNull(timestamp(m.consentAt))},
        {QStringLiteral("enrolled_at"), timestamp(m.enrolledAt)},
        {QStringLiteral("square_account_id"), textOrNull(m.squareAccountId)},
        {QStringLiteral("erased"), m.erased}};
}

QJsonObject JsonFormat::member(const Member& m, const MemberOutlook& outlook)
{
    QJsonObject json = member(m);
    json.insert(QStringLiteral("tier"), outlook.tier);
    json.insert(QStringLiteral("next_tier"),
                outlook.nextTier.isEmpty() ? QJsonValue(QJsonValue::Null)
                                           : QJsonObject {{QStringLiteral("name"), outlook.nextTier},
                                                          {QStringLiteral("points_needed"), outlook.toNextTier}});
    QJsonArray expiring;
    for (const ExpiringPoints& lot : outlook.expiring)
        expiring.append(QJsonObject {{QStringLiteral("points"), lot.points},
                                     {QStringLiteral("expires_at"), lot.expiresAt.toString(Qt::ISODate)}});
    json.insert(QStringLiteral("expiring"), expiring);
    return json;
}

QJsonObject JsonFormat::ledgerEntry(const LedgerEntry& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("kind"), toStorage(e.kind)},
            {QStringLiteral("points"), e.points},
            {QStringLiteral("sale"), textOrNull(e.saleReference)},
            {QStringLiteral("reward"), textOrNull(e.rewardTierId)},
            {QStringLiteral("discount_minor"), e.discountMinor},
            {QStringLiteral("note"), e.note},
            {QStringLiteral("actor"), e.actor},
            {QStringLiteral("created_at"), timestamp(e.createdAt)},
            {QStringLiteral("synced"), e.synced}};
}

QJsonObject JsonFormat::pointsChange(const PointsChange& c)
{
    QJsonObject json {{QStringLiteral("member"), member(c.member)},
                      {QStringLiteral("points"), c.points},
                      {QStringLiteral("balance"), c.member.balance},
                      {QStringLiteral("repeated"), c.repeated}};
    if (!c.saleReference.isEmpty())
        json.insert(QStringLiteral("sale"), c.saleReference);
    if (!c.saleTotal.currency().isEmpty())
        json.insert(QStringLiteral("sale_total_minor"), c.saleTotal.minorUnits());
    if (!c.rewardTierId.isEmpty()) {
        json.insert(QStringLiteral("reward"), c.rewardTierId);
        json.insert(QStringLiteral("reward_name"), c.rewardName);
        json.insert(QStringLiteral("discount_minor"), c.discount.minorUnits());
        json.insert(QStringLiteral("discount"), c.discount.toDecimalString());
        json.insert(QStringLiteral("currency"), c.discount.currency());
        if (c.discountPercentage > 0)
            json.insert(QStringLiteral("discount_percentage"), c.discountPercentage);
    }
    if (!c.refunded.currency().isEmpty()) {
        json.insert(QStringLiteral("refunded_minor"), c.refunded.minorUnits());
        json.insert(QStringLiteral("restored_points"), c.restoredPoints);
    }
    if (c.adjustmentId > 0) {
        json.insert(QStringLiteral("adjustment"), c.adjustmentId);
        json.insert(QStringLiteral("state"), toStorage(c.adjustmentState));
    }
    return json;
}

QJsonObject JsonFormat::accrual(const PointsChange& c)
{
    QJsonObject json = pointsChange(c);
    QJsonArray promotions;
    for (const PointsLine& line : c.earned.extras) {
        if (!line.name.isEmpty())
            promotions.append(
                QJsonObject {{QStringLiteral("name"), line.name}, {QStringLiteral("points"), line.points}});
    }
    json.insert(QStringLiteral("promotions"), promotions);
    json.insert(QStringLiteral("tier_changed"), textOrNull(c.tierChanged));
    return json;
}

QString JsonFormat::displayName(const Member& m)
{
    if (m.erased)
        return QCoreApplication::translate("JsonFormat", "Erased member");
    return m.name.isEmpty() ? QStringLiteral("-") : m.name;
}

QString JsonFormat::memberLine(const Member& m, bool reveal)
{
    const QString phone = reveal ? m.phone : PersonalDataMask::phone(m.phone);
    // One arg() call: a second one would replace a "%1" inside the name.
    return QStringLiteral("%1  %2  %3  %4  %5 pts")
        .arg(QString::number(m.id).rightJustified(8), phone.leftJustified(16), m.card.leftJustified(13),
             (m.erased ? displayName(m) : m.name).leftJustified(24), QString::number(m.balance));
}

QString JsonFormat::memberCard(const Member& m, const LoyaltyProgram& program, bool reveal)
{
    QString text = QStringLiteral("Member %1%2\n").arg(m.id).arg(m.erased ? QStringLiteral(" (erased)") : QString());
    text += QStringLiteral("  Name:     %1\n").arg(displayName(m));
    const QString phone = m.phone.isEmpty() ? QStringLiteral("-")
        : reveal                            ? PhoneNumberNormalizer::formatInternational(m.phone)
                                            : PersonalDataMask::phone(m.phone);
    text += QStringLiteral("  Phone:    %1\n").arg(phone);
    text += QStringLiteral("  Card:     %1\n").arg(m.card.isEmpty() ? QStringLiteral("-") : m.card);
    if (!m.email.isEmpty())
        text += QStringLiteral("  E-mail:   %1\n").arg(reveal ? m.email : PersonalDataMask::email(m.email));
    if (m.birthday.isValid())
        text += QStringLiteral("  Birthday: %1\n").arg(m.birthday.toString(Qt::ISODate));
    if (m.erased)
        text += QCoreApplication::translate("JsonFormat",
                                            "  Left the program: the history is kept, no points are earned or "
                                            "redeemed.\n");
    else if (!m.marketingConsent && m.consentAt.isValid())
        text += QCoreApplication::translate("JsonFormat", "  Marketing: consent withdrawn %1\n")
                    .arg(m.consentAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    text += QStringLiteral("  Balance:  %1 %2 (lifetime %3, tier %4)\n")
                .arg(m.balance)
                .arg(program.pointsWord(m.balance))
                .arg(m.lifetimePoints)
                .arg(m.tier);
    return text;
}

QString JsonFormat::pointsChangeText(const PointsChange& c, const LoyaltyProgram& program)
{
    QString text;
    if (c.repeated)
        text += QStringLiteral("Already recorded; nothing changed.\n");
    if (c.adjustmentId > 0)
        text += QStringLiteral("Adjustment %1 is %2.\n").arg(c.adjustmentId).arg(toStorage(c.adjustmentState));
    if (!c.rewardTierId.isEmpty()) {
        text += QStringLiteral("Reward: %1. Apply at the register: ").arg(c.rewardName);
        text += c.discountPercentage > 0
            ? QStringLiteral("%1% off (at most %2)\n").arg(c.discountPercentage).arg(c.discount.toDisplayString())
            : c.discount.toDisplayString() + QStringLiteral(" off\n");
    }
    for (const PointsLine& line : c.earned.extras)
        text += QStringLiteral("  %1: %2\n")
                    .arg(line.name, (line.points > 0 ? QStringLiteral("+") : QString()) + QString::number(line.points));
    text += QStringLiteral("%1%2 %3 for member %4; balance %5 %6.\n")
                .arg(c.points > 0 ? QStringLiteral("+") : QString())
                .arg(c.points)
                .arg(program.pointsWord(c.points))
                .arg(c.member.id)
                .arg(c.member.balance)
                .arg(program.pointsWord(c.member.balance));
    if (!c.tierChanged.isEmpty())
        text += QCoreApplication::translate("JsonFormat", "The member is now %1.\n").arg(c.tierChanged);
    return text;
}

} // namespace lt::admin
