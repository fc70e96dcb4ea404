#include "app/admin/DataCommands.h"

#include "app/admin/CommandContext.h"
#include "core/domain/Actor.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/exchange/MemberExporter.h"
#include "core/exchange/MemberImporter.h"
#include "core/exchange/SaleHistoryImporter.h"
#include "core/services/LoyaltyEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>

namespace lt::admin {

namespace {
// A progress bar only when a person watches: on a terminal, never in a pipe or a log.
class ProgressBar
{
public:
    explicit ProgressBar(QTextStream& err)
        : m_err(err)
        , m_enabled(isatty(fileno(stderr)) != 0)
    {
    }
    void show(const QString& label, double fraction)
    {
        if (!m_enabled)
            return;
        const int width = 30;
        const int filled = std::clamp(int(fraction * width), 0, width);
        m_err << '\r' << label.leftJustified(10) << " [" << QString(filled, QLatin1Char('#'))
              << QString(width - filled, QLatin1Char('.')) << "] " << int(fraction * 100) << "% ";
        m_err.flush();
    }
    void done()
    {
        if (m_enabled) {
            m_err << '\n';
            m_err.flush();
        }
    }

private:
    QTextStream& m_err;
    bool m_enabled;
};

// The file named by the one positional argument, opened for reading.
Result<std::unique_ptr<QFile>> importFile(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args.size() != 1)
        return Error::invalid(QStringLiteral("Give the CSV FILE to import."));
    auto file = std::make_unique<QFile>(args.first());
    if (!file->open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("Cannot read %1: %2").arg(args.first(), file->errorString()));
    return file;
}

// What an import did, row by row: all or nothing unless --skip-bad-rows. `what` names the rows ("members").
int reportImport(CommandContext& c, const Result<ImportReport>& report, const QString& what)
{
    if (!report)
        return c.fail(report.error());
    QJsonArray errors;
    QString text;
    for (const ImportRowError& e : report->errors) {
        errors.append(QJsonObject {{QStringLiteral("line"), e.line}, {QStringLiteral("reason"), e.reason}});
        text += QStringLiteral("line %1: %2\n").arg(e.line).arg(e.reason);
    }
    QJsonObject json {{QStringLiteral("rows"), report->rows},
                      {QStringLiteral("imported"), report->imported},
                      {QStringLiteral("rejected"), report->errors.size()},
                      {QStringLiteral("committed"), report->committed},
                      {QStringLiteral("seconds"), report->seconds},
                      {QStringLiteral("errors"), errors}};
    if (!report->committed) {
        const Error error = Error::invalid(QStringLiteral("%1 of %2 rows are bad; nothing was imported (use "
                                                          "--skip-bad-rows to import the good ones).")
                                               .arg(report->errors.size())
                                               .arg(report->rows));
        json.insert(QStringLiteral("error"), CommandContext::errorObject(error));
        if (c.json())
            c.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        c.err() << text << QStringLiteral("loyaltytill-admin: ") << error.message << '\n';
        return BadInput;
    }
    if (!report->errors.isEmpty())
        c.err() << text;
    return c.succeed(json,
                     QStringLiteral("Imported %1 of %2 %3 in %4 s; %5 rows skipped.")
                         .arg(report->imported)
                         .arg(report->rows)
                         .arg(what)
                         .arg(report->seconds, 0, 'f', 2)
                         .arg(report->errors.size()));
}

// Opens the file and the store, runs `import` with the shared row options (--skip-bad-rows, a progress bar) and
// reports what it did. `what` names the rows ("members").
int runImport(CommandContext& c, const QString& what,
              const std::function<Result<ImportReport>(LoyaltyEngine&, QIODevice&, const ImportOptions&)>& import)
{
    auto file = importFile(c);
    if (!file)
        return c.fail(file.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    ProgressBar bar(c.err());
    ImportOptions options;
    options.skipBadRows = c.parser().isSet(QStringLiteral("skip-bad-rows"));
    options.progress = [&bar](qint64 rows, double fraction) {
        bar.show(QStringLiteral("%1 rows").arg(rows), fraction);
    };
    auto report = import(**engine, **file, options);
    bar.done();
    return reportImport(c, report, what);
}

int importMembers(CommandContext& c)
{
    return runImport(c, QStringLiteral("members"),
                     [&c](LoyaltyEngine& engine, QIODevice& file, const ImportOptions& options) {
                         return MemberImporter(engine.context()).importCsv(file, options, c.actor());
                     });
}

int importSales(CommandContext& c)
{
    return runImport(c, QStringLiteral("sales"),
                     [&c](LoyaltyEngine& engine, QIODevice& file, const ImportOptions& rows) {
                         SaleImportOptions options;
                         options.rows = rows;
                         options.earnPoints = c.parser().isSet(QStringLiteral("earn-points"));
                         return SaleHistoryImporter(engine.context()).importCsv(file, options, c.actor());
                     });
}

int exportMembers(CommandContext& c)
{
    const QString formatName = c.parser().value(QStringLiteral("format"));
    if (formatName != QLatin1String("csv") && formatName != QLatin1String("json"))
        return c.fail(Error::invalid(QStringLiteral("--format is csv or json.")));
    const auto format = formatName == QLatin1String("csv") ? MemberExporter::Format::Csv : MemberExporter::Format::Json;
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    qint64 memberId = 0;
    if (c.parser().isSet(QStringLiteral("member"))) {
        auto id = c.memberFromText(c.parser().value(QStringLiteral("member")));
        if (!id)
            return c.fail(id.error());
        memberId = *id;
    }
    MemberExporter exporter((*engine)->context());
    const QString output = c.parser().value(QStringLiteral("output"));
    if (output.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return c.fail(Error::storage(QStringLiteral("Cannot write to standard output.")));
        auto written = memberId > 0 ? exporter.exportMember(out, format, memberId) : exporter.exportAll(out, format);
        return written ? int(Success) : c.fail(written.error());
    }
    // Written to a temporary file and renamed at the end: a failed export never leaves half a file behind.
    QSaveFile out(output);
    if (!out.open(QIODevice::WriteOnly))
        return c.fail(Error::invalid(QStringLiteral("Cannot write %1: %2").arg(output, out.errorString())));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto written = memberId > 0 ? exporter.exportMember(out, format, memberId) : exporter.exportAll(out, format);
    if (!written) {
        out.cancelWriting();
        return c.fail(written.error());
    }
    if (!out.commit())
        return c.fail(Error::storage(QStringLiteral("Cannot write %1: %2").arg(output, out.errorString())));
    return c.succeed({{QStringLiteral("members"), *written}, {QStringLiteral("output"), output}},
                     QStringLiteral("Exported %1 members to %2.").arg(*written).arg(output));
}

Result<qint64> count(CommandContext& c, const QString& name, qint64 fallback)
{
    if (!c.parser().isSet(name))
        return fallback;
    bool ok = false;
    const qint64 n = c.parser().value(name).toLongLong(&ok);
    if (!ok || n < 0)
        return Error::invalid(QStringLiteral("--%1 takes a whole number.").arg(name));
    return n;
}

int generate(CommandContext& c)
{
    auto members = count(c, QStringLiteral("members"), 1000);
    auto sales = count(c, QStringLiteral("sales"), 0);
    auto seed = count(c, QStringLiteral("seed"), 20261123);
    if (!members || !sales || !seed)
        return c.fail(!members ? members.error() : !sales ? sales.error() : seed.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    ProgressBar bar(c.err());
    GenerateOptions options;
    options.members = *members;
    options.sales = *sales;
    options.seed = quint64(*seed);
    options.progress = [&bar](const QString& phase, qint64 done, qint64 total) {
        bar.show(phase, total > 0 ? double(done) / double(total) : 1.0);
    };
    auto report = DemoDataGenerator((*engine)->context()).generate(options);
    bar.done();
    if (!report)
        return c.fail(report.error());
    return c.succeed({{QStringLiteral("members"), report->members},
                      {QStringLiteral("sales"), report->sales},
                      {QStringLiteral("ledger_entries"), report->ledgerEntries},
                      {QStringLiteral("seconds"), report->seconds}},
                     QStringLiteral("Generated %1 demo members, %2 sales and %3 ledger entries in %4 s.")
                         .arg(report->members)
                         .arg(report->sales)
                         .arg(report->ledgerEntries)
                         .arg(report->seconds, 0, 'f', 1));
}
} // namespace

QList<Command> DataCommands::commands()
{
    return {
        {QStringLiteral("import"),
         QStringLiteral("Import members from CSV (phone,name,email,birthday,card,consent,balance)."),
         QStringLiteral("FILE.csv"),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("skip-bad-rows"),
                          QStringLiteral("Import the good rows and report the bad ones (default: all or nothing).")});
         },
         importMembers},
        {QStringLiteral("import-sales"),
         QStringLiteral("Import the sales history of the store's previous system from CSV "
                        "(member|phone|card,reference,amount,completed_at[,refunded]); see the README."),
         QStringLiteral("FILE.csv"),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("skip-bad-rows"),
                          QStringLiteral("Import the good rows and report the bad ones (default: all or nothing).")});
             p.addOption({QStringLiteral("earn-points"),
                          QStringLiteral("Give each member the program's points for their imported sales (one "
                                         "adjustment, sent to Square); without it nothing reaches Square.")});
         },
         importSales},
        {QStringLiteral("export"), QStringLiteral("Export members with their personal data as CSV or JSON."), QString(),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("format"), QStringLiteral("csv or json."), QStringLiteral("FORMAT"),
                          QStringLiteral("csv")});
             p.addOption({QStringLiteral("output"), QStringLiteral("Write to FILE (mode 0600) instead of stdout."),
                          QStringLiteral("FILE")});
             p.addOption({QStringLiteral("member"), QStringLiteral("Only this member, with their ledger."),
                          QStringLiteral("MEMBER")});
         },
         exportMembers},
        {QStringLiteral("generate"), QStringLiteral("Fill an empty store with demo members and sales."), QString(),
         [](QCommandLineParser& p) {
             p.addOption(
                 {QStringLiteral("members"), QStringLiteral("How many members (default 1000)."), QStringLiteral("N")});
             p.addOption({QStringLiteral("sales"), QStringLiteral("How many sales (default 0)."), QStringLiteral("M")});
             p.addOption(
                 {QStringLiteral("seed"), QStringLiteral("Random seed, for repeatable data."), QStringLiteral("S")});
         },
         generate},
    };
}

} // namespace lt::admin
