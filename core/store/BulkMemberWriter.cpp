#include "core/store/BulkMemberWriter.h"

#include "core/store/Database.h"
#include "core/store/ReportStore.h"
#include "core/store/SummaryRebuild.h"

#include <QSqlQuery>
#include <QThread>

namespace lt {

BulkMemberWriter::BulkMemberWriter(Database& db, SqliteConnection connection)
    : m_db(db)
    , m_sql(connection)
{
    for (LedgerKind kind : AllLedgerKinds)
        m_kindNames << toStorage(kind).toUtf8();
}

BulkMemberWriter::~BulkMemberWriter()
{
    m_summaries.reset();
    finalizeStatements();
    if (m_open && !m_committed)
        (void)m_sql.exec("ROLLBACK");
    (void)m_sql.exec("PRAGMA cache_size = -2000");
    (void)m_sql.exec("PRAGMA threads = 0");
    (void)m_sql.exec("PRAGMA foreign_keys = ON");
    if (m_committed)
        (void)m_sql.exec("PRAGMA optimize");
}

Result<std::unique_ptr<BulkMemberWriter>> BulkMemberWriter::begin(Database& db)
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(db));
    std::unique_ptr<BulkMemberWriter> writer(new BulkMemberWriter(db, connection));
    LT_TRY(writer->start());
    return writer;
}

Result<void> BulkMemberWriter::start()
{
    // A page cache large enough for the whole working set: otherwise every index insert re-reads pages from the WAL.
    LT_TRY(m_sql.exec("PRAGMA cache_size = -1048576"));
    // The rows are consistent by construction (ids are assigned by the caller); `check` verifies every reference.
    LT_TRY(m_sql.exec("PRAGMA foreign_keys = OFF"));
    LT_TRY(m_sql.exec("BEGIN IMMEDIATE"));
    m_open = true;

    // Secondary indexes are rebuilt once at the end, and the reports' summaries summed once (ReportStore::rebuild):
    // far cheaper than maintaining them row by row.
    QSqlQuery indexSql(m_db.connection());
    if (!indexSql.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND ((type = "
                                      "'index' AND tbl_name IN ('members', 'cards', 'member_search', 'sales', "
                                      "'ledger')) OR (type = 'trigger' AND name LIKE 'report\\_%' ESCAPE '\\'))")))
        return Database::errorFrom(indexSql);
    QList<QByteArray> drops;
    while (indexSql.next()) {
        const bool trigger = indexSql.value(0).toString() == QLatin1String("trigger");
        drops << (trigger ? "DROP TRIGGER " : "DROP INDEX ") + indexSql.value(1).toString().toUtf8();
        (trigger ? m_triggers : m_indexes) << indexSql.value(2).toString().toUtf8();
    }
    indexSql.finish();
    for (const QByteArray& drop : drops)
        LT_TRY(m_sql.exec(drop.constData()));

    // The summaries are then the sums of what is written here alone.
    QSqlQuery emptySql(m_db.connection());
    if (!emptySql.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM members) AND NOT EXISTS (SELECT 1 FROM sales) "
                                      "AND NOT EXISTS (SELECT 1 FROM ledger)"))
        || !emptySql.next())
        return Database::errorFrom(emptySql);
    if (emptySql.value(0).toBool())
        m_summaries = std::make_unique<SummaryRebuild>(m_sql);
    emptySql.finish();

    m_member = std::make_unique<SqliteStatement>(m_sql,
                                                 "INSERT INTO members (id, phone, name, email, birthday, consent, "
                                                 "consent_at, consent_version, enrolled_at, birthday_set_at, origin) "
                                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'generated')");
    m_term =
        std::make_unique<SqliteStatement>(m_sql, "INSERT OR IGNORE INTO member_search (term, member_id) VALUES (?, ?)");
    m_card =
        std::make_unique<SqliteStatement>(m_sql, "INSERT INTO cards (number, member_id, issued_at) VALUES (?, ?, ?)");
    m_sale = std::make_unique<SqliteStatement>(m_sql,
                                               "INSERT INTO sales (id, reference, member_id, amount_minor, currency, "
                                               "points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    m_ledger = std::make_unique<SqliteStatement>(m_sql,
                                                 "INSERT INTO ledger (member_id, kind, points, sale_id, "
                                                 "reward_tier_id, discount_minor, actor, created_at) VALUES (?, ?, ?, "
                                                 "?, ?, ?, 'demo', ?)");
    m_points = std::make_unique<SqliteStatement>(
        m_sql, "UPDATE members SET balance = ?, lifetime_points = ?, last_visit_at = ? WHERE id = ?");
    return {};
}

