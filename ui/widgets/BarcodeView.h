#pragma once

#include "ui/barcodes/BarcodeSymbol.h"

#include <QWidget>

#include <optional>

namespace lt::ui {

// A barcode on screen, for a phone's camera to read: dark modules on a white ground whatever the till's palette
// (readers need the contrast), scaled to whole device pixels per module so that no module is blurred.
class BarcodeView : public QWidget
{
    Q_OBJECT
public:
    explicit BarcodeView(QWidget* parent = nullptr);

    void setSymbol(const BarcodeSymbol& symbol);
    const std::optional<BarcodeSymbol>& symbol() const { return m_symbol; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<BarcodeSymbol> m_symbol;
};

} // namespace lt::ui
