#include "app/admin/SlipCommands.h"

#include "app/admin/CommandContext.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/SlipService.h"
#include "ui/TillPreferences.h"
#include "ui/Translations.h"
#include "ui/printing/SlipPrintQueue.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>

namespace lt::admin {

namespace {

QString kindName(LoyaltySlip::Kind kind)
{
    switch (kind) {
    case LoyaltySlip::Kind::Redemption:
        return QStringLiteral("redemption");
    case LoyaltySlip::Kind::Refund:
        return QStringLiteral("refund");
    case LoyaltySlip::Kind::Sale:
        break;
    }
    return QStringLiteral("sale");
}

// The printer given with --printer, or this till's slip printer; its paper and code page are this till's.
Result<ui::SlipPrinterSetup> setupFor(CommandContext& c, const ui::TillPreferences& preferences, const QLocale& locale)
{
    const QString given = c.parser().value(QStringLiteral("printer"));
    if (!given.isEmpty())
        return ui::SlipPrinterSetup::forPrinter(given, preferences, locale);
    auto setup = ui::SlipPrinterSetup::fromPreferences(preferences, locale);
    if (!setup && setup.error().kind == ErrorKind::NotFound)
        return Error::invalid(
            QCoreApplication::translate("SlipCommands",
                                        "Give --printer URI (tcp://HOST:PORT, serial:DEVICE, usb:DEVICE, cups:QUEUE or "
                                        "pdf:FILE), or set this till's slip.printer."),
            QStringLiteral("printer"));
    return setup;
}

int slip(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return c.fail(Error::invalid(
            QCoreApplication::translate("SlipCommands",
                                        "Give one REFERENCE: a sale's receipt number, a refund number or a "
                                        "redemption's reference.")));
    const ui::TillPreferences preferences;
    // The slip speaks the till's language, as the till's own slips do.
    const QString language = ui::Translations::install(*QCoreApplication::instance(), preferences.language());
    const QLocale locale = preferences.language() == QLatin1String("system") ? QLocale::system() : QLocale(language);
    auto setup = setupFor(c, preferences, locale);
    if (!setup)
        return c.fail(setup.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto slips = SlipService((*engine)->context()).forReference(args.first());
    if (!slips)
        return c.fail(slips.error());

    ui::SlipPrintQueue queue;
    queue.setSetup(*setup);
    QList<ui::PrintOutcome> outcomes(slips->size());
    QList<qint64> ids;
    QEventLoop loop;
    QObject::connect(&queue, &ui::SlipPrintQueue::finished, &loop,
                     [&](qint64 id, const ui::PrintOutcome& outcome) { outcomes[ids.indexOf(id)] = outcome; });
    QObject::connect(&queue, &ui::SlipPrintQueue::idle, &loop, &QEventLoop::quit);
    for (const LoyaltySlip& slip : *slips)
        ids.append(queue.print(slip));
    loop.exec(); // every transport bounds its own wait, so this ends

    QJsonArray printed;
    for (qsizetype i = 0; i < slips->size(); ++i) {
        QJsonObject entry {{QStringLiteral("kind"), kindName(slips->at(i).kind)},
                           {QStringLiteral("printed"), outcomes.at(i).ok()}};
        if (!outcomes.at(i).ok())
            entry.insert(QStringLiteral("problem"), ui::printStatusName(outcomes.at(i).status));
        printed.append(entry);
    }
    for (const ui::PrintOutcome& outcome : outcomes) {
        if (!outcome.ok())
            return c.fail(outcome.toResult().error());
    }
    return c.succeed({{QStringLiteral("reference"), args.first()},
                      {QStringLiteral("printer"), setup->printer.toString()},
                      {QStringLiteral("slips"), printed}},
                     slips->size() == 1
                         ? QCoreApplication::translate("SlipCommands", "Printed the slip of %1 on %2.")
                               .arg(args.first(), setup->printer.toString())
                         : QCoreApplication::translate("SlipCommands", "Printed the %1 slips of %2 on %3.")
                               .arg(slips->size())
                               .arg(args.first(), setup->printer.toString()));
}

} // namespace

QList<Command> SlipCommands::commands()
{
    return {
        {QStringLiteral("slip"),
         QStringLiteral("Print a sale's loyalty slip again (and its redemptions' and refunds'), or a refund's."),
         QStringLiteral("REFERENCE"),
         [](QCommandLineParser& p) {
             p.addOption(option("printer",
                                "Where to print: tcp://HOST:PORT, serial:DEVICE?baud=N, usb:DEVICE, cups:QUEUE or "
                                "pdf:FILE (default: this till's slip.printer).",
                                "URI"));
         },
         slip},
    };
}

} // namespace lt::admin
