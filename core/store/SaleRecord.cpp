#include "core/store/SaleRecord.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

Result<SaleRecord> SaleRecord::find(Database& db, const QString& reference)
{
    QSqlQuery& query = db.prepared(
        QStringLiteral("SELECT id, member_id, amount_minor, currency, points, refunded_minor, points_reversed "
                       "FROM sales WHERE reference = ?"));
    StatementScope scope(query);
    if (auto done = db.exec(query, {reference}); !done)
        return done.error();
    if (!query.next())
        return Error::notFound(QCoreApplication::translate("SaleRecord", "There is no sale %1.").arg(reference));
    return SaleRecord {query.value(0).toLongLong(),
                       query.value(1).toLongLong(),
                       reference,
                       Money(query.value(2).toLongLong(), query.value(3).toString()),
                       query.value(4).toLongLong(),
                       query.value(5).toLongLong(),
                       query.value(6).toLongLong()};
}

} // namespace lt
