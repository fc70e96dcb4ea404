#include "app/admin/CheckupFormat.h"

namespace lt::admin {

namespace {
constexpr int StatusWidth = 9;
constexpr int TitleWidth = 22;

QString label(CheckResult::Status status)
{
    // Upper case where someone has to act, so that it stands out in a column of "ok".
    return status == CheckResult::Status::Ok ? QStringLiteral("ok") : CheckResult::statusName(status).toUpper();
}
} // namespace

QString CheckupFormat::table(const QList<CheckResult>& results)
{
    QString text;
    const QString indent(StatusWidth + 2, QLatin1Char(' '));
    for (const CheckResult& result : results) {
        text += QStringLiteral("  %1%2%3\n")
                    .arg(label(result.status).leftJustified(StatusWidth),
                         result.title.leftJustified(TitleWidth - 1) + QLatin1Char(' '), result.found);
        for (const QString& detail : result.details)
            text += indent + QStringLiteral("  ") + detail + QLatin1Char('\n');
        if (!result.fix.isEmpty())
            text += indent + QStringLiteral("fix: ") + result.fix + QLatin1Char('\n');
    }
    return text;
}

QJsonArray CheckupFormat::json(const QList<CheckResult>& results)
{
    QJsonArray list;
    for (const CheckResult& result : results) {
        list.append(QJsonObject {{QStringLiteral("id"), result.id},
                                 {QStringLiteral("title"), result.title},
                                 {QStringLiteral("status"), CheckResult::statusName(result.status)},
                                 {QStringLiteral("found"), result.found},
                                 {QStringLiteral("fix"), result.fix},
                                 {QStringLiteral("details"), QJsonArray::fromStringList(result.details)}});
    }
    return list;
}

QStringList CheckupFormat::idsWith(const QList<CheckResult>& results, CheckResult::Status status)
{
    QStringList ids;
    for (const CheckResult& result : results) {
        if (result.status == status)
            ids << result.id;
    }
    return ids;
}

QJsonObject CheckupFormat::failureJson(const QList<CheckResult>& results)
{
    return {{QStringLiteral("kind"), QStringLiteral("checks_failed")},
            {QStringLiteral("message"), summary(results)},
            {QStringLiteral("exit_code"), 1}};
}

QString CheckupFormat::summary(const QList<CheckResult>& results)
{
    const QStringList failed = idsWith(results, CheckResult::Status::Failed);
    const QStringList warnings = idsWith(results, CheckResult::Status::Warning);
    QString text = failed.isEmpty() ? QStringLiteral("every check passed")
        : failed.size() == 1
        ? QStringLiteral("1 check failed (%1)").arg(failed.first())
        : QStringLiteral("%1 checks failed (%2)").arg(failed.size()).arg(failed.join(QStringLiteral(", ")));
    if (!warnings.isEmpty())
        text += warnings.size() == 1
            ? QStringLiteral("; 1 warning (%1)").arg(warnings.first())
            : QStringLiteral("; %1 warnings (%2)").arg(warnings.size()).arg(warnings.join(QStringLiteral(", ")));
    return text;
}

} // namespace lt::admin
