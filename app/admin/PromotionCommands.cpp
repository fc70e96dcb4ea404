#include "app/admin/PromotionCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/JsonFormat.h"
#include "app/admin/ReportOptions.h"
#include "core/domain/Money.h"
#include "core/domain/ProgramFields.h"
#include "core/domain/PromotionSchedule.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/PromotionStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace lt::admin {

namespace {

QStringList listOption(const QCommandLineParser& parser, const char* option)
{
    QStringList values;
    for (const QString& value : parser.value(QString::fromLatin1(option)).split(QLatin1Char(','))) {
        if (!value.trimmed().isEmpty())
            values << value.trimmed();
    }
    return values;
}

// Square owns a connected store's promotions: a local one would give points Square's program does not.
Result<void> refuseWhenConnected(const LoyaltyProgram& program)
{
    if (program.squareProgramId.isEmpty())
        return {};
    return Error::refused(QCoreApplication::translate(
        "PromotionCommands",
        "This store is connected to Square, which owns its promotions: create or cancel it in "
        "the Square Dashboard; the next sync brings the change here."));
}

// The categories the store knows: those its accrual rules name, and those IT lists in the setting
// catalog.categories (comma-separated), since the till has no catalog of its own.
QStringList knownCategories(const LoyaltyProgram& program, Database& db)
{
    QStringList known;
    for (const AccrualRule& rule : program.accrualRules) {
        if (!rule.categoryId.isEmpty())
            known << rule.categoryId;
        known << rule.excludedCategoryIds;
    }
    for (const QString& category : StoreSettings(db).value(StoreSettings::CatalogCategories).split(QLatin1Char(','))) {
        if (!category.trimmed().isEmpty())
            known << category.trimmed();
    }
    known.removeDuplicates();
    return known;
}

// MON,TUE or MO,TU as iCalendar's BYDAY writes them, in the week's order.
Result<QStringList> weekdays(const QCommandLineParser& parser)
{
    static const QStringList week = {QStringLiteral("MO"), QStringLiteral("TU"), QStringLiteral("WE"),
                                     QStringLiteral("TH"), QStringLiteral("FR"), QStringLiteral("SA"),
                                     QStringLiteral("SU")};
    QList<bool> chosen(week.size(), false);
    const QStringList given = listOption(parser, "days");
    if (parser.isSet(QStringLiteral("days")) && given.isEmpty())
        return badOption("days",
                         QCoreApplication::translate("PromotionCommands", "names no day; write them like MON,TUE."));
    for (const QString& day : given) {
        const qsizetype at = week.indexOf(day.left(2).toUpper());
        const bool spelled = day.size() == 2 || (day.size() == 3 && at >= 0);
        if (at < 0 || !spelled)
            return badOption(
                "days",
                QCoreApplication::translate("PromotionCommands", "'%1' is not a day; write them like MON,TUE.")
                    .arg(day));
        chosen[at] = true;
    }
    QStringList days;
    for (qsizetype i = 0; i < week.size(); ++i) {
        if (chosen.at(i))
            days << week.at(i);
    }
    return days;
}

// The start and the length in seconds of "16:00-18:00" (24:00 ends at midnight); the whole day without --hours.
Result<std::pair<QTime, int>> hours(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("hours")))
        return std::pair {QTime(0, 0), PromotionSchedule::MaxDurationSeconds};
    static const QRegularExpression format(QStringLiteral("^(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})$"));
    const QRegularExpressionMatch match = format.match(parser.value(QStringLiteral("hours")).trimmed());
    const QTime start = match.hasMatch() ? QTime(match.captured(1).toInt(), match.captured(2).toInt()) : QTime();
    const bool midnight = match.captured(3).toInt() == 24 && match.captured(4).toInt() == 0;
    const QTime end = midnight ? QTime(23, 59) : QTime(match.captured(3).toInt(), match.captured(4).toInt());
    if (!start.isValid() || !end.isValid())
        return badOption("hours",
                         QCoreApplication::translate("PromotionCommands", "must be two times such as 16:00-18:00."));
    const int seconds = start.secsTo(end) + (midnight ? 60 : 0);
    if (seconds <= 0)
        return badOption(
            "hours", QCoreApplication::translate("PromotionCommands", "must end after it starts, on the same day."));
    return std::pair {start, seconds};
}

