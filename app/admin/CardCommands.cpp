#include "app/admin/CardCommands.h"

#include "app/admin/CommandContext.h"
#include "core/domain/CardNumber.h"
#include "core/services/CardNumberAllocator.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/CardBatchStore.h"
#include "core/store/StoreSettings.h"
#include "ui/cards/CardSheetWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace lt::admin {

namespace {

using ui::CardSheetWriter;
using ui::MemberCardFace;

constexpr int MaximumCards = CardNumberAllocator::MaximumBatch;
constexpr int MembersPerPage = 1000; // members are read in pages of this many for --without-card

// What a run prints, and what it says it did beyond printing.
struct Sheet
{
    QList<MemberCardFace> cards;
    QJsonObject details; // merged into the JSON answer
    QString note; // a line before "Wrote ...", or empty
    // The store's change that goes with the sheet (a batch reserved, cards given): one transaction, made once the
    // sheet is drawn and before it replaces the output, so that a run that fails changes nothing. It adds to
    // details and note. Empty when the store does not change.
    std::function<Result<void>(Sheet&)> change;
};

// The operator names the output: a folder that does not exist or cannot be written is refused before the store is
// changed (a batch reserved, cards given).
Result<void> checkOutput(const QString& path)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(CardCommands::tr("Give --output FILE.pdf: where the sheets are written."),
                              QStringLiteral("output"));
    const QFileInfo file(path);
    if (file.isDir())
        return Error::invalid(CardCommands::tr("--output names a folder: %1. Give a file, cards.pdf for example.")
                                  .arg(QDir::toNativeSeparators(path)),
                              QStringLiteral("output"));
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir())
        return Error::invalid(
            CardCommands::tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.filePath())),
            QStringLiteral("output"));
    if ((file.exists() && !file.isWritable()) || !folder.isWritable())
        return Error::invalid(
            CardCommands::tr("Cannot write %1: permission denied.").arg(QDir::toNativeSeparators(path)),
            QStringLiteral("output"));
    return {};
}

Result<QStringList> memberTokens(const QString& given)
{
    QString text = given;
    if (given.trimmed() == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Error::storage(CardCommands::tr("Cannot read the member list from standard input."));
        text = QString::fromUtf8(in.readAll());
    }
    // Not on spaces: a phone number is often written with them ("201 555 0100"), and its parts would read as
    // member numbers.
    static const QRegularExpression separators(QStringLiteral("[,;\\r\\n]+"));
    QStringList tokens;
    for (const QString& token : text.split(separators, Qt::SkipEmptyParts)) {
        if (const QString trimmed = token.trimmed(); !trimmed.isEmpty())
            tokens << trimmed;
    }
    tokens.removeDuplicates();
    if (tokens.isEmpty())
        return Error::invalid(CardCommands::tr("--members needs member numbers (or phone numbers or cards), separated "
                                               "by commas or new lines, or - to read them from standard input."),
                              QStringLiteral("members"));
    if (tokens.size() > MaximumCards)
        return Error::invalid(CardCommands::tr("%1 members are too many for one run: at most %2; print them in parts.")
                                  .arg(tokens.size())
                                  .arg(MaximumCards),
                              QStringLiteral("members"));
    return tokens;
}

// --members: the cards the members have now. Every bad name is reported at once, and nothing is written.
Result<Sheet> membersSheet(CommandContext& c, LoyaltyEngine& engine, const QString& storeName)
{
    LT_TRY_ASSIGN(const QStringList tokens, memberTokens(c.parser().value(QStringLiteral("members"))));
    Sheet sheet;
    QStringList unknown;
    QStringList erased;
    QStringList cardless;
    QSet<qint64> seen;
    for (const QString& token : tokens) {
        auto id = c.memberFromText(token);
        // Neither a member number nor a phone number or card of a member.
        if (!id && (id.error().kind == ErrorKind::NotFound || id.error().kind == ErrorKind::InvalidInput)) {
            unknown << token;
            continue;
        }
        if (!id)
            return id.error();
        if (seen.contains(*id))
            continue;
        seen.insert(*id);
        LT_TRY_ASSIGN(const Member member, engine.members().byId(*id));
        if (member.erased)
            erased << QString::number(member.id);
        else if (member.card.isEmpty())
            cardless << QString::number(member.id);
        else
            sheet.cards.append({storeName, member.name, member.card});
    }
    const QString separator = QStringLiteral(", ");
    if (!unknown.isEmpty())
        return Error::notFound(CardCommands::tr("No member is known by %1.").arg(unknown.join(separator)));
    if (!erased.isEmpty())
        return Error::refused(
            CardCommands::tr("These members have left the program and get no card: %1.").arg(erased.join(separator)));
    if (!cardless.isEmpty())
        return Error::refused(
            CardCommands::tr("These members have no card yet: %1. Give them one with `loyaltytill-admin "
                             "card MEMBER`, or print new cards for every member without one with "
                             "--without-card.")
                .arg(cardless.join(separator)));
    sheet.details.insert(QStringLiteral("members"), int(seen.size()));
    return sheet;
}

