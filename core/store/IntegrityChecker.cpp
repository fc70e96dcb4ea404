#include "core/store/IntegrityChecker.h"

#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/LedgerStore.h"
#include "core/store/ReportStore.h"
#include "core/store/SyncOutbox.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>

namespace lt {

namespace {
constexpr int MaximumReported = 20;
} // namespace

Result<void> IntegrityChecker::collect(IntegrityReport& report, const QString& sql, const QString& what)
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return Database::errorFrom(query);
    int count = 0;
    while (query.next()) {
        if (++count > MaximumReported) {
            report.problems
                << QCoreApplication::translate("IntegrityChecker", "%1: more problems not listed").arg(what);
            break;
        }
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values << query.value(i).toString();
        report.problems << what + QStringLiteral(": ") + values.join(QStringLiteral(", "));
    }
    return {};
}

Result<IntegrityReport> IntegrityChecker::check(const QString& notedAuditHead)
{
    IntegrityReport report;
    LT_TRY_ASSIGN(const QVariant integrity, m_db.scalar(QStringLiteral("PRAGMA integrity_check(1)")));
    if (integrity.toString() != QLatin1String("ok"))
        report.problems
            << QCoreApplication::translate("IntegrityChecker", "SQLite integrity check: %1").arg(integrity.toString());

    // Each check reads in one snapshot: wrap them in a read transaction.
    LT_TRY(m_db.exec(QStringLiteral("BEGIN")));
    const struct
    {
        QString sql;
        QString what;
    } checks[] = {
        {QStringLiteral("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check"),
         QCoreApplication::translate("IntegrityChecker", "Reference to a missing row (table, row, parent)")},
        {QStringLiteral(
             "SELECT m.id, m.balance, COALESCE(l.total, 0) FROM members m LEFT JOIN "
             "(SELECT member_id, sum(points) AS total FROM ledger GROUP BY member_id) l ON l.member_id = m.id "
             "WHERE m.balance <> COALESCE(l.total, 0)"),
         QCoreApplication::translate("IntegrityChecker", "Balance differs from the ledger (member, balance, ledger)")},
        {QStringLiteral("SELECT m.id, m.lifetime_points, COALESCE(l.total, 0) FROM members m LEFT JOIN "
                        "(SELECT member_id, sum(")
             + LedgerStore::lifetimeDeltaSql()
             + QStringLiteral(") AS total FROM ledger GROUP BY member_id) l ON l.member_id = m.id "
                              "WHERE m.lifetime_points <> COALESCE(l.total, 0)"),
         QCoreApplication::translate("IntegrityChecker",
                                     "Lifetime points differ from the ledger (member, lifetime, ledger)")},
        {QStringLiteral("SELECT s.reference, s.points, COALESCE(a.earned, 0) FROM sales s LEFT JOIN "
                        "(SELECT sale_id, sum(points) AS earned FROM ledger WHERE kind = 'accrue' GROUP BY sale_id) a "
                        "ON a.sale_id = s.id WHERE s.points <> COALESCE(a.earned, 0)"),
         QCoreApplication::translate("IntegrityChecker", "Sale points differ from the ledger (sale, points, ledger)")},
        {QStringLiteral("SELECT s.reference, s.points_reversed, COALESCE(r.reversed, 0) FROM sales s LEFT JOIN "
                        "(SELECT sale_id, -sum(points) AS reversed FROM ledger WHERE kind IN ('refund', 'void') "
                        "GROUP BY sale_id) r ON r.sale_id = s.id WHERE s.points_reversed <> COALESCE(r.reversed, 0)"),
         QCoreApplication::translate("IntegrityChecker",
                                     "Reversed points differ from the ledger (sale, reversed, ledger)")},
        // Generated demo members are training data and never reach Square.
        {QStringLiteral("SELECT l.id, l.kind FROM ledger l JOIN members m ON m.id = l.member_id "
                        "WHERE l.kind <> 'expire' AND m.origin <> 'generated' AND NOT EXISTS "
                        "(SELECT 1 FROM outbox o WHERE o.ledger_id = l.id) "
                        // Mirrors of events made at Square, and entries that accept Square's side of a conflict.
                        "AND NOT EXISTS (SELECT 1 FROM square_events e WHERE e.ledger_id = l.id) "
                        "AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.ledger_id = l.id)"),
         QCoreApplication::translate("IntegrityChecker", "Ledger entry never queued for Square (entry, kind)")},
        // The count the till shows, kept by the outbox's triggers (SyncOutbox::pendingCount).
        {QStringLiteral("SELECT w.pending, c.counted FROM outbox_waiting w, (SELECT count(*) AS counted FROM outbox o "
                        "JOIN members m ON m.id = o.member_id WHERE m.origin <> 'generated' AND o.state = 'pending') c "
                        "WHERE w.id = 1 AND w.pending <> c.counted "
                        "UNION ALL SELECT NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM outbox_waiting WHERE id = 1)"),
         QCoreApplication::translate("IntegrityChecker",
                                     "Operations waiting to sync differ from the outbox (kept, counted)")},
        // The push sends only rows not marked as training (SyncOutbox::dueForPush's index).
        {QStringLiteral("SELECT o.id, m.id FROM outbox o JOIN members m ON m.id = o.member_id "
                        "WHERE o.training IS NOT (m.origin = 'generated')"),
         QCoreApplication::translate("IntegrityChecker",
                                     "Outbox row marked against its member's origin (operation, member)")},
    };
    for (const auto& c : checks) {
        if (auto done = collect(report, c.sql, c.what); !done) {
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
            return done.error();
        }
    }
    // The reports' summaries, kept by triggers, equal a recomputation from the raw tables.
    auto summaries = ReportStore(m_db).differences();
    if (!summaries) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        return summaries.error();
    }
    if (!summaries->isEmpty())
        report.problems << QCoreApplication::translate("IntegrityChecker",
                                                       "Report summaries differ from the store's history (%1); "
                                                       "`loyaltytill-admin report rebuild` recomputes them")
                               .arg(summaries->join(QStringLiteral(", ")));
    // The audit chain, in the same snapshot: its first break is named with the entry's id, time and action.
    auto audit = AuditChainVerifier(m_db).verify(notedAuditHead);
    if (!audit) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        return audit.error();
    }
    report.audit = *audit;
    if (const auto& broken = audit->firstBreak) {
        report.problems << (broken->id > 0
                                ? QCoreApplication::translate("IntegrityChecker",
                                                              "Audit chain broken at entry %1 (%2, %3), %4: %5")
                                      .arg(broken->id)
                                      .arg(broken->at, broken->action, AuditChainBreak::kindText(broken->kind),
                                           broken->explanation)
                                : QCoreApplication::translate("IntegrityChecker", "Audit chain broken, %1: %2")
                                      .arg(AuditChainBreak::kindText(broken->kind), broken->explanation));
    }
    auto counts = [this](const QString& sql) -> qint64 {
        auto value = m_db.scalar(sql);
        return value ? value->toLongLong() : -1;
    };
    report.members = counts(QStringLiteral("SELECT count(*) FROM members"));
    report.ledgerEntries = counts(QStringLiteral("SELECT count(*) FROM ledger"));
    report.sales = counts(QStringLiteral("SELECT count(*) FROM sales"));
    // Waiting to sync as the till's status bar and `sync status` count it.
    const SystemClock clock;
    auto pending = SyncOutbox(m_db, clock).pendingCount();
    report.pendingSync = pending ? *pending : -1;
    (void)m_db.exec(QStringLiteral("COMMIT"));
    return report;
}

} // namespace lt
