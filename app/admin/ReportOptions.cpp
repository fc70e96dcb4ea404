#include "app/admin/ReportOptions.h"

#include "core/domain/ProgramFields.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

namespace lt::admin {

Error badOption(const char* option, const QString& problem)
{
    const QString name = QString::fromLatin1(option);
    return Error::invalid(QStringLiteral("--%1: %2").arg(name, problem), name);
}

Result<QDate> reportDateOption(const QCommandLineParser& parser, const QString& name, QDate fallback)
{
    if (!parser.isSet(name))
        return fallback;
    const QDate date = QDate::fromString(parser.value(name).trimmed(), Qt::ISODate);
    if (!date.isValid())
        return Error::invalid(
            QStringLiteral("--%1: %2")
                .arg(name, QCoreApplication::translate("ReportCommands", "must be a date such as 2024-03-05.")),
            name);
    return date;
}

Result<int> multiplierOption(const QString& text)
{
    const int milli = multiplierMilliFrom(text);
    if (milli <= 1000 || milli > 10000)
        return badOption("multiplier",
                         QCoreApplication::translate("PromotionCommands",
                                                     "must be more than 1 and at most 10, with at most three "
                                                     "decimals, such as 2 or 1.5."));
    return milli;
}

Result<void> writeCsvFile(const QString& path, const QList<QStringList>& rows)
{
    QByteArray bytes("\xEF\xBB\xBF");
    for (const QStringList& row : rows)
        bytes += row.join(QLatin1Char(',')).toUtf8() + "\r\n";
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::invalid(QStringLiteral("--csv: cannot write %1: %2").arg(path, out.errorString()),
                              QStringLiteral("csv"));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (out.write(bytes) != bytes.size() || !out.commit())
        return Error::storage(QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

} // namespace lt::admin
