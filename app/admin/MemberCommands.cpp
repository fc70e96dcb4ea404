#include "app/admin/MemberCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/JsonFormat.h"
#include "app/admin/StdinLines.h"
#include "core/domain/Actor.h"
#include "core/domain/PersonalDataMask.h"
#include "core/domain/PhoneNumberNormalizer.h"
#include "core/services/EngineContext.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/MarketingConsent.h"
#include "core/services/MemberErasure.h"
#include "core/store/AuditLog.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace lt::admin {

namespace {
// --reveal: IT asked to see the whole phone and e-mail of these members; recorded before anything is shown.
Result<bool> reveal(CommandContext& c, LoyaltyEngine& engine, const QList<Member>& shown, const QString& command)
{
    if (!c.parser().isSet(QStringLiteral("reveal")))
        return false;
    EngineContext& context = engine.context();
    LT_TRY(inTransaction(context.db, [&]() -> Result<void> {
        AuditLog audit(context.db, context.clock);
        for (const Member& m : shown)
            LT_TRY(audit.record(c.actor().name(), QStringLiteral("member.reveal"),
                                QStringLiteral("member:%1").arg(m.id), {{QStringLiteral("command"), command}}));
        return {};
    }));
    return true;
}

QCommandLineOption revealOption()
{
    return option("reveal", "Show whole phone numbers and e-mail addresses (recorded in the audit log).");
}

int enroll(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QCommandLineParser& p = c.parser();
    if (!p.isSet(QStringLiteral("phone")))
        return c.fail(Error::invalid(QStringLiteral("--phone is required: members are found by phone.")));
    EnrollmentRequest request;
    request.phone = p.value(QStringLiteral("phone"));
    request.name = p.value(QStringLiteral("name"));
    request.email = p.value(QStringLiteral("email"));
    request.birthday = p.value(QStringLiteral("birthday"));
    request.card = p.value(QStringLiteral("card"));
    request.marketingConsent = p.isSet(QStringLiteral("consent"));
    request.referredBy = p.value(QStringLiteral("referred-by"));
    if (p.isSet(QStringLiteral("referred-by")) && request.referredBy.trimmed().isEmpty())
        return c.fail(Error::invalid(QCoreApplication::translate("MemberCommands",
                                                                 "--referred-by needs the referring member's number, "
                                                                 "phone number or card."),
                                     QStringLiteral("referred_by")));
    request.consentVersion = StoreSettings((*engine)->context().db).value(StoreSettings::ConsentVersion);
    if (p.isSet(QStringLiteral("card")) && request.card.trimmed().isEmpty())
        return c.fail(Error::invalid(QStringLiteral("--card needs a card number.")));
    auto enrolled = (*engine)->enrollment().enroll(request, c.actor());
    if (!enrolled)
        return c.fail(enrolled.error());
    QJsonObject json = JsonFormat::member(enrolled->member);
    json.insert(QStringLiteral("existing"), enrolled->existing);
    json.insert(QStringLiteral("referred_by"),
                enrolled->member.referredBy > 0 ? QJsonValue(enrolled->member.referredBy)
                                                : QJsonValue(QJsonValue::Null));
    const QString text = (enrolled->existing ? QStringLiteral("Already a member; nothing was created.\n")
                                             : QStringLiteral("Enrolled.\n"))
        + JsonFormat::memberCard(enrolled->member, (*engine)->program());
    return c.succeed(QJsonObject {{QStringLiteral("member"), json}, {QStringLiteral("existing"), enrolled->existing}},
                     text);
}

int lookup(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return c.fail(Error::invalid(QStringLiteral("Give one QUERY: a phone number, a card or a name.")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto found = (*engine)->members().lookup(args.first());
    if (!found)
        return c.fail(found.error());
    if (found->members.isEmpty()) {
        const QString message = found->matchedBy == MemberDirectory::MatchedBy::Card
            ? QStringLiteral("The card %1 is not a member's yet; enroll with --card %1.").arg(found->normalized)
            : found->matchedBy == MemberDirectory::MatchedBy::Phone
            ? QStringLiteral("No member has %1; enroll with --phone %1.").arg(found->normalized)
            : QStringLiteral("No member matches '%1'.").arg(args.first());
        return c.fail(Error::notFound(message));
    }
    auto revealed = reveal(c, **engine, found->members, QStringLiteral("lookup"));
    if (!revealed)
        return c.fail(revealed.error());
    QJsonArray list;
    QString text;
    for (const Member& m : found->members) {
        auto outlook = (*engine)->members().outlook(m.id);
        if (!outlook)
            return c.fail(outlook.error());
        list.append(JsonFormat::member(m, *outlook));
        text += found->members.size() == 1 ? JsonFormat::memberCard(m, (*engine)->program(), *revealed)
                                           : JsonFormat::memberLine(m, *revealed) + QLatin1Char('\n');
    }
    static const char* const how[] = {"id", "phone", "card", "text"};
    QJsonObject json {{QStringLiteral("matched_by"), QString::fromLatin1(how[int(found->matchedBy)])},
                      {QStringLiteral("members"), list}};
    if (found->members.size() == 1)
        json.insert(QStringLiteral("member"), list.first());
    return c.succeed(json, text);
}

int members(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    bool ok = true;
    const int limit =
        c.parser().isSet(QStringLiteral("limit")) ? c.parser().value(QStringLiteral("limit")).toInt(&ok) : 100;
    if (!ok || limit < 1 || limit > 100000)
        return c.fail(Error::invalid(QStringLiteral("--limit takes a number from 1 to 100000.")));
    const qint64 after = c.parser().value(QStringLiteral("after")).toLongLong();
    const QString search = c.parser().value(QStringLiteral("search"));
    auto found =
        search.isEmpty() ? (*engine)->members().list(limit, after) : (*engine)->members().search(search, limit);
    if (!found)
        return c.fail(found.error());
    auto revealed = reveal(c, **engine, *found, QStringLiteral("members"));
    if (!revealed)
        return c.fail(revealed.error());
    QJsonArray list;
    QString text;
    for (const Member& m : *found) {
        auto outlook = (*engine)->members().outlook(m.id);
        if (!outlook)
            return c.fail(outlook.error());
        list.append(JsonFormat::member(m, *outlook));
        text += JsonFormat::memberLine(m, *revealed) + QLatin1Char('\n');
    }
    if (found->isEmpty())
        text = QStringLiteral("No members.\n");
    return c.succeed({{QStringLiteral("members"), list}, {QStringLiteral("count"), list.size()}}, text);
}

int history(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return c.fail(Error::invalid(QStringLiteral("Give one MEMBER: an id, a phone number or a card.")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto id = c.memberFromText(args.first());
    if (!id)
        return c.fail(id.error());
    auto member = (*engine)->members().byId(*id);
    auto entries = (*engine)->members().history(*id, 1000);
    if (!member || !entries)
        return c.fail(member ? entries.error() : member.error());
    auto tierChanges = (*engine)->members().tierChanges(*id);
    if (!tierChanges)
        return c.fail(tierChanges.error());
    auto revealed = reveal(c, **engine, {*member}, QStringLiteral("history"));
    if (!revealed)
        return c.fail(revealed.error());
    QJsonArray list;
    QString text = JsonFormat::memberCard(*member, (*engine)->program(), *revealed);
    for (const LedgerEntry& e : *entries) {
        list.append(JsonFormat::ledgerEntry(e));
        text += QStringLiteral("  %1  %2  %3  %4%5\n")
                    .arg(e.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         toStorage(e.kind).leftJustified(8))
                    .arg(e.points, 7)
                    .arg(e.saleReference.isEmpty() ? e.rewardTierId : e.saleReference,
                         e.synced ? QString() : QStringLiteral("  (not yet synced)"));
    }
    // Tier changes, each with the reason the member was told.
    QJsonArray tiers;
    // Newest first, as the ledger above.
    QList<TierChange> newestFirst = *tierChanges;
    std::reverse(newestFirst.begin(), newestFirst.end());
    for (const TierChange& change : std::as_const(newestFirst)) {
        tiers.append(
            QJsonObject {{QStringLiteral("from"), change.fromTier},
                         {QStringLiteral("to"), change.toTier},
                         {QStringLiteral("direction"), change.up ? QStringLiteral("up") : QStringLiteral("down")},
                         {QStringLiteral("reason"), change.reason},
                         {QStringLiteral("at"), change.at.toString(Qt::ISODateWithMs)}});
        text += QStringLiteral("  %1  tier     %2 -> %3: %4\n")
                    .arg(change.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), change.fromTier,
                         change.toTier, change.reason);
    }
    return c.succeed({{QStringLiteral("member"), JsonFormat::member(*member)},
                      {QStringLiteral("entries"), list},
                      {QStringLiteral("tier_changes"), tiers}},
                     text);
}

int card(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return c.fail(Error::invalid(QStringLiteral("Give one MEMBER: an id, a phone number or a card.")));
    auto id = c.memberFromText(args.first());
    if (!id)
        return c.fail(id.error());
    auto assigned = (*engine)->enrollment().assignCard(*id, c.parser().value(QStringLiteral("number")), c.actor());
    if (!assigned)
        return c.fail(assigned.error());
    auto member = (*engine)->members().byId(*id);
    if (!member)
        return c.fail(member.error());
    return c.succeed({{QStringLiteral("member"), JsonFormat::member(*member)}, {QStringLiteral("card"), *assigned}},
                     QStringLiteral("Card %1 belongs to member %2.").arg(*assigned).arg(*id));
}
int phone(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 2)
        return c.fail(Error::invalid(QStringLiteral("Give the MEMBER (an id, a phone number or a card) and the new "
                                                    "phone number.")));
    auto id = c.memberFromText(args.first());
    if (!id)
        return c.fail(id.error());
    auto member = (*engine)->enrollment().changePhone(*id, args.at(1), c.actor());
    if (!member)
        return c.fail(member.error());
    return c.succeed({{QStringLiteral("member"), JsonFormat::member(*member)}},
                     QStringLiteral("Member %1's phone number is now %2.")
                         .arg(*id)
                         .arg(PhoneNumberNormalizer::masked(member->phone)));
}

// member erase MEMBER --manager NAME [--yes]: asks first, unless --yes.
int erase(CommandContext& c, LoyaltyEngine& engine, qint64 id)
{
    MemberErasure erasure(engine.context());
    auto manager = erasure.manager(c.parser().value(QStringLiteral("manager")));
    if (!manager)
        return c.fail(manager.error());
    auto member = engine.members().byId(id);
    if (!member)
        return c.fail(member.error());
    if (member->erased)
        return c.fail(
            Error::conflict(QCoreApplication::translate("MemberCommands",
                                                        "Member %1's personal data was erased already; nothing was "
                                                        "changed.")
                                .arg(id)));
    if (!c.parser().isSet(QStringLiteral("yes"))) {
        StdinLines in;
        const QString answer =
            in.read(QCoreApplication::translate("MemberCommands",
                                                "Erase the personal data of member %1 (%2, balance %3)? It cannot be "
                                                "undone. Type yes to erase: ")
                        .arg(id)
                        .arg(PersonalDataMask::phone(member->phone), QString::number(member->balance)),
                    false)
                .value_or(QString())
                .trimmed();
        if (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0)
            return c.fail(Error::refused(QCoreApplication::translate(
                "MemberCommands", "Nothing was erased: answer yes when asked, or give --yes.")));
    }
    auto done = erasure.erase(id, manager->name, c.actor());
    if (!done)
        return c.fail(done.error());
    QString text = QCoreApplication::translate("MemberCommands",
                                               "Erased the personal data of member %1 (phone, name, e-mail, birthday, "
                                               "%n card(s)); the balance and the history stay, anonymous.\n",
                                               nullptr, done->cardsRemoved)
                       .arg(id);
    if (done->linkedToSquare)
        text += QCoreApplication::translate("MemberCommands",
                                            "Square keeps its loyalty account, under the customer's phone number: "
                                            "remove it in Square Dashboard if the member asks Square too.\n");
    if (done->outboxDropped > 0)
        text += QCoreApplication::translate(
            "MemberCommands", "%n operation(s) Square had not received were not sent (see `conflicts`).\n", nullptr,
            done->outboxDropped);
    return c.succeed({{QStringLiteral("member"), id},
                      {QStringLiteral("erased_at"), done->erasedAt.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("manager"), manager->name},
                      {QStringLiteral("cards_removed"), done->cardsRemoved},
                      {QStringLiteral("square_linked"), done->linkedToSquare},
                      {QStringLiteral("outbox_dropped"), done->outboxDropped}},
                     text);
}

// member consent MEMBER --withdraw | --give
int consent(CommandContext& c, LoyaltyEngine& engine, qint64 id)
{
    const bool withdraw = c.parser().isSet(QStringLiteral("withdraw"));
    if (withdraw == c.parser().isSet(QStringLiteral("give")))
        return c.fail(
            Error::invalid(QCoreApplication::translate("MemberCommands", "Give one of --withdraw and --give."),
                           QStringLiteral("withdraw")));
    MarketingConsent consents(engine.context());
    auto changed = withdraw
        ? consents.withdraw(id, c.actor())
        : consents.give(id, StoreSettings(engine.context().db).value(StoreSettings::ConsentVersion), c.actor());
    if (!changed)
        return c.fail(changed.error());
    const QString when = changed->at.isValid() ? changed->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                               : QCoreApplication::translate("MemberCommands", "never asked");
    QString text;
    if (!changed->changed)
        text = withdraw ? QCoreApplication::translate("MemberCommands",
                                                      "Member %1 had no marketing consent already (since %2); nothing "
                                                      "changed.\n")
                              .arg(id)
                              .arg(when)
                        : QCoreApplication::translate("MemberCommands",
                                                      "Member %1 had given their marketing consent already (%2); "
                                                      "nothing changed.\n")
                              .arg(id)
                              .arg(when);
    else
        text = withdraw
            ? QCoreApplication::translate("MemberCommands",
                                          "Member %1 withdrew their marketing consent at %2: no offer "
                                          "is made to them from now on.\n")
                  .arg(id)
                  .arg(when)
            : QCoreApplication::translate("MemberCommands", "Member %1 gave their marketing consent at %2.\n")
                  .arg(id)
                  .arg(when);
    return c.succeed({{QStringLiteral("member"), id},
                      {QStringLiteral("marketing_consent"), changed->consent},
                      {QStringLiteral("consent_at"),
                       changed->at.isValid() ? QJsonValue(changed->at.toUTC().toString(Qt::ISODateWithMs))
                                             : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("changed"), changed->changed}},
                     text);
}

int member(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    const QString action = args.value(0);
    if (args.size() != 2 || (action != QLatin1String("erase") && action != QLatin1String("consent")))
        return c.fail(Error::invalid(QCoreApplication::translate(
            "MemberCommands",
            "Give what to do and the MEMBER (an id, a phone number or a card): member erase MEMBER "
            "--manager NAME, or member consent MEMBER --withdraw|--give.")));
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto id = c.memberFromText(args.at(1));
    if (!id)
        return c.fail(id.error());
    return action == QLatin1String("erase") ? erase(c, **engine, *id) : consent(c, **engine, *id);
}
} // namespace

QList<Command> MemberCommands::commands()
{
    return {
        {QStringLiteral("enroll"), QStringLiteral("Enroll a customer (phone required)."), QString(),
         [](QCommandLineParser& p) {
             p.addOption(option("phone", "Phone number in any common format (required).", "P"));
             p.addOption(option("name", "Name.", "N"));
             p.addOption(option("email", "E-mail address.", "E"));
             p.addOption(option("birthday", "Birthday as YYYY-MM-DD.", "YYYY-MM-DD"));
             p.addOption(option("card", "A blank loyalty card to assign.", "C"));
             p.addOption(option("consent", "The customer agreed to the marketing consent text."));
             p.addOption({QStringLiteral("referred-by"),
                          QCoreApplication::translate("MemberCommands",
                                                      "The member who brought the customer in: their member number, "
                                                      "phone number or card. Both get the referral bonus on the new "
                                                      "member's first qualifying sale."),
                          QStringLiteral("MEMBER|PHONE|CARD")});
         },
         enroll},
        {QStringLiteral("lookup"), QStringLiteral("Find members by phone, card, or name or e-mail prefix."),
         QStringLiteral("QUERY"), [](QCommandLineParser& p) { p.addOption(revealOption()); }, lookup},
        {QStringLiteral("members"), QStringLiteral("List members, or search them by name or e-mail."), QString(),
         [](QCommandLineParser& p) {
             p.addOption(option("search", "Name or e-mail prefix.", "TEXT"));
             p.addOption(option("limit", "At most this many (default 100).", "N"));
             p.addOption(option("after", "Start after this member id (paging).", "ID"));
             p.addOption(revealOption());
         },
         members},
        {QStringLiteral("history"), QStringLiteral("A member's ledger, newest first."), QStringLiteral("MEMBER"),
         [](QCommandLineParser& p) { p.addOption(revealOption()); }, history},
        {QStringLiteral("phone"),
         QStringLiteral("Correct a member's phone number (then retry a conflict where Square rejected the old one)."),
         QStringLiteral("MEMBER NUMBER"), [](QCommandLineParser&) {}, phone},
        {QStringLiteral("member"),
         QStringLiteral("A member's privacy: erase their personal data on request, or record their marketing "
                        "consent given or withdrawn."),
         QStringLiteral("erase|consent MEMBER"),
         [](QCommandLineParser& p) {
             p.addOption(
                 option("manager", "erase: the manager who answers for it (a manager of the staff list).", "NAME"));
             p.addOption(option("yes", "erase: do not ask first."));
             p.addOption(option("withdraw", "consent: the member withdraws their marketing consent."));
             p.addOption(option("give", "consent: the member gives it (the store's consent text)."));
         },
         member},
        {QStringLiteral("card"), QStringLiteral("Give a member a card: a scanned blank, or a new number."),
         QStringLiteral("MEMBER"),
         [](QCommandLineParser& p) { p.addOption(option("number", "The scanned card (default: a new number).", "C")); },
         card},
    };
}

} // namespace lt::admin
