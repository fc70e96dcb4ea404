#pragma once

// What every CSV import must hold, whatever the file: a report or a refusal of the file as a whole (never a store
// failure), rows counted as CsvReader reads them, a file with bad rows all or nothing unless told to skip them, and
// the store passing `check` afterwards with exactly the members or sales the report says were imported.

#include "core/exchange/CsvReader.h"
#include "core/exchange/MemberImporter.h"
#include "tests/fuzz/FuzzStore.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QBuffer>

#include <functional>

namespace lt::fuzz {

// The records an importer counts as rows: every record after the header that is not one blank field; -1 when the file
// cannot be read to its end.
inline qint64 csvRows(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    qint64 rows = -1; // the header is not a row
    while (true) {
        const auto record = reader.next();
        if (!record)
            return -1;
        if (record->isEmpty())
            return rows;
        for (const QString& field : *record)
            require(field.size() <= CsvReader::MaximumFieldLength * 4, "a field is bounded");
        if (rows >= 0 && record->size() == 1 && record->first().trimmed().isEmpty())
            continue;
        ++rows;
    }
}

// counted: what the store holds that the importer adds (members, sales), from an integrity report.
using Import = std::function<Result<ImportReport>(QIODevice&, bool skipBadRows)>;
using Counted = std::function<qint64(const IntegrityReport&)>;

// Imports `bytes` into a fresh store; true when the file had bad rows (so that skipping them would differ).
inline bool checkImport(FuzzStore& store, const QByteArray& bytes, bool skipBadRows, const Import& import,
                        const Counted& counted)
{
    // Every fresh store is the same: what it holds is counted once.
    static const qint64 before = [&store, &counted] {
        store.reset();
        return counted(store.check());
    }();
    store.reset();
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto report = import(buffer, skipBadRows);
    if (!report) {
        // Only the file as a whole may be refused (no header, an unknown column); a store error is a bug.
        require(report.error().kind == ErrorKind::InvalidInput, "a file is refused as input, never by the store",
                report.error().message);
    } else {
        const bool committed = report->errors.isEmpty() || skipBadRows;
        require(report->committed == committed, "a file with bad rows is all or nothing");
        const qint64 rows = csvRows(bytes);
        if (rows >= 0)
            require(report->rows == rows, "every record is a row of the report",
                    QStringLiteral("%1 rows, %2 records").arg(report->rows).arg(rows));
        if (committed)
            require(report->imported + report->errors.size() >= report->rows
                        && report->imported + report->errors.size() <= report->rows + 1,
                    "every row is imported or reported");
        else
            require(report->imported == 0, "nothing is imported from a refused file");
        for (const ImportRowError& error : report->errors)
            require(error.line > 0 && !error.reason.isEmpty(), "a bad row names its line and says why");
    }
    const IntegrityReport after = store.check();
    require(after.ok(), "the store passes check after an import", after.problems.join(u'\n'));
    const qint64 imported = report && report->committed ? report->imported : 0;
    require(counted(after) == before + imported, "the store holds what the report says was imported",
            QStringLiteral("%1 before, %2 after, %3 imported").arg(before).arg(counted(after)).arg(imported));
    return report && !report->errors.isEmpty();
}

} // namespace lt::fuzz