Result<std::optional<Promotion::TriggerLimit>> limit(const QCommandLineParser& parser)
{
    using Limit = std::optional<Promotion::TriggerLimit>;
    if (!parser.isSet(QStringLiteral("limit")))
        return Limit();
    static const QRegularExpression format(QStringLiteral("^(\\d{1,2})(/day)?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = format.match(parser.value(QStringLiteral("limit")).trimmed());
    const int times = match.hasMatch() ? match.captured(1).toInt() : 0;
    if (times < 1 || times > 30)
        return badOption("limit",
                         QCoreApplication::translate("PromotionCommands",
                                                     "must be 1 to 30 times per member, per day (3/day) or ever (3)."));
    return Limit(Promotion::TriggerLimit {
        times, match.captured(2).isEmpty() ? Promotion::LimitInterval::AllTime : Promotion::LimitInterval::Day});
}

Result<void> readIncentive(const QCommandLineParser& parser, Promotion& promotion)
{
    const bool multiplied = parser.isSet(QStringLiteral("multiplier"));
    if (multiplied == parser.isSet(QStringLiteral("points")))
        return badOption("multiplier",
                         QCoreApplication::translate("PromotionCommands", "give either --multiplier or --points."));
    if (multiplied) {
        promotion.incentive = Promotion::Incentive::Multiplier;
        LT_TRY_ASSIGN(promotion.multiplierMilli, multiplierOption(parser.value(QStringLiteral("multiplier"))));
        return {};
    }
    bool ok = false;
    promotion.incentive = Promotion::Incentive::Addition;
    promotion.pointsAddition = parser.value(QStringLiteral("points")).trimmed().toLongLong(&ok);
    if (!ok || promotion.pointsAddition < 1 || promotion.pointsAddition > Promotion::MaxPointsAddition)
        return badOption(
            "points",
            QCoreApplication::translate("PromotionCommands", "must be a whole number of points from 1 to %1.")
                .arg(Promotion::MaxPointsAddition));
    return {};
}

Result<void> readQualifying(const QCommandLineParser& parser, const LoyaltyProgram& program,
                            const QStringList& categories, Promotion& promotion)
{
    if (parser.isSet(QStringLiteral("minimum-spend"))) {
        auto spend = Money::parse(parser.value(QStringLiteral("minimum-spend")), program.currency);
        if (!spend)
            return badOption("minimum-spend", spend.error().message);
        if (spend->isZero())
            return badOption("minimum-spend",
                             QCoreApplication::translate("PromotionCommands", "must be more than nothing."));
        promotion.minimumSpendMinor = spend->minorUnits();
        promotion.currency = program.currency;
    }
    promotion.categoryIds = listOption(parser, "categories");
    promotion.itemVariationIds = listOption(parser, "items");
    if (parser.isSet(QStringLiteral("categories")) && promotion.categoryIds.isEmpty())
        return badOption("categories", QCoreApplication::translate("PromotionCommands", "names no category."));
    if (parser.isSet(QStringLiteral("items")) && promotion.itemVariationIds.isEmpty())
        return badOption("items", QCoreApplication::translate("PromotionCommands", "names no item."));
    if (!promotion.categoryIds.isEmpty() && !promotion.itemVariationIds.isEmpty())
        return badOption(
            "items",
            QCoreApplication::translate("PromotionCommands",
                                        "cannot be given with --categories: Square takes items or categories."));
    for (const QString& category : std::as_const(promotion.categoryIds)) {
        if (!categories.contains(category))
            return badOption("categories",
                             QCoreApplication::translate(
                                 "PromotionCommands",
                                 "'%1' is not a category this store knows (known: %2). Add it to the setting %3.")
                                 .arg(category,
                                      categories.isEmpty() ? QCoreApplication::translate("PromotionCommands", "none")
                                                           : categories.join(QStringLiteral(", ")),
                                      StoreSettings::CatalogCategories));
    }
    return {};
}

// The promotion the options describe; every mistake names its option and nothing is stored.
Result<Promotion> promotionFromOptions(CommandContext& c, const LoyaltyProgram& program, const QStringList& categories)
{
    const QCommandLineParser& parser = c.parser();
    Promotion promotion;
    promotion.name = parser.value(QStringLiteral("name")).trimmed();
    if (promotion.name.isEmpty())
        return badOption("name",
                         QCoreApplication::translate(
                             "PromotionCommands", "give the promotion's name, as the sale's points preview shows it."));
    if (promotion.name.size() > Promotion::MaxNameLength)
        return badOption("name",
                         QCoreApplication::translate("PromotionCommands", "is longer than %1 characters.")
                             .arg(Promotion::MaxNameLength));
    LT_TRY(readIncentive(parser, promotion));
    const QDate today = c.clock().nowUtc().toLocalTime().date();
    LT_TRY_ASSIGN(const QDate from, reportDateOption(parser, QStringLiteral("from"), today));
    LT_TRY_ASSIGN(const QDate to, reportDateOption(parser, QStringLiteral("to"), QDate()));
    if (to.isValid() && to < from)
        return badOption("to", QCoreApplication::translate("PromotionCommands", "comes before the first day."));
    if (to.isValid() && to < today)
        return badOption("to", QCoreApplication::translate("PromotionCommands", "is in the past."));
    LT_TRY_ASSIGN(const QStringList days, weekdays(parser));
    LT_TRY_ASSIGN(const auto time, hours(parser));
    LT_TRY_ASSIGN(promotion.triggerLimit, limit(parser));
    LT_TRY(readQualifying(parser, program, categories, promotion));

    promotion.periods = {PromotionSchedule::periodText(from, time.first, time.second, days, to)};
    auto schedule = PromotionSchedule::fromPeriods(promotion.periods);
    if (!schedule) // --days that never fall between --from and --to
        return badOption("days",
                         QCoreApplication::translate("PromotionCommands",
                                                     "no chosen day falls between the first and the last day."));
    promotion.startDate = schedule->firstDate();
    promotion.endDate = schedule->lastDate();
    promotion.status = promotion.startDate > today ? Promotion::Status::Scheduled : Promotion::Status::Active;
    promotion.createdAt = c.clock().nowUtc();
    return promotion;
}

QJsonObject toJson(const Promotion& p)
{
    const bool multiplier = p.incentive == Promotion::Incentive::Multiplier;
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("square_id"), JsonFormat::orNull(!p.squareId.isEmpty(), p.squareId)},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("status"), toStorage(p.status)},
        {QStringLiteral("incentive"), p.incentiveText()},
        {QStringLiteral("multiplier"), JsonFormat::orNull(multiplier, multiplierText(p.multiplierMilli))},
        {QStringLiteral("points"), JsonFormat::orNull(!multiplier, p.pointsAddition)},
        {QStringLiteral("periods"), QJsonArray::fromStringList(p.periods)},
        {QStringLiteral("start_date"), JsonFormat::orNull(p.startDate.isValid(), p.startDate.toString(Qt::ISODate))},
        {QStringLiteral("end_date"), JsonFormat::orNull(p.endDate.isValid(), p.endDate.toString(Qt::ISODate))},
        {QStringLiteral("minimum_spend"),
         JsonFormat::orNull(p.minimumSpendMinor > 0, Money(p.minimumSpendMinor, p.currency).toDecimalString())},
        {QStringLiteral("currency"), JsonFormat::orNull(p.minimumSpendMinor > 0, p.currency)},
        {QStringLiteral("categories"), QJsonArray::fromStringList(p.categoryIds)},
        {QStringLiteral("items"), QJsonArray::fromStringList(p.itemVariationIds)},
        {QStringLiteral("limit"),
         JsonFormat::orNull(p.triggerLimit.has_value(),
                            QJsonObject {{QStringLiteral("times"), p.triggerLimit ? p.triggerLimit->times : 0},
                                         {QStringLiteral("interval"),
                                          p.triggerLimit && p.triggerLimit->interval == Promotion::LimitInterval::Day
                                              ? QStringLiteral("DAY")
                                              : QStringLiteral("ALL_TIME")}})},
        {QStringLiteral("created_at"), p.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("canceled_at"),
         JsonFormat::orNull(p.canceledAt.isValid(), p.canceledAt.toUTC().toString(Qt::ISODateWithMs))},
    };
}

