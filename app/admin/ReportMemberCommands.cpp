#include "app/admin/ReportMemberCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/ReportOptions.h"
#include "core/exchange/MemberExporter.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/MemberDrillDown.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace lt::admin {

namespace {

constexpr qint64 MaxLimit = 10'000'000;

QString kindIds()
{
    QStringList ids;
    for (const DrillDownKind kind : MemberDrillDown::allKinds())
        ids << MemberDrillDown::id(kind);
    return ids.join(QStringLiteral(", "));
}

Error usage(const QString& message)
{
    return Error::invalid(message + QLatin1Char(' ')
                              + QCoreApplication::translate("ReportMemberCommands",
                                                            "Use `report members KIND [TIER | SEGMENT]`, KIND one of: "
                                                            "%1.")
                                    .arg(kindIds()),
                          QStringLiteral("kind"));
}

// The list the arguments name: KIND, and the tier or segment of those kinds.
Result<DrillDownQuery> queryFrom(const QCommandLineParser& parser, QDate today)
{
    const QStringList args = parser.positionalArguments().mid(1); // after "members"
    if (args.isEmpty())
        return usage(QCoreApplication::translate("ReportMemberCommands", "Name the members to list."));
    DrillDownQuery query;
    const auto kind = MemberDrillDown::kindFromId(args.first().trimmed());
    if (!kind)
        return usage(
            QCoreApplication::translate("ReportMemberCommands", "There is no member list \"%1\".").arg(args.first()));
    query.kind = *kind;
    const bool named = query.kind == DrillDownKind::Tier || query.kind == DrillDownKind::Segment;
    if (args.size() != (named ? 2 : 1))
        return usage(named ? QCoreApplication::translate("ReportMemberCommands", "Name the tier or segment.")
                           : QCoreApplication::translate("ReportMemberCommands", "Too many arguments."));
    if (query.kind == DrillDownKind::Tier)
        query.tier = args.at(1).trimmed();
    if (query.kind == DrillDownKind::Segment) {
        const auto segment = RfmSegments::fromId(args.at(1).trimmed());
        if (!segment) {
            QStringList ids;
            for (const RfmSegment each : RfmSegments::allSegments())
                ids << RfmSegments::id(each);
            return Error::invalid(
                QCoreApplication::translate("ReportMemberCommands", "There is no segment \"%1\"; the segments are: %2.")
                    .arg(args.at(1), ids.join(QStringLiteral(", "))),
                QStringLiteral("segment"));
        }
        query.segment = *segment;
    }
    LT_TRY_ASSIGN(query.from, reportDateOption(parser, QStringLiteral("from"), QDate(today.year(), today.month(), 1)));
    LT_TRY_ASSIGN(query.to, reportDateOption(parser, QStringLiteral("to"), today));
    if (parser.isSet(QStringLiteral("order"))) {
        const auto order = MemberDrillDown::orderFromId(parser.value(QStringLiteral("order")).trimmed());
        if (!order)
            return Error::invalid(
                QStringLiteral("--order: %1")
                    .arg(QCoreApplication::translate("ReportMemberCommands",
                                                     "must be net_sales, sales, last_sale, balance or member.")),
                QStringLiteral("order"));
        query.order = *order;
    }
    return query;
}

Result<qint64> limitOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("limit")))
        return MaxLimit;
    bool ok = false;
    const qint64 limit = parser.value(QStringLiteral("limit")).trimmed().toLongLong(&ok);
    if (!ok || limit < 1 || limit > MaxLimit)
        return Error::invalid(
            QStringLiteral("--limit: %1")
                .arg(QCoreApplication::translate("ReportMemberCommands", "must be a whole number from 1 to %1.")
                         .arg(MaxLimit)),
            QStringLiteral("limit"));
    return limit;
}

QString day(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

void ReportMemberCommands::addOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("order"),
                      QStringLiteral("members: net_sales (default), sales, last_sale, balance or member."),
                      QStringLiteral("ORDER")});
}

