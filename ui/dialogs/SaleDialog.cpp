#include "ui/dialogs/SaleDialog.h"

#include "core/services/LoyaltyEngine.h"
#include "ui/widgets/LocalizedAmount.h"
#include "ui/widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

namespace lt::ui {

SaleDialog::SaleDialog(LoyaltyEngine& engine, Actor actor, qint64 memberId, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_memberId(memberId)
    , m_reference(new QLineEdit(this))
    , m_total(new QLineEdit(this))
    , m_lines(new QTableWidget(0, 4, this))
    , m_preview(new QLabel(this))
    , m_error(new StatusLabel(this))
{
    setWindowTitle(tr("Award points for a sale"));
    m_reference->setObjectName(QStringLiteral("reference"));
    m_total->setObjectName(QStringLiteral("total"));
    m_reference->setAccessibleName(tr("Receipt number"));
    m_total->setAccessibleName(tr("Sale total"));
    m_preview->setAccessibleName(tr("Points preview"));
    m_error->setWordWrap(true);
    auto* form = new QFormLayout(this);
    // The dialog follows its content, so an inline error that wraps to more lines is never cut off.
    form->setSizeConstraint(QLayout::SetFixedSize);
    form->addRow(tr("&Receipt number"), m_reference);
    form->addRow(tr("&Total (%1)").arg(engine.program().currency), m_total);
    m_lines->setObjectName(QStringLiteral("lines"));
    m_lines->setAccessibleName(tr("Item and category lines"));
    m_lines->setHorizontalHeaderLabels({tr("Item"), tr("Category"), tr("Quantity"), tr("Amount")});
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_lines->setVisible(false);
    auto* addLine = new QPushButton(tr("Add an item &line"), this);
    addLine->setAutoDefault(false);
    connect(addLine, &QPushButton::clicked, this, [this] {
        m_lines->setVisible(true);
        const int row = m_lines->rowCount();
        m_lines->insertRow(row);
        m_lines->setItem(row, 2, new QTableWidgetItem(QStringLiteral("1")));
        m_lines->setCurrentCell(row, 0);
        m_lines->setFocus();
    });
    connect(m_lines, &QTableWidget::cellChanged, this, &SaleDialog::updatePreview);
    form->addRow(addLine);
    form->addRow(m_lines);
    form->addRow(tr("Points"), m_preview);
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Award points"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SaleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SaleDialog::reject);
    connect(m_total, &QLineEdit::textChanged, this, &SaleDialog::updatePreview);
    connect(m_reference, &QLineEdit::textChanged, this, &SaleDialog::updatePreview);
    m_reference->setFocus();
}

QString SaleDialog::errorText() const
{
    return m_error->text();
}

void SaleDialog::updatePreview()
{
    auto amount = LocalizedAmount::parse(m_total->text(), m_engine.program().currency);
    if (!amount) {
        m_preview->setText(QStringLiteral("–"));
        return;
    }
    auto saleLines = lines();
    if (!saleLines) {
        m_preview->setText(saleLines.error().message);
        return;
    }
    auto earned = m_engine.accrual().preview(m_memberId, Sale {QStringLiteral("preview"), *amount, *saleLines});
    if (!earned) {
        m_preview->setText(QStringLiteral("–"));
        return;
    }
    const qint64 total = earned->total();
    QStringList parts {tr("+%1 %2").arg(total).arg(m_engine.program().pointsWord(total))};
    // Each addition named, as the member will read it on the receipt: "2x Tuesday afternoons: +40".
    for (const PointsLine& line : earned->extras)
        parts << tr("%1: +%2").arg(line.name).arg(line.points);
    m_preview->setText(parts.join(QStringLiteral("\n")));
}

void SaleDialog::accept()
{
    m_error->clear();
    auto amount = LocalizedAmount::parse(m_total->text(), m_engine.program().currency);
    if (!amount) {
        m_error->setText(amount.error().message);
        m_total->setFocus();
        m_total->selectAll();
        return;
    }
    auto saleLines = lines();
    if (!saleLines) {
        m_error->setText(saleLines.error().message);
        m_lines->setFocus();
        return;
    }
    auto change = m_engine.accrual().accrue(m_memberId, Sale {m_reference->text(), *amount, *saleLines}, m_actor);
    if (!change) {
        m_error->setText(change.error().message);
        (change.error().field == QLatin1String("sale") ? m_reference : m_total)->setFocus();
        return;
    }
    m_result = *change;
    QDialog::accept();
}

Result<QList<SaleLine>> SaleDialog::lines() const
{
    QList<SaleLine> result;
    const QString currency = m_engine.program().currency;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_lines->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (text(0).isEmpty() && text(1).isEmpty() && text(3).isEmpty())
            continue;
        bool ok = false;
        SaleLine line;
        line.itemVariationId = text(0);
        line.categoryId = text(1);
        line.quantity = text(2).toLongLong(&ok);
        if (!ok || line.quantity < 1)
            return Error::invalid(tr("Line %1: the quantity must be a whole number of 1 or more.").arg(row + 1),
                                  QStringLiteral("items"));
        auto amount = LocalizedAmount::parse(text(3), currency);
        if (!amount)
            return Error::invalid(tr("Line %1: %2").arg(row + 1).arg(amount.error().message), QStringLiteral("items"));
        line.amountMinor = amount->minorUnits();
        result << line;
    }
    return result;
}

} // namespace lt::ui
