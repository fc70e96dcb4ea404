#include "ui/dialogs/WalletDialog.h"

#include "ui/widgets/BarcodeView.h"
#include "ui/widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lt::ui {

WalletDialog::WalletDialog(const QString& member, const QString& googleLink, const QList<WalletStatus>& wallets,
                           QWidget* parent)
    : QDialog(parent)
    , m_link(googleLink)
{
    setWindowTitle(tr("Wallet pass"));
    setAccessibleName(tr("Wallet pass for the member"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    auto* heading = new QLabel(tr("<b>%1</b>: the card in the phone").arg(member.toHtmlEscaped()), this);
    layout->addWidget(heading);
    for (const WalletStatus& wallet : wallets) {
        if (wallet.wallet == WalletKind::Google && wallet.ready && !googleLink.isEmpty()) {
            auto symbol = BarcodeSymbol::qr(googleLink.toUtf8());
            if (symbol) {
                m_qr = new BarcodeView(this);
                m_qr->setObjectName(QStringLiteral("googleWalletQr"));
                m_qr->setAccessibleName(tr("QR code that adds the card to Google Wallet"));
                m_qr->setSymbol(*symbol);
                layout->addWidget(m_qr, 0, Qt::AlignHCenter);
                auto* how = new QLabel(tr("Google Wallet: the member scans this code with the phone's camera and "
                                          "taps Save."),
                                       this);
                how->setWordWrap(true);
                layout->addWidget(how);
                continue;
            }
            auto* failed = new StatusLabel(StatusLabel::Tone::Warning, StatusLabel::Weight::Normal, this);
            failed->setWordWrap(true);
            failed->setText(tr("Google Wallet: %1").arg(symbol.error().message));
            layout->addWidget(failed);
            continue;
        }
        QString text;
        if (wallet.wallet == WalletKind::Apple && wallet.ready)
            text = tr("Apple Wallet: the pass is ready to be sent to the member, or written by IT with "
                      "loyaltytill-admin wallet MEMBER --apple FILE.pkpass.");
        else if (!wallet.configured)
            text = tr("%1: not offered by this store.").arg(wallet.name);
        else
            text = tr("%1: %2").arg(wallet.name, wallet.reason);
        auto* line = new QLabel(text, this);
        line->setWordWrap(true);
        line->setMinimumWidth(line->fontMetrics().averageCharWidth() * 50);
        layout->addWidget(line);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace lt::ui
