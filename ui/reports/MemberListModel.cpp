#include "ui/reports/MemberListModel.h"

#include "core/domain/Money.h"

#include <QLocale>

namespace lt::ui {

MemberListModel::MemberListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MemberListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void MemberListModel::append(const QList<DrillDownRow>& rows, const QString& currency)
{
    if (rows.isEmpty())
        return;
    m_currency = currency;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows << rows;
    endInsertRows();
}

int MemberListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const DrillDownRow& row = m_rows.at(index.row());
    if (role == MemberIdRole)
        return row.memberId;
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == Number || index.column() == Sales || index.column() == NetSales
            || index.column() == Balance;
        return QVariant::fromValue(
            Qt::Alignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Number:
        return QString::number(row.memberId);
    case Name:
        return row.displayName;
    case Card:
        return row.card;
    case Tier:
        return row.tier;
    case Sales:
        return locale.toString(row.sales);
    case NetSales:
        return Money(row.netSalesMinor, m_currency).toDisplayString();
    case LastSale:
        return row.lastSaleDay.isValid() ? locale.toString(row.lastSaleDay, QLocale::ShortFormat) : tr("never");
    case Balance:
        return locale.toString(row.balance);
    default:
        return {};
    }
}

QVariant MemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Member");
    case Name:
        return tr("Name");
    case Card:
        return tr("Card");
    case Tier:
        return tr("Tier");
    case Sales:
        return tr("Sales");
    case NetSales:
        return tr("Net sales");
    case LastSale:
        return tr("Last sale");
    case Balance:
        return tr("Points");
    default:
        return {};
    }
}

} // namespace lt::ui
