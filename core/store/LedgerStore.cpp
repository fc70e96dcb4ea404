#include "core/store/LedgerStore.h"

#include "core/common/Clock.h"
#include "core/domain/PointsRules.h"
#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"
#include "core/store/Transaction.h"

#include <QStringList>

#include <array>
#include <memory>
#include <sqlite3.h>

namespace lt {

namespace {
QVariant orNull(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant orNull(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

// A stored time as toStorageTime writes it ("2024-03-01T12:00:00.000Z") read without QDateTime::fromString's cost
// per row; any other text through fromStorageTime.
QDateTime storedTime(const char* text, int size)
{
    auto number = [text](int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (size == 24 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
        && text[19] == '.' && text[23] == 'Z') {
        const int hour = number(11, 2);
        const int minute = number(14, 2);
        const int second = number(17, 2);
        const int milli = number(20, 3);
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        if (date.isValid() && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60
            && milli >= 0) {
            constexpr qint64 UnixEpochJulianDay = 2440588;
            const qint64 minutes = ((date.toJulianDay() - UnixEpochJulianDay) * 24 + hour) * 60 + minute;
            return QDateTime::fromMSecsSinceEpoch(minutes * 60'000 + second * 1000 + milli, Qt::UTC);
        }
    }
    return fromStorageTime(QString::fromUtf8(text, size));
}

// The ledger kinds by their stored names, matched on the bytes SQLite returns.
Result<LedgerKind> kindFromBytes(const char* text, int size)
{
    static const auto names = [] {
        std::array<std::pair<QByteArray, LedgerKind>, std::size(AllLedgerKinds)> all;
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = {toStorage(AllLedgerKinds[i]).toUtf8(), AllLedgerKinds[i]};
        return all;
    }();
    for (const auto& [name, kind] : names) {
        if (name.size() == size && std::memcmp(name.constData(), text, std::size_t(size)) == 0)
            return kind;
    }
    return fromStorage<LedgerKind>(QString::fromUtf8(text, size)); // the Corrupt error naming the stored text
}

QByteArrayView columnText(sqlite3_stmt* statement, int column)
{
    return QByteArrayView(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                          sqlite3_column_bytes(statement, column));
}
} // namespace

Result<qint64> LedgerStore::append(const NewEntry& entry, const QString& actor, const QDateTime& at)
{
    QSqlQuery& insert =
        m_db.prepared(QStringLiteral("INSERT INTO ledger (member_id, kind, points, sale_id, reference, reward_tier_id, "
                                     "discount_minor, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted =
        m_db.exec(insert,
                  {entry.memberId, toStorage(entry.kind), entry.points, orNull(entry.saleId), orNull(entry.reference),
                   orNull(entry.rewardTierId), orNull(entry.discountMinor), entry.note, actor, toStorageTime(at)});
    const qint64 ledgerId = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return ledgerId;
}

Result<QList<LedgerEntry>> LedgerStore::history(qint64 memberId, int limit) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT l.id, l.member_id, l.kind, l.points, COALESCE(s.reference, l.reference), l.reward_tier_id, "
        "l.discount_minor, l.note, l.actor, l.created_at, "
        "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.ledger_id = l.id AND o.state <> 'sent') "
        "FROM ledger l LEFT JOIN sales s ON s.id = l.sale_id WHERE l.member_id = ? ORDER BY l.id DESC LIMIT ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId, limit}));
    QList<LedgerEntry> entries;
    while (query.next()) {
        LedgerEntry e;
        LT_TRY_ASSIGN(e.kind, fromStorage<LedgerKind>(query.value(2).toString()));
        e.id = query.value(0).toLongLong();
        e.memberId = query.value(1).toLongLong();
        e.points = query.value(3).toLongLong();
        e.saleReference = query.value(4).toString();
        e.rewardTierId = query.value(5).toString();
        e.discountMinor = query.value(6).toLongLong();
        e.note = query.value(7).toString();
        e.actor = query.value(8).toString();
        e.createdAt = fromStorageTime(query.value(9).toString());
        e.synced = query.value(10).toBool();
        entries << e;
    }
    return entries;
}

Result<qint64> LedgerStore::pointsFor(qint64 memberId, const QString& reference, LedgerKind kind) const
{
    LT_TRY_ASSIGN(const QVariant sum,
                  m_db.scalar(QStringLiteral("SELECT COALESCE(sum(points), 0) FROM ledger WHERE member_id = ? AND "
                                             "reference = ? AND kind = ?"),
                              {memberId, reference, toStorage(kind)}));
    return sum.toLongLong();
}

Result<QList<LedgerStore::Movement>> LedgerStore::movements(qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT id, kind, points, created_at FROM ledger WHERE member_id = ? ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    QList<Movement> entries;
    while (query.next()) {
        Movement entry;
        entry.id = query.value(0).toLongLong();
        LT_TRY_ASSIGN(entry.kind, fromStorage<LedgerKind>(query.value(1).toString()));
        entry.points = query.value(2).toLongLong();
        entry.createdAt = fromStorageTime(query.value(3).toString());
        entries << entry;
    }
    return entries;
}

Result<qint64> LedgerStore::lastEntryId(qint64 memberId) const
{
    LT_TRY_ASSIGN(
        const QVariant id,
        m_db.scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM ledger WHERE member_id = ?"), {memberId}));
    return id.toLongLong();
}

Result<void> LedgerStore::scanPositiveBalances(qint64 afterMemberId, const MemberMovements& visit) const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    // Members by id, each one's entries through ledger_member (member_id, id): already in the order wanted.
    const char* const sql = "SELECT m.id, l.id, l.kind, l.points, l.created_at FROM members m "
                            "JOIN ledger l ON l.member_id = m.id WHERE m.id > ?1 AND m.balance > 0 ORDER BY m.id, l.id";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(connection.handle(), sql, -1, &raw, nullptr) != SQLITE_OK)
        return connection.lastError(QStringLiteral("Reading the ledgers of members with points"));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    sqlite3_bind_int64(raw, 1, afterMemberId);
    QList<Movement> entries;
    qint64 memberId = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        const qint64 rowMember = sqlite3_column_int64(raw, 0);
        if (rowMember != memberId) {
            if (memberId != 0 && !visit(memberId, entries))
                return {};
            memberId = rowMember;
            entries.clear(); // keeps its capacity
        }
        Movement entry;
        entry.id = sqlite3_column_int64(raw, 1);
        const QByteArrayView kind = columnText(raw, 2);
        LT_TRY_ASSIGN(entry.kind, kindFromBytes(kind.data(), int(kind.size())));
        entry.points = sqlite3_column_int64(raw, 3);
        const QByteArrayView at = columnText(raw, 4);
        entry.createdAt = storedTime(at.data(), int(at.size()));
        entries.append(std::move(entry));
    }
    if (rc != SQLITE_DONE)
        return connection.lastError(QStringLiteral("Reading the ledgers of members with points"));
    if (memberId != 0)
        visit(memberId, entries);
    return {};
}

QString LedgerStore::lifetimeDeltaSql()
{
    QStringList all;
    QStringList gains;
    for (LedgerKind kind : AllLedgerKinds) {
        const QString quoted = QStringLiteral("'%1'").arg(toStorage(kind));
        if (PointsRules::lifetimeEffect(kind) == PointsRules::LifetimeEffect::All)
            all << quoted;
        else if (PointsRules::lifetimeEffect(kind) == PointsRules::LifetimeEffect::GainsOnly)
            gains << quoted;
    }
    return QStringLiteral("CASE WHEN kind IN (%1) THEN points WHEN kind IN (%2) AND points > 0 THEN points ELSE 0 END")
        .arg(all.join(QStringLiteral(", ")), gains.join(QStringLiteral(", ")));
}

} // namespace lt
