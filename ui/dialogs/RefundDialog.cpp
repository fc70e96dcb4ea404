#include "ui/dialogs/RefundDialog.h"

#include "core/services/LoyaltyEngine.h"
#include "ui/widgets/LocalizedAmount.h"
#include "ui/widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace lt::ui {

RefundDialog::RefundDialog(LoyaltyEngine& engine, Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_reference(new QLineEdit(this))
    , m_amount(new QLineEdit(this))
    , m_error(new StatusLabel(this))
{
    setWindowTitle(tr("Refund a sale"));
    m_reference->setObjectName(QStringLiteral("reference"));
    m_amount->setObjectName(QStringLiteral("amount"));
    m_reference->setAccessibleName(tr("Receipt number"));
    m_amount->setAccessibleName(tr("Refunded amount"));
    m_amount->setPlaceholderText(tr("empty: the whole sale"));
    m_error->setWordWrap(true);
    auto* form = new QFormLayout(this);
    // The dialog follows its content, so an inline error that wraps to more lines is never cut off.
    form->setSizeConstraint(QLayout::SetFixedSize);
    form->addRow(tr("&Receipt number"), m_reference);
    form->addRow(tr("&Amount refunded"), m_amount);
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Refund"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RefundDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RefundDialog::reject);
    m_reference->setFocus();
}

QString RefundDialog::errorText() const
{
    return m_error->text();
}

void RefundDialog::accept()
{
    m_error->clear();
    RefundRequest request;
    request.saleReference = m_reference->text();
    if (!m_amount->text().trimmed().isEmpty()) {
        auto amount = LocalizedAmount::parse(m_amount->text(), m_engine.program().currency);
        if (!amount) {
            m_error->setText(amount.error().message);
            m_amount->setFocus();
            return;
        }
        request.amount = *amount;
    }
    auto change = m_engine.refunds().refund(request, m_actor);
    if (!change) {
        m_error->setText(change.error().message);
        return;
    }
    m_result = *change;
    QDialog::accept();
}

} // namespace lt::ui
