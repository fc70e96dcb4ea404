#include "ui/dialogs/AdjustmentDialog.h"

#include "core/services/LoyaltyEngine.h"
#include "ui/widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace lt::ui {

AdjustmentDialog::AdjustmentDialog(LoyaltyEngine& engine, Actor actor, const Member& member, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_memberId(member.id)
    , m_pointsEdit(new QLineEdit(this))
    , m_reasonEdit(new QLineEdit(this))
    , m_pointsError(addErrorLabel(QStringLiteral("points")))
    , m_reasonError(addErrorLabel(QStringLiteral("reason")))
    , m_generalError(addErrorLabel(QString()))
{
    setWindowTitle(tr("Adjust points"));
    setAccessibleName(tr("Points adjustment"));
    const LoyaltyProgram& program = engine.program();
    auto* layout = new QVBoxLayout(this);
    // The dialog follows its content, so an inline error that wraps to more lines is never cut off.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->addWidget(new QLabel(tr("%1 has %2 %3.")
                                     .arg(member.name.isEmpty() ? tr("The member") : member.name)
                                     .arg(member.balance)
                                     .arg(program.pointsWord(member.balance)),
                                 this));

    m_pointsEdit->setObjectName(QStringLiteral("points"));
    m_pointsEdit->setAccessibleName(tr("Points to add or remove"));
    m_pointsEdit->setPlaceholderText(tr("50 adds, -20 removes"));
    // Only the shape of a signed whole number: which numbers are allowed is the adjustment service's to say.
    m_pointsEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[+-]?\\d{0,9}")), m_pointsEdit));
    m_reasonEdit->setObjectName(QStringLiteral("reason"));
    m_reasonEdit->setAccessibleName(tr("Reason"));
    m_reasonEdit->setPlaceholderText(tr("required, kept in the audit log"));
    m_reasonEdit->setMinimumWidth(m_reasonEdit->fontMetrics().averageCharWidth() * 36);

    auto* form = new QFormLayout;
    layout->addLayout(form);
    const auto addRow = [this, form](const QString& label, QLineEdit* edit, QLabel* error) {
        auto* column = new QVBoxLayout;
        column->setSpacing(0);
        column->addWidget(edit);
        column->addWidget(error);
        auto* name = new QLabel(label, this);
        name->setBuddy(edit);
        form->addRow(name, column);
    };
    addRow(tr("&Points"), m_pointsEdit, m_pointsError);
    addRow(tr("&Reason"), m_reasonEdit, m_reasonError);
    auto* note =
        new QLabel(tr("A manager's PIN approves the adjustment next; until then the balance stays as it is."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_generalError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Adjust"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AdjustmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AdjustmentDialog::reject);
    m_pointsEdit->setFocus();
}

QLabel* AdjustmentDialog::addErrorLabel(const QString& field)
{
    // The form's own error stands out; a field's error sits next to its field.
    auto* error = new StatusLabel(StatusLabel::Tone::Error,
                                  field.isEmpty() ? StatusLabel::Weight::Bold : StatusLabel::Weight::Normal, this);
    error->setObjectName(field.isEmpty() ? QStringLiteral("error") : field + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setVisible(false);
    return error;
}

QString AdjustmentDialog::fieldError(const QString& field) const
{
    const QLabel* label = field == QLatin1String("points") ? m_pointsError
        : field == QLatin1String("reason")                 ? m_reasonError
                                                           : m_generalError;
    return label->isVisible() ? label->text() : QString();
}

void AdjustmentDialog::clearErrors()
{
    for (QLabel* label : {m_pointsError, m_reasonError, m_generalError})
        label->setVisible(false);
    m_pointsEdit->setAccessibleDescription(QString());
    m_reasonEdit->setAccessibleDescription(QString());
}

void AdjustmentDialog::showError(const Error& error)
{
    QLineEdit* edit = error.field == QLatin1String("points") ? m_pointsEdit
        : error.field == QLatin1String("reason")             ? m_reasonEdit
                                                             : nullptr;
    QLabel* label = edit == m_pointsEdit ? m_pointsError : edit == m_reasonEdit ? m_reasonError : m_generalError;
    label->setText(error.message);
    label->setVisible(true);
    if (!edit)
        return;
    // Read out with the field it concerns.
    edit->setAccessibleDescription(error.message);
    edit->setFocus();
    edit->selectAll();
}

void AdjustmentDialog::accept()
{
    clearErrors();
    // An empty field or a lone sign is no points at all, which the adjustment service refuses in its own words.
    const qint64 points = m_pointsEdit->text().toLongLong();
    const QString reason = m_reasonEdit->text();
    auto requested = m_engine.adjustments().request(m_memberId, points, reason, m_actor);
    if (!requested) {
        showError(requested.error());
        return;
    }
    m_points = points;
    m_reason = reason;
    m_result = *requested;
    QDialog::accept();
}

} // namespace lt::ui