Result<void> BulkMemberWriter::addMember(const Member& member)
{
    SqliteStatement& row = *m_member;
    row.bind(1, member.id).bind(2, member.phone).bind(3, member.name);
    row.bind(4, member.email.isNull() ? QByteArray("") : member.email);
    row.bind(5, member.birthday).bind(6, member.consent ? 1 : 0);
    if (member.consent)
        row.bind(7, member.enrolledAt).bind(8, member.consentVersion);
    else
        row.bindNull(7).bindNull(8);
    row.bind(9, member.enrolledAt);
    if (member.birthday.isEmpty())
        row.bindNull(10);
    else
        row.bind(10, member.enrolledAt);
    LT_TRY(row.run(QStringLiteral("member")));
    if (m_summaries)
        LT_TRY(m_summaries->addMember(member.id, reinterpret_cast<const unsigned char*>(member.enrolledAt.constData()),
                                      int(member.enrolledAt.size())));
    for (const QByteArray& term : member.searchTerms)
        LT_TRY(m_term->bind(1, term).bind(2, member.id).run(QStringLiteral("search term")));
    if (!member.card.isNull())
        LT_TRY(m_card->bind(1, member.card).bind(2, member.id).bind(3, member.enrolledAt).run(QStringLiteral("card")));
    return {};
}

Result<void> BulkMemberWriter::addSale(qint64 id, const QByteArray& reference, qint64 memberId, qint64 amountMinor,
                                       const QByteArray& currency, qint64 points, const QByteArray& at)
{
    m_sale->bind(1, id).bind(2, reference).bind(3, memberId);
    m_sale->bind(4, amountMinor).bind(5, currency).bind(6, points).bind(7, at);
    LT_TRY(m_sale->run(QStringLiteral("sale")));
    if (m_summaries) // till and staff as their columns' defaults, nothing refunded
        LT_TRY(m_summaries->addSale(reinterpret_cast<const unsigned char*>(at.constData()), int(at.size()), memberId,
                                    "", 0, "", 0, amountMinor, 0));
    return {};
}

Result<void> BulkMemberWriter::addLedgerEntry(qint64 memberId, LedgerKind kind, qint64 points, qint64 saleId,
                                              const QByteArray& rewardTierId, std::optional<qint64> discountMinor,
                                              const QByteArray& at)
{
    SqliteStatement& row = *m_ledger;
    row.bind(1, memberId).bind(2, m_kindNames.at(static_cast<qsizetype>(kind))).bind(3, points);
    if (saleId > 0)
        row.bind(4, saleId);
    else
        row.bindNull(4);
    row.bind(5, rewardTierId.isEmpty() ? QByteArray() : rewardTierId);
    if (discountMinor)
        row.bind(6, *discountMinor);
    else
        row.bindNull(6);
    row.bind(7, at);
    LT_TRY(row.run(QStringLiteral("ledger")));
    if (m_summaries) {
        const QByteArray& kindName = m_kindNames.at(static_cast<qsizetype>(kind));
        LT_TRY(m_summaries->addLedgerEntry(reinterpret_cast<const unsigned char*>(at.constData()), int(at.size()),
                                           memberId, kindName.constData(), int(kindName.size()), points,
                                           discountMinor.value_or(0)));
    }
    return {};
}

Result<void> BulkMemberWriter::setPoints(qint64 memberId, qint64 balance, qint64 lifetimePoints,
                                         const QByteArray& lastVisitAt)
{
    m_points->bind(1, balance).bind(2, lifetimePoints);
    if (lastVisitAt.isEmpty())
        m_points->bindNull(3);
    else
        m_points->bind(3, lastVisitAt);
    return m_points->bind(4, memberId).run(QStringLiteral("balance"));
}

void BulkMemberWriter::reserveSales(qint64 sales)
{
    if (m_summaries)
        m_summaries->reserveSales(sales);
}

void BulkMemberWriter::finalizeStatements()
{
    m_member.reset();
    m_term.reset();
    m_card.reset();
    m_sale.reset();
    m_ledger.reset();
    m_points.reset();
}

Result<void> BulkMemberWriter::commit()
{
    finalizeStatements();
    // Each index is built by sorting its table's keys: SQLite's sorter then merges on helper threads, one a core.
    LT_TRY(m_sql.exec(QByteArray("PRAGMA threads = " + QByteArray::number(QThread::idealThreadCount())).constData()));
    for (const QByteArray& create : m_indexes + m_triggers)
        LT_TRY(m_sql.exec(create.constData()));
    if (m_summaries)
        LT_TRY(m_summaries->write(true, true));
    else
        LT_TRY(ReportStore(m_db).rebuild());
    LT_TRY(m_sql.exec("COMMIT"));
    m_committed = true;
    return {};
}

} // namespace lt
