#pragma once

#include "core/services/MemberDrillDown.h"
#include "ui/reports/MemberListLoader.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace lt {
class Clock;
}

namespace lt::ui {

class MemberListModel;

// The members behind a figure of the Reports screen: how many there are, and a table of them (a page at a time,
// more as the manager scrolls down or presses "More"), sorted by the period's net sales or another order. Keyboard
// first: the table has the focus, Enter on a row chooses that member, Esc closes. Phones are shown masked only.
class MemberListDialog : public QDialog
{
    Q_OBJECT

public:
    MemberListDialog(const QString& databasePath, const Clock& clock, const DrillDownQuery& query,
                     QWidget* parent = nullptr);

    // Shows the list and waits; the member chosen with Enter, or 0 when the list was closed.
    static qint64 openList(const QString& databasePath, const Clock& clock, const DrillDownQuery& query,
                           QWidget* parent = nullptr);
    // The list behind a card of the Reports screen (its key, as ReportCards names it), if it has one: cards of
    // money and rates have no members behind them.
    static std::optional<DrillDownKind> kindForCard(const QString& cardKey);

    QTableView* table() const { return m_table; }
    QComboBox* orderBox() const { return m_order; }
    QPushButton* moreButton() const { return m_more; }
    QString totalText() const;
    QString status() const;
    bool isLoading() const { return m_loader.isLoading(); }
    qint64 chosenMember() const { return m_chosen; }

signals:
    void pageShown(); // a page of members was added to the table
    void memberChosen(qint64 memberId);

private:
    void reload();
    void showPage(const MemberListPage& page);
    void loadMoreNearTheEnd();
    void choose(const QModelIndex& index);

    DrillDownQuery m_query;
    MemberListLoader m_loader;
    MemberListModel* m_model;
    QTableView* m_table;
    QComboBox* m_order;
    QLabel* m_total;
    QLabel* m_status;
    QPushButton* m_more;
    qint64 m_chosen = 0;
};

} // namespace lt::ui
