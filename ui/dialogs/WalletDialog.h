#pragma once

#include "core/wallet/WalletReadiness.h"

#include <QDialog>

class QLabel;

namespace lt::ui {

class BarcodeView;

// The member's card for the phone: a QR code that opens the signed "save to Google Wallet" link, for the member
// to scan at the counter, and where the Apple Wallet pass goes. A wallet the store has not set up says why.
// Enter or Esc closes it.
class WalletDialog : public QDialog
{
    Q_OBJECT
public:
    // googleLink: empty when Google Wallet is not ready (its status says why).
    WalletDialog(const QString& member, const QString& googleLink, const QList<WalletStatus>& wallets,
                 QWidget* parent = nullptr);

    BarcodeView* qrCode() const { return m_qr; }
    QString googleLink() const { return m_link; }

private:
    BarcodeView* m_qr = nullptr;
    QString m_link;
};

} // namespace lt::ui
