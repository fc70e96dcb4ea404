#include "app/admin/OfferCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/JsonFormat.h"
#include "app/admin/ReportOptions.h"
#include "core/domain/ProgramFields.h"
#include "core/exchange/MemberExporter.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/OfferService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace lt::admin {

namespace {

// A service's error names its field, which is the option's name: the message says which option it was.
Error withOption(Error error)
{
    if (!error.field.isEmpty() && !error.message.startsWith(QLatin1String("--")))
        error.message = QStringLiteral("--%1: %2").arg(error.field, error.message);
    return error;
}

QDate today(const CommandContext& c)
{
    return c.clock().nowUtc().toLocalTime().date();
}

Result<void> readIncentive(const QCommandLineParser& parser, OfferDraft& draft)
{
    const bool bonus = parser.isSet(QStringLiteral("bonus"));
    const bool multiplier = parser.isSet(QStringLiteral("multiplier"));
    const bool reward = parser.isSet(QStringLiteral("reward"));
    if (int(bonus) + int(multiplier) + int(reward) != 1)
        return badOption("bonus", QStringLiteral("give exactly one of --bonus N, --multiplier X or --reward ID."));
    if (multiplier) {
        draft.kind = TargetedOffer::Kind::Multiplier;
        LT_TRY_ASSIGN(draft.multiplierMilli, multiplierOption(parser.value(QStringLiteral("multiplier"))));
    } else if (reward) {
        draft.kind = TargetedOffer::Kind::Reward;
        draft.rewardId = parser.value(QStringLiteral("reward")).trimmed();
    } else {
        bool ok = false;
        draft.kind = TargetedOffer::Kind::Bonus;
        draft.points = parser.value(QStringLiteral("bonus")).trimmed().toLongLong(&ok);
        if (!ok)
            return badOption("bonus", QStringLiteral("must be a whole number of points, such as 50."));
    }
    return {};
}

Result<OfferDraft> draftFromOptions(CommandContext& c)
{
    const QCommandLineParser& parser = c.parser();
    OfferDraft draft;
    draft.name = parser.value(QStringLiteral("name"));
    draft.segment = parser.value(QStringLiteral("segment"));
    if (!parser.isSet(QStringLiteral("segment")))
        return badOption("segment", QStringLiteral("is required: an RFM segment, lapsed or nearly_there."));
    LT_TRY(readIncentive(parser, draft));
    LT_TRY_ASSIGN(draft.from, reportDateOption(parser, QStringLiteral("from"), today(c)));
    LT_TRY_ASSIGN(draft.to, reportDateOption(parser, QStringLiteral("to"), QDate()));
    if (!draft.to.isValid())
        return badOption("to", QStringLiteral("is required: a date such as 2030-03-05."));
    static const QRegularExpression percent(QStringLiteral("^(\\d{1,3})\\s*%?$"));
    const QRegularExpressionMatch share = percent.match(parser.value(QStringLiteral("holdout")).trimmed());
    if (!parser.isSet(QStringLiteral("holdout")) || !share.hasMatch())
        return badOption("holdout",
                         QStringLiteral("give the share held out as a whole percentage, 0 to %1.")
                             .arg(TargetedOffer::MaxHoldoutPercent));
    draft.holdoutPercent = share.captured(1).toInt();
    draft.manager = parser.value(QStringLiteral("manager"));
    return draft;
}

QString statusOf(const TargetedOffer& offer, QDate day)
{
    if (offer.endedAt.isValid())
        return QStringLiteral("ended");
    if (day < offer.from)
        return QStringLiteral("scheduled");
    return day <= offer.to ? QStringLiteral("open") : QStringLiteral("over");
}

QJsonObject toJson(const TargetedOffer& o, QDate day)
{
    return {{QStringLiteral("id"), o.id},
            {QStringLiteral("name"), o.name},
            {QStringLiteral("segment"), o.segment},
            {QStringLiteral("kind"), toStorage(o.kind)},
            {QStringLiteral("incentive"), o.incentiveText()},
            {QStringLiteral("points"), JsonFormat::orNull(o.kind != TargetedOffer::Kind::Multiplier, o.points)},
            {QStringLiteral("multiplier"),
             JsonFormat::orNull(o.kind == TargetedOffer::Kind::Multiplier, multiplierText(o.multiplierMilli))},
            {QStringLiteral("reward"), JsonFormat::orNull(o.kind == TargetedOffer::Kind::Reward, o.rewardId)},
            {QStringLiteral("from"), o.from.toString(Qt::ISODate)},
            {QStringLiteral("to"), o.to.toString(Qt::ISODate)},
            {QStringLiteral("holdout_percent"), o.holdoutPercent},
            {QStringLiteral("status"), statusOf(o, day)},
            {QStringLiteral("created_by"), o.createdBy},
            {QStringLiteral("created_at"), o.createdAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("ended_at"),
             JsonFormat::orNull(o.endedAt.isValid(), o.endedAt.toUTC().toString(Qt::ISODateWithMs))},
            {QStringLiteral("ended_by"), JsonFormat::orNull(o.endedAt.isValid(), o.endedBy)}};
}

QString line(const TargetedOffer& o, QDate day)
{
    return QStringLiteral("%1  %2  %3  %4  %5 to %6  hold-out %7%  %8\n")
        .arg(o.id, 4)
        .arg(statusOf(o, day).leftJustified(9), o.incentiveText().leftJustified(10), o.segment.leftJustified(15),
             o.from.toString(Qt::ISODate), o.to.toString(Qt::ISODate))
        .arg(o.holdoutPercent)
        .arg(o.name);
}

int list(CommandContext& c, OfferService& offers)
{
    auto all = offers.list();
    if (!all)
        return c.fail(all.error());
    QJsonArray json;
    QString text;
    for (const TargetedOffer& o : *all) {
        json.append(toJson(o, today(c)));
        text += line(o, today(c));
    }
    return c.succeed({{QStringLiteral("offers"), json}}, text.isEmpty() ? QStringLiteral("No offers yet.") : text);
}

int add(CommandContext& c, OfferService& offers)
{
    auto draft = draftFromOptions(c);
    if (!draft)
        return c.fail(draft.error());
    auto offer = offers.define(*draft, today(c), c.actor());
    if (!offer)
        return c.fail(withOption(offer.error()));
    auto results = offers.results(offer->id, today(c));
    if (!results)
        return c.fail(results.error());
    QJsonObject json = toJson(*offer, today(c));
    json.insert(QStringLiteral("members"), results->offered.members + results->heldOut.members);
    json.insert(QStringLiteral("held_out"), results->heldOut.members);
    return c.succeed({{QStringLiteral("offer"), json}},
                     QStringLiteral("Offer %1 made to %2 members (%3 held out):\n")
                             .arg(offer->id)
                             .arg(results->offered.members + results->heldOut.members)
                             .arg(results->heldOut.members)
                         + line(*offer, today(c)));
}

int end(CommandContext& c, OfferService& offers, const QString& idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return c.fail(Error::invalid(QStringLiteral("Give the offer's number: offers end ID --manager NAME."),
                                     QStringLiteral("id")));
    auto ended = offers.end(id, c.parser().value(QStringLiteral("manager")), c.actor());
    if (!ended)
        return c.fail(withOption(ended.error()));
    return c.succeed({{QStringLiteral("offer"), toJson(*ended, today(c))}},
                     QStringLiteral("Offer %1 is ended:\n").arg(id) + line(*ended, today(c)));
}

int offersCommand(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    const QString action = args.value(0, QStringLiteral("list"));
    const bool listing = action == QLatin1String("list") && args.size() <= 1;
    const bool adding = action == QLatin1String("add") && args.size() == 1;
    const bool ending = action == QLatin1String("end") && args.size() == 2;
    if (!listing && !adding && !ending)
        return c.fail(Error::invalid(QStringLiteral("offers takes list, add (with its options) or end ID.")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    OfferService offers((*engine)->context());
    if (listing)
        return list(c, offers);
    return adding ? add(c, offers) : end(c, offers, args.at(1));
}

void addOfferOptions(QCommandLineParser& parser)
{
    parser.addOption(
        option("name", "add: the offer's name (at most 70 characters), as the member panel shows it.", "NAME"));
    parser.addOption(option("segment",
                            "add: the members it is for: champions, loyal, promising, needs_attention, at_risk, "
                            "hibernating, lost, lapsed or nearly_there (fixed today).",
                            "SEGMENT"));
    parser.addOption(option("bonus", "add: give N points when the till applies it.", "N"));
    parser.addOption(option("multiplier", "add: multiply the points of the member's next sale by X (1.5, 2).", "X"));
    parser.addOption(option("reward", "add: unlock the reward ID: a bonus worth its cost in points.", "ID"));
    parser.addOption(option("from", "add: the first day, YYYY-MM-DD (default today).", "DATE"));
    parser.addOption(option("to", "add: the last day, YYYY-MM-DD (at most a year after the first).", "DATE"));
    parser.addOption(option("holdout", "add: the share of the segment shown nothing, 0 to 50 (%).", "PCT"));
    parser.addOption(option("manager", "add, end: the manager who makes or ends the offer.", "NAME"));
}

// ---- report offers ----

QJsonValue interval(const std::optional<Interval>& range)
{
    return range ? QJsonValue(QJsonArray {range->low, range->high}) : QJsonValue(QJsonValue::Null);
}

QJsonObject groupJson(const OfferGroupFigures& g)
{
    return {{QStringLiteral("members"), g.members},
            {QStringLiteral("returned"), g.returned},
            {QStringLiteral("return_rate"), g.returnRate},
            {QStringLiteral("return_rate_ci95"), interval(g.returnRateInterval)},
            {QStringLiteral("net_sales_minor"), g.netSalesMinor},
            {QStringLiteral("net_sales_per_member_minor"), g.netSalesPerMemberMinor},
            {QStringLiteral("offer_points"), g.offerPoints},
            {QStringLiteral("points_cost_per_member_minor"), g.pointsCostPerMemberMinor},
            {QStringLiteral("used_by"), g.usedBy}};
}

QJsonObject resultsJson(const OfferResults& r, QDate day)
{
    QJsonObject json = toJson(r.offer, day);
    json.insert(QStringLiteral("counted_from"), r.countedFrom.toString(Qt::ISODate));
    json.insert(QStringLiteral("counted_to"), r.countedTo.toString(Qt::ISODate));
    json.insert(QStringLiteral("cost_per_point_minor"), r.costPerPointMinor);
    json.insert(QStringLiteral("offered"), groupJson(r.offered));
    json.insert(QStringLiteral("held_out"), groupJson(r.heldOut));
    json.insert(QStringLiteral("return_rate_difference"), r.returnRateDifference);
    json.insert(QStringLiteral("return_rate_difference_ci95"), interval(r.returnRateDifferenceInterval));
    json.insert(QStringLiteral("return_rate_interval_method"), QStringLiteral("newcombe_hybrid_score"));
    json.insert(QStringLiteral("net_sales_per_member_difference_minor"), r.netSalesPerMemberDifferenceMinor);
    json.insert(QStringLiteral("net_sales_per_member_difference_ci95"),
                interval(r.netSalesPerMemberDifferenceInterval));
    json.insert(QStringLiteral("net_sales_interval_method"), QStringLiteral("welch"));
    json.insert(QStringLiteral("welch_degrees_of_freedom"), r.welchDegreesOfFreedom);
    return json;
}

QString finiteNumber(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QString();
}

QString rangeText(const std::optional<Interval>& range, double scale, int decimals)
{
    return range ? QStringLiteral("[%1, %2]")
                       .arg(finiteNumber(range->low * scale, decimals), finiteNumber(range->high * scale, decimals))
                 : QStringLiteral("(too few members)");
}

QString resultsText(const OfferResults& r, QDate day)
{
    QString text = line(r.offer, day);
    text += QStringLiteral("  counted %1 to %2; a point costs %3 minor units\n")
                .arg(r.countedFrom.toString(Qt::ISODate), r.countedTo.toString(Qt::ISODate),
                     finiteNumber(r.costPerPointMinor, 2));
    for (const auto& [label, g] : {std::pair {"offered ", &r.offered}, std::pair {"held out", &r.heldOut}}) {
        text += QStringLiteral("  %1  %2 members, %3 returned (%4 %), %5 net sales per member, %6 points cost "
                               "per member\n")
                    .arg(QString::fromLatin1(label))
                    .arg(g->members)
                    .arg(g->returned)
                    .arg(finiteNumber(g->returnRate * 100, 1), finiteNumber(g->netSalesPerMemberMinor, 1),
                         finiteNumber(g->pointsCostPerMemberMinor, 1));
    }
    text += QStringLiteral("  return rate difference %1 points, 95 % CI %2 (Newcombe)\n")
                .arg(finiteNumber(r.returnRateDifference * 100, 1), rangeText(r.returnRateDifferenceInterval, 100, 1));
    text += QStringLiteral("  net sales per member difference %1, 95 % CI %2 (Welch)\n")
                .arg(finiteNumber(r.netSalesPerMemberDifferenceMinor, 1),
                     rangeText(r.netSalesPerMemberDifferenceInterval, 1, 1));
    return text;
}

QList<QStringList> csvRows(const QList<OfferResults>& all)
{
    QList<QStringList> rows;
    rows << QStringList {QStringLiteral("offer_id"),
                         QStringLiteral("name"),
                         QStringLiteral("segment"),
                         QStringLiteral("incentive"),
                         QStringLiteral("counted_from"),
                         QStringLiteral("counted_to"),
                         QStringLiteral("group"),
                         QStringLiteral("members"),
                         QStringLiteral("returned"),
                         QStringLiteral("return_rate"),
                         QStringLiteral("return_rate_low"),
                         QStringLiteral("return_rate_high"),
                         QStringLiteral("net_sales_minor"),
                         QStringLiteral("net_sales_per_member_minor"),
                         QStringLiteral("offer_points"),
                         QStringLiteral("points_cost_per_member_minor"),
                         QStringLiteral("return_rate_difference"),
                         QStringLiteral("return_rate_difference_low"),
                         QStringLiteral("return_rate_difference_high"),
                         QStringLiteral("net_sales_difference_minor"),
                         QStringLiteral("net_sales_difference_low"),
                         QStringLiteral("net_sales_difference_high")};
    for (const OfferResults& r : all) {
        for (const bool heldOut : {false, true}) {
            const OfferGroupFigures& g = heldOut ? r.heldOut : r.offered;
            const auto low = [](const std::optional<Interval>& range) {
                return range ? finiteNumber(range->low, 6) : QString();
            };
            const auto high = [](const std::optional<Interval>& range) {
                return range ? finiteNumber(range->high, 6) : QString();
            };
            QStringList row {QString::number(r.offer.id),
                             MemberExporter::csvField(r.offer.name, true),
                             MemberExporter::csvField(r.offer.segment, true),
                             MemberExporter::csvField(r.offer.incentiveText(), true),
                             r.countedFrom.toString(Qt::ISODate),
                             r.countedTo.toString(Qt::ISODate),
                             heldOut ? QStringLiteral("held_out") : QStringLiteral("offered"),
                             QString::number(g.members),
                             QString::number(g.returned),
                             finiteNumber(g.returnRate, 6),
                             low(g.returnRateInterval),
                             high(g.returnRateInterval),
                             QString::number(g.netSalesMinor),
                             finiteNumber(g.netSalesPerMemberMinor, 2),
                             QString::number(g.offerPoints),
                             finiteNumber(g.pointsCostPerMemberMinor, 2)};
            // The differences are the offered group's against the held-out one: on the offered row.
            if (heldOut)
                row << QString() << QString() << QString() << QString() << QString() << QString();
            else
                row << finiteNumber(r.returnRateDifference, 6) << low(r.returnRateDifferenceInterval)
                    << high(r.returnRateDifferenceInterval) << finiteNumber(r.netSalesPerMemberDifferenceMinor, 2)
                    << low(r.netSalesPerMemberDifferenceInterval) << high(r.netSalesPerMemberDifferenceInterval);
            rows << row;
        }
    }
    return rows;
}

int reportOffersCommand(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    qint64 id = 0;
    if (args.size() > 2 || args.value(0) != QLatin1String("offers"))
        return c.fail(Error::invalid(QStringLiteral("Use `report offers [ID] [--csv FILE]`.")));
    if (args.size() == 2) {
        bool ok = false;
        id = args.at(1).toLongLong(&ok);
        if (!ok || id <= 0)
            return c.fail(
                Error::invalid(QStringLiteral("Give the offer's number: report offers ID."), QStringLiteral("id")));
    }
    if (c.parser().isSet(QStringLiteral("csv")) && c.parser().value(QStringLiteral("csv")).trimmed().isEmpty())
        return c.fail(badOption("csv", QStringLiteral("name the file to write.")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    OfferService offers((*engine)->context());
    QList<qint64> ids {id};
    if (id == 0) {
        auto all = offers.list();
        if (!all)
            return c.fail(all.error());
        ids.clear();
        for (const TargetedOffer& o : *all)
            ids << o.id;
    }
    QList<OfferResults> all;
    QJsonArray json;
    QString text;
    for (const qint64 offerId : std::as_const(ids)) {
        auto results = offers.results(offerId, today(c));
        if (!results)
            return c.fail(results.error());
        json.append(resultsJson(*results, today(c)));
        text += resultsText(*results, today(c));
        all << *results;
    }
    QJsonObject object {{QStringLiteral("offers"), json}};
    if (text.isEmpty())
        text = QStringLiteral("No offers yet.\n");
    if (c.parser().isSet(QStringLiteral("csv"))) {
        const QString path = c.parser().value(QStringLiteral("csv"));
        if (auto written = writeCsvFile(path, csvRows(all)); !written)
            return c.fail(written.error());
        object.insert(QStringLiteral("csv"), path);
        text += QStringLiteral("Written to %1.\n").arg(path);
    }
    return c.succeed(object, text);
}

void addReportOptions(QCommandLineParser& parser)
{
    parser.addOption(option("csv",
                            "Also write the results to FILE as CSV, two rows an offer (mode 0600; cells that look like "
                            "formulas are kept as text).",
                            "FILE"));
}

} // namespace

QList<Command> OfferCommands::commands()
{
    return {
        {QStringLiteral("offers"),
         QStringLiteral("List the targeted offers, make one to a segment (bonus points, a multiplier of the next sale "
                        "or a reward unlocked, with a hold-out share shown nothing) or end one early (audited). "
                        "`report offers` compares the offered members with the held-out ones."),
         QStringLiteral("[list | add | end ID]"), addOfferOptions, offersCommand},
    };
}

const Command& OfferCommands::reportOffers()
{
    static const Command command {
        QStringLiteral("report"),
        QStringLiteral("The targeted offers' results: offered against held-out members, their return rate, net sales "
                       "and points cost per member, with 95 % confidence intervals of the differences."),
        QStringLiteral("offers [ID]"), addReportOptions, reportOffersCommand};
    return command;
}

} // namespace lt::admin
