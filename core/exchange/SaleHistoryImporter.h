#pragma once

#include "core/common/Result.h"
#include "core/exchange/MemberImporter.h"

#include <QIODevice>
#include <QStringList>

namespace lt {

class Actor;
struct EngineContext;

struct SaleImportOptions
{
    ImportOptions rows; // skipBadRows and progress, as for members
    // true: each member gets the program's points for their imported sales as one adjustment, sent to Square like
    // any; false: the history is recorded for the reports only, and nothing of it reaches Square.
    bool earnPoints = false;
};

// Imports the sales history of the store's previous system from CSV, so that reports, spend tiers and segments mean
// something on day one. The first line names columns from member (an id), phone, card (one of the three is
// required), reference and amount (required), completed_at (ISO 8601, with an offset or in the store's time) and
// refunded. Each sale is recorded as it happened, at the till "import", and counts as the member's visit on its day.
// A row is refused with its reason for an unknown member, a receipt number already recorded or repeated in the file,
// an amount that is not the store's currency's, a refund larger than the sale, or a time in the future.
class SaleHistoryImporter
{
public:
    static const QStringList& columns();
    static inline const QString TillName = QStringLiteral("import");

    explicit SaleHistoryImporter(EngineContext& context)
        : m_context(context)
    {
    }
    Result<ImportReport> importCsv(QIODevice& device, const SaleImportOptions& options, const Actor& actor);

private:
    EngineContext& m_context;
};

} // namespace lt
