#include "app/admin/PointsCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/JsonFormat.h"
#include "core/domain/Actor.h"
#include "core/exchange/CsvReader.h"
#include "core/services/AccrualService.h"
#include "core/services/LoyaltyEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace lt::admin {

namespace {
int report(CommandContext& c, LoyaltyEngine& engine, const Result<PointsChange>& change)
{
    if (!change)
        return c.fail(change.error());
    return c.succeed(JsonFormat::pointsChange(*change), JsonFormat::pointsChangeText(*change, engine.program()));
}

// item,category,quantity,amount with a header row; amount in the program's currency.
Result<QList<SaleLine>> readItems(const QString& path, const QString& currency)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    CsvReader reader(file);
    LT_TRY_ASSIGN(const QStringList header, reader.next());
    const QStringList expected = {QStringLiteral("item"), QStringLiteral("category"), QStringLiteral("quantity"),
                                  QStringLiteral("amount")};
    QStringList names;
    for (const QString& h : header)
        names << h.trimmed().toLower();
    if (names != expected)
        return Error::invalid(QStringLiteral("%1: the first line must be item,category,quantity,amount.").arg(path));
    QList<SaleLine> lines;
    while (true) {
        LT_TRY_ASSIGN(const QStringList record, reader.next());
        if (record.isEmpty())
            break;
        if (record.size() == 1 && record.first().trimmed().isEmpty())
            continue;
        if (record.size() != 4)
            return Error::invalid(QStringLiteral("%1 line %2: expected 4 fields.").arg(path).arg(reader.recordLine()));
        bool ok = false;
        SaleLine line;
        line.itemVariationId = record.at(0).trimmed();
        line.categoryId = record.at(1).trimmed();
        line.quantity = record.at(2).trimmed().toLongLong(&ok);
        if (!ok || line.quantity < 1)
            return Error::invalid(QStringLiteral("%1 line %2: the quantity must be a whole number of 1 or more.")
                                      .arg(path)
                                      .arg(reader.recordLine()));
        auto amount = Money::parse(record.at(3), currency);
        if (!amount)
            return Error::invalid(
                QStringLiteral("%1 line %2: %3").arg(path).arg(reader.recordLine()).arg(amount.error().message));
        line.amountMinor = amount->minorUnits();
        lines << line;
        if (lines.size() > 10000)
            return Error::invalid(QStringLiteral("%1: a sale has at most 10000 lines.").arg(path));
    }
    return lines;
}

int accrue(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QCommandLineParser& p = c.parser();
    if (!p.isSet(QStringLiteral("sale")) || !p.isSet(QStringLiteral("amount")))
        return c.fail(Error::invalid(QStringLiteral("accrue needs --sale REF and --amount X.")));
    auto member = c.memberFromOptions();
    if (!member)
        return c.fail(member.error());
    const QString currency = (*engine)->program().currency;
    auto amount = Money::parse(p.value(QStringLiteral("amount")), currency);
    if (!amount)
        return c.fail(amount.error());
    Sale sale {p.value(QStringLiteral("sale")), *amount, {}};
    if (p.isSet(QStringLiteral("items"))) {
        auto lines = readItems(p.value(QStringLiteral("items")), currency);
        if (!lines)
            return c.fail(lines.error());
        sale.lines = *lines;
    }
    AccrualOptions options;
    if (p.isSet(QStringLiteral("completed-at"))) {
        // With an offset or Z, that moment; without one, the store's local time.
        options.completedAt =
            QDateTime::fromString(p.value(QStringLiteral("completed-at")).trimmed(), Qt::ISODateWithMs);
        if (!options.completedAt.isValid())
            return c.fail(Error::invalid(
                QStringLiteral("--completed-at takes an ISO 8601 time such as 2024-03-05T14:30:00+01:00."),
                QStringLiteral("completed_at")));
    }
    auto change = (*engine)->accrual().accrue(*member, sale, c.actor(), options);
    if (!change)
        return c.fail(change.error());
    return c.succeed(JsonFormat::accrual(*change), JsonFormat::pointsChangeText(*change, (*engine)->program()));
}

