#include "core/store/LedgerStore.h"

#include "core/common/Clock.h"
#include "core/domain/PointsRules.h"
#include "core/store/Database.h"
#include "core/store/SqlValues.h"
#include "core/store/SqliteConnection.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <sqlite3.h>
#include <vector>

namespace lt {

namespace {

// Milliseconds since the epoch of a time as toStorageTime writes it ("2024-03-01T12:00:00.000Z"), read without
// QDateTime::fromString's cost per row; any other text through fromStorageTime. nullopt: not a time.
std::optional<qint64> storedMsecs(QByteArrayView text)
{
    auto number = [text](qsizetype at, qsizetype count) {
        int value = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (text.size() == 24 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
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
            return minutes * 60'000 + second * 1000 + milli;
        }
    }
    const QDateTime parsed = fromStorageTime(QString::fromUtf8(text));
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

// The position in AllLedgerKinds of a stored kind, matched on the bytes SQLite returns.
Result<int> kindIndex(QByteArrayView text)
{
    static const auto names = [] {
        std::array<QByteArray, std::size(AllLedgerKinds)> all;
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = toStorage(AllLedgerKinds[i]).toUtf8();
        return all;
    }();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text)
            return int(i);
    }
    LT_TRY(fromStorage<LedgerKind>(QString::fromUtf8(text))); // the Corrupt error naming the stored text
    return Error::internal(QStringLiteral("A ledger kind has no place in AllLedgerKinds."));
}

QByteArrayView columnView(sqlite3_stmt* statement, int column)
{
    return QByteArrayView(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                          sqlite3_column_bytes(statement, column));
}

// Runs `work` in a read transaction of its own unless the connection is in one already, so that the statements it
// runs read one snapshot of the store.
Result<void> inOneSnapshot(SqliteConnection& connection, const std::function<Result<void>()>& work)
{
    if (!sqlite3_get_autocommit(connection.handle()))
        return work();
    LT_TRY(connection.exec("BEGIN"));
    Result<void> outcome = work();
    if (!outcome) {
        (void)connection.exec("ROLLBACK");
        return outcome;
    }
    LT_TRY(connection.exec("COMMIT"));
    return outcome;
}

// Every ledger entry of the members being scanned, grouped by member: the member memberIds[i] has the entries
// entries[offsets[i]] up to entries[offsets[i + 1]], oldest first. 16 bytes an entry and 24 a member.
class GroupedEntries
{
public:
    // The time in milliseconds times 16 plus the kind's place in AllLedgerKinds, and the points.
    struct Packed
    {
        qint64 timeAndKind = 0;
        qint64 points = 0;
    };
    static constexpr qint64 KindSlots = 16;
    static_assert(std::size(AllLedgerKinds) <= std::size_t(KindSlots));

    Result<void> read(SqliteConnection& connection);

    std::vector<qint64> memberIds; // ascending
    std::vector<qsizetype> offsets; // one more than memberIds
    std::vector<Packed> entries;
    qint64 newestEntryId = 0;

private:
    // Where the next entry of this member goes; nullptr for a member not scanned.
    qsizetype* cursorOf(qint64 memberId)
    {
        if (!m_cursorById.empty()) {
            if (memberId < 0 || std::size_t(memberId) >= m_cursorById.size())
                return nullptr;
            qsizetype& cursor = m_cursorById[std::size_t(memberId)];
            return cursor >= 0 ? &cursor : nullptr;
        }
        const auto at = std::lower_bound(memberIds.begin(), memberIds.end(), memberId);
        return at != memberIds.end() && *at == memberId ? &m_cursorBySlot[std::size_t(at - memberIds.begin())]
                                                        : nullptr;
    }
    struct Window
    {
        static constexpr std::size_t Capacity = 64;
        struct Row
        {
            qint64 memberId = 0;
            Packed entry;
        };
        std::array<Row, Capacity> rows;
        std::size_t size = 0;
    };
    Result<void> place(Window& window);
    void startCursors();
    bool cursorsReachedTheirEnds() const;

