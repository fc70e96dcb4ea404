#pragma once

#include "core/services/CheckResult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace lt::admin {

// The check-up as setup and doctor print it: a table for people, each failure and warning with its fix below it,
// or a JSON array of {"id", "title", "status", "found", "fix", "details"} for scripts.
class CheckupFormat
{
public:
    static QString table(const QList<CheckResult>& results);
    static QJsonArray json(const QList<CheckResult>& results);
    // "2 checks failed (database, scanner)", "every check passed; 1 warning (printer)"
    static QString summary(const QList<CheckResult>& results);
    static QStringList idsWith(const QList<CheckResult>& results, CheckResult::Status status);
    // The "error" member of the JSON when a check failed: the command ran, and what it found is the failure, so the
    // kind is "checks_failed" (exit code 1), not an error of the run.
    static QJsonObject failureJson(const QList<CheckResult>& results);
};

} // namespace lt::admin
