#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace lt::admin {

// What the `report`, `offers` and `promotions` commands share of their options and files.

// A refused option: the message ("--NAME: problem") and the error's field name it.
Error badOption(const char* option, const QString& problem);

// The date an option gives (--from 2024-03-05), or `fallback` when it is not given; a refusal naming the option when
// it is not a date.
Result<QDate> reportDateOption(const QCommandLineParser& parser, const QString& name, QDate fallback);

// A multiplier such as 2 or 1.5 (--multiplier) in thousandths: more than 1, at most 10.
Result<int> multiplierOption(const QString& text);

// Writes `rows` (cells ready: numbers as they are, text neutralised by the caller) to PATH as CSV, whole or not at
// all, mode 0600 (the lists name people), with a byte order mark so that Excel reads UTF-8.
Result<void> writeCsvFile(const QString& path, const QList<QStringList>& rows);

} // namespace lt::admin