QString line(const Promotion& p)
{
    const QString dates = p.endDate.isValid()
        ? QCoreApplication::translate("PromotionCommands", "%1 to %2")
              .arg(p.startDate.toString(Qt::ISODate), p.endDate.toString(Qt::ISODate))
        : QCoreApplication::translate("PromotionCommands", "from %1").arg(p.startDate.toString(Qt::ISODate));
    return QStringLiteral("%1  %2  %3  %4  (%5)\n")
        .arg(p.id, 4)
        .arg(toStorage(p.status).leftJustified(9), p.incentiveText().leftJustified(6), p.name, dates);
}

int list(CommandContext& c, Database& db)
{
    auto promotions = PromotionStore(db).all();
    if (!promotions)
        return c.fail(promotions.error());
    QJsonArray json;
    QString text;
    for (const Promotion& p : *promotions) {
        json.append(toJson(p));
        text += line(p);
    }
    return c.succeed({{QStringLiteral("promotions"), json}},
                     text.isEmpty() ? QCoreApplication::translate("PromotionCommands", "No promotions yet.") : text);
}

int add(CommandContext& c, Database& db, const LoyaltyProgram& program)
{
    auto promotion = promotionFromOptions(c, program, knownCategories(program, db));
    if (!promotion)
        return c.fail(promotion.error());
    auto added = inTransaction(db, [&]() -> Result<qint64> {
        LT_TRY_ASSIGN(const qint64 id, PromotionStore(db).add(*promotion));
        LT_TRY(AuditLog(db, c.clock())
                   .record(c.actor().name(), QStringLiteral("promotion.add"), QStringLiteral("promotion:%1").arg(id),
                           {{QStringLiteral("name"), promotion->name},
                            {QStringLiteral("incentive"), promotion->incentiveText()}}));
        return id;
    });
    if (!added)
        return c.fail(added.error());
    promotion->id = *added;
    return c.succeed({{QStringLiteral("promotion"), toJson(*promotion)}},
                     QCoreApplication::translate("PromotionCommands", "Promotion %1 added:\n").arg(*added)
                         + line(*promotion));
}