    // Entries arrive in storage order, each for any member: a table by member id costs one cache miss where a
    // search costs twenty, 8 bytes per id up to the highest; kept unless ids are very sparse.
    std::vector<qsizetype> m_cursorById; // -1: not scanned
    std::vector<qsizetype> m_cursorBySlot;
};

void GroupedEntries::startCursors()
{
    const qint64 highest = memberIds.empty() ? 0 : memberIds.back();
    if (highest < qint64(memberIds.size()) * 4 + 65536) {
        m_cursorById.assign(std::size_t(highest) + 1, -1);
        for (std::size_t slot = 0; slot < memberIds.size(); ++slot)
            m_cursorById[std::size_t(memberIds[slot])] = offsets[slot];
    } else {
        m_cursorBySlot.assign(offsets.begin(), offsets.end() - 1);
    }
}

Result<void> GroupedEntries::place(Window& window)
{
#if defined(__GNUC__)
    for (std::size_t i = 0; i < window.size; ++i) {
        const qint64 memberId = window.rows[i].memberId;
        if (memberId >= 0 && std::size_t(memberId) < m_cursorById.size())
            __builtin_prefetch(&m_cursorById[std::size_t(memberId)], 1);
    }
#endif
    std::array<qsizetype, Window::Capacity> places {};
    for (std::size_t i = 0; i < window.size; ++i) {
        qsizetype* cursor = cursorOf(window.rows[i].memberId);
        places[i] = cursor ? (*cursor)++ : -1; // -1: a member not scanned
        if (places[i] >= qsizetype(entries.size()))
            return Error::internal(QStringLiteral("The ledger changed while it was read in one snapshot."));
    }
    for (std::size_t i = 0; i < window.size; ++i) {
        if (places[i] >= 0)
            entries[std::size_t(places[i])] = window.rows[i].entry;
    }
    window.size = 0;
    return {};
}

bool GroupedEntries::cursorsReachedTheirEnds() const
{
    for (std::size_t slot = 0; slot < memberIds.size(); ++slot) {
        const qsizetype cursor =
            m_cursorById.empty() ? m_cursorBySlot[slot] : m_cursorById[std::size_t(memberIds[slot])];
        if (cursor != offsets[slot + 1])
            return false;
    }
    return true;
}

Result<void> GroupedEntries::read(SqliteConnection& connection)
{
    const QString what = QStringLiteral("Reading the ledgers of members with points");
    SqliteStatement members(connection, "SELECT id FROM members WHERE balance > 0 ORDER BY id");
    LT_TRY(members.forEachRow(what, [&](sqlite3_stmt* row) -> Result<void> {
        memberIds.push_back(sqlite3_column_int64(row, 0));
        return {};
    }));
    SqliteStatement newest(connection, "SELECT COALESCE(max(id), 0) FROM ledger");
    LT_TRY(newest.forEachRow(what, [&](sqlite3_stmt* row) -> Result<void> {
        newestEntryId = sqlite3_column_int64(row, 0);
        return {};
    }));
    // Counted on ledger_member alone (a covering index, in member order, merged with memberIds), so that each entry
    // can be put where it belongs as it arrives.
    offsets.assign(memberIds.size() + 1, 0);
    std::size_t slot = 0;
    SqliteStatement counted(connection, "SELECT member_id, count(*) FROM ledger GROUP BY member_id ORDER BY member_id");
    LT_TRY(counted.forEachRow(what, [&](sqlite3_stmt* row) -> Result<void> {
        const qint64 memberId = sqlite3_column_int64(row, 0);
        while (slot < memberIds.size() && memberIds[slot] < memberId)
            ++slot;
        if (slot < memberIds.size() && memberIds[slot] == memberId)
            offsets[slot + 1] = sqlite3_column_int64(row, 1);
        return {};
    }));
    for (std::size_t i = 0; i < memberIds.size(); ++i)
        offsets[i + 1] += offsets[i];
    entries.resize(std::size_t(offsets.back()));
    startCursors();
    // The table in storage order: each member's entries arrive oldest first. They are placed a window at a time:
    // the places of a whole window are looked up (and fetched into the cache) together, not one miss after another.
    Window window;
    SqliteStatement all(connection, "SELECT member_id, kind, points, created_at FROM ledger ORDER BY id");
    LT_TRY(all.forEachRow(what, [&](sqlite3_stmt* row) -> Result<void> {
        const qint64 memberId = sqlite3_column_int64(row, 0);
        LT_TRY_ASSIGN(const int kind, kindIndex(columnView(row, 1)));
        const std::optional<qint64> msecs = storedMsecs(columnView(row, 3));
        if (!msecs)
            return Error::corrupt(
                QCoreApplication::translate("LedgerStore", "A ledger entry of member %1 has no valid time.")
                    .arg(memberId));
        window.rows[window.size++] = {memberId, Packed {*msecs * KindSlots + kind, sqlite3_column_int64(row, 2)}};
        return window.size < Window::Capacity ? Result<void>() : place(window);
    }));
    LT_TRY(place(window));
    if (!cursorsReachedTheirEnds())
        return Error::internal(QStringLiteral("The ledger changed while it was read in one snapshot."));
    return {};
}
} // namespace

