#pragma once

#include "core/services/ReportService.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace lt::admin::reportSummary {

// The keys scripts read (README, "Reports"): money in minor units, rates as fractions between 0 and 1.
QJsonObject toJson(const KpiSummary& kpi);
// The figures for people, one per line.
QString text(const KpiSummary& kpi);
// The summary's JSON (with its "compare") as CSV rows: a row per figure (nested ones as "members_per_tier.Gold"),
// with the period's value, the period before and a year earlier; text cells neutralised as `export` does.
QList<QStringList> csvRows(const QJsonObject& json);

} // namespace lt::admin::reportSummary
