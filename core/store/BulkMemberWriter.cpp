#include "core/store/BulkMemberWriter.h"

#include "core/common/Logging.h"
#include "core/store/Database.h"
#include "core/store/ReportStore.h"
#include "core/store/RowBatch.h"
#include "core/store/SummaryRebuild.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

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

    m_member = std::make_unique<RowBatch>(m_sql,
                                          "INSERT INTO members (id, phone, name, email, birthday, consent, consent_at, "
                                          "consent_version, enrolled_at, birthday_set_at, origin) VALUES ",
                                          11);
    m_term = std::make_unique<RowBatch>(m_sql, "INSERT OR IGNORE INTO member_search (term, member_id) VALUES ", 2);
    m_card = std::make_unique<RowBatch>(m_sql, "INSERT INTO cards (number, member_id, issued_at) VALUES ", 3);
    m_sale = std::make_unique<RowBatch>(
        m_sql, "INSERT INTO sales (id, reference, member_id, amount_minor, currency, points, created_at) VALUES ", 7);
    m_ledger = std::make_unique<RowBatch>(m_sql,
                                          "INSERT INTO ledger (member_id, kind, points, sale_id, reward_tier_id, "
                                          "discount_minor, actor, created_at) VALUES ",
                                          8);
    m_points = std::make_unique<SqliteStatement>(
        m_sql, "UPDATE members SET balance = ?, lifetime_points = ?, last_visit_at = ? WHERE id = ?");
    for (const RowBatch* batch : {m_member.get(), m_term.get(), m_card.get(), m_sale.get(), m_ledger.get()}) {
        if (!batch->isValid())
            return m_sql.lastError(QStringLiteral("prepare generate"));
    }
    if (!m_points->isValid())
        return m_sql.lastError(QStringLiteral("prepare generate"));
    return {};
}

Result<void> BulkMemberWriter::addMember(const Member& member)
{
    using Value = RowBatch::Value;
    const Value consentAt = member.consent ? Value(member.enrolledAt) : Value(nullptr);
    const Value consentVersion = member.consent ? Value(member.consentVersion) : Value(nullptr);
    const Value birthdaySetAt = member.birthday.isEmpty() ? Value(nullptr) : Value(member.enrolledAt);
    const Value birthday = member.birthday.isNull() ? Value(nullptr) : Value(member.birthday);
    LT_TRY(m_member->add({member.id, member.phone, member.name, member.email.isNull() ? QByteArray("") : member.email,
                          birthday, qint64(member.consent ? 1 : 0), consentAt, consentVersion, member.enrolledAt,
                          birthdaySetAt, QByteArrayLiteral("generated")},
                         QStringLiteral("member")));
    if (m_summaries)
        LT_TRY(m_summaries->addMember(member.id, reinterpret_cast<const unsigned char*>(member.enrolledAt.constData()),
                                      int(member.enrolledAt.size())));
    for (const QByteArray& term : member.searchTerms)
        m_terms.emplace_back(term, member.id);
    if (!member.card.isNull())
        LT_TRY(m_card->add({member.card, member.id, member.enrolledAt}, QStringLiteral("card")));
    return {};
}

Result<void> BulkMemberWriter::addSale(qint64 id, const QByteArray& reference, qint64 memberId, qint64 amountMinor,
                                       const QByteArray& currency, qint64 points, const QByteArray& at)
{
    LT_TRY(m_sale->add({id, reference, memberId, amountMinor, currency, points, at}, QStringLiteral("sale")));
    if (m_summaries) // till and staff as their columns' defaults, nothing refunded
        LT_TRY(m_summaries->addSale(reinterpret_cast<const unsigned char*>(at.constData()), int(at.size()), memberId,
                                    "", 0, "", 0, amountMinor, 0));
    return {};
}

Result<void> BulkMemberWriter::addLedgerEntry(qint64 memberId, LedgerKind kind, qint64 points, qint64 saleId,
                                              const QByteArray& rewardTierId, std::optional<qint64> discountMinor,
                                              const QByteArray& at)
{
    using Value = RowBatch::Value;
    const QByteArray& kindName = m_kindNames.at(static_cast<qsizetype>(kind));
    LT_TRY(m_ledger->add({memberId, kindName, points, saleId > 0 ? Value(saleId) : Value(nullptr),
                          rewardTierId.isEmpty() ? Value(nullptr) : Value(rewardTierId),
                          discountMinor ? Value(*discountMinor) : Value(nullptr), QByteArrayLiteral("demo"), at},
                         QStringLiteral("ledger")));
    if (m_summaries) {
        LT_TRY(m_summaries->addLedgerEntry(reinterpret_cast<const unsigned char*>(at.constData()), int(at.size()),
                                           memberId, kindName.constData(), int(kindName.size()), points,
                                           discountMinor.value_or(0)));
    }
    return {};
}

Result<void> BulkMemberWriter::setPoints(qint64 memberId, qint64 balance, qint64 lifetimePoints,
                                         const QByteArray& lastVisitAt)
{
    LT_TRY(m_member->finish(QStringLiteral("member"))); // the member's row, if still kept back
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

Result<void> BulkMemberWriter::finishBatches()
{
    LT_TRY(m_member->finish(QStringLiteral("member")));
    // Sorted, each term lands at the end of member_search (its key) instead of at a random page.
    std::sort(m_terms.begin(), m_terms.end());
    for (const auto& [term, memberId] : m_terms)
        LT_TRY(m_term->add({term, memberId}, QStringLiteral("search term")));
    m_terms.clear();
    m_terms.shrink_to_fit();
    LT_TRY(m_term->finish(QStringLiteral("search term")));
    LT_TRY(m_card->finish(QStringLiteral("card")));
    LT_TRY(m_sale->finish(QStringLiteral("sale")));
    return m_ledger->finish(QStringLiteral("ledger"));
}

Result<void> BulkMemberWriter::commit()
{
    LT_TRY(finishBatches());
    finalizeStatements();
    // Each index is built by sorting its table's keys: SQLite's sorter then merges on helper threads, one a core.
    LT_TRY(m_sql.exec(QByteArray("PRAGMA threads = " + QByteArray::number(QThread::idealThreadCount())).constData()));
    QElapsedTimer timer;
    for (const QByteArray& create : std::as_const(m_indexes)) {
        timer.start();
        LT_TRY(m_sql.exec(create.constData()));
        qCDebug(lcStore) << "generate:" << create.left(create.indexOf('(')).simplified() << "in" << timer.elapsed()
                         << "ms";
    }
    for (const QByteArray& create : std::as_const(m_triggers))
        LT_TRY(m_sql.exec(create.constData()));
    timer.start();
    if (m_summaries)
        LT_TRY(m_summaries->write(true, true));
    else
        LT_TRY(ReportStore(m_db).rebuild());
    qCDebug(lcStore) << "generate: the reports' summaries written in" << timer.elapsed() << "ms";
    timer.start();
    LT_TRY(m_sql.exec("COMMIT"));
    qCDebug(lcStore) << "generate: committed in" << timer.elapsed() << "ms";
    m_committed = true;
    return {};
}

} // namespace lt