QJsonObject batchJson(const CardBatch& batch)
{
    return {{QStringLiteral("id"), batch.id},
            {QStringLiteral("first"), CardNumber::fromSerial(batch.firstSerial)},
            {QStringLiteral("last"), CardNumber::fromSerial(batch.lastSerial())},
            {QStringLiteral("count"), batch.count}};
}

Result<int> countOption(const QString& text, const QString& option)
{
    bool ok = false;
    const int count = text.trimmed().toInt(&ok);
    if (!ok || count < 1 || count > MaximumCards)
        return Error::invalid(CardCommands::tr("--%1 takes a number of cards from 1 to %2, not “%3”.")
                                  .arg(option)
                                  .arg(MaximumCards)
                                  .arg(text),
                              option);
    return count;
}

// --unassigned N: a new batch, drawn with the numbers free now and reserved before the sheet is put in place, so
// that its numbers are never given to anyone else.
Result<Sheet> unassignedSheet(CommandContext& c, LoyaltyEngine& engine, const QString& storeName)
{
    LT_TRY_ASSIGN(const int count,
                  countOption(c.parser().value(QStringLiteral("unassigned")), QStringLiteral("unassigned")));
    CardBatch planned;
    LT_TRY_ASSIGN(planned.firstSerial, CardNumberAllocator(engine.context().db, c.clock()).plan(count));
    planned.count = count;
    Sheet sheet;
    for (const QString& number : planned.numbers())
        sheet.cards.append({storeName, QString(), number});
    sheet.change = [&c, &engine, planned](Sheet& done) -> Result<void> {
        LT_TRY_ASSIGN(const CardBatch batch,
                      CardNumberAllocator(engine.context().db, c.clock())
                          .reservePlanned(planned.firstSerial, planned.count, c.actor()));
        done.details.insert(QStringLiteral("batch"), batchJson(batch));
        done.note = CardCommands::tr("Reserved card numbers %1 to %2 as batch %3.")
                        .arg(CardNumber::fromSerial(batch.firstSerial), CardNumber::fromSerial(batch.lastSerial()))
                        .arg(batch.id);
        return {};
    };
    return sheet;
}

// --batch ID: a batch printed again, without the cards already given to members.
Result<Sheet> batchSheet(CommandContext& c, LoyaltyEngine& engine, const QString& storeName)
{
    const QString given = c.parser().value(QStringLiteral("batch"));
    bool ok = false;
    const qint64 id = given.trimmed().toLongLong(&ok);
    if (!ok || id < 1)
        return Error::invalid(CardCommands::tr("--batch takes a batch number, not “%1”.").arg(given),
                              QStringLiteral("batch"));
    LT_TRY_ASSIGN(const std::optional<CardBatch> batch, CardBatchStore(engine.context().db).byId(id));
    if (!batch)
        return Error::notFound(CardCommands::tr("There is no card batch %1.").arg(id));
    Sheet sheet;
    int givenOut = 0;
    for (const QString& number : batch->numbers()) {
        auto owner = engine.members().byCard(number);
        if (owner) {
            ++givenOut;
            continue;
        }
        if (owner.error().kind != ErrorKind::NotFound)
            return owner.error();
        sheet.cards.append({storeName, QString(), number});
    }
    if (sheet.cards.isEmpty())
        return Error::refused(CardCommands::tr("Every card of batch %1 has been given to a member.").arg(id));
    QJsonObject json = batchJson(*batch);
    json.insert(QStringLiteral("given_out"), givenOut);
    sheet.details.insert(QStringLiteral("batch"), json);
    if (givenOut > 0)
        sheet.note =
            CardCommands::tr("%n card(s) of batch %1 already belong to members and are left out.", "", givenOut)
                .arg(id);
    return sheet;
}

// --without-card: every member still in the program without a card gets a new number, then its card.
Result<Sheet> withoutCardSheet(CommandContext& c, LoyaltyEngine& engine, const QString& storeName)
{
    QList<Member> cardless;
    qint64 after = 0;
    for (;;) {
        LT_TRY_ASSIGN(const QList<Member> page, engine.members().list(MembersPerPage, after));
        for (const Member& member : page) {
            if (!member.erased && member.card.isEmpty())
                cardless.append(member);
        }
        if (page.size() < MembersPerPage)
            break;
        after = page.last().id;
    }
    if (cardless.isEmpty())
        return Error::notFound(CardCommands::tr("Every member already has a card."));
    if (cardless.size() > MaximumCards)
        return Error::refused(CardCommands::tr("%1 members have no card: at most %2 cards are printed in one run. "
                                               "Give cards with `loyaltytill-admin card MEMBER` and print them with "
                                               "--members, in parts.")
                                  .arg(cardless.size())
                                  .arg(MaximumCards));
    // Numbered now, given in one transaction once the sheet is drawn.
    LT_TRY_ASSIGN(const qint64 first, CardNumberAllocator(engine.context().db, c.clock()).plan(int(cardless.size())));
    Sheet sheet;
    QList<PlannedCard> planned;
    for (const Member& member : std::as_const(cardless)) {
        const qint64 serial = first + planned.size();
        planned.append({member.id, serial});
        sheet.cards.append({storeName, member.name, CardNumber::fromSerial(serial)});
    }
    sheet.details.insert(QStringLiteral("members"), int(cardless.size()));
    sheet.change = [&c, &engine, planned](Sheet& done) -> Result<void> {
        LT_TRY(CardNumberAllocator(engine.context().db, c.clock()).issuePlanned(planned, c.actor()));
        done.note = CardCommands::tr("Gave %n member(s) a new card.", "", int(planned.size()));
        return {};
    };
    return sheet;
}

