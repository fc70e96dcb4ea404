#include "ui/SaleDialog.h"

#include "core/LoyaltyEngine.h"
#include "ui/LocalizedAmount.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace lt::ui {

SaleDialog::SaleDialog(LoyaltyEngine& engine, qint64 memberId, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_memberId(memberId)
    , m_reference(new QLineEdit(this))
    , m_total(new QLineEdit(this))
    , m_preview(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Award points for a sale"));
    m_reference->setObjectName(QStringLiteral("reference"));
    m_total->setObjectName(QStringLiteral("total"));
    m_reference->setAccessibleName(tr("Receipt number"));
    m_total->setAccessibleName(tr("Sale total"));
    m_preview->setAccessibleName(tr("Points preview"));
    m_error->setStyleSheet(QStringLiteral("color:#a50e0e;font-weight:bold;"));
    m_error->setWordWrap(true);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Receipt number"), m_reference);
    form->addRow(tr("&Total (%1)").arg(engine.program().currency), m_total);
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
    auto points = m_engine.accrual().preview(Sale {QStringLiteral("preview"), *amount, {}});
    m_preview->setText(points ? tr("+%1 %2").arg(*points).arg(m_engine.program().pointsWord(*points))
                              : QStringLiteral("–"));
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
    auto change = m_engine.accrual().accrue(m_memberId, Sale {m_reference->text(), *amount, {}});
    if (!change) {
        m_error->setText(change.error().message);
        (change.error().field == QLatin1String("sale") ? m_reference : m_total)->setFocus();
        return;
    }
    m_result = *change;
    QDialog::accept();
}

} // namespace lt::ui
