#pragma once

#include <QWidget>

namespace lt::ui {

// The list of keys laid over the till (F1); any key or click puts it away. Not a modal box: the till stays
// visible behind it.
class HelpOverlay : public QWidget
{
    Q_OBJECT
public:
    explicit HelpOverlay(QWidget* parent);
    void showOver();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

signals:
    void closed();
};

} // namespace lt::ui