int cards(CommandContext& c)
{
    QCommandLineParser& p = c.parser();
    if (!p.positionalArguments().isEmpty())
        return c.fail(
            Error::invalid(CardCommands::tr("cards takes no arguments; see loyaltytill-admin cards --help.")));
    const QStringList sources {QStringLiteral("members"), QStringLiteral("unassigned"), QStringLiteral("batch"),
                               QStringLiteral("without-card")};
    QStringList chosen;
    for (const QString& source : sources) {
        if (p.isSet(source))
            chosen << source;
    }
    if (chosen.size() != 1)
        return c.fail(Error::invalid(CardCommands::tr("Give exactly one of --members ID,ID,..., --unassigned N, "
                                                      "--batch ID or --without-card.")));
    auto paper = CardSheetWriter::paperFromName(p.isSet(QStringLiteral("page")) ? p.value(QStringLiteral("page"))
                                                                                : QStringLiteral("a4"));
    if (!paper)
        return c.fail(paper.error());
    const QString output = p.value(QStringLiteral("output"));
    if (auto writable = checkOutput(output); !writable)
        return c.fail(writable.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const QString storeName = StoreSettings((*engine)->context().db).value(StoreSettings::StoreName);

    const QString source = chosen.first();
    auto sheet = source == QLatin1String("members") ? membersSheet(c, **engine, storeName)
        : source == QLatin1String("unassigned")     ? unassignedSheet(c, **engine, storeName)
        : source == QLatin1String("batch")          ? batchSheet(c, **engine, storeName)
                                                    : withoutCardSheet(c, **engine, storeName);
    if (!sheet)
        return c.fail(sheet.error());

    bool changed = false;
    auto pages = CardSheetWriter(*paper).write(output, sheet->cards, [&]() -> Result<void> {
        if (!sheet->change)
            return {};
        LT_TRY(sheet->change(*sheet));
        changed = true;
        return {};
    });
    if (!pages) {
        Error error = pages.error();
        // Only putting the finished sheet in place comes after the store's change; when that fails, say how to
        // print the same cards again.
        if (changed && source == QLatin1String("unassigned"))
            error.message += QLatin1Char(' ')
                + CardCommands::tr("The numbers stay reserved: print them again with --batch %1.")
                      .arg(sheet->details.value(QStringLiteral("batch"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toInteger());
        else if (changed && source == QLatin1String("without-card"))
            error.message +=
                QLatin1Char(' ') + CardCommands::tr("The members keep their new cards: print them with --members.");
        return c.fail(error);
    }
    QJsonArray numbers;
    for (const MemberCardFace& card : std::as_const(sheet->cards))
        numbers.append(card.cardNumber);
    QJsonObject json = sheet->details;
    json.insert(QStringLiteral("output"), QFileInfo(output).absoluteFilePath());
    json.insert(QStringLiteral("page"), CardSheetWriter::paperName(*paper));
    json.insert(QStringLiteral("pages"), *pages);
    json.insert(QStringLiteral("cards"), numbers);
    const QString wrote =
        CardCommands::tr("Wrote %n card(s) on %1 %2 page(s) to %3.", "", int(sheet->cards.size()))
            .arg(*pages)
            .arg(*paper == CardSheetWriter::Paper::A4 ? QStringLiteral("A4") : QStringLiteral("Letter"),
                 QDir::toNativeSeparators(output));
    return c.succeed(json, sheet->note.isEmpty() ? wrote : sheet->note + QLatin1Char('\n') + wrote);
}

} // namespace

QList<Command> CardCommands::commands()
{
    return {
        {QStringLiteral("cards"),
         QStringLiteral("Print member cards as PDF sheets (2 x 5 ID-1 cards with cut marks, A4 or US Letter)."),
         QString(),
         [](QCommandLineParser& p) {
             p.addOption(option("members",
                                "The cards of these members: member numbers, phone numbers or cards, separated by "
                                "commas, semicolons or new lines; - reads them from standard input.",
                                "ID,ID,..."));
             p.addOption(option("unassigned",
                                "Reserve N new card numbers (at most 10000) for cards given out later, and print "
                                "them. A new member is enrolled by scanning one.",
                                "N"));
             p.addOption(option("batch", "Print a reserved batch again, without the cards already given out.", "ID"));
             p.addOption(
                 option("without-card", "Give every member without a card a new number, and print their cards."));
             p.addOption(option("output", "The PDF file to write (required).", "FILE.pdf"));
             p.addOption(option("page", "The paper: a4 (default) or letter.", "a4|letter"));
         },
         cards},
    };
}

} // namespace lt::admin
