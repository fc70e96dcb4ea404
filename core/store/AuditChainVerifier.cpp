#include "core/store/AuditChainVerifier.h"

#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"

#include <QCoreApplication>

#include <algorithm>
#include <sqlite3.h>

namespace lt {

namespace {

constexpr char SelectRows[] =
    "SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id";
// What telling a break's kind needs of every other entry: its place, time, action and links, not its details.
constexpr char SelectLinks[] = "SELECT id, at, '', action, '', '', prev_hash, hash FROM audit_log ORDER BY id";

} // namespace

QString AuditChainBreak::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::MissingBefore:
        return QStringLiteral("missing_before");
    case Kind::MissingAtEnd:
        return QStringLiteral("missing_at_end");
    case Kind::OutOfOrder:
        return QStringLiteral("out_of_order");
    case Kind::AnchorWrong:
        return QStringLiteral("anchor_wrong");
    case Kind::Inserted:
        return QStringLiteral("inserted");
    case Kind::Rewritten:
        return QStringLiteral("rewritten");
    }
    return {};
}

QString AuditChainBreak::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Changed:
        return QCoreApplication::translate("AuditChainVerifier", "changed");
    case Kind::MissingBefore:
        return QCoreApplication::translate("AuditChainVerifier", "entries missing before it");
    case Kind::MissingAtEnd:
        return QCoreApplication::translate("AuditChainVerifier", "missing from the end of the log");
    case Kind::OutOfOrder:
        return QCoreApplication::translate("AuditChainVerifier", "out of order");
    case Kind::AnchorWrong:
        return QCoreApplication::translate("AuditChainVerifier", "anchor wrong");
    case Kind::Inserted:
        return QCoreApplication::translate("AuditChainVerifier", "inserted by hand");
    case Kind::Rewritten:
        return QCoreApplication::translate("AuditChainVerifier", "rewritten");
    }
    return {};
}

AuditChainBreak AuditChainVerifier::at(AuditChainBreak::Kind kind, const AuditRow& row, const QString& explanation)
{
    return AuditChainBreak {kind, row.id, QString::fromUtf8(row.at), QString::fromUtf8(row.action), explanation};
}

Result<QList<AuditRow>> AuditChainVerifier::allRows()
{
    LT_TRY_ASSIGN(SqliteStatement * select, m_db.statement(SelectLinks));
    QList<AuditRow> rows;
    LT_TRY(select->forEachRow(QStringLiteral("read the audit log"), [&](sqlite3_stmt* statement) -> Result<void> {
        rows << AuditRow::fromColumns(statement);
        return {};
    }));
    return rows;
}

Result<AuditChainReport> AuditChainVerifier::verify(const QString& notedHead)
{
    const QByteArray noted = notedHead.trimmed().toLower().toLatin1();
    LT_TRY_ASSIGN(const std::optional<AuditChainHead> head, AuditChain(m_db).head());
    LT_TRY_ASSIGN(SqliteStatement * select, m_db.statement(SelectRows));
    AuditChainReport report;
    std::optional<AuditRow> before; // the last entry that kept the chain
    std::optional<AuditRow> failing;
    QByteArray expected = head ? head->storeId : QByteArray();
    LT_TRY(select->forEachRow(QStringLiteral("read the audit log"), [&](sqlite3_stmt* statement) -> Result<void> {
        ++report.entries;
        if (failing)
            return {}; // counted only
        AuditRow row = AuditRow::fromColumns(statement);
        const bool kept = head && row.id <= head->headId && !row.hash.isEmpty() && row.previous == expected
            && AuditChain::hashOf(row) == row.hash;
        if (!kept) {
            failing = std::move(row);
            return {};
        }
        if (!noted.isEmpty() && row.hash.startsWith(noted))
            report.notedHeadId = row.id;
        expected = row.hash;
        before = std::move(row);
        return {};
    }));
    if (before)
        report.headHash = QString::fromLatin1(before->hash);

    if (failing) {
        LT_TRY_ASSIGN(const QList<AuditRow> rows, allRows());
        report.firstBreak = classify(*failing, before, head, rows);
        return report;
    }
    if (!head) {
        report.firstBreak = AuditChainBreak {
            AuditChainBreak::Kind::AnchorWrong, 0, QString(), QString(),
            QCoreApplication::translate("AuditChainVerifier",
                                        "The audit chain's record (the store id and the chain's head) is "
                                        "missing.")};
        return report;
    }
    const qint64 lastId = before ? before->id : 0;
    if (lastId < head->headId) {
        report.firstBreak = AuditChainBreak {
            AuditChainBreak::Kind::MissingAtEnd, head->headId, head->headAt, head->headAction,
            QCoreApplication::translate(
                "AuditChainVerifier",
                "The chain's head names this entry, but the log ends at entry %1: the entries after it were removed.")
                .arg(lastId)};
    } else if (before && before->hash != head->headHash) {
        report.firstBreak =
            at(AuditChainBreak::Kind::Changed, *before,
               QCoreApplication::translate("AuditChainVerifier",
                                           "The chain's head does not hold this entry's hash: the head was edited."));
    } else if (report.entries != head->entries) {
        report.firstBreak = AuditChainBreak {
            AuditChainBreak::Kind::MissingBefore, head->headId, head->headAt, head->headAction,
            QCoreApplication::translate("AuditChainVerifier", "The log holds %1 entries, the chain counted %2.")
                .arg(report.entries)
                .arg(head->entries)};
    }
    if (!report.firstBreak && !noted.isEmpty() && report.notedHeadId == 0)
        report.firstBreak = AuditChainBreak {
            AuditChainBreak::Kind::Rewritten, 0, QString(), QString(),
            QCoreApplication::translate("AuditChainVerifier",
                                        "The head noted earlier (%1) is not in the chain: the log was cut back or "
                                        "rewritten before it.")
                .arg(notedHead.trimmed())};
    return report;
}

