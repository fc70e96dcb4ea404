#pragma once

#include "core/services/MemberDrillDown.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace lt::ui {

// The rows of a member list read so far, as a table: member number, name (or masked phone), card, tier, the
// period's sales and net sales, the latest sale day and the balance. Rows only grow, a page at a time.
class MemberListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Name, Card, Tier, Sales, NetSales, LastSale, Balance, ColumnCount };
    static constexpr int MemberIdRole = Qt::UserRole + 1;

    explicit MemberListModel(QObject* parent = nullptr);

    void clear();
    void append(const QList<DrillDownRow>& rows, const QString& currency);
    const DrillDownRow& member(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DrillDownRow> m_rows;
    QString m_currency;
};

} // namespace lt::ui
