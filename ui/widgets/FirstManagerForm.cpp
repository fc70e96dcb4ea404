#include "ui/widgets/FirstManagerForm.h"

#include "core/store/StaffDirectory.h"
#include "ui/widgets/StatusLabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace lt::ui {

FirstManagerForm::FirstManagerForm(StaffDirectory& staff, QWidget* parent)
    : QWidget(parent)
    , m_staff(staff)
    , m_name(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_error(new StatusLabel(this))
{
    m_name->setObjectName(QStringLiteral("managerName"));
    m_pin->setObjectName(QStringLiteral("managerPin"));
    m_repeat->setObjectName(QStringLiteral("managerPinRepeat"));
    m_name->setAccessibleName(tr("Manager's name"));
    m_pin->setAccessibleName(tr("PIN"));
    m_repeat->setAccessibleName(tr("PIN again"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    auto* title = new QLabel(tr("Welcome to LoyaltyTill. Create the store's first manager."), this);
    title->setWordWrap(true);
    auto* button = new QPushButton(tr("Create manager"), this);
    auto* form = new QFormLayout(this);
    form->addRow(title);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&PIN (4-8 digits)"), m_pin);
    form->addRow(tr("PIN &again"), m_repeat);
    form->addRow(m_error);
    form->addRow(button);
    connect(button, &QPushButton::clicked, this, &FirstManagerForm::submit);
    connect(m_repeat, &QLineEdit::returnPressed, this, &FirstManagerForm::submit);
}

void FirstManagerForm::focusFirst()
{
    m_name->setFocus();
}

void FirstManagerForm::submit()
{
    if (m_pin->text() != m_repeat->text()) {
        m_error->setText(tr("The two PINs differ."));
        m_repeat->clear();
        m_repeat->setFocus();
        return;
    }
    auto manager =
        m_staff.add(m_name->text(), StaffMember::Role::Manager, m_pin->text(), QStringLiteral("first-start"));
    if (!manager) {
        m_error->setText(manager.error().message);
        return;
    }
    m_error->setText(tr("Manager %1 created with staff number %2.").arg(manager->name).arg(manager->id));
    emit created(manager->id);
}

} // namespace lt::ui
