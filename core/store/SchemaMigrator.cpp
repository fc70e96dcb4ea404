#include "core/store/SchemaMigrator.h"

#include "core/common/Logging.h"
#include "core/store/AuditChain.h"
#include "core/store/Database.h"
#include "core/store/ReportStore.h"
#include "core/store/SchemaStatements.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

SchemaMigrator::SchemaMigrator(Database& db)
    : m_db(db)
{
}

QStringList SchemaMigrator::statementsFor(int version)
{
    return schemaStatementsFor(version);
}

Result<void> SchemaMigrator::checkCompatible()
{
    const int version = m_db.schemaVersion();
    if (version < 0)
        return Error::corrupt(
            QCoreApplication::translate("SchemaMigrator", "Cannot read the schema version of %1.").arg(m_db.path()));
    if (version > CurrentVersion)
        return Error::refused(QCoreApplication::translate(
                                  "SchemaMigrator",
                                  "%1 was written by a newer LoyaltyTill (schema %2; this version reads up to %3). "
                                  "Install the newer LoyaltyTill.")
                                  .arg(m_db.path())
                                  .arg(version)
                                  .arg(CurrentVersion));
    LT_TRY_ASSIGN(const QVariant appId, m_db.scalar(QStringLiteral("PRAGMA application_id")));
    LT_TRY_ASSIGN(const QVariant tables,
                  m_db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")));
    const int id = appId.toInt();
    if ((id != 0 && id != ApplicationId) || (id == 0 && tables.toInt() > 0))
        return Error::corrupt(
            QCoreApplication::translate("SchemaMigrator",
                                        "%1 is an SQLite file of another application, not a LoyaltyTill database.")
                .arg(m_db.path()));
    return {};
}

Result<void> SchemaMigrator::migrate()
{
    return migrateTo(CurrentVersion);
}

Result<void> SchemaMigrator::migrateTo(int target)
{
    for (int version = m_db.schemaVersion() + 1; version <= target; ++version) {
        const auto step = [this, version]() -> Result<void> {
            // Checked again inside the write lock: another process may have migrated meanwhile.
            if (m_db.schemaVersion() >= version)
                return {};
            for (const QString& sql : statementsFor(version)) {
                QSqlQuery query(m_db.connection());
                if (!query.exec(sql))
                    return Error::storage(
                        QCoreApplication::translate("SchemaMigrator", "Upgrading the database to schema %1 failed: %2")
                            .arg(version)
                            .arg(Database::errorFrom(query).message));
            }
            if (version >= 6)
                LT_TRY(ReportStore(m_db).rebuild(version)); // the store's history so far, summed
            if (version == 10)
                LT_TRY(AuditChain(m_db).anchor()); // a store id, and the entries written so far chained to it
            for (const QString& pragma : {QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId),
                                          QStringLiteral("PRAGMA user_version = %1").arg(version)})
                LT_TRY(m_db.exec(pragma));
            qCDebug(lcStore) << "database upgraded to schema" << version;
            return {};
        };
        LT_TRY(inTransaction(m_db, step));
    }
    return {};
}

} // namespace lt
