#include "ui/reports/MemberListDialog.h"

#include "ui/Appearance.h"
#include "ui/reports/MemberListModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace lt::ui {

namespace {
// The orders the manager can choose, in the box's order.
const DrillDownOrder Orders[] = {DrillDownOrder::NetSales, DrillDownOrder::Sales, DrillDownOrder::LastSale,
                                 DrillDownOrder::Balance, DrillDownOrder::MemberId};
} // namespace

MemberListDialog::MemberListDialog(const QString& databasePath, const Clock& clock, const DrillDownQuery& query,
                                   QWidget* parent)
    : QDialog(parent)
    , m_query(query)
    , m_loader(databasePath, clock)
    , m_model(new MemberListModel(this))
    , m_table(new QTableView(this))
    , m_order(new QComboBox(this))
    , m_total(new QLabel(this))
    , m_status(new QLabel(this))
    , m_more(new QPushButton(tr("&More members"), this))
{
    const QString what = MemberDrillDown::displayName(query);
    const QString period = tr("from %1 to %2")
                               .arg(QLocale().toString(query.from, QLocale::ShortFormat),
                                    QLocale().toString(query.to, QLocale::ShortFormat));
    setWindowTitle(tr("%1, %2").arg(what, period));
    auto* heading = new QLabel(tr("%1, %2").arg(what, period), this);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    heading->setFont(bold);
    heading->setWordWrap(true);
    QFont large = m_total->font();
    large.setPointSizeF(large.pointSizeF() * 1.3);
    m_total->setFont(large);

    m_order->addItems({tr("Net sales in the period"), tr("Sales in the period"), tr("Latest sale"),
                       tr("Points balance"), tr("Member number")});
    const auto chosenOrder = std::find(std::begin(Orders), std::end(Orders), query.order);
    m_order->setCurrentIndex(chosenOrder == std::end(Orders) ? 0 : int(chosenOrder - std::begin(Orders)));
    auto* orderLabel = new QLabel(tr("&Order by:"), this);
    orderLabel->setBuddy(m_order);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as everywhere else at the till
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(what);
    m_table->setAccessibleDescription(tr("Enter opens the member of the row; Esc closes the list."));

    // Enter belongs to the table: no button of the dialog takes it as the default.
    m_more->setAutoDefault(false);
    m_more->setEnabled(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QAbstractButton* button : buttons->buttons()) {
        if (auto* push = qobject_cast<QPushButton*>(button))
            push->setAutoDefault(false);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(m_total, 1);
    top->addWidget(orderLabel);
    top->addWidget(m_order);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    resize(960, 640);

    connect(&m_loader, &MemberListLoader::pageLoaded, this, &MemberListDialog::showPage);
    connect(&m_loader, &MemberListLoader::failed, this, [this](const QString& message) {
        m_status->setText(message);
        m_status->setStyleSheet(QStringLiteral("color: %1").arg(Appearance::errorColor(palette()).name()));
    });
    connect(m_order, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < int(std::size(Orders))) {
            m_query.order = Orders[index];
            reload();
        }
    });
    connect(m_more, &QPushButton::clicked, &m_loader, &MemberListLoader::loadMore);
    connect(m_table, &QAbstractItemView::activated, this, &MemberListDialog::choose);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &MemberListDialog::loadMoreNearTheEnd);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MemberListDialog::loadMoreNearTheEnd);
    reload();
    m_table->setFocus();
}

qint64 MemberListDialog::openList(const QString& databasePath, const Clock& clock, const DrillDownQuery& query,
                                  QWidget* parent)
{
    MemberListDialog dialog(databasePath, clock, query, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.chosenMember() : 0;
}

std::optional<DrillDownKind> MemberListDialog::kindForCard(const QString& cardKey)
{
    static const QHash<QString, DrillDownKind> kinds {
        {QStringLiteral("members_total"), DrillDownKind::Members},
        {QStringLiteral("members_new"), DrillDownKind::NewMembers},
        {QStringLiteral("members_active_90d"), DrillDownKind::Active90},
        {QStringLiteral("buyers"), DrillDownKind::Buyers},
        {QStringLiteral("sales_count"), DrillDownKind::Buyers},
        {QStringLiteral("net_sales"), DrillDownKind::Buyers},
        {QStringLiteral("repeat_purchase_rate"), DrillDownKind::RepeatBuyers},
        {QStringLiteral("points_redeemed"), DrillDownKind::Redeemers},
        {QStringLiteral("member_redemption_rate"), DrillDownKind::Redeemers},
    };
    const auto found = kinds.constFind(cardKey);
    return found == kinds.cend() ? std::nullopt : std::optional<DrillDownKind>(*found);
}

QString MemberListDialog::totalText() const
{
    return m_total->text();
}

QString MemberListDialog::status() const
{
    return m_status->text();
}

void MemberListDialog::reload()
{
    m_model->clear();
    m_more->setEnabled(false);
    m_total->clear();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading the members …"));
    m_loader.load(m_query);
}

void MemberListDialog::showPage(const MemberListPage& page)
{
    const bool first = m_model->rowCount() == 0;
    m_model->append(page.rows, page.currency);
    const qint64 total = page.ranking ? page.ranking->total() : 0;
    m_total->setText(tr("%Ln member(s)", nullptr, int(std::min<qint64>(total, std::numeric_limits<int>::max()))));
    m_more->setEnabled(m_loader.hasMore());
    m_status->setText(m_loader.hasMore() ? tr("Showing %1 of %2; scroll down or press More for the next ones.")
                                               .arg(QLocale().toString(m_loader.loaded()), QLocale().toString(total))
                                         : QString());
    if (first && m_model->rowCount() > 0) {
        m_table->resizeColumnsToContents();
        m_table->setCurrentIndex(m_model->index(0, MemberListModel::Name));
    }
    emit pageShown();
}

void MemberListDialog::loadMoreNearTheEnd()
{
    const QScrollBar* bar = m_table->verticalScrollBar();
    const bool atBottom = bar->maximum() > 0 && bar->value() == bar->maximum();
    const bool onLastRow = m_table->currentIndex().row() == m_model->rowCount() - 1;
    if ((atBottom || onLastRow) && m_loader.hasMore())
        m_loader.loadMore();
}

void MemberListDialog::choose(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    m_chosen = m_model->member(index.row()).memberId;
    emit memberChosen(m_chosen);
    accept();
}

} // namespace lt::ui
