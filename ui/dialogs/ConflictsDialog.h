#pragma once

#include "core/domain/Actor.h"
#include "core/store/SyncConflicts.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lt {
class LoyaltyEngine;
}

namespace lt::ui {

class MessageBanner;

// What sync could not settle with Square, for a manager: the open conflicts, both sides' facts of the one selected,
// and the actions that apply to it. Resolving goes through SyncConflicts with the manager's name.
class ConflictsDialog : public QDialog
{
    Q_OBJECT
public:
    // actor: who is signed in, written on the entries that accept Square's side; manager: who resolves.
    ConflictsDialog(LoyaltyEngine& engine, const Actor& actor, const QString& manager, QWidget* parent = nullptr);

    int resolvedCount() const { return m_resolved; }
    QTableWidget* table() const { return m_table; }
    MessageBanner* banner() const { return m_banner; }

signals:
    void resolved(qint64 memberId);

private:
    void reload(qint64 selectId = 0);
    void showSelected();
    void resolve(ConflictAction action);
    QString memberText(qint64 memberId) const;
    QString operationText(const SyncConflict& conflict) const;
    QString detailsHtml(const SyncConflict& conflict) const;
    const SyncConflict* selected() const;

    LoyaltyEngine& m_engine;
    SyncConflicts m_conflicts;
    QString m_manager;
    QList<SyncConflict> m_list;
    MessageBanner* m_banner;
    QTableWidget* m_table;
    QLabel* m_details;
    QLineEdit* m_note;
    QHash<int, QPushButton*> m_actions; // by ConflictAction
    int m_resolved = 0;
};

} // namespace lt::ui