int cancel(CommandContext& c, Database& db, const QString& idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return c.fail(Error::invalid(
            QCoreApplication::translate("PromotionCommands", "Give the promotion's number: promotions cancel ID."),
            QStringLiteral("id")));
    auto canceled = inTransaction(db, [&]() -> Result<Promotion> {
        LT_TRY_ASSIGN(Promotion promotion, PromotionStore(db).cancel(id, c.clock().nowUtc()));
        LT_TRY(AuditLog(db, c.clock())
                   .record(c.actor().name(), QStringLiteral("promotion.cancel"), QStringLiteral("promotion:%1").arg(id),
                           {{QStringLiteral("name"), promotion.name}}));
        return promotion;
    });
    if (!canceled)
        return c.fail(canceled.error());
    return c.succeed({{QStringLiteral("promotion"), toJson(*canceled)}},
                     QCoreApplication::translate("PromotionCommands", "Promotion %1 is canceled:\n").arg(id)
                         + line(*canceled));
}

int promotions(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    const QString action = args.value(0, QStringLiteral("list"));
    const bool listing = action == QLatin1String("list") && args.size() <= 1;
    const bool adding = action == QLatin1String("add") && args.size() == 1;
    const bool canceling = action == QLatin1String("cancel") && args.size() == 2;
    if (!listing && !adding && !canceling)
        return c.fail(Error::invalid(QCoreApplication::translate(
            "PromotionCommands", "promotions takes list, add (with its options) or cancel ID.")));
    auto db = c.database();
    if (!db)
        return c.fail(db.error());
    if (listing)
        return list(c, **db);
    auto program = ProgramRepository(**db, c.clock()).load();
    if (!program)
        return c.fail(program.error());
    if (auto local = refuseWhenConnected(*program); !local)
        return c.fail(local.error());
    return adding ? add(c, **db, *program) : cancel(c, **db, args.at(1));
}

