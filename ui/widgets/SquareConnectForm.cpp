#include "ui/widgets/SquareConnectForm.h"

#include "sync/SquarePairing.h"
#include "sync/square/SquareEnvironment.h"
#include "ui/widgets/StatusLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace lt::ui {

SquareConnectForm::SquareConnectForm(Database& db, QNetworkAccessManager& network, CredentialStore& credentials,
                                     QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_network(network)
    , m_credentials(credentials)
    , m_environment(new QComboBox(this))
    , m_location(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_connect(new QPushButton(tr("&Connect"), this))
    , m_later(new QPushButton(tr("&Later"), this))
    , m_error(new StatusLabel(this))
{
    m_environment->setObjectName(QStringLiteral("squareEnvironment"));
    m_location->setObjectName(QStringLiteral("squareLocation"));
    m_token->setObjectName(QStringLiteral("squareToken"));
    m_later->setObjectName(QStringLiteral("squareLater"));
    // Return on the button with the focus presses it, as in a dialog.
    m_connect->setAutoDefault(true);
    m_later->setAutoDefault(true);
    // Production or the sandbox; IT may type a URL (a local test server).
    m_environment->setEditable(true);
    m_environment->addItem(QStringLiteral("production"));
    m_environment->addItem(QStringLiteral("sandbox"));
    m_environment->setAccessibleName(tr("Square environment"));
    m_location->setAccessibleName(tr("Square location ID"));
    m_token->setAccessibleName(tr("Square access token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    auto* title = new QLabel(tr("Connect the store to Square Loyalty. The access token is checked with Square, then "
                                "kept in this computer's keychain, never in a file."),
                             this);
    title->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_later);
    buttons->addStretch();
    auto* form = new QFormLayout(this);
    form->addRow(title);
    form->addRow(tr("&Environment"), m_environment);
    form->addRow(tr("L&ocation ID"), m_location);
    form->addRow(tr("Access &token"), m_token);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(m_connect, &QPushButton::clicked, this, &SquareConnectForm::submit);
    connect(m_token, &QLineEdit::returnPressed, this, &SquareConnectForm::submit);
    connect(m_later, &QPushButton::clicked, this, [this] {
        m_token->clear();
        emit skipped();
    });
}

void SquareConnectForm::focusFirst()
{
    m_location->setFocus();
}

void SquareConnectForm::submit()
{
    auto environment = SquareEnvironment::parse(m_environment->currentText().trimmed());
    if (!environment) {
        m_error->setText(environment.error().message);
        m_environment->setFocus();
        return;
    }
    // Square answers within seconds; the form waits, disabled, so that nothing is typed into a half-made pairing.
    m_error->setText(tr("Asking Square…"));
    setEnabled(false);
    SquarePairing pairing(m_db, m_credentials, m_network);
    auto paired = pairing.pairNow(*environment, m_location->text().trimmed(), m_token->text().trimmed());
    setEnabled(true);
    m_token->clear();
    if (!paired) {
        m_error->setText(paired.error().message);
        m_token->setFocus();
        return;
    }
    m_error->clear();
    emit connected(paired->locationId);
}

} // namespace lt::ui