int redeem(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QCommandLineParser& p = c.parser();
    if (!p.isSet(QStringLiteral("reward")))
        return c.fail(Error::invalid(QStringLiteral("redeem needs --reward ID (see `rewards`).")));
    auto member = c.memberFromOptions();
    if (!member)
        return c.fail(member.error());
    RedemptionRequest request;
    request.memberId = *member;
    request.rewardTierId = p.value(QStringLiteral("reward"));
    request.saleReference = p.value(QStringLiteral("sale"));
    if (p.isSet(QStringLiteral("points"))) {
        bool ok = false;
        const qint64 points = p.value(QStringLiteral("points")).toLongLong(&ok);
        if (!ok || points < 1)
            return c.fail(Error::invalid(QStringLiteral("--points takes a whole number of 1 or more.")));
        request.points = points;
    }
    return report(c, **engine, (*engine)->redemption().redeem(request, c.actor()));
}

int refund(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QCommandLineParser& p = c.parser();
    if (!p.isSet(QStringLiteral("sale")))
        return c.fail(Error::invalid(QStringLiteral("refund needs --sale REF.")));
    RefundRequest request;
    request.saleReference = p.value(QStringLiteral("sale"));
    request.refundReference = p.value(QStringLiteral("reference"));
    if (p.isSet(QStringLiteral("amount"))) {
        auto amount = Money::parse(p.value(QStringLiteral("amount")), (*engine)->program().currency);
        if (!amount)
            return c.fail(amount.error());
        request.amount = *amount;
    }
    return report(c, **engine, (*engine)->refunds().refund(request, c.actor()));
}

int voidSale(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    return report(c, **engine,
                  (*engine)->accrual().voidSale(c.parser().value(QStringLiteral("sale")),
                                                c.parser().value(QStringLiteral("reason")), c.actor()));
}

int adjust(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QCommandLineParser& p = c.parser();
    // One optional sign, then digits: "+-5" or "++5" is a typo, not a number.
    static const QRegularExpression whole(QStringLiteral("^[+-]?[0-9]+$"));
    QString text = p.value(QStringLiteral("points")).trimmed();
    bool ok = whole.match(text).hasMatch();
    if (text.startsWith(QLatin1Char('+')))
        text.remove(0, 1);
    const qint64 points = ok ? text.toLongLong(&ok) : 0;
    if (!ok)
        return c.fail(Error::invalid(QStringLiteral("--points takes a whole number such as +50 or -20.")));
    if (p.value(QStringLiteral("reason")).trimmed().isEmpty())
        return c.fail(Error::invalid(QStringLiteral("--reason is required for an adjustment.")));
    auto member = c.memberFromOptions();
    if (!member)
        return c.fail(member.error());
    return report(c, **engine,
                  (*engine)->adjustments().request(*member, points, p.value(QStringLiteral("reason")), c.actor()));
}

int decide(CommandContext& c, bool approve)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const QStringList args = c.parser().positionalArguments();
    bool ok = false;
    const qint64 id = args.value(0).toLongLong(&ok);
    if (args.size() != 1 || !ok || id < 1)
        return c.fail(Error::invalid(QStringLiteral("Give the adjustment's id (see `adjustments`).")));
    const QString manager = c.parser().value(QStringLiteral("manager"));
    return report(c, **engine,
                  approve ? (*engine)->adjustments().approve(id, manager, c.actor())
                          : (*engine)->adjustments().reject(id, manager, c.actor()));
}