void addPromotionOptions(QCommandLineParser& parser)
{
    auto option = [&parser](const char* name, const char* description, const char* value) {
        parser.addOption({QString::fromLatin1(name), QCoreApplication::translate("PromotionCommands", description),
                          QString::fromLatin1(value)});
    };
    option(
        "name",
        QT_TRANSLATE_NOOP("PromotionCommands",
                          "add: the promotion's name (at most 70 characters), as the sale's points preview shows it."),
        "NAME");
    option("multiplier",
           QT_TRANSLATE_NOOP("PromotionCommands",
                             "add: multiply the points a sale earns by X (more than 1, at most 10: 2, 1.5)."),
           "X");
    option("points", QT_TRANSLATE_NOOP("PromotionCommands", "add: add N points to each sale that earns points."), "N");
    option("from", QT_TRANSLATE_NOOP("PromotionCommands", "add: the first day, YYYY-MM-DD (default today)."), "DATE");
    option("to", QT_TRANSLATE_NOOP("PromotionCommands", "add: the last day, YYYY-MM-DD (default: until canceled)."),
           "DATE");
    option("days",
           QT_TRANSLATE_NOOP("PromotionCommands",
                             "add: only on these days of the week, e.g. MON,TUE (default every day)."),
           "DAYS");
    option("hours",
           QT_TRANSLATE_NOOP("PromotionCommands",
                             "add: only between these times of day, e.g. 16:00-18:00 (default the whole day)."),
           "HH:MM-HH:MM");
    option("minimum-spend",
           QT_TRANSLATE_NOOP("PromotionCommands", "add: only for sales of at least this amount, e.g. 10.00."),
           "AMOUNT");
    option("categories",
           QT_TRANSLATE_NOOP(
               "PromotionCommands",
               "add: only for sales holding an item of one of these categories. A category is known when the program's "
               "accrual rules name it or the setting catalog.categories lists it (comma-separated)."),
           "A,B");
    option("items", QT_TRANSLATE_NOOP("PromotionCommands", "add: only for sales holding one of these item variations."),
           "A,B");
    option("limit",
           QT_TRANSLATE_NOOP("PromotionCommands",
                             "add: at most N times per member per day (N/day) or ever (N), N from 1 to 30."),
           "N/day|N");
}
} // namespace

QList<Command> PromotionCommands::commands()
{
    return {
        {QStringLiteral("promotions"),
         QCoreApplication::translate(
             "PromotionCommands",
             "List the promotions, add one (a multiplier or extra points at chosen days and hours) or cancel one; a "
             "store connected to Square takes its promotions from Square (audited)."),
         QStringLiteral("[list | add | cancel ID]"), addPromotionOptions, promotions},
    };
}

} // namespace lt::admin
