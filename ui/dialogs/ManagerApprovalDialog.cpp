#include "ui/dialogs/ManagerApprovalDialog.h"

#include "ui/widgets/PinForm.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace lt::ui {

ManagerApprovalDialog::ManagerApprovalDialog(StaffDirectory& staff, const QString& action, const QString& subject,
                                             const QString& why, QWidget* parent)
    : QDialog(parent)
    , m_staff(staff)
    , m_action(action)
    , m_subject(subject)
    , m_form(new PinForm(why, this))
{
    setWindowTitle(tr("Manager approval"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Otherwise QDialog makes Cancel the default button, and the Enter after the staff number or a wrong PIN cancels.
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &PinForm::submitted, this, &ManagerApprovalDialog::submit);
    m_form->focusFirst();
}

void ManagerApprovalDialog::submit()
{
    auto manager = m_staff.approve(m_form->staffId(), m_form->pin(), m_action, m_subject);
    if (!manager) {
        m_form->showError(manager.error().message);
        return;
    }
    m_manager = *manager;
    accept();
}

} // namespace lt::ui
