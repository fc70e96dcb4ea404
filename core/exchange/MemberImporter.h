#pragma once

#include "core/common/Result.h"

#include <QIODevice>
#include <QList>
#include <QString>

#include <functional>

namespace lt {

class Actor;
struct EngineContext;

struct ImportOptions
{
    // false: one bad row and nothing is imported; true: good rows are imported, bad ones reported.
    bool skipBadRows = false;
    // Called every few thousand rows with the rows read so far and the fraction of the file read.
    std::function<void(qint64 rows, double fraction)> progress;
    // With skipBadRows, the good rows are committed this many rows at a time (see MemberImporter).
    qint64 rowsPerTransaction = 20'000;
};

struct ImportRowError
{
    qint64 line = 0;
    QString reason;
};

struct ImportReport
{
    qint64 rows = 0;
    qint64 imported = 0;
    QList<ImportRowError> errors; // every bad row, in file order
    bool committed = false;
    double seconds = 0;
};

// Imports members from CSV: a header row naming columns from phone (required), name, email, birthday, card,
// consent and balance (opening points), in any order. Every row goes through the same validation as enrollment.
// The rows are checked on every core (MemberRowValidator) while the calling thread, the one writer, writes them in
// file order through SQLite's own API (MemberImportWriter). All or nothing, the whole file is one transaction: a
// crash or a bad row leaves nothing, and the same file imports again. With skipBadRows, every rowsPerTransaction
// rows are committed with their own audit entry: a crash keeps whole transactions, and a second run reports the
// rows already there as members and adds nothing twice.
class MemberImporter
{
public:
    static const QStringList& columns();

    explicit MemberImporter(EngineContext& context)
        : m_context(context)
    {
    }
    // actor: who imports, audited and written on opening balances.
    Result<ImportReport> importCsv(QIODevice& device, const ImportOptions& options, const Actor& actor);

private:
    EngineContext& m_context;
};

} // namespace lt
