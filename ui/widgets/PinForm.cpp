#include "ui/widgets/PinForm.h"

#include "ui/widgets/StatusLabel.h"

#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace lt::ui {

PinForm::PinForm(const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_staff(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_error(new StatusLabel(this))
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_title->setFont(big);
    m_staff->setObjectName(QStringLiteral("staffNumber"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_staff->setAccessibleName(tr("Staff number"));
    m_pin->setAccessibleName(tr("PIN"));
    m_staff->setValidator(new QIntValidator(1, 999999, m_staff));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), m_pin));
    auto* form = new QFormLayout(this);
    form->addRow(m_title);
    form->addRow(tr("Staff &number"), m_staff);
    form->addRow(tr("&PIN"), m_pin);
    form->addRow(m_error);
    connect(m_staff, &QLineEdit::returnPressed, m_pin, qOverload<>(&QWidget::setFocus));
    connect(m_pin, &QLineEdit::returnPressed, this, &PinForm::submitted);
}

qint64 PinForm::staffId() const
{
    return m_staff->text().toLongLong();
}

QString PinForm::pin() const
{
    return m_pin->text();
}

void PinForm::showError(const QString& message)
{
    m_error->setText(message);
    m_pin->clear();
    m_pin->setFocus();
}

void PinForm::reset()
{
    m_staff->clear();
    m_pin->clear();
    m_error->clear();
}

void PinForm::focusFirst()
{
    m_staff->setFocus();
}

} // namespace lt::ui
