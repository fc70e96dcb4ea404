#include "app/admin/ReportPdfCommand.h"

#include "app/admin/CommandContext.h"
#include "app/admin/ReportOptions.h"
#include "core/services/LoyaltyEngine.h"
#include "ui/reports/ReportPdf.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace lt::admin {

int reportPdf(CommandContext& c)
{
    const QString output = c.parser().value(QStringLiteral("output")).trimmed();
    if (output.isEmpty())
        return c.fail(
            Error::invalid(QStringLiteral("--output: name the PDF file to write."), QStringLiteral("output")));
    if (QFileInfo(output).isDir())
        return c.fail(Error::invalid(QStringLiteral("--output: %1 is a folder; name a file.").arg(output),
                                     QStringLiteral("output")));
    const QDate today = c.clock().nowUtc().toLocalTime().date();
    auto from = reportDateOption(c.parser(), QStringLiteral("from"), QDate(today.year(), today.month(), 1));
    if (!from)
        return c.fail(from.error());
    auto to = reportDateOption(c.parser(), QStringLiteral("to"), today);
    if (!to)
        return c.fail(to.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const ReportFilter filter {c.parser().value(QStringLiteral("till")), c.parser().value(QStringLiteral("staff"))};
    auto figures = ui::ReportLoader::readFigures(**engine, *from, *to, filter);
    if (!figures)
        return c.fail(figures.error());
    // The segments are today's; the cohorts end with the period's month, as on the screen.
    const QDate month = std::min(QDate(to->year(), to->month(), 1), QDate(today.year(), today.month(), 1));
    auto analytics = ui::ReportLoader::readAnalytics(**engine, today, month);
    if (!analytics)
        return c.fail(analytics.error());
    const ui::ReportPdf pdf(*figures, *analytics, c.clock().nowUtc());
    if (auto written = pdf.write(output); !written)
        return c.fail(written.error());
    const QString path = QFileInfo(output).absoluteFilePath();
    return c.succeed({{QStringLiteral("output"), path},
                      {QStringLiteral("from"), from->toString(Qt::ISODate)},
                      {QStringLiteral("to"), to->toString(Qt::ISODate)},
                      {QStringLiteral("filter"),
                       QJsonObject {{QStringLiteral("till"), filter.till}, {QStringLiteral("staff"), filter.staff}}},
                      {QStringLiteral("bytes"), QFileInfo(output).size()}},
                     QStringLiteral("Reports from %1 to %2 written to %3.\n")
                         .arg(from->toString(Qt::ISODate), to->toString(Qt::ISODate), path));
}

} // namespace lt::admin
