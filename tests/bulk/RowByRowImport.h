#pragma once

#include "core/common/Result.h"
#include "core/exchange/MemberImporter.h"

#include <QByteArray>

namespace lt {
class Actor;
struct EngineContext;
} // namespace lt

namespace lt::test {

// The member import as it was before it ran in parallel: one row after another through EnrollmentService, in one
// transaction (all or nothing unless skipBadRows). What the parallel import must reproduce, table by table.
Result<ImportReport> importRowByRow(EngineContext& context, const QByteArray& csv, bool skipBadRows,
                                    const Actor& actor);

} // namespace lt::test