AuditChainBreak AuditChainVerifier::classify(const AuditRow& failing, const std::optional<AuditRow>& before,
                                             const std::optional<AuditChainHead>& head,
                                             const QList<AuditRow>& rows) const
{
    using Kind = AuditChainBreak::Kind;
    if (!head)
        return at(
            Kind::AnchorWrong, failing,
            QCoreApplication::translate("AuditChainVerifier",
                                        "The audit chain's record (the store id and the chain's head) is missing."));
    if (failing.id > head->headId)
        return at(Kind::Inserted, failing,
                  QCoreApplication::translate(
                      "AuditChainVerifier", "It comes after the chain's head (entry %1): LoyaltyTill did not write it.")
                      .arg(head->headId));
    if (failing.hash.isEmpty())
        return at(Kind::Inserted, failing,
                  QCoreApplication::translate("AuditChainVerifier",
                                              "It carries no chain hash: LoyaltyTill did not write it."));

    if (AuditChain::hashOf(failing) != failing.hash) {
        // Written under another entry's id or time? Then it was moved, not edited.
        for (const AuditRow& other : rows) {
            if (other.id == failing.id)
                continue;
            AuditRow moved = failing;
            moved.id = other.id;
            if (AuditChain::hashOf(moved) == failing.hash)
                return at(Kind::OutOfOrder, failing,
                          QCoreApplication::translate("AuditChainVerifier",
                                                      "It was written as entry %1: entries were renumbered.")
                              .arg(other.id));
            moved = failing;
            moved.at = other.at;
            if (AuditChain::hashOf(moved) == failing.hash)
                return at(Kind::OutOfOrder, failing,
                          QCoreApplication::translate("AuditChainVerifier",
                                                      "It was written with the time of entry %1: times were swapped.")
                              .arg(other.id));
        }
        // The chain goes around an entry slipped in: another entry is chained to the one it claims to follow.
        const QByteArray& expected = before ? before->hash : head->storeId;
        const bool bypassed = std::any_of(rows.cbegin(), rows.cend(), [&](const AuditRow& other) {
            return other.id != failing.id && other.previous == expected;
        });
        if (bypassed)
            return at(Kind::Inserted, failing,
                      QCoreApplication::translate(
                          "AuditChainVerifier",
                          "Its hash matches neither its fields nor the chain, which goes around it: LoyaltyTill did "
                          "not write it."));
        return at(
            Kind::Changed, failing,
            QCoreApplication::translate("AuditChainVerifier",
                                        "Its fields no longer match its hash: it was edited after it was written."));
    }

    // Its own hash holds; its link does not.
    const AuditRow* linked = nullptr;
    for (const AuditRow& other : rows) {
        if (other.hash == failing.previous && other.id != failing.id) {
            linked = &other;
            break;
        }
    }
    if (linked && linked->id > failing.id)
        return at(Kind::OutOfOrder, failing,
                  QCoreApplication::translate("AuditChainVerifier",
                                              "It was chained after entry %1, which now comes after it.")
                      .arg(linked->id));
    if (linked) {
        // The entries between the one it was chained to and itself are not part of the chain.
        for (const AuditRow& other : rows) {
            if (other.id > linked->id)
                return at(Kind::Inserted, other,
                          QCoreApplication::translate(
                              "AuditChainVerifier",
                              "It is not part of the chain: entry %1 was chained straight after entry %2.")
                              .arg(failing.id)
                              .arg(linked->id));
        }
    }
    if (!before) {
        if (failing.id != head->firstId)
            return at(
                Kind::MissingBefore, failing,
                QCoreApplication::translate("AuditChainVerifier",
                                            "The chain starts at entry %1; the entries before this one were removed.")
                    .arg(head->firstId));
        return at(Kind::AnchorWrong, failing,
                  QCoreApplication::translate(
                      "AuditChainVerifier",
                      "The first entry is not chained to this store's id: the id was changed, or the log comes from "
                      "another store."));
    }
    if (failing.id - before->id == 2)
        return at(Kind::MissingBefore, failing,
                  QCoreApplication::translate("AuditChainVerifier",
                                              "The entry it was chained to is gone: entry %1 was removed.")
                      .arg(before->id + 1));
    if (failing.id - before->id > 2)
        return at(Kind::MissingBefore, failing,
                  QCoreApplication::translate("AuditChainVerifier",
                                              "The entry it was chained to is gone: entries %1 to %2 were removed.")
                      .arg(before->id + 1)
                      .arg(failing.id - 1));
    return at(
        Kind::MissingBefore, failing,
        QCoreApplication::translate("AuditChainVerifier", "The entry it was chained to is no longer in the log."));
}

} // namespace lt