int adjustments(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto pending = (*engine)->adjustments().pending();
    if (!pending)
        return c.fail(pending.error());
    QJsonArray list;
    QString text;
    for (const Adjustment& a : *pending) {
        list.append(QJsonObject {{QStringLiteral("id"), a.id},
                                 {QStringLiteral("member"), a.memberId},
                                 {QStringLiteral("points"), a.points},
                                 {QStringLiteral("reason"), a.reason},
                                 {QStringLiteral("requested_by"), a.requestedBy},
                                 {QStringLiteral("requested_at"), a.requestedAt.toString(Qt::ISODateWithMs)}});
        text += QStringLiteral("%1  member %2  %3  %4 (%5)\n")
                    .arg(a.id)
                    .arg(a.memberId)
                    .arg(a.points)
                    .arg(a.reason, a.requestedBy);
    }
    if (pending->isEmpty())
        text = QStringLiteral("No adjustments wait for approval.\n");
    return c.succeed({{QStringLiteral("adjustments"), list}}, text);
}

void memberOptions(QCommandLineParser& p)
{
    CommandContext::addMemberOptions(p);
}
} // namespace

QList<Command> PointsCommands::commands()
{
    return {
        {QStringLiteral("accrue"), QStringLiteral("Award points for a completed sale (idempotent by sale reference)."),
         QString(),
         [](QCommandLineParser& p) {
             memberOptions(p);
             p.addOption(option("sale", "The sale's receipt number.", "REF"));
             p.addOption(option("amount", "The sale total, e.g. 12.34.", "X"));
             p.addOption(option("items", "CSV of lines: item,category,quantity,amount.", "FILE"));
             p.addOption(option("completed-at",
                                "When the sale took place, for a receipt brought in later (ISO 8601; up to "
                                "sales.backdate_days back).",
                                "TIME"));
         },
         accrue},
        {QStringLiteral("redeem"), QStringLiteral("Spend points on a reward; prints the discount to apply."), QString(),
         [](QCommandLineParser& p) {
             memberOptions(p);
             p.addOption(option("reward", "The reward's id (see `rewards`).", "ID"));
             p.addOption(option("points", "Points to use, for rewards that allow a choice.", "N"));
             p.addOption(option("sale", "The sale the discount goes on.", "REF"));
         },
         redeem},
        {QStringLiteral("refund"), QStringLiteral("Refund all or part of a sale; takes its points back pro rata."),
         QString(),
         [](QCommandLineParser& p) {
             p.addOption(option("sale", "The sale's receipt number.", "REF"));
             p.addOption(option("amount", "The refunded amount (default: all that is left).", "X"));
             p.addOption(option("reference", "The register's refund number; makes a retry safe.", "REF"));
         },
         refund},
        {QStringLiteral("void"), QStringLiteral("Take back every point a sale earned (an accrual made by mistake)."),
         QString(),
         [](QCommandLineParser& p) {
             p.addOption(option("sale", "The sale's receipt number.", "REF"));
             p.addOption(option("reason", "Why.", "TEXT"));
         },
         voidSale},
        {QStringLiteral("adjust"), QStringLiteral("Request a manual adjustment; it waits for a manager's approval."),
         QString(),
         [](QCommandLineParser& p) {
             memberOptions(p);
             p.addOption(option("points", "Points to add (+N) or remove (-N).", "N"));
             p.addOption(option("reason", "Why (required).", "TEXT"));
         },
         adjust},
        {QStringLiteral("adjustments"), QStringLiteral("List adjustments waiting for approval."), QString(),
         [](QCommandLineParser&) {}, adjustments},
        {QStringLiteral("approve"), QStringLiteral("Approve a pending adjustment as a manager."), QStringLiteral("ID"),
         [](QCommandLineParser& p) { p.addOption(option("manager", "The approving manager.", "NAME")); },
         [](CommandContext& c) {
             return decide(c, true);
         }},
        {QStringLiteral("reject"), QStringLiteral("Reject a pending adjustment as a manager."), QStringLiteral("ID"),
         [](QCommandLineParser& p) { p.addOption(option("manager", "The rejecting manager.", "NAME")); },
         [](CommandContext& c) {
             return decide(c, false);
         }},
    };
}

} // namespace lt::admin
