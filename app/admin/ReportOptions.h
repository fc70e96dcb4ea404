#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace lt::admin {

// What the `report` commands and `offers` share of their options and files.

// The date an option gives (--from 2024-03-05), or `fallback` when it is not given; a refusal naming the option when
// it is not a date.
Result<QDate> reportDateOption(const QCommandLineParser& parser, const QString& name, QDate fallback);

// Writes `rows` (cells ready: numbers as they are, text neutralised by the caller) to PATH as CSV, whole or not at
// all, mode 0600 (the lists name people), with a byte order mark so that Excel reads UTF-8.
Result<void> writeCsvFile(const QString& path, const QList<QStringList>& rows);

} // namespace lt::admin
