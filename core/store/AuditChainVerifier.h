#pragma once

#include "core/common/Result.h"
#include "core/store/AuditChain.h"

#include <QList>
#include <QString>

#include <optional>

namespace lt {

// Where and how the audit chain breaks first, walking the log in id order.
struct AuditChainBreak
{
    enum class Kind {
        Changed, // its fields no longer match its own hash: edited after it was written
        MissingBefore, // the entry it was chained to is no longer in the log (or the first entries are gone)
        MissingAtEnd, // the chain's head names an entry the log no longer holds: the last entries were removed
        OutOfOrder, // written under another id or time, or chained after an entry that now comes after it
        AnchorWrong, // the first entry is not chained to this store's id, or the chain's own record is gone
        Inserted, // not written by LoyaltyTill: no hash, past the chain's head, or chained around
        Rewritten, // a head noted earlier is no longer in the chain: cut back, or rewritten with new hashes
    };
    Kind kind = Kind::Changed;
    qint64 id = 0; // the entry named; 0 when there is none (an empty log whose chain record is gone)
    QString at;
    QString action;
    QString explanation; // one sentence, translated

    static QString kindName(Kind kind); // stable, for --json: "changed", "missing_before", ...
    static QString kindText(Kind kind); // translated words for people
};

struct AuditChainReport
{
    qint64 entries = 0;
    // The last entry's hash when the chain is whole (up to the break otherwise): written down, or kept with a backup,
    // it pins the history up to that entry.
    QString headHash;
    std::optional<AuditChainBreak> firstBreak;
    qint64 notedHeadId = 0; // the entry whose hash is the noted head, when one was given and found
    bool ok() const { return !firstBreak.has_value(); }
};

// Walks audit_log in id order and recomputes every hash and link against audit_chain's anchor and head. A sound store
// costs one pass of SHA-256 over the log; only a broken one is read a second time, to say what kind of break it is.
// Runs in the caller's read transaction.
class AuditChainVerifier
{
public:
    explicit AuditChainVerifier(Database& db)
        : m_db(db)
    {
    }
    // notedHead: a head `check` printed before (the whole hash, or its first 16 hex digits or more), kept away from the
    // store; the chain must still hold it. Without it, a rewrite of the chain and its head together goes unseen.
    Result<AuditChainReport> verify(const QString& notedHead = {});

private:
    Result<QList<AuditRow>> allRows(); // id, time, action and links only
    AuditChainBreak classify(const AuditRow& failing, const std::optional<AuditRow>& before,
                             const std::optional<AuditChainHead>& head, const QList<AuditRow>& rows) const;
    static AuditChainBreak at(AuditChainBreak::Kind kind, const AuditRow& row, const QString& explanation);

    Database& m_db;
};

} // namespace lt
