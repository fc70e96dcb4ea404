#include "app/admin/ProgramCommands.h"

#include "app/admin/CommandContext.h"
#include "core/domain/Money.h"
#include "core/domain/ProgramFields.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace lt::admin {

namespace {
// The parts of a program file that Square runs once the store is connected: the program Square's API describes.
const QStringList& squareParts()
{
    static const QStringList parts = {QStringLiteral("square_program_id"), QStringLiteral("status"),
                                      QStringLiteral("currency"),          QStringLiteral("terminology"),
                                      QStringLiteral("accrual_rules"),     QStringLiteral("reward_tiers"),
                                      QStringLiteral("expiration_months")};
    return parts;
}

Result<LoyaltyProgram> readProgramFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(
            QCoreApplication::translate("ProgramCommands", "Cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(
            QCoreApplication::translate("ProgramCommands", "%1 is not valid JSON: %2 at character %3.")
                .arg(path, parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return Error::invalid(
            QCoreApplication::translate("ProgramCommands", "%1 must hold one JSON object: the program.").arg(path));
    return LoyaltyProgram::fromJson(document.object());
}

// The top-level parts whose content differs, by name.
QStringList changedParts(const QJsonObject& before, const QJsonObject& after)
{
    QStringList keys = before.keys();
    for (const QString& key : after.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    QStringList changed;
    for (const QString& key : std::as_const(keys)) {
        if (before.value(key) != after.value(key))
            changed << key;
    }
    return changed;
}

// A connected store's Square parts change at Square only: sync would overwrite a local edit, or worse, the till
// would compute points Square does not. An unconnected store cannot claim a Square program by a file either:
// connecting is `square connect`'s work.
Result<void> checkSquareParts(const LoyaltyProgram& stored, const LoyaltyProgram& loaded)
{
    const QJsonObject before = stored.toJson();
    const QJsonObject after = loaded.toJson();
    if (stored.squareProgramId.isEmpty()) {
        if (loaded.squareProgramId.isEmpty())
            return {};
        return Error::invalid(QCoreApplication::translate("ProgramCommands",
                                                          "square_program_id: this store is not connected to Square; "
                                                          "leave it empty (`square connect` sets it)."),
                              QStringLiteral("square_program_id"));
    }
    for (const QString& part : squareParts()) {
        if (before.value(part) != after.value(part))
            return Error::invalid(QCoreApplication::translate("ProgramCommands",
                                                              "Square runs this store's %1; change it in the Square "
                                                              "Dashboard.")
                                      .arg(part),
                                  part);
    }
    return {};
}

// The readable form of the program, for `program` without --json.
class ProgramSummary
{
    Q_DECLARE_TR_FUNCTIONS(ProgramCommands)

public:
    static QString of(const LoyaltyProgram& p);
};

QString ProgramSummary::of(const LoyaltyProgram& p)
{
    const auto money = [&p](qint64 minor) {
        return Money(minor, p.currency).toDisplayString();
    };
    QString text = p.squareProgramId.isEmpty()
        ? tr("Loyalty program (local), %1, %2\n").arg(p.currency, p.active ? tr("active") : tr("inactive"))
        : tr("Loyalty program %1 (run by Square), %2, %3\n")
              .arg(p.squareProgramId, p.currency, p.active ? tr("active") : tr("inactive"));
    text += tr("Earning:\n");
    for (const AccrualRule& rule : p.accrualRules) {
        switch (rule.type) {
        case AccrualRule::Type::Spend:
            text += tr("  %1 %2 for every %3 spent\n")
                        .arg(rule.points)
                        .arg(p.pointsWord(rule.points), money(rule.spendAmountMinor));
            break;
        case AccrualRule::Type::Visit:
            text += tr("  %1 %2 per visit of at least %3\n")
                        .arg(rule.points)
                        .arg(p.pointsWord(rule.points), money(rule.visitMinimumMinor));
            break;
        case AccrualRule::Type::ItemVariation:
            text += tr("  %1 %2 per item %3\n").arg(rule.points).arg(p.pointsWord(rule.points), rule.itemVariationId);
            break;
        case AccrualRule::Type::Category:
            text += tr("  %1 %2 per item of category %3\n")
                        .arg(rule.points)
                        .arg(p.pointsWord(rule.points), rule.categoryId);
            break;
        }
    }
    text += tr("Rewards:\n");
    for (const RewardTier& reward : p.rewardTiers)
        text += QStringLiteral("  %1  %2 %3  %4\n")
                    .arg(reward.id.leftJustified(16))
                    .arg(reward.points, 6)
                    .arg(p.termOther, reward.name);
    if (!p.memberTiers.isEmpty()) {
        const TierPolicy& policy = p.memberTiers;
        const QString window = policy.window == TierPolicy::Window::Rolling
            ? tr("the last %1 months").arg(policy.months)
            : policy.window == TierPolicy::Window::CalendarYear ? tr("the calendar year")
                                                                : tr("the member's lifetime");
        text += (policy.basis == TierPolicy::Basis::Points ? tr("Member tiers, on points earned in %1 (grace %2 "
                                                                "days):\n")
                                                           : tr("Member tiers, on spend in %1 (grace %2 days):\n"))
                    .arg(window)
                    .arg(policy.graceDays);
        for (const MemberTier& tier : policy.tiers) {
            const QString threshold =
                policy.basis == TierPolicy::Basis::Points ? QString::number(tier.threshold) : money(tier.threshold);
            text +=
                tr("  %1 from %2, earns %3x%4\n")
                    .arg(tier.name.leftJustified(12), threshold, multiplierText(tier.multiplierMilli),
                         tier.rewardIds.isEmpty() ? QString()
                                                  : tr(", rewards %1").arg(tier.rewardIds.join(QStringLiteral(", "))));
        }
    }
    const auto occasion = [&](const char* label, const std::optional<OccasionBonus>& bonus) {
        if (!bonus)
            return;
        text += tr(label)
                    .arg(bonus->points)
                    .arg(p.pointsWord(bonus->points),
                         bonus->period == OccasionBonus::Period::Week ? tr("week") : tr("month"));
    };
    occasion(QT_TRANSLATE_NOOP("ProgramCommands", "Birthday bonus: %1 %2, in the birthday's %3\n"), p.birthdayBonus);
    occasion(QT_TRANSLATE_NOOP("ProgramCommands", "Anniversary bonus: %1 %2, in the anniversary's %3\n"),
             p.anniversaryBonus);
    if (p.referralBonus)
        text += tr("Referral bonus: %1 to the referrer, %2 to the new member, on a first sale of %3 (at most %4 a "
                   "month)\n")
                    .arg(p.referralBonus->referrerPoints)
                    .arg(p.referralBonus->refereePoints)
                    .arg(money(p.referralBonus->minimumSpendMinor))
                    .arg(p.referralBonus->monthlyLimit);
    if (p.winBack)
        text += tr("Win-back: after %1 days without a sale, %2x points on a sale within %3 days\n")
                    .arg(p.winBack->afterDays)
                    .arg(multiplierText(p.winBack->multiplierMilli))
                    .arg(p.winBack->validDays);
    text += p.expirationMonths
        ? tr("Points expire %1 months after the month they were earned in.\n").arg(*p.expirationMonths)
        : tr("Points do not expire.\n");
    return text;
}

int show(CommandContext& c)
{
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    auto program = ProgramRepository(**db, c.clock()).load();
    if (!program)
        return c.fail(program.error());
    // The object itself, so that `program --json > file` is a file `program load` takes back.
    return c.succeed(program->toJson(), ProgramSummary::of(*program));
}

int load(CommandContext& c, const QString& path)
{
    auto loaded = readProgramFile(path);
    if (!loaded)
        return c.fail(loaded.error());
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    ProgramRepository repository(**db, c.clock());
    QStringList changed;
    auto saved = inTransaction(**db, [&]() -> Result<void> {
        LT_TRY_ASSIGN(const LoyaltyProgram stored, repository.load());
        LT_TRY(checkSquareParts(stored, *loaded));
        changed = changedParts(stored.toJson(), loaded->toJson());
        // A connected store's program stays Square's: only the till's own parts changed.
        LT_TRY(repository.save(*loaded,
                               stored.squareProgramId.isEmpty() ? ProgramRepository::Source::Local
                                                                : ProgramRepository::Source::Square));
        return AuditLog(**db, c.clock())
            .record(c.actor().name(), QStringLiteral("program.load"), QStringLiteral("program"),
                    {{QStringLiteral("file"), path}, {QStringLiteral("changed"), QJsonArray::fromStringList(changed)}});
    });
    if (!saved)
        return c.fail(saved.error());
    const QString text = changed.isEmpty()
        ? QCoreApplication::translate("ProgramCommands", "The program is loaded; it was already this one.")
        : QCoreApplication::translate("ProgramCommands", "The program is loaded; changed: %1.")
              .arg(changed.join(QStringLiteral(", ")));
    return c.succeed({{QStringLiteral("program"), loaded->toJson()},
                      {QStringLiteral("changed"), QJsonArray::fromStringList(changed)}},
                     text);
}

int program(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.isEmpty())
        return show(c);
    if (args.size() == 2 && args.first() == QLatin1String("load"))
        return load(c, args.at(1));
    return c.fail(Error::invalid(QCoreApplication::translate(
        "ProgramCommands", "Use `program` to print the program or `program load FILE.json` to replace it.")));
}
} // namespace

QList<Command> ProgramCommands::commands()
{
    return {
        {QStringLiteral("program"),
         QCoreApplication::translate("ProgramCommands",
                                     "Print the loyalty program, or replace it: program load FILE.json (checked, "
                                     "audited)."),
         QStringLiteral("[load FILE.json]"), [](QCommandLineParser&) {}, program},
    };
}

} // namespace lt::admin
