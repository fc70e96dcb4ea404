#include "ui/dialogs/PrintingSettingsDialog.h"

#include "core/services/StoreSettingChange.h"
#include "core/settings/SettingsSchema.h"
#include "core/store/StoreSettings.h"
#include "ui/TillPreferences.h"
#include "ui/widgets/StatusLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lt::ui {

PrintingSettingsDialog::PrintingSettingsDialog(Database& db, const Clock& clock, Actor manager, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_clock(clock)
    , m_manager(std::move(manager))
    , m_wallet(new QLabel(this))
    , m_generalError(new StatusLabel(this))
{
    setWindowTitle(tr("Printing and wallet"));
    setAccessibleName(tr("Printing and wallet settings"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    auto* storeHeading = new QLabel(tr("<b>Every till of the store</b>"), this);
    layout->addWidget(storeHeading);
    auto* storeForm = new QFormLayout;
    layout->addLayout(storeForm);
    addChoice(storeForm, QStringLiteral("slip.print"), tr("Loyalty &slips"),
              {{QStringLiteral("off"), tr("Not printed")},
               {QStringLiteral("automatic"), tr("After every sale, redemption and refund")},
               {QStringLiteral("on-key"), tr("When the cashier presses Ctrl+P")}},
              true);
    addText(storeForm, QStringLiteral("slip.footer"), tr("Slip &footer"), tr("such as the store's web site"), true);

    layout->addWidget(new QLabel(tr("<b>This till</b>"), this));
    auto* tillForm = new QFormLayout;
    layout->addLayout(tillForm);
    addText(tillForm, QStringLiteral("slip.printer"), tr("Slip &printer"),
            tr("tcp://192.168.1.50:9100, usb:/dev/usb/lp0, cups:QUEUE"), false);
    addChoice(tillForm, QStringLiteral("slip.paper_width"), tr("P&aper"),
              {{QStringLiteral("80"), tr("80 mm")}, {QStringLiteral("58"), tr("58 mm")}}, false);
    addChoice(tillForm, QStringLiteral("slip.code_page"), tr("&Code page"),
              {{QStringLiteral("pc858"), tr("PC858 (Western Europe with €)")},
               {QStringLiteral("pc850"), tr("PC850 (Western Europe)")},
               {QStringLiteral("pc437"), tr("PC437 (USA)")},
               {QStringLiteral("wpc1252"), tr("Windows-1252")},
               {QStringLiteral("image"), tr("None: print text as images")}},
              false);
    addText(tillForm, QStringLiteral("cards.printer"), tr("Ca&rd printer"), tr("empty: the system's default printer"),
            false);

    layout->addWidget(new QLabel(tr("<b>Wallet passes</b>"), this));
    m_wallet->setObjectName(QStringLiteral("walletStatus"));
    m_wallet->setWordWrap(true);
    m_wallet->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_wallet->setMinimumWidth(m_wallet->fontMetrics().averageCharWidth() * 60);
    layout->addWidget(m_wallet);

    m_generalError->setObjectName(QStringLiteral("error"));
    layout->addWidget(m_generalError);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    QPushButton* test = buttons->addButton(tr("Print a &test slip"), QDialogButtonBox::ActionRole);
    test->setObjectName(QStringLiteral("testSlip"));
    connect(test, &QPushButton::clicked, this, [this] {
        emit testSlipRequested(typed(QStringLiteral("slip.printer")), typed(QStringLiteral("slip.paper_width")).toInt(),
                               typed(QStringLiteral("slip.code_page")));
    });
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PrintingSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PrintingSettingsDialog::reject);
}

void PrintingSettingsDialog::addRow(QFormLayout* form, const QString& key, const QString& label, QWidget* field)
{
    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addWidget(field);
    auto* error = new StatusLabel(this);
    error->setWordWrap(true);
    error->setObjectName(key + QStringLiteral(".error"));
    column->addWidget(error);
    auto* name = new QLabel(label, this);
    name->setBuddy(field);
    form->addRow(name, column);
    field->setObjectName(key);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    m_fields.insert(key, field);
    m_errors.insert(key, error);
    // A setting IT fixed cannot be changed here: the manager sees where it was fixed.
    if (const std::optional<QString> place = TillPreferences().lockedAt(key)) {
        field->setEnabled(false);
        field->setToolTip(tr("Locked in %1").arg(*place));
        name->setText(tr("%1 (set by IT)").arg(label));
    }
}

void PrintingSettingsDialog::addChoice(QFormLayout* form, const QString& key, const QString& label,
                                       const QList<QPair<QString, QString>>& choices, bool store)
{
    m_store.insert(key, store);
    auto* box = new QComboBox(this);
    for (const auto& [value, text] : choices)
        box->addItem(text, value);
    addRow(form, key, label, box);
    box->setCurrentIndex(std::max(0, box->findData(saved(key))));
}

void PrintingSettingsDialog::addText(QFormLayout* form, const QString& key, const QString& label,
                                     const QString& placeholder, bool store)
{
    m_store.insert(key, store);
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 44);
    addRow(form, key, label, edit);
    edit->setText(saved(key));
}

QString PrintingSettingsDialog::saved(const QString& key) const
{
    return m_store.value(key) ? StoreSettings(m_db).value(key) : TillPreferences().value(key);
}

QString PrintingSettingsDialog::typed(const QString& key) const
{
    QWidget* field = m_fields.value(key);
    if (auto* box = qobject_cast<QComboBox*>(field))
        return box->currentData().toString();
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        return edit->text().trimmed();
    return {};
}

QString PrintingSettingsDialog::fieldError(const QString& key) const
{
    const QLabel* label = key.isEmpty() ? m_generalError : m_errors.value(key);
    return label ? label->text() : QString();
}

void PrintingSettingsDialog::setWalletStatus(const QString& text)
{
    m_wallet->setText(text);
}

void PrintingSettingsDialog::accept()
{
    m_generalError->clear();
    QStringList changed;
    bool refused = false;
    // Every change is checked before any is written: a refused one leaves all as they were.
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString& key = it.key();
        QLabel* error = m_errors.value(key);
        if (!it.value()->isEnabled())
            continue;
        error->clear();
        const QString value = typed(key);
        if (value == saved(key))
            continue;
        const SettingSpec* spec = SettingsSchema::find(key);
        if (auto checked = SettingsSchema::check(*spec, value); !checked) {
            error->setText(checked.error().message);
            refused = true;
            continue;
        }
        changed << key;
    }
    if (refused)
        return;
    for (const QString& key : std::as_const(changed)) {
        const Result<void> set = m_store.value(key) ? StoreSettingChange(m_db, m_clock).set(key, typed(key), m_manager)
                                                    : TillPreferences().set(key, typed(key));
        if (!set) {
            m_errors.value(key)->setText(set.error().message);
            return;
        }
    }
    QDialog::accept();
}

} // namespace lt::ui