Result<qint64> LedgerStore::append(const NewEntry& entry, const QString& actor, const QDateTime& at)
{
    QSqlQuery& insert =
        m_db.prepared(QStringLiteral("INSERT INTO ledger (member_id, kind, points, sale_id, reference, reward_tier_id, "
                                     "discount_minor, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted =
        m_db.exec(insert,
                  {entry.memberId, toStorage(entry.kind), entry.points, sqlvalue::nullUnlessPositive(entry.saleId),
                   sqlvalue::nullIfEmpty(entry.reference), sqlvalue::nullIfEmpty(entry.rewardTierId),
                   sqlvalue::nullUnlessPositive(entry.discountMinor), entry.note, actor, toStorageTime(at)});
    const qint64 ledgerId = insert.lastInsertId().toLongLong();
    insert.finish();
    LT_TRY(inserted);
    return ledgerId;
}

Result<void> LedgerStore::appendMany(const QList<NewEntry>& entries, const QString& actor, const QDateTime& at)
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement insert(connection,
                           "INSERT INTO ledger (member_id, kind, points, sale_id, reference, "
                           "reward_tier_id, discount_minor, note, actor, created_at) VALUES (?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?)");
    const QByteArray actorText = actor.toUtf8();
    const QByteArray atText = toStorageTime(at).toUtf8();
    // NULL for what an entry does not have, as append() stores it; an empty note is ''.
    const auto textOrNull = [](const QString& text) {
        return text.isEmpty() ? QByteArray() : text.toUtf8();
    };
    for (const NewEntry& entry : entries) {
        insert.bind(1, entry.memberId).bind(2, toStorage(entry.kind).toUtf8()).bind(3, entry.points);
        if (entry.saleId > 0)
            insert.bind(4, entry.saleId);
        else
            insert.bindNull(4);
        insert.bind(5, textOrNull(entry.reference)).bind(6, textOrNull(entry.rewardTierId));
        if (entry.discountMinor != 0)
            insert.bind(7, entry.discountMinor);
        else
            insert.bindNull(7);
        insert.bind(8, QByteArray(entry.note.toUtf8().constData())).bind(9, actorText).bind(10, atText);
        LT_TRY(insert.run(QStringLiteral("ledger entry")));
    }
    return {};
}

namespace {
// The columns entriesFrom() reads, the sale's reference in place of the entry's own when it has one.
const QString EntryColumns =
    QStringLiteral("SELECT l.id, l.member_id, l.kind, l.points, COALESCE(s.reference, l.reference), l.reward_tier_id, "
                   "l.discount_minor, l.note, l.actor, l.created_at, "
                   "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.ledger_id = l.id AND o.state <> 'sent') "
                   "FROM ledger l LEFT JOIN sales s ON s.id = l.sale_id ");

Result<QList<LedgerEntry>> entriesFrom(QSqlQuery& query)
{
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
} // namespace

Result<QList<LedgerEntry>> LedgerStore::history(qint64 memberId, int limit) const
{
    static const QString sql = EntryColumns + QStringLiteral("WHERE l.member_id = ? ORDER BY l.id DESC LIMIT ?");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId, limit}));
    return entriesFrom(query);
}

Result<std::optional<LedgerEntry>> LedgerStore::entry(qint64 entryId) const
{
    static const QString sql = EntryColumns + QStringLiteral("WHERE l.id = ?");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {entryId}));
    LT_TRY_ASSIGN(const QList<LedgerEntry> entries, entriesFrom(query));
    return entries.isEmpty() ? std::optional<LedgerEntry>() : std::optional<LedgerEntry>(entries.first());
}

