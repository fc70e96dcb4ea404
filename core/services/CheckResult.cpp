#include "core/services/CheckResult.h"

#include <algorithm>

namespace lt {

namespace {
CheckResult make(QString id, QString title, CheckResult::Status status, QString found, QString fix)
{
    CheckResult result;
    result.id = std::move(id);
    result.title = std::move(title);
    result.status = status;
    result.found = std::move(found);
    result.fix = std::move(fix);
    return result;
}
} // namespace

CheckResult CheckResult::ok(QString id, QString title, QString found)
{
    return make(std::move(id), std::move(title), Status::Ok, std::move(found), QString());
}

CheckResult CheckResult::warning(QString id, QString title, QString found, QString fix)
{
    return make(std::move(id), std::move(title), Status::Warning, std::move(found), std::move(fix));
}

CheckResult CheckResult::failed(QString id, QString title, QString found, QString fix)
{
    return make(std::move(id), std::move(title), Status::Failed, std::move(found), std::move(fix));
}

QString CheckResult::statusName(Status status)
{
    switch (status) {
    case Status::Warning:
        return QStringLiteral("warning");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Ok:
        break;
    }
    return QStringLiteral("ok");
}

bool CheckResult::allPassed(const QList<CheckResult>& results)
{
    return std::all_of(results.begin(), results.end(), [](const CheckResult& result) { return result.passed(); });
}

} // namespace lt