int ReportMemberCommands::run(CommandContext& c)
{
    const QDate today = c.clock().nowUtc().toLocalTime().date();
    auto query = queryFrom(c.parser(), today);
    if (!query)
        return c.fail(query.error());
    auto limit = limitOption(c.parser());
    if (!limit)
        return c.fail(limit.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const MemberDrillDown drillDown((*engine)->context());
    auto ranking = drillDown.rank(*query);
    if (!ranking)
        return c.fail(ranking.error());

    // Names are what people typed: neutralised in the CSV as `export` does. Phones are only ever shown masked.
    QList<QStringList> rows {{QStringLiteral("member_id"), QStringLiteral("name"), QStringLiteral("card"),
                              QStringLiteral("tier"), QStringLiteral("sales"), QStringLiteral("net_sales_minor"),
                              QStringLiteral("last_sale_day"), QStringLiteral("balance")}};
    QJsonArray members;
    const QString title = MemberDrillDown::displayName(*query);
    QString text = QCoreApplication::translate("ReportMemberCommands", "%1 from %2 to %3: %4 members\n")
                       .arg(title, day(query->from), day(query->to))
                       .arg(ranking->total());
    const qint64 end = std::min(ranking->total(), *limit);
    for (qint64 offset = 0; offset < end; offset += MemberDrillDown::MaxPageSize) {
        auto page = drillDown.rows(*ranking, offset, int(std::min<qint64>(MemberDrillDown::MaxPageSize, end - offset)));
        if (!page)
            return c.fail(page.error());
        for (const DrillDownRow& row : std::as_const(*page)) {
            members.append(QJsonObject {{QStringLiteral("member_id"), row.memberId},
                                        {QStringLiteral("name"), row.displayName},
                                        {QStringLiteral("card"), row.card},
                                        {QStringLiteral("tier"), row.tier},
                                        {QStringLiteral("sales"), row.sales},
                                        {QStringLiteral("net_sales_minor"), row.netSalesMinor},
                                        {QStringLiteral("last_sale_day"), day(row.lastSaleDay)},
                                        {QStringLiteral("balance"), row.balance},
                                        {QStringLiteral("erased"), row.erased}});
            rows << QStringList {QString::number(row.memberId),
                                 MemberExporter::csvField(row.displayName, true),
                                 row.card,
                                 MemberExporter::csvField(row.tier, true),
                                 QString::number(row.sales),
                                 QString::number(row.netSalesMinor),
                                 day(row.lastSaleDay),
                                 QString::number(row.balance)};
            text += QStringLiteral("  #%1 %2 %3 sales %4  net %5  last %6  points %7\n")
                        .arg(row.memberId, -8)
                        .arg(row.displayName.left(24).leftJustified(24))
                        .arg(row.tier.left(10).leftJustified(10))
                        .arg(row.sales, 4)
                        .arg(row.netSalesMinor, 10)
                        .arg(day(row.lastSaleDay).leftJustified(10))
                        .arg(row.balance);
        }
    }
    QJsonObject json {{QStringLiteral("kind"), MemberDrillDown::id(query->kind)},
                      {QStringLiteral("name"), title},
                      {QStringLiteral("from"), day(query->from)},
                      {QStringLiteral("to"), day(query->to)},
                      {QStringLiteral("sales_from"), day(ranking->salesFrom)},
                      {QStringLiteral("sales_to"), day(ranking->salesTo)},
                      {QStringLiteral("order"), MemberDrillDown::id(query->order)},
                      {QStringLiteral("total"), ranking->total()},
                      {QStringLiteral("members"), members}};
    if (query->kind == DrillDownKind::Tier)
        json.insert(QStringLiteral("tier"), query->tier);
    if (query->kind == DrillDownKind::Segment)
        json.insert(QStringLiteral("segment"), RfmSegments::id(query->segment));
    if (c.parser().isSet(QStringLiteral("csv"))) {
        const QString path = c.parser().value(QStringLiteral("csv"));
        if (auto written = writeCsvFile(path, rows); !written)
            return c.fail(written.error());
        json.insert(QStringLiteral("csv"), path);
        text += QCoreApplication::translate("ReportMemberCommands", "Written to %1.\n").arg(path);
    }
    return c.succeed(json, text);
}

} // namespace lt::admin
