#pragma once

#include "core/common/Result.h"
#include "core/domain/SyncKinds.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

class Clock;
class Database;

// A disagreement with Square that sync cannot settle alone, with both sides' facts.
struct SyncConflict
{
    qint64 id = 0;
    qint64 outboxId = 0; // 0 for a balance that disagrees without one operation to blame
    qint64 memberId = 0;
    ConflictKind kind = ConflictKind::Refused;
    QString code; // Square's error code, when Square answered with one
    QString message;
    std::optional<OutboxOperation> operation; // none for a balance that disagrees without one operation to blame
    qint64 points = 0; // its points
    QJsonObject localFacts;
    QJsonObject squareFacts;
    QDateTime createdAt;
    QDateTime resolvedAt; // invalid while open
    QString resolution;
    QString resolvedBy;
    QString resolutionNote;

    bool isOpen() const { return !resolvedAt.isValid(); }
};

// What a manager may do about a conflict.
enum class ConflictAction {
    Retry, // send the operation again as it is (after the phone was corrected, or when Square's balance allows)
    Force, // send a refused redemption as an adjustment that may take Square's balance below zero
    AcceptSquare, // Square is right: a local entry cancels the operation's effect, which Square never had
    Dismiss, // keep both sides as they are; the conflict leaves the list
};

// Owns the sync_conflicts table: the conflicts sync found, and their resolution. Every resolution is one
// transaction with its audit entry.
class SyncConflicts
{
public:
    struct NewConflict
    {
        qint64 outboxId = 0;
        qint64 memberId = 0;
        ConflictKind kind = ConflictKind::Refused;
        QString code;
        QString message;
        QJsonObject localFacts;
        QJsonObject squareFacts;
    };

    // actor: who entries that accept Square's side are written for; empty: the manager who resolves the conflict.
    // Sync records conflicts with the store and the clock alone.
    SyncConflicts(Database& db, const Clock& clock, QString actor = QString());

    // Runs inside the caller's transaction.
    Result<qint64> record(const NewConflict& conflict);
    Result<QList<SyncConflict>> list(bool includeResolved = false, int limit = 500) const;
    Result<SyncConflict> byId(qint64 id) const;
    Result<qint64> openCount() const;
    Result<qint64> openCountFor(qint64 memberId) const;
    // True when the member's balances disagreeing by `difference` is known already: an open balance_mismatch
    // conflict, or one a manager dismissed for the same difference.
    Result<bool> balanceMismatchKnown(qint64 memberId, qint64 difference) const;
    // The actions that make sense for this conflict.
    static QList<ConflictAction> actionsFor(const SyncConflict& conflict);
    Result<SyncConflict> resolve(qint64 id, ConflictAction action, const QString& manager, const QString& note);

    static QString actionName(ConflictAction action);
    static std::optional<ConflictAction> actionFromName(const QString& name);
    static QString describeKind(ConflictKind kind);
    static QString describeAction(ConflictAction action);

private:
    Result<void> settleConflict(qint64 id, ConflictAction action, const QString& manager, const QString& note);
    Result<QList<SyncConflict>> select(const QString& where, const QVariantList& values, int limit) const;

    Database& m_db;
    const Clock& m_clock;
    QString m_actor;
};

} // namespace lt