Result<QList<LedgerEntry>> LedgerStore::ofSale(qint64 saleId) const
{
    static const QString sql = EntryColumns + QStringLiteral("WHERE l.sale_id = ? ORDER BY l.id");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {saleId}));
    return entriesFrom(query);
}

Result<QList<LedgerEntry>> LedgerStore::ofReference(const QString& reference, LedgerKind kind) const
{
    static const QString sql = EntryColumns + QStringLiteral("WHERE l.reference = ? AND l.kind = ? ORDER BY l.id");
    QSqlQuery& query = m_db.prepared(sql);
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {reference, toStorage(kind)}));
    return entriesFrom(query);
}

Result<LedgerStore::Through> LedgerStore::through(qint64 memberId, qint64 entryId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT count(*), COALESCE(sum(points), 0) FROM ledger WHERE member_id = ? AND id <= ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId, entryId}));
    Through through;
    if (query.next()) {
        through.entries = query.value(0).toLongLong();
        through.balance = query.value(1).toLongLong();
    }
    return through;
}

Result<qint64> LedgerStore::lastEntryAt(qint64 memberId, const QDateTime& at) const
{
    LT_TRY_ASSIGN(const QVariant id,
                  m_db.scalar(QStringLiteral("SELECT max(id) FROM ledger WHERE member_id = ? AND "
                                             "created_at <= ?"),
                              {memberId, toStorageTime(at)}));
    return id.toLongLong();
}

Result<qint64> LedgerStore::pointsFor(qint64 memberId, const QString& reference, LedgerKind kind) const
{
    LT_TRY_ASSIGN(const QVariant sum,
                  m_db.scalar(QStringLiteral("SELECT COALESCE(sum(points), 0) FROM ledger WHERE member_id = ? AND "
                                             "reference = ? AND kind = ?"),
                              {memberId, reference, toStorage(kind)}));
    return sum.toLongLong();
}

Result<LedgerStore::MemberLedger> LedgerStore::memberLedger(qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT kind, points, created_at, id FROM ledger WHERE member_id = ? ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    MemberLedger ledger;
    ledger.memberId = memberId;
    while (query.next()) {
        Movement entry;
        LT_TRY_ASSIGN(entry.kind, fromStorage<LedgerKind>(query.value(0).toString()));
        entry.points = query.value(1).toLongLong();
        entry.createdAt = fromStorageTime(query.value(2).toString());
        ledger.readUpTo = query.value(3).toLongLong();
        ledger.entries << entry;
    }
    return ledger;
}

Result<LedgerStore::MovedMembers> LedgerStore::movedAfter(qint64 entryId) const
{
    // A range of ids, newest last: DISTINCT would have SQLite walk all of ledger_member instead.
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT member_id, id FROM ledger WHERE id > ? ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {entryId}));
    MovedMembers moved;
    moved.upTo = entryId;
    while (query.next()) {
        moved.memberIds.insert(query.value(0).toLongLong());
        moved.upTo = query.value(1).toLongLong();
    }
    return moved;
}

Result<void> LedgerStore::scanPositiveBalances(const MemberLedgerVisitor& visit) const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    GroupedEntries grouped;
    LT_TRY(inOneSnapshot(connection, [&]() { return grouped.read(connection); }));
    MemberLedger ledger;
    ledger.readUpTo = grouped.newestEntryId;
    for (std::size_t slot = 0; slot < grouped.memberIds.size(); ++slot) {
        ledger.memberId = grouped.memberIds[slot];
        ledger.entries.clear(); // keeps its capacity
        for (qsizetype at = grouped.offsets[slot]; at < grouped.offsets[slot + 1]; ++at) {
            const GroupedEntries::Packed& packed = grouped.entries[std::size_t(at)];
            const qint64 kind = packed.timeAndKind & (GroupedEntries::KindSlots - 1);
            const qint64 msecs = (packed.timeAndKind - kind) / GroupedEntries::KindSlots;
            ledger.entries.append(
                Movement {AllLedgerKinds[kind], packed.points, QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)});
        }
        if (!visit(ledger))
            break;
    }
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
